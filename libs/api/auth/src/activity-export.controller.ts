import { once } from 'node:events';
import { Controller, Get, Logger, Req, Res } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { stringify } from 'csv-stringify/sync';
import { type Request, type Response } from 'express';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { DataSource, In } from 'typeorm';
import { ActivityFilter, AuditService } from '@corroborate/api-audit';
import {
  type Actor,
  BadInputError,
  ForbiddenError,
  Public,
  Role,
  sendRestError,
  UnauthenticatedError,
} from '@corroborate/api-core';
import { UserEntity } from '@corroborate/api-users';
import { AuthService } from './auth.service';

type AuthedRequest = Request & { actor?: Actor | null };

/** Events read per statement while the file is written. */
const BATCH = 500;

export const ACTIVITY_CSV_COLUMNS = [
  'id',
  'at',
  'actorId',
  'actorEmail',
  'actorName',
  'action',
  'entityType',
  'entityId',
  'changes',
  'reason',
] as const;

/** The query's values of `name`: repeated, or comma-separated. */
function listOf(value: unknown): string[] {
  const values = Array.isArray(value) ? value : value === undefined ? [] : [value];
  return values.flatMap((v) => (typeof v === 'string' ? v.split(',') : [])).filter(Boolean);
}

function one(query: Record<string, unknown>, name: string): string | null {
  const value = query[name];
  if (value === undefined || value === '') return null;
  if (typeof value !== 'string') throw new BadInputError(name, `${name} must be given once.`);
  return value;
}

function dateOf(query: Record<string, unknown>, name: 'from' | 'to'): Date | null {
  const value = one(query, name);
  if (value === null) return null;
  const date = new Date(value);
  if (Number.isNaN(date.getTime()))
    throw new BadInputError(name, `${name} must be a date and time (ISO 8601), not "${value}".`);
  return date;
}

/**
 * The activity log's filter from a download's query string — the same conditions as
 * `Query.activity`: `actions` (repeated or comma-separated), `actorId`, `entityType`, `from`, `to`,
 * checked by the same rules ({@link ActivityFilter}'s); the first problem names its parameter.
 */
export async function parseActivityQuery(query: Record<string, unknown>): Promise<ActivityFilter> {
  const actions = listOf(query['actions']);
  const filter = plainToInstance(ActivityFilter, {
    ...(actions.length > 0 ? { actions } : {}),
    actorId: one(query, 'actorId'),
    entityType: one(query, 'entityType'),
    from: dateOf(query, 'from'),
    to: dateOf(query, 'to'),
  });
  const [problem] = await validate(filter, { forbidUnknownValues: false });
  if (problem)
    throw new BadInputError(
      problem.property,
      Object.values(problem.constraints ?? {})[0] ?? `${problem.property} is not valid.`,
    );
  return filter;
}

/**
 * `GET /api/activity.csv[?actions=…&actorId=…&entityType=…&from=…&to=…]` (admins): the activity
 * log as CSV, newest first, every event the filter matches, streamed a batch at a time (events
 * recorded while it is written are left for the next download). Each download is itself audited.
 */
@Public()
@Controller('api')
export class ActivityExportController {
  private readonly logger = new Logger('Activity');

  constructor(
    private readonly auth: AuthService,
    private readonly audit: AuditService,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  @Get('activity.csv')
  async download(@Req() req: AuthedRequest, @Res() res: Response): Promise<void> {
    let actor: Actor;
    let filter: ActivityFilter;
    try {
      actor = await this.admin(req);
      filter = await parseActivityQuery(req.query as Record<string, unknown>);
    } catch (error) {
      this.fail(res, error);
      return;
    }
    const day = new Date().toISOString().slice(0, 10);
    res.status(200);
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    res.setHeader('Content-Disposition', `attachment; filename="activity-${day}.csv"`);
    res.setHeader('Cache-Control', 'no-store');
    try {
      await this.audit.record({
        actorId: actor.id,
        entityType: 'ActivityLog',
        entityId: actor.id,
        action: 'activity.downloaded',
        after: { filter: { ...filter, from: filter.from ?? null, to: filter.to ?? null } },
      });
      const people = new Map<string, UserEntity>();
      await this.write(res, stringify([[...ACTIVITY_CSV_COLUMNS]]));
      let after: string | null = null;
      do {
        const page = await this.audit.activity(filter, BATCH, after);
        const unknown = [
          ...new Set(page.edges.map((e) => e.node.actorId).filter((id) => id && !people.has(id))),
        ] as string[];
        if (unknown.length > 0)
          for (const user of await this.dataSource
            .getRepository(UserEntity)
            .findBy({ id: In(unknown) }))
            people.set(user.id, user);
        const rows = page.edges.map(({ node }) => {
          const who = node.actorId ? people.get(node.actorId) : undefined;
          return [
            node.id,
            node.at.toISOString(),
            node.actorId ?? '',
            who?.email ?? '',
            who?.displayName ?? '',
            node.action,
            node.entityType,
            node.entityId,
            JSON.stringify(
              Object.fromEntries(node.changes.map((c) => [c.field, [c.before, c.after]])),
            ),
            node.reason ?? '',
          ];
        });
        if (rows.length > 0) await this.write(res, stringify(rows));
        after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
      } while (after !== null && !res.destroyed);
      res.end();
    } catch (error) {
      // The file has begun: it cannot become an error answer, so it is cut off (an incomplete
      // download, never one that looks whole).
      this.logger.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
      res.destroy(error instanceof Error ? error : undefined);
    }
  }

  private async write(res: Response, chunk: string): Promise<void> {
    if (!res.write(chunk)) await Promise.race([once(res, 'drain'), once(res, 'close')]);
  }

  private async admin(req: AuthedRequest): Promise<Actor> {
    const actor = req.actor !== undefined ? req.actor : await this.auth.authenticate(req);
    req.actor = actor;
    if (!actor) throw new UnauthenticatedError();
    if (actor.role !== Role.ADMIN)
      throw new ForbiddenError(
        `Your role (${actor.role}) may not read the activity log; it needs ${Role.ADMIN}.`,
      );
    return actor;
  }

  private fail(res: Response, error: unknown): void {
    sendRestError(res, error, this.logger);
  }
}
