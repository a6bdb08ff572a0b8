import { createHmac, randomBytes } from 'node:crypto';
import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { parse as parseCookie } from 'cookie';
import { type Request, type Response } from 'express';
import { DataSource, LessThan, Not } from 'typeorm';
import { AuditService } from '@corroborate/api-audit';
import {
  type Actor,
  APP_CONFIG,
  type AppConfig,
  BadInputError,
  ForbiddenError,
  NotFoundError,
  UnauthenticatedError,
} from '@corroborate/api-core';
import {
  hashPassword,
  normaliseEmail,
  UserEntity,
  UsersService,
  verifyAgainstDummy,
  verifyPassword,
} from '@corroborate/api-users';
import { RowReader, selectRows } from '@corroborate/api-database';
import { LoginLimiter } from './login-limiter';
import { type SessionKind, SessionEntity } from './session.entity';

export const SESSION_COOKIE = 'corroborate_session';
const TOKEN_PREFIX = 'cor_';

function clientAddress(req: Request): string {
  return req.ip ?? req.socket.remoteAddress ?? 'unknown';
}

@Injectable()
export class AuthService implements OnApplicationShutdown {
  private readonly limiter: LoginLimiter;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly users: UsersService,
    private readonly audit: AuditService,
  ) {
    this.limiter = new LoginLimiter(
      config.login,
      config.redisUrl ? { redisUrl: config.redisUrl, keyPrefix: config.redisKeyPrefix } : undefined,
    );
  }

  async onApplicationShutdown(): Promise<void> {
    await this.limiter.close();
  }

  /** Checks the password, starts a session and sets the session cookie. */
  async signIn(req: Request, res: Response, email: string, password: string): Promise<UserEntity> {
    const address = clientAddress(req);
    const normalised = normaliseEmail(email);
    await this.limiter.assertAllowed(normalised, address);
    const user = await this.users.findByEmail(normalised);
    if (!user) {
      await verifyAgainstDummy(password);
      await this.failed(normalised, address, null, 'unknown email');
      throw new UnauthenticatedError('Email or password is incorrect.');
    }
    if (!(await verifyPassword(user.passwordHash, password))) {
      await this.failed(normalised, address, user, 'wrong password');
      throw new UnauthenticatedError('Email or password is incorrect.');
    }
    if (!user.active) {
      await this.failed(normalised, address, user, 'account deactivated');
      throw new ForbiddenError(
        'This account has been deactivated. Ask an administrator to reactivate it.',
      );
    }
    await this.limiter.recordSuccess(normalised, address);

    // Rotate: the session presented with this request (if any) ends; a fresh one starts.
    const previous = this.presentedToken(req);
    if (previous?.kind === 'SESSION') {
      await this.dataSource
        .getRepository(SessionEntity)
        .delete({ tokenHash: this.hash(previous.token) });
    }
    const ttlMs = this.config.sessionTtlHours * 3_600_000;
    const { token } = await this.issue(user.id, 'SESSION', null, new Date(Date.now() + ttlMs));
    res.cookie(SESSION_COOKIE, token, {
      httpOnly: true,
      sameSite: 'lax',
      secure: this.config.cookieSecure,
      path: '/',
      maxAge: ttlMs,
    });
    await this.users.recordSignIn(user.id);
    await this.audit.record({
      actorId: user.id,
      entityType: 'User',
      entityId: user.id,
      action: 'auth.signed_in',
      after: { address },
    });
    return user;
  }

  async signOut(actor: Actor, res: Response): Promise<void> {
    await this.dataSource.getRepository(SessionEntity).delete({ id: actor.sessionId });
    res.clearCookie(SESSION_COOKIE, { path: '/' });
    await this.audit.record({
      actorId: actor.id,
      entityType: 'User',
      entityId: actor.id,
      action: 'auth.signed_out',
    });
  }

  /**
   * The caller changes their own password. The current one must be given, and a wrong one counts
   * as a failed sign-in (so a borrowed session cannot be used to guess it); the new one must
   * differ. Their other browser sessions end at once; this one and their API tokens go on
   * ("sign out everywhere" ends those too). Audited, without either password.
   */
  async changePassword(
    req: Request,
    actor: Actor,
    currentPassword: string,
    newPassword: string,
  ): Promise<void> {
    const address = clientAddress(req);
    const user = await this.users.get(actor.id);
    const key = normaliseEmail(user.email);
    await this.limiter.assertAllowed(key, address);
    if (!(await verifyPassword(user.passwordHash, currentPassword))) {
      await this.failed(key, address, user, 'wrong current password, changing it');
      throw new BadInputError('currentPassword', 'The current password is not correct.');
    }
    if (newPassword === currentPassword)
      throw new BadInputError('newPassword', 'Choose a new password, not the current one again.');
    await this.limiter.recordSuccess(key, address);
    const passwordHash = await hashPassword(newPassword);
    await this.dataSource.transaction(async (manager) => {
      const changed = await this.users.get(actor.id, manager);
      changed.passwordHash = passwordHash;
      await manager.save(changed);
      const ended = await manager.delete(SessionEntity, {
        userId: actor.id,
        kind: 'SESSION',
        id: Not(actor.sessionId),
      });
      await this.audit.record(
        {
          actorId: actor.id,
          entityType: 'User',
          entityId: actor.id,
          action: 'auth.password_changed',
          after: { address, otherSessionsEnded: ended.affected ?? 0 },
        },
        manager,
      );
    });
  }

  /** Ends every session and API token of the caller. */
  async signOutEverywhere(actor: Actor, res: Response): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await manager.delete(SessionEntity, { userId: actor.id });
      await this.users.invalidateSessions(actor.id, manager);
      await this.audit.record(
        {
          actorId: actor.id,
          entityType: 'User',
          entityId: actor.id,
          action: 'auth.signed_out_everywhere',
        },
        manager,
      );
    });
    res.clearCookie(SESSION_COOKIE, { path: '/' });
  }

  private sessionSql: string | null = null;

  /**
   * The session with its user, in one statement (findOne with relations would take two) whose
   * SQL is built once: this runs for every request, and building it with a query builder each
   * time cost more than running it.
   */
  private async sessionByHash(hash: string): Promise<SessionEntity | null> {
    const sessions = RowReader.of(this.dataSource, SessionEntity);
    const users = RowReader.of(this.dataSource, UserEntity);
    const placeholder = this.dataSource.options.type === 'postgres' ? '$1' : '?';
    this.sessionSql ??= `SELECT ${sessions.selectList('s', 's_')}, ${users.selectList('u', 'u_')} FROM "${sessions.table}" "s" INNER JOIN "${users.table}" "u" ON "u"."id" = "s"."userId" WHERE "s"."tokenHash" = ${placeholder}`;
    const rows = await selectRows(this.dataSource, this.sessionSql, [hash]);
    if (rows.rows.length === 0) return null;
    const [session] = sessions.hydrateSet(rows, 's_');
    [session.user] = users.hydrateSet(rows, 'u_');
    return session;
  }

  /**
   * Resolves the caller from the session cookie or a bearer token. Returns null when there is
   * none or it no longer works (expired, revoked, user deactivated, password reset since).
   */
  async authenticate(req: Request): Promise<Actor | null> {
    const presented = this.presentedToken(req);
    if (!presented) return null;
    const session = await this.sessionByHash(this.hash(presented.token));
    if (!session) return null;
    const now = Date.now();
    const { user } = session;
    if (session.expiresAt && session.expiresAt.getTime() <= now) return null;
    if (!user.active) return null;
    if (
      user.sessionsValidAfter &&
      session.createdAt.getTime() < user.sessionsValidAfter.getTime()
    ) {
      return null;
    }
    if (
      session.kind === 'API_TOKEN' &&
      (!session.lastUsedAt || now - session.lastUsedAt.getTime() > 60_000)
    ) {
      await this.dataSource
        .getRepository(SessionEntity)
        .update({ id: session.id }, { lastUsedAt: new Date(now) });
    }
    return {
      id: user.id,
      email: user.email,
      displayName: user.displayName,
      role: user.role,
      sessionId: session.id,
    };
  }

  listApiTokens(actor: Actor): Promise<SessionEntity[]> {
    return this.dataSource.getRepository(SessionEntity).find({
      where: { userId: actor.id, kind: 'API_TOKEN' },
      order: { createdAt: 'DESC' },
    });
  }

  async createApiToken(
    actor: Actor,
    name: string,
    expiresInDays: number | null | undefined,
  ): Promise<{ token: string; apiToken: SessionEntity }> {
    const expiresAt = expiresInDays ? new Date(Date.now() + expiresInDays * 86_400_000) : null;
    const issued = await this.issue(actor.id, 'API_TOKEN', name.trim(), expiresAt);
    await this.audit.record({
      actorId: actor.id,
      entityType: 'ApiToken',
      entityId: issued.session.id,
      action: 'auth.api_token_created',
      after: { name: issued.session.name, expiresAt: expiresAt?.toISOString() ?? null },
    });
    return { token: issued.token, apiToken: issued.session };
  }

  async revokeApiToken(actor: Actor, id: string): Promise<void> {
    const repo = this.dataSource.getRepository(SessionEntity);
    const token = await repo.findOneBy({ id, userId: actor.id, kind: 'API_TOKEN' });
    if (!token) throw new NotFoundError('API token', id);
    await repo.delete({ id });
    await this.audit.record({
      actorId: actor.id,
      entityType: 'ApiToken',
      entityId: id,
      action: 'auth.api_token_revoked',
    });
  }

  /** Starts a session or token for a user directly (used by the CLI); returns the secret. */
  async issue(
    userId: string,
    kind: SessionKind,
    name: string | null,
    expiresAt: Date | null,
  ): Promise<{ token: string; session: SessionEntity }> {
    const token = TOKEN_PREFIX + randomBytes(32).toString('base64url');
    const repo = this.dataSource.getRepository(SessionEntity);
    const session = repo.create({
      tokenHash: this.hash(token),
      kind,
      name,
      userId,
      expiresAt,
      lastUsedAt: null,
    });
    await repo.save(session);
    return { token, session };
  }

  /** Removes expired sessions; cheap enough to run at start. */
  async purgeExpired(): Promise<void> {
    await this.dataSource.getRepository(SessionEntity).delete({ expiresAt: LessThan(new Date()) });
  }

  private presentedToken(req: Request): { token: string; kind: 'SESSION' | 'BEARER' } | null {
    const header = req.headers.authorization;
    if (header?.startsWith('Bearer ')) {
      const token = header.slice(7).trim();
      if (token) return { token, kind: 'BEARER' };
    }
    const cookieHeader = req.headers.cookie;
    if (cookieHeader) {
      const token = parseCookie(cookieHeader)[SESSION_COOKIE];
      if (token) return { token, kind: 'SESSION' };
    }
    return null;
  }

  private hash(token: string): string {
    return createHmac('sha256', this.config.sessionSecret).update(token).digest('hex');
  }

  private async failed(email: string, address: string, user: UserEntity | null, why: string) {
    const blocked = await this.limiter.recordFailure(email, address);
    const subject = {
      actorId: null,
      entityType: user ? 'User' : 'SignIn',
      entityId: user ? user.id : email.slice(0, 64),
    };
    await this.audit.record({
      ...subject,
      action: 'auth.sign_in_failed',
      after: { address, reason: why },
    });
    // Once per block, when it starts (refused attempts during it are not recorded one by one).
    if (blocked.length > 0)
      await this.audit.record({
        ...subject,
        action: 'auth.sign_in_blocked',
        after: { address, blocked, seconds: this.config.login.blockSeconds },
      });
  }
}
