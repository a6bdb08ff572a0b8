import { Controller, Get, Logger, Param, Post, Req, Res } from '@nestjs/common';
import { type Request, type Response } from 'express';
import { pipeline } from 'node:stream/promises';
import { isUUID } from 'class-validator';
import { AuthService } from '@corroborate/api-auth';
import {
  type Actor,
  ALL_ROLES,
  restErrorOf,
  BadInputError,
  ForbiddenError,
  Public,
  Role,
  UnauthenticatedError,
  assertNotCrossSite,
  multipartFile,
} from '@corroborate/api-core';
import { type CaptureEntity } from './capture.entity';
import { CaptureTooLargeError } from './capture-store';
import { CapturesService } from './captures.service';
import { UnsupportedMediaError } from './media';

type AuthedRequest = Request & { actor?: Actor | null };

const WRITERS: readonly Role[] = [Role.ADMIN, Role.EDITOR, Role.REVIEWER];

/** The JSON the REST endpoints answer with: the Capture fields of the GraphQL type. */
export function captureJson(capture: CaptureEntity, capturedBy: Actor | null) {
  return {
    __typename: 'Capture',
    id: capture.id,
    evidenceId: capture.evidenceId,
    version: capture.version,
    method: capture.method,
    url: capture.url,
    fileName: capture.fileName,
    mediaType: capture.mediaType,
    byteSize: capture.byteSize,
    sha256: capture.sha256,
    capturedAt: capture.capturedAt.toISOString(),
    capturedBy: capturedBy
      ? {
          __typename: 'User',
          id: capturedBy.id,
          email: capturedBy.email,
          displayName: capturedBy.displayName,
          role: capturedBy.role,
        }
      : null,
    hasText: capture.extractedText !== null,
    textPreview: capture.extractedText === null ? null : capture.extractedText.slice(0, 2000),
    downloadUrl: downloadUrlOf(capture.id),
  };
}

export function downloadUrlOf(captureId: string): string {
  return `/api/captures/${captureId}/content`;
}

/** `attachment; filename="…"; filename*=UTF-8''…` with a safe ASCII fallback. */
function contentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

const EXTENSIONS: Record<string, string> = {
  'text/html': 'html',
  'text/plain': 'txt',
  'application/pdf': 'pdf',
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'image/gif': 'gif',
  'image/webp': 'webp',
};

/**
 * Capture upload and download over REST (multipart does not belong in GraphQL). These routes
 * authenticate themselves (cookie or bearer, through AuthService) so that every refusal is
 * answered in the REST error format `{ error: { code, message, field } }`.
 */
@Public()
@Controller('api')
export class CapturesController {
  private readonly logger = new Logger('Captures');

  constructor(
    private readonly auth: AuthService,
    private readonly captures: CapturesService,
  ) {}

  @Post('evidence/:evidenceId/captures')
  async upload(
    @Req() req: AuthedRequest,
    @Res() res: Response,
    @Param('evidenceId') evidenceId: string,
  ): Promise<void> {
    try {
      const actor = await this.actorOf(req, WRITERS);
      assertNotCrossSite(req);
      if (!isUUID(evidenceId)) {
        throw new BadInputError('evidenceId', 'evidenceId must be an id (a UUID).');
      }
      await this.captures.assertCapturable(actor, evidenceId);
      const file = await multipartFile(req, this.captures.maxBytes);
      const capture = await this.captures.upload(actor, evidenceId, file);
      res.status(201).json({ capture: captureJson(capture, actor) });
    } catch (error) {
      this.fail(req, res, error);
    }
  }

  @Get('captures/:captureId/content')
  async content(
    @Req() req: AuthedRequest,
    @Res() res: Response,
    @Param('captureId') captureId: string,
  ): Promise<void> {
    try {
      await this.actorOf(req, ALL_ROLES);
      if (!isUUID(captureId)) {
        throw new BadInputError('captureId', 'captureId must be an id (a UUID).');
      }
      const capture = await this.captures.get(captureId);
      const stream = await this.captures.store.open(
        capture.storageKey,
        `Capture ${capture.id} (${capture.fileName ?? capture.mediaType}, SHA-256 ${capture.sha256.slice(0, 12)}…)`,
        { entity: 'Capture', id: capture.id },
      );
      const name =
        capture.fileName ??
        `capture-${capture.sha256.slice(0, 12)}.${EXTENSIONS[capture.mediaType] ?? 'bin'}`;
      res.status(200);
      res.setHeader('Content-Type', capture.mediaType);
      res.setHeader('Content-Length', String(capture.byteSize));
      res.setHeader('Content-Disposition', contentDisposition(name));
      res.setHeader('X-Content-Type-Options', 'nosniff');
      res.setHeader('Content-Security-Policy', "default-src 'none'; sandbox");
      res.setHeader('Cache-Control', 'private, max-age=31536000, immutable');
      res.setHeader(
        'Repr-Digest',
        `sha-256=:${Buffer.from(capture.sha256, 'hex').toString('base64')}:`,
      );
      await pipeline(stream, res);
    } catch (error) {
      if (res.headersSent) {
        this.logger.error(`Capture download failed midway: ${String(error)}`);
        res.destroy();
        return;
      }
      this.fail(req, res, error);
    }
  }

  private async actorOf(req: AuthedRequest, roles: readonly Role[]): Promise<Actor> {
    const actor = req.actor !== undefined ? req.actor : await this.auth.authenticate(req);
    req.actor = actor;
    if (!actor) throw new UnauthenticatedError();
    if (!roles.includes(actor.role)) {
      throw new ForbiddenError(
        `Your role (${actor.role}) may not do this; it needs ${roles.join(' or ')}.`,
      );
    }
    return actor;
  }

  private fail(req: Request, res: Response, error: unknown): void {
    let status: number;
    let body: { code: string; message: string; field?: string };
    const known = restErrorOf(error);
    if (known) {
      ({ status, body } = known);
    } else if (error instanceof CaptureTooLargeError) {
      status = 413;
      body = { code: 'PAYLOAD_TOO_LARGE', message: error.message, field: 'file' };
    } else if (error instanceof UnsupportedMediaError) {
      status = 415;
      body = { code: 'UNSUPPORTED_MEDIA_TYPE', message: error.message, field: 'file' };
    } else {
      this.logger.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
      status = 500;
      body = {
        code: 'INTERNAL_SERVER_ERROR',
        message:
          'Something went wrong on the server; nothing was stored. The error has been logged.',
      };
    }
    // The request body may be unread (a refused or oversized upload): do not keep the connection.
    if (!req.complete) {
      res.setHeader('Connection', 'close');
      req.unpipe();
      req.resume();
    }
    res.status(status).json({ error: body });
  }
}
