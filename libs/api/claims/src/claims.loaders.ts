import { type AuditEventType } from '@corroborate/api-audit';
import { byKeys, type LoaderRegistry, type RequestLoader } from '@corroborate/api-core';
import { type ProjectEntity } from '@corroborate/api-projects';
import { type UserEntity } from '@corroborate/api-users';
import { type ClaimEntity } from './claim.entity';
import { type ClaimsService } from './claims.service';

/**
 * The per-request loaders of this lib. Keys are shared across libs: anyone resolving a User by
 * id (Evidence.addedBy, Capture.capturedBy, AuditEvent.actor) should use {@link userLoader} so one
 * request loads all users in one statement.
 */
export function userLoader(
  loaders: LoaderRegistry,
  service: ClaimsService,
): RequestLoader<string, UserEntity | null> {
  return loaders.get<string, UserEntity | null>('User.byId', async (ids) =>
    byKeys(ids, await service.usersByIds(ids), (u) => u.id),
  );
}

export function projectLoader(
  loaders: LoaderRegistry,
  service: ClaimsService,
): RequestLoader<string, ProjectEntity | null> {
  return loaders.get<string, ProjectEntity | null>('Project.byId', async (ids) =>
    byKeys(ids, await service.projectsByIds(ids), (p) => p.id),
  );
}

/** Claims by id (e.g. Evidence.claim). */
export function claimLoader(
  loaders: LoaderRegistry,
  service: ClaimsService,
): RequestLoader<string, ClaimEntity | null> {
  return loaders.get<string, ClaimEntity | null>('Claim.byId', async (ids) =>
    byKeys(ids, await service.getMany(ids), (c) => c.id),
  );
}

export function claimHistoryLoader(
  loaders: LoaderRegistry,
  service: ClaimsService,
): RequestLoader<string, AuditEventType[]> {
  return loaders.get<string, AuditEventType[]>('Claim.history', (ids) => service.histories(ids));
}
