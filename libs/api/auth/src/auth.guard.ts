import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { GqlExecutionContext } from '@nestjs/graphql';
import { type Request } from 'express';
import {
  type Actor,
  ForbiddenError,
  PUBLIC_KEY,
  type Role,
  ROLES_KEY,
  UnauthenticatedError,
} from '@corroborate/api-core';
import { AuthService } from './auth.service';

type GuardedRequest = Request & { actor?: Actor | null };

/**
 * Global guard. An operation marked @Public is open; every other operation needs a signed-in
 * caller whose role is listed in its @Roles. An operation with neither is refused: forgetting to
 * declare access closes the door rather than opening it.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly auth: AuthService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    const isPublic = this.reflector.getAllAndOverride<boolean | undefined>(PUBLIC_KEY, targets);
    const req = this.requestOf(context);
    if (req.actor === undefined) req.actor = await this.auth.authenticate(req);
    if (isPublic) return true;
    if (!req.actor) throw new UnauthenticatedError();
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets);
    if (!roles || !roles.includes(req.actor.role)) {
      throw new ForbiddenError(
        `Your role (${req.actor.role}) may not do this${roles?.length ? `; it needs ${roles.join(' or ')}` : ''}.`,
      );
    }
    return true;
  }

  private requestOf(context: ExecutionContext): GuardedRequest {
    if (context.getType<string>() === 'graphql') {
      return GqlExecutionContext.create(context).getContext<{ req: GuardedRequest }>().req;
    }
    return context.switchToHttp().getRequest<GuardedRequest>();
  }
}
