import { Controller, Get, Logger, Param, Post, Req, Res } from '@nestjs/common';
import { type Request, type Response } from 'express';
import { isUUID } from 'class-validator';
import { pipeline } from 'node:stream/promises';
import { AuthService } from '@corroborate/api-auth';
import {
  type Actor,
  knownError,
  BadInputError,
  ForbiddenError,
  Public,
  Role,
  sendRestError,
  UnauthenticatedError,
  assertNotCrossSite,
} from '@corroborate/api-core';
import {
  EXPORT_FORMATS,
  EXPORT_MEDIA_TYPES,
  exportFileName,
  isExportFormat,
} from '@corroborate/domain';
import { parseExportFilter } from './dto/export-filter.input';
import { ExportsService } from './exports.service';
import { ReleasesService } from './releases.service';

type AuthedRequest = Request & { actor?: Actor | null };

/**
 * Who may export: admins and editors (PRODUCT.md: editors export) and viewers, whose role is to
 * read everything verified — an export holds nothing else. Reviewers work the claims assigned to
 * them and do not publish or hand over sets.
 */
export const EXPORTERS: readonly Role[] = [Role.ADMIN, Role.EDITOR, Role.VIEWER];

export function exportUrls(id: string) {
  return {
    downloadUrl: `/api/exports/${id}/file`,
    manifestUrl: `/api/exports/${id}/manifest.json`,
  };
}

function contentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

function formatOf(value: unknown): (typeof EXPORT_FORMATS)[number] {
  if (!isExportFormat(value))
    throw new BadInputError(
      'format',
      `format must be one of ${EXPORT_FORMATS.join(', ')} (got ${JSON.stringify(value)}).`,
    );
  return value;
}

/**
 * Exports over REST (a file download is not GraphQL):
 * - `GET /api/exports/claims.{jsonld,csv,ndjson}?projectId=…&priorities=…` streams the file as
 *   it is read from the database; the same bytes are kept with a manifest, named by the
 *   `X-Export-Id` header and the `Link: <…/manifest.json>; rel="describedby"` header.
 * - `POST /api/exports` `{ format, filter }` runs an export and answers with progress as NDJSON
 *   lines (`started`, `progress`…, then `completed` with the manifest, or `failed`), for the web
 *   page; the file is then downloaded from `GET /api/exports/:id/file`.
 * - `GET /api/exports/:id/file` and `GET /api/exports/:id/manifest.json`.
 * - Releases: `GET /api/releases/:id/files/{jsonld,csv,ndjson}`, `…/manifest.json`, `…/delta.json`.
 */
@Public()
@Controller('api')
export class ExportsController {
  private readonly logger = new Logger('Exports');

  constructor(
    private readonly auth: AuthService,
    private readonly exports: ExportsService,
    private readonly releases: ReleasesService,
  ) {}

  @Get('releases/:id/files/:format')
  async releaseFile(
    @Req() req: AuthedRequest,
    @Res() res: Response,
    @Param('id') id: string,
    @Param('format') format: string,
  ): Promise<void> {
    try {
      await this.actorOf(req);
      assertId(id);
      const fmt = formatOf(format);
      const { file, stream } = await this.releases.open(id, fmt);
      res.status(200);
      res.setHeader('Content-Type', file.mediaType);
      res.setHeader('Content-Length', String(file.bytes));
      res.setHeader('Content-Disposition', contentDisposition(file.name));
      res.setHeader('X-Content-Type-Options', 'nosniff');
      res.setHeader('Cache-Control', 'private, max-age=31536000, immutable');
      res.setHeader(
        'Repr-Digest',
        `sha-256=:${Buffer.from(file.sha256, 'hex').toString('base64')}:`,
      );
      await pipeline(stream, res);
    } catch (error) {
      if (res.headersSent) {
        this.logger.error(`Release download failed midway: ${String(error)}`);
        res.destroy();
        return;
      }
      this.fail(res, error);
    }
  }

  @Get('releases/:id/:document.json')
  async releaseDocument(
    @Req() req: AuthedRequest,
    @Res() res: Response,
    @Param('id') id: string,
    @Param('document') document: string,
  ): Promise<void> {
    try {
      await this.actorOf(req);
      assertId(id);
      if (document !== 'manifest' && document !== 'delta')
        throw new BadInputError('document', 'A release has manifest.json and delta.json.');
      const json = await this.releases.readJson(id, document);
      const row = await this.releases.get(id);
      const slug = row.nameKey.replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'release';
      res.status(200);
      res.setHeader(
        'Content-Disposition',
        contentDisposition(`${slug}-${row.number}.${document}.json`),
      );
      res.setHeader('Cache-Control', 'private, max-age=31536000, immutable');
      res.json(json);
    } catch (error) {
      this.fail(res, error);
    }
  }

  @Get('exports/claims.:format')
  async stream(
    @Req() req: AuthedRequest,
    @Res() res: Response,
    @Param('format') format: string,
  ): Promise<void> {
    try {
      const actor = await this.actorOf(req);
      const fmt = formatOf(format);
      const filter = await parseExportFilter(queryOf(req));
      const id = this.exports.idFor();
      const urls = exportUrls(id);
      res.status(200);
      res.setHeader('Content-Type', EXPORT_MEDIA_TYPES[fmt]);
      const fileName = exportFileName(fmt, new Date().toISOString());
      res.setHeader('Content-Disposition', contentDisposition(fileName));
      res.setHeader('X-Export-Id', id);
      res.setHeader('Link', `<${urls.manifestUrl}>; rel="describedby"`);
      res.setHeader('Cache-Control', 'no-store');
      res.setHeader('X-Content-Type-Options', 'nosniff');
      await this.exports.create(actor, fmt, filter, { also: res, id, fileName });
      res.end();
    } catch (error) {
      if (res.headersSent) {
        this.logger.error(`Export failed midway: ${String(error)}`);
        res.destroy();
        return;
      }
      this.fail(res, error);
    }
  }

  @Post('exports')
  async run(@Req() req: AuthedRequest, @Res() res: Response): Promise<void> {
    try {
      const actor = await this.actorOf(req);
      assertNotCrossSite(req, {
        crossSite: (site) =>
          `Exports started from another site are refused (Sec-Fetch-Site: ${site}).`,
        missingHeader: 'Send the header X-Requested-With (protection against cross-site requests).',
      });
      const body = (req.body ?? {}) as Record<string, unknown>;
      if (typeof body !== 'object' || Array.isArray(body))
        throw new BadInputError('body', 'Send a JSON object { format, filter }.');
      const fmt = formatOf(body['format']);
      const rawFilter = body['filter'] ?? {};
      if (typeof rawFilter !== 'object' || rawFilter === null || Array.isArray(rawFilter))
        throw new BadInputError('filter', 'filter must be an object.');
      const filter = await parseExportFilter(rawFilter as Record<string, unknown>);
      const id = this.exports.idFor();
      res.status(200);
      res.setHeader('Content-Type', 'application/x-ndjson');
      res.setHeader('Cache-Control', 'no-store');
      res.setHeader('X-Export-Id', id);
      const line = (value: unknown) => res.write(`${JSON.stringify(value)}\n`);
      line({ event: 'started', exportId: id, format: fmt });
      let last = 0;
      try {
        const manifest = await this.exports.create(actor, fmt, filter, {
          id,
          onProgress: (p) => {
            const now = Date.now();
            if (now - last < 100 && p.scanned < p.total) return;
            last = now;
            line({ event: 'progress', ...p });
          },
        });
        line({ event: 'completed', manifest, ...exportUrls(id) });
      } catch (error) {
        this.logger.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
        const known = knownError(error);
        line({
          event: 'failed',
          error: known
            ? { code: known.code, message: known.message }
            : {
                code: 'INTERNAL_SERVER_ERROR',
                message:
                  'The export failed on the server; nothing was kept. The error has been logged.',
              },
        });
      }
      res.end();
    } catch (error) {
      this.fail(res, error);
    }
  }

  @Get('exports/:id/file')
  async file(
    @Req() req: AuthedRequest,
    @Res() res: Response,
    @Param('id') id: string,
  ): Promise<void> {
    try {
      await this.actorOf(req);
      assertId(id);
      const { row, stream } = await this.exports.open(id);
      res.status(200);
      res.setHeader('Content-Type', EXPORT_MEDIA_TYPES[row.format]);
      res.setHeader('Content-Length', String(row.byteSize));
      res.setHeader('Content-Disposition', contentDisposition(row.fileName));
      res.setHeader('X-Content-Type-Options', 'nosniff');
      res.setHeader('Cache-Control', 'private, max-age=31536000, immutable');
      res.setHeader(
        'Repr-Digest',
        `sha-256=:${Buffer.from(row.sha256, 'hex').toString('base64')}:`,
      );
      await pipeline(stream, res);
    } catch (error) {
      if (res.headersSent) {
        this.logger.error(`Export download failed midway: ${String(error)}`);
        res.destroy();
        return;
      }
      this.fail(res, error);
    }
  }

  @Get('exports/:id/manifest.json')
  async manifest(
    @Req() req: AuthedRequest,
    @Res() res: Response,
    @Param('id') id: string,
  ): Promise<void> {
    try {
      await this.actorOf(req);
      assertId(id);
      const manifest = await this.exports.manifest(id);
      const row = await this.exports.get(id);
      res.status(200);
      res.setHeader('Content-Disposition', contentDisposition(`${row.fileName}.manifest.json`));
      res.setHeader('Cache-Control', 'private, max-age=31536000, immutable');
      res.json(manifest);
    } catch (error) {
      this.fail(res, error);
    }
  }

  private async actorOf(req: AuthedRequest): Promise<Actor> {
    const actor = req.actor !== undefined ? req.actor : await this.auth.authenticate(req);
    req.actor = actor;
    if (!actor) throw new UnauthenticatedError();
    if (!EXPORTERS.includes(actor.role)) {
      throw new ForbiddenError(
        `Your role (${actor.role}) may not export; it needs ${EXPORTERS.join(' or ')}.`,
      );
    }
    return actor;
  }

  private fail(res: Response, error: unknown): void {
    sendRestError(res, error, this.logger);
  }
}

function assertId(id: string): void {
  if (!isUUID(id)) throw new BadInputError('id', 'The export id must be an id (a UUID).');
}

/** The query string as loose values: repeated parameters become arrays. */
function queryOf(req: Request): Record<string, unknown> {
  const url = new URL(req.originalUrl, 'http://localhost');
  const out: Record<string, unknown> = {};
  for (const key of new Set(url.searchParams.keys())) {
    const all = url.searchParams.getAll(key);
    out[key] = all.length > 1 ? all : all[0];
  }
  return out;
}
