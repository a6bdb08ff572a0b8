import { Controller, Logger, Param, Post, Query, Req, Res } from '@nestjs/common';
import { type Request, type Response } from 'express';
import { isUUID } from 'class-validator';
import { AuthService } from '@corroborate/api-auth';
import {
  type Actor,
  restErrorOf,
  BadInputError,
  ForbiddenError,
  Public,
  Role,
  UnauthenticatedError,
  assertNotCrossSite,
  multipartFile,
} from '@corroborate/api-core';
import { formatOfFileName, IMPORT_FORMATS, type ImportFormat } from '@corroborate/domain';
import { ImportTooLargeError } from './import-reader';
import { type ImportFailure, type ImportOutcome, ImportsService } from './imports.service';
import { counted } from '@corroborate/domain';

type AuthedRequest = Request & { actor?: Actor | null };

const IMPORTERS: readonly Role[] = [Role.ADMIN, Role.EDITOR];

/** The error body of a file with invalid records (nothing imported). */
function problemsOf(outcome: ImportFailure) {
  return {
    code: 'BAD_USER_INPUT',
    field: 'file',
    message: `The file has ${counted(outcome.problemCount, 'problem')}; nothing was imported.`,
    format: outcome.format,
    rows: outcome.rows,
    problems: outcome.problems,
    problemCount: outcome.problemCount,
  };
}

/** Whether the caller asked for the stages of a valid import as NDJSON lines. */
function wantsStages(req: Request): boolean {
  const accept = req.headers.accept ?? '';
  return /(^|,)\s*application\/x-ndjson\s*(;|,|$)/i.test(accept);
}

/**
 * `POST /api/projects/:projectId/imports[?format=csv|ndjson|jsonld]`, multipart with one `file`
 * field (the format defaults to the file's extension). Streams the upload through validation;
 * answers 201 `{ import }`, 422 `{ error: { code: 'BAD_USER_INPUT', problems, problemCount } }`
 * when any record is invalid (nothing imported), 413 when the file is over IMPORT_MAX_BYTES.
 *
 * With `Accept: application/x-ndjson`, a valid file is answered 200 as soon as it has been read,
 * with one JSON line per stage as the import goes on — `{ "event": "checking", done, total }`
 * (duplicate checks), `{ "event": "waiting" }` (for another write to finish),
 * `{ "event": "writing", done, total }` (per batch), `{ "event": "committing", total }` — and a
 * last line `{ "event": "completed", "import": … }` or `{ "event": "failed", "error": … }`
 * (nothing imported). Everything refused before that (sign-in, role, project, format, size, an
 * invalid record) is answered exactly as without the header.
 */
@Public()
@Controller('api')
export class ImportsController {
  private readonly logger = new Logger('Imports');

  constructor(
    private readonly auth: AuthService,
    private readonly imports: ImportsService,
  ) {}

  @Post('projects/:projectId/imports')
  async upload(
    @Req() req: AuthedRequest,
    @Res() res: Response,
    @Param('projectId') projectId: string,
    @Query('format') formatParam: string | undefined,
  ): Promise<void> {
    try {
      const { actor, file, format } = await this.received(req, projectId, formatParam);
      const stages = wantsStages(req);
      const line = (value: unknown) => {
        if (!res.headersSent) {
          res.status(200);
          res.setHeader('Content-Type', 'application/x-ndjson; charset=utf-8');
          res.setHeader('Cache-Control', 'no-store');
          // Proxies such as nginx pass each line on at once instead of buffering the answer.
          res.setHeader('X-Accel-Buffering', 'no');
        }
        res.write(`${JSON.stringify(value)}\n`);
      };
      let streaming = false;
      try {
        const outcome = await this.imports.import(actor, {
          projectId,
          format,
          fileName: file.fileName,
          stream: file.stream,
          onStage: stages
            ? (stage) => {
                streaming = true;
                line(stage);
              }
            : undefined,
        });
        if (file.truncated()) throw new ImportTooLargeError(this.imports.maxBytes);
        if (streaming) {
          // A valid file: only a successful import or a failure can follow.
          line(
            outcome.ok
              ? { event: 'completed', import: outcome }
              : { event: 'failed', error: problemsOf(outcome) },
          );
          res.end();
          return;
        }
        this.answer(res, outcome);
      } catch (error) {
        if (!streaming) throw error;
        const { body } = this.failure(error);
        line({ event: 'failed', error: body });
        res.end();
      }
    } catch (error) {
      this.fail(req, res, error);
    }
  }

  /**
   * `POST /api/projects/:projectId/imports/preview[?format=…]`, multipart as for an import: the
   * file is read and validated exactly as an import reads it, and nothing is written. Answers 200
   * `{ preview: { format, bytes, rows, claims, evidence, firstRows } }` — the first records as
   * they would be imported, each with its likely duplicates among the project's claims — or,
   * when a record is invalid, the import's own 422 with every problem (and 413 when too large).
   */
  @Post('projects/:projectId/imports/preview')
  async preview(
    @Req() req: AuthedRequest,
    @Res() res: Response,
    @Param('projectId') projectId: string,
    @Query('format') formatParam: string | undefined,
  ): Promise<void> {
    try {
      const { file, format } = await this.received(req, projectId, formatParam);
      const outcome = await this.imports.preview({
        projectId,
        format,
        fileName: file.fileName,
        stream: file.stream,
      });
      if (file.truncated()) throw new ImportTooLargeError(this.imports.maxBytes);
      if (!outcome.ok) res.status(422).json({ error: problemsOf(outcome) });
      else res.status(200).json({ preview: outcome });
    } catch (error) {
      this.fail(req, res, error);
    }
  }

  /** The checks every upload passes (sign-in, role, origin, project, format) and its file. */
  private async received(
    req: AuthedRequest,
    projectId: string,
    formatParam: string | undefined,
  ): Promise<{
    actor: Actor;
    file: Awaited<ReturnType<typeof multipartFile>>;
    format: ImportFormat;
  }> {
    const actor = await this.actorOf(req);
    assertNotCrossSite(req);
    if (!isUUID(projectId))
      throw new BadInputError('projectId', 'projectId must be an id (a UUID).');
    if (formatParam !== undefined && !(IMPORT_FORMATS as readonly string[]).includes(formatParam))
      throw new BadInputError(
        'format',
        `format "${formatParam}" is not one of: ${IMPORT_FORMATS.join(', ')}.`,
      );
    await this.imports.assertProject(projectId);
    const file = await multipartFile(req, this.imports.maxBytes);
    const format = (formatParam as ImportFormat | undefined) ?? formatOfFileName(file.fileName);
    if (!format) {
      file.stream.resume();
      throw new BadInputError(
        'format',
        `Cannot tell the format from the file name "${file.fileName ?? ''}": name it .csv, .ndjson or .jsonld, or pass ?format=csv|ndjson|jsonld.`,
      );
    }
    return { actor, file, format };
  }

  /** The answer to an import that ran without stages. */
  private answer(res: Response, outcome: ImportOutcome): void {
    if (!outcome.ok) res.status(422).json({ error: problemsOf(outcome) });
    else res.status(201).json({ import: outcome });
  }

  private async actorOf(req: AuthedRequest): Promise<Actor> {
    const actor = req.actor !== undefined ? req.actor : await this.auth.authenticate(req);
    req.actor = actor;
    if (!actor) throw new UnauthenticatedError();
    if (!IMPORTERS.includes(actor.role)) {
      throw new ForbiddenError(
        `Your role (${actor.role}) may not import claims; it needs ${IMPORTERS.join(' or ')}.`,
      );
    }
    return actor;
  }

  /** The status and error body of a failed import (logged when unexpected). */
  private failure(error: unknown): {
    status: number;
    body: { code: string; message: string; field?: string };
  } {
    const known = restErrorOf(error);
    if (known) return known;
    if (error instanceof ImportTooLargeError)
      return {
        status: 413,
        body: { code: 'PAYLOAD_TOO_LARGE', message: error.message, field: 'file' },
      };
    this.logger.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    return {
      status: 500,
      body: {
        code: 'INTERNAL_SERVER_ERROR',
        message:
          'Something went wrong on the server; nothing was imported. The error has been logged.',
      },
    };
  }

  private fail(req: Request, res: Response, error: unknown): void {
    const { status, body } = this.failure(error);
    if (!req.complete) {
      res.setHeader('Connection', 'close');
      req.unpipe();
      req.resume();
    }
    res.status(status).json({ error: body });
  }
}
