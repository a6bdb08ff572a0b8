import { Field, ID, InputType } from '@nestjs/graphql';
import { IsOptional, IsUUID, Matches } from 'class-validator';

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const dayRule = (field: string) => `${field} must be a day written YYYY-MM-DD (UTC).`;

@InputType({
  description:
    'Which claims and activity the dashboard covers. Days are UTC and inclusive; with no range, everything.',
})
export class DashboardFilter {
  @Field(() => ID, { nullable: true, description: 'One project; all projects when absent.' })
  @IsOptional()
  @IsUUID('all', { message: 'projectId must be an id (a UUID).' })
  projectId?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'First day (YYYY-MM-DD) of claims taken in, verified or assessed.',
  })
  @IsOptional()
  @Matches(DAY, { message: dayRule('from') })
  from?: string | null;

  @Field(() => String, { nullable: true, description: 'Last day (YYYY-MM-DD), inclusive.' })
  @IsOptional()
  @Matches(DAY, { message: dayRule('to') })
  to?: string | null;
}
