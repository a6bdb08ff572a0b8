import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '@corroborate/api-audit';
import {
  type Actor,
  BadInputError,
  ConflictError,
  NotFoundError,
  Role,
} from '@corroborate/api-core';
import { hashPassword } from './passwords';
import { UserEntity } from './user.entity';

export interface NewUser {
  email: string;
  displayName: string;
  role: Role;
  password: string;
}

/** Fields of a user that are safe to put in the audit log. */
function auditView(user: UserEntity): Record<string, unknown> {
  return {
    email: user.email,
    displayName: user.displayName,
    role: user.role,
    active: user.active,
  };
}

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

@Injectable()
export class UsersService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  list(): Promise<UserEntity[]> {
    return this.dataSource.getRepository(UserEntity).find({ order: { email: 'ASC' } });
  }

  /** Active reviewers, for assignment pickers. */
  activeReviewers(): Promise<UserEntity[]> {
    return this.dataSource
      .getRepository(UserEntity)
      .find({ where: { role: Role.REVIEWER, active: true }, order: { displayName: 'ASC' } });
  }

  findByEmail(email: string): Promise<UserEntity | null> {
    return this.dataSource.getRepository(UserEntity).findOneBy({ email: normaliseEmail(email) });
  }

  async get(id: string, manager: EntityManager = this.dataSource.manager): Promise<UserEntity> {
    const user = await manager.findOneBy(UserEntity, { id });
    if (!user) throw new NotFoundError('User', id);
    return user;
  }

  count(): Promise<number> {
    return this.dataSource.getRepository(UserEntity).count();
  }

  /** Creates a user; `actor` is null when the CLI or the demo seed creates one. */
  async create(actor: Actor | null, input: NewUser): Promise<UserEntity> {
    const email = normaliseEmail(input.email);
    const displayName = input.displayName.trim();
    if (!displayName) throw new BadInputError('displayName', 'Display name must not be blank.');
    const passwordHash = await hashPassword(input.password);
    return this.dataSource.transaction(async (manager) => {
      if (await manager.existsBy(UserEntity, { email })) {
        throw new ConflictError(`A user with the email ${email} already exists.`, {
          field: 'email',
        });
      }
      const user = manager.create(UserEntity, {
        email,
        displayName,
        role: input.role,
        passwordHash,
        active: true,
        lastSignInAt: null,
        sessionsValidAfter: null,
      });
      await manager.save(user);
      await this.audit.record(
        {
          actorId: actor?.id ?? null,
          entityType: 'User',
          entityId: user.id,
          action: 'user.created',
          after: auditView(user),
        },
        manager,
      );
      return user;
    });
  }

  async updateRole(actor: Actor, userId: string, role: Role): Promise<UserEntity> {
    return this.dataSource.transaction(async (manager) => {
      const user = await this.get(userId, manager);
      if (user.role === role) return user;
      if (user.role === Role.ADMIN)
        await this.assertAnotherActiveAdmin(manager, user, 'change the role of');
      const before = auditView(user);
      user.role = role;
      await manager.save(user);
      await this.audit.record(
        {
          actorId: actor.id,
          entityType: 'User',
          entityId: user.id,
          action: 'user.role_changed',
          before,
          after: auditView(user),
        },
        manager,
      );
      return user;
    });
  }

  async setActive(actor: Actor, userId: string, active: boolean): Promise<UserEntity> {
    return this.dataSource.transaction(async (manager) => {
      const user = await this.get(userId, manager);
      if (user.active === active) return user;
      if (!active) {
        if (user.id === actor.id) {
          throw new BadInputError('userId', 'You cannot deactivate your own account.');
        }
        if (user.role === Role.ADMIN)
          await this.assertAnotherActiveAdmin(manager, user, 'deactivate');
        user.sessionsValidAfter = new Date();
      }
      const before = auditView(user);
      user.active = active;
      await manager.save(user);
      await this.audit.record(
        {
          actorId: actor.id,
          entityType: 'User',
          entityId: user.id,
          action: active ? 'user.reactivated' : 'user.deactivated',
          before,
          after: auditView(user),
        },
        manager,
      );
      return user;
    });
  }

  /** Sets a new password and ends every session and token the user had. */
  async resetPassword(
    actor: Actor | null,
    userId: string,
    newPassword: string,
  ): Promise<UserEntity> {
    const passwordHash = await hashPassword(newPassword);
    return this.dataSource.transaction(async (manager) => {
      const user = await this.get(userId, manager);
      user.passwordHash = passwordHash;
      user.sessionsValidAfter = new Date();
      await manager.save(user);
      await this.audit.record(
        {
          actorId: actor?.id ?? null,
          entityType: 'User',
          entityId: user.id,
          action: 'user.password_reset',
        },
        manager,
      );
      return user;
    });
  }

  /** Ends every session and token of a user (sign out everywhere). */
  async invalidateSessions(
    userId: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<void> {
    await manager.update(UserEntity, { id: userId }, { sessionsValidAfter: new Date() });
  }

  async recordSignIn(userId: string): Promise<void> {
    await this.dataSource
      .getRepository(UserEntity)
      .update({ id: userId }, { lastSignInAt: new Date() });
  }

  private async assertAnotherActiveAdmin(manager: EntityManager, user: UserEntity, what: string) {
    const admins = await manager.countBy(UserEntity, { role: Role.ADMIN, active: true });
    if (admins <= 1 && user.active) {
      throw new ConflictError(
        `You cannot ${what} the last active admin; make another user an admin first.`,
        { field: 'userId' },
      );
    }
  }
}
