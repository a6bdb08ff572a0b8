import { Args, Query, Resolver } from '@nestjs/graphql';
import { Role, Roles } from '@corroborate/api-core';
import { AuditService } from './audit.service';
import { ActivityArgs, AuditEventConnectionType } from './dto/activity.types';

@Resolver()
export class ActivityResolver {
  constructor(private readonly audit: AuditService) {}

  @Roles(Role.ADMIN)
  @Query(() => AuditEventConnectionType, {
    description:
      "Admins: the organisation's activity log, newest first — every audit event (sign-ins and failed sign-ins, API tokens, users, claims, evidence, reviews, exports), filtered by action, person, kind of record and time.",
  })
  activity(@Args() args: ActivityArgs): Promise<AuditEventConnectionType> {
    return this.audit.activity(args.filter ?? {}, args.first ?? 50, args.after ?? null);
  }
}
