import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsDate,
  IsEnum,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  validate,
} from 'class-validator';
import { plainToInstance } from 'class-transformer';
import { BadInputError } from '@corroborate/api-core';
import { Field, GraphQLISODateTime, ID, InputType } from '@nestjs/graphql';
import { MAX_TOPIC_LENGTH, Priority as PriorityEnum } from '@corroborate/api-claims';
import { PRIORITIES, type Priority } from '@corroborate/domain';

const dateRule = (field: string) =>
  `${field} must be a date or date-time, e.g. 2021-01-31 or 2021-01-31T12:00:00Z.`;
const priorityRule = `priorities must be among ${PRIORITIES.join(', ')}.`;
const topicRule = `Each topic must be between 1 and ${MAX_TOPIC_LENGTH} characters.`;

/**
 * Which VERIFIED claims an export holds: the queue's filters (project, priorities, topics, text,
 * created range) plus the range of the verification (adjudication) date. Only VERIFIED claims
 * are ever exported, so there is no status filter.
 */
@InputType({
  description:
    'Which VERIFIED claims: the queue filters (project, priorities, topics, text, created range) and the verification-date range.',
})
export class ExportFilter {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'projectId must be an id (a UUID).' })
  projectId?: string;

  @Field(() => [PriorityEnum], { nullable: true })
  @IsOptional()
  @IsArray({ message: priorityRule })
  @ArrayMaxSize(PRIORITIES.length, { message: priorityRule })
  @IsEnum(Object.fromEntries(PRIORITIES.map((p) => [p, p])), { each: true, message: priorityRule })
  priorities?: Priority[];

  @Field(() => [String], { nullable: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50, { message: 'topics must list at most 50 topics.' })
  @IsString({ each: true, message: topicRule })
  @MaxLength(MAX_TOPIC_LENGTH, { each: true, message: topicRule })
  topics?: string[];

  @Field(() => String, { nullable: true, description: 'Full-text search, as in the queue.' })
  @IsOptional()
  @IsString({ message: 'text must be text.' })
  @MaxLength(500, { message: 'text must be at most 500 characters.' })
  text?: string;

  @Field(() => GraphQLISODateTime, { nullable: true })
  @IsOptional()
  @Type(() => Date)
  @IsDate({ message: dateRule('createdFrom') })
  createdFrom?: Date;

  @Field(() => GraphQLISODateTime, { nullable: true })
  @IsOptional()
  @Type(() => Date)
  @IsDate({ message: dateRule('createdTo') })
  createdTo?: Date;

  @Field(() => GraphQLISODateTime, { nullable: true })
  @IsOptional()
  @Type(() => Date)
  @IsDate({ message: dateRule('verifiedFrom') })
  verifiedFrom?: Date;

  @Field(() => GraphQLISODateTime, { nullable: true })
  @IsOptional()
  @Type(() => Date)
  @IsDate({ message: dateRule('verifiedTo') })
  verifiedTo?: Date;
}

export const EXPORT_FILTER_FIELDS = [
  'projectId',
  'priorities',
  'topics',
  'text',
  'createdFrom',
  'createdTo',
  'verifiedFrom',
  'verifiedTo',
] as const;
type FilterField = (typeof EXPORT_FILTER_FIELDS)[number];
const LIST_FIELDS: readonly FilterField[] = ['priorities', 'topics'];

/**
 * Reads and validates a filter from loose values (URL query parameters, a JSON body, CLI
 * options): lists may be arrays or comma-separated strings (topics: repeat the parameter when a
 * topic has a comma), empty values count as absent, an unknown field is refused by name.
 * Throws BadInputError naming the first problem's field.
 */
export async function parseExportFilter(raw: Record<string, unknown>): Promise<ExportFilter> {
  const plain: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(raw)) {
    if (!(EXPORT_FILTER_FIELDS as readonly string[]).includes(key)) {
      throw new BadInputError(
        key,
        `Unknown filter "${key}"; the filters are ${EXPORT_FILTER_FIELDS.join(', ')}.`,
      );
    }
    if (value === undefined || value === null || value === '') continue;
    const field = key as FilterField;
    if (LIST_FIELDS.includes(field)) {
      // Repeated parameters are taken as they are; one string is split at commas.
      const repeated = Array.isArray(value);
      const list = (repeated ? value : [value]).flatMap((v: unknown) =>
        typeof v === 'string' && (!repeated || field === 'priorities') ? v.split(',') : [v],
      );
      const cleaned = list
        .map((v) => (typeof v === 'string' ? v.trim() : v))
        .filter((v) => v !== '');
      if (cleaned.length)
        plain[field] =
          field === 'priorities' ? cleaned.map((v) => String(v).toUpperCase()) : cleaned;
    } else if (Array.isArray(value)) {
      throw new BadInputError(field, `${field} must be given once.`);
    } else {
      plain[field] = typeof value === 'string' ? value.trim() : value;
    }
  }
  for (const field of ['createdFrom', 'createdTo', 'verifiedFrom', 'verifiedTo'] as const) {
    const value = plain[field];
    // A bare date means the whole day: "to" dates include it.
    if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) && field.endsWith('To'))
      plain[field] = `${value}T23:59:59.999Z`;
    else if (typeof value === 'string' && value !== '' && Number.isNaN(Date.parse(value)))
      throw new BadInputError(field, dateRule(field));
  }
  const filter = plainToInstance(ExportFilter, plain);
  const problems = await validate(filter, { forbidUnknownValues: false });
  if (problems.length) {
    const first = problems[0];
    throw new BadInputError(
      first.property,
      Object.values(first.constraints ?? {})[0] ?? `${first.property} is not valid.`,
    );
  }
  for (const [from, to] of [
    ['createdFrom', 'createdTo'],
    ['verifiedFrom', 'verifiedTo'],
  ] as const) {
    const a = filter[from];
    const b = filter[to];
    if (a && b && a > b) throw new BadInputError(from, `${from} must not be after ${to}.`);
  }
  return filter;
}

/** The filter as recorded in a manifest: only what was set, dates as ISO strings. */
export function describeFilter(filter: ExportFilter): Record<string, unknown> {
  const out: Record<string, unknown> = { status: 'VERIFIED' };
  for (const field of EXPORT_FILTER_FIELDS) {
    const value = filter[field];
    if (value === undefined || value === null) continue;
    out[field] = value instanceof Date ? value.toISOString() : value;
  }
  return out;
}
