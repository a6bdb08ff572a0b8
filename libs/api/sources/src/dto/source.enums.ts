import { registerEnumType } from '@nestjs/graphql';
import {
  RELIABILITY_GRADES,
  type Reliability as DomainReliability,
  SOURCE_KINDS,
  type SourceKind as DomainSourceKind,
} from '@corroborate/domain';

/** libs/domain's source kinds as an enum object, for GraphQL and class-validator. */
export const SourceKind = Object.fromEntries(SOURCE_KINDS.map((k) => [k, k])) as {
  readonly [K in DomainSourceKind]: K;
};
export type SourceKind = DomainSourceKind;
registerEnumType(SourceKind, { name: 'SourceKind' });

/** Admiralty source reliability A (completely reliable) … F (cannot be judged). */
export const Reliability = Object.fromEntries(RELIABILITY_GRADES.map((r) => [r, r])) as {
  readonly [K in DomainReliability]: K;
};
export type Reliability = DomainReliability;
registerEnumType(Reliability, {
  name: 'Reliability',
  description:
    'Admiralty source reliability: A completely reliable … E unreliable, F cannot be judged.',
});
