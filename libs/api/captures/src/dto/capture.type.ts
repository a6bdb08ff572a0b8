import {
  Field,
  GraphQLISODateTime,
  ID,
  InputType,
  Int,
  ObjectType,
  registerEnumType,
} from '@nestjs/graphql';
import { IsOptional, IsUUID } from 'class-validator';
import { IsHttpUrl, Trim } from '@corroborate/api-core';

export const CaptureMethod = { UPLOAD: 'UPLOAD', URL_FETCH: 'URL_FETCH' } as const;
export type CaptureMethod = (typeof CaptureMethod)[keyof typeof CaptureMethod];
registerEnumType(CaptureMethod, {
  name: 'CaptureMethod',
  description: 'How a capture was made.',
  valuesMap: {
    UPLOAD: { description: 'A file uploaded by a person.' },
    URL_FETCH: { description: 'Fetched server-side from a URL.' },
  },
});

/** A preserved copy behind an evidence item (Berkeley Protocol). Immutable. */
@ObjectType('Capture')
export class CaptureType {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  evidenceId: string;

  @Field(() => Int, {
    description:
      '1 for the first capture of an evidence item, then 2, 3… (a capture never changes; a recapture is a new version).',
  })
  version: number;

  @Field(() => CaptureMethod)
  method: CaptureMethod;

  @Field(() => String, {
    nullable: true,
    description: 'The URL fetched (URL_FETCH) or null for uploads.',
  })
  url: string | null;

  @Field(() => String, { nullable: true })
  fileName: string | null;

  @Field()
  mediaType: string;

  @Field(() => Int)
  byteSize: number;

  @Field({ description: 'SHA-256 of the stored bytes, in hex.' })
  sha256: string;

  @Field(() => GraphQLISODateTime, { description: 'When the capture was made (UTC).' })
  capturedAt: Date;
}

@InputType()
export class CaptureUrlInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'evidenceId must be an id (a UUID).' })
  evidenceId: string;

  @Field(() => String, { nullable: true, description: 'Defaults to the evidence URL.' })
  @Trim()
  @IsOptional()
  @IsHttpUrl()
  url?: string | null;
}
