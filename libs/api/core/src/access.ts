import { createParamDecorator, type ExecutionContext, SetMetadata } from '@nestjs/common';
import { GqlExecutionContext, registerEnumType } from '@nestjs/graphql';
import { type Request, type Response } from 'express';
import { type Role as DomainRole, ROLE_DESCRIPTIONS, ROLES } from '@corroborate/domain';
import { ForbiddenError } from './errors';
import { type LoaderRegistry } from './loaders';

/** The roles of libs/domain as an enum object, for GraphQL and class-validator. */
export const Role = Object.fromEntries(ROLES.map((role) => [role, role])) as {
  readonly [K in DomainRole]: K;
};
export type Role = DomainRole;
registerEnumType(Role, {
  name: 'Role',
  description:
    'What a user may do: ADMIN everything; EDITOR intake, triage, adjudicate; REVIEWER work assigned claims; VIEWER read.',
  valuesMap: Object.fromEntries(
    ROLES.map((role) => [role, { description: ROLE_DESCRIPTIONS[role] }]),
  ),
});

export const ALL_ROLES: readonly Role[] = ROLES;

/** The signed-in caller of a request. */
export interface Actor {
  id: string;
  email: string;
  displayName: string;
  role: Role;
  sessionId: string;
}

/** What every GraphQL resolver receives as context. */
export interface RequestContext {
  req: Request & { actor?: Actor | null };
  res: Response;
  /** Per-request DataLoaders for field resolvers that read the database. */
  loaders: LoaderRegistry;
}

export const PUBLIC_KEY = 'corroborate:public';
export const ROLES_KEY = 'corroborate:roles';

/** Marks an operation that anyone may call without signing in. Keep this list tiny. */
export const Public = () => SetMetadata(PUBLIC_KEY, true);

/** The roles allowed to call an operation. An operation with neither @Public nor @Roles is refused. */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES_KEY, roles);

/** Injects the signed-in {@link Actor} into a resolver argument. */
export const CurrentActor = createParamDecorator((_data: unknown, context: ExecutionContext) => {
  const ctx = GqlExecutionContext.create(context).getContext<RequestContext>();
  return ctx.req.actor;
});

/** Injects the GraphQL request context (request and response). */
export const GqlContext = createParamDecorator(
  (_data: unknown, context: ExecutionContext): RequestContext =>
    GqlExecutionContext.create(context).getContext<RequestContext>(),
);

/**
 * CSRF defence for cookie-authenticated REST writes (a cross-site form can post multipart without
 * any custom header). Browsers that send `Sec-Fetch-Site` must say `same-origin`; without that
 * header the request must carry `X-Requested-With`, which a page on another origin cannot add
 * without a CORS preflight this server never grants. Bearer-token callers are scripts, not
 * browsers, and are not asked.
 */
export function assertNotCrossSite(
  req: Request,
  messages: { crossSite: (site: string) => string; missingHeader: string } = {
    crossSite: (site) => `Uploads from another site are refused (Sec-Fetch-Site: ${site}).`,
    missingHeader:
      'Uploads must send the header X-Requested-With (protection against cross-site requests).',
  },
): void {
  if (req.headers.authorization?.startsWith('Bearer ')) return;
  const site = req.headers['sec-fetch-site'];
  if (site !== undefined) {
    if (site === 'same-origin') return;
    throw new ForbiddenError(messages.crossSite(String(site)));
  }
  if (!req.headers['x-requested-with']) throw new ForbiddenError(messages.missingHeader);
}
