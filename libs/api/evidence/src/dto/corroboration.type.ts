import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { Stance } from './evidence.enums';
import { EvidenceType } from './evidence.type';

@ObjectType('CorroborationChain', {
  description: 'Evidence items that collapse into one independent chain (derived-from → root).',
})
export class CorroborationChainType {
  @Field(() => EvidenceType)
  root: EvidenceType;

  @Field(() => [EvidenceType], { description: 'Every item of the chain, root first.' })
  members: EvidenceType[];

  @Field({ description: 'Best grade among the members counted for this side, e.g. "B2".' })
  bestGrade: string;

  @Field()
  circular: boolean;

  @Field(() => ID, {
    nullable: true,
    description: 'Set when the root itself derives from an item not attached to this claim.',
  })
  externalOriginId: string | null;
}

@ObjectType('CorroborationSide')
export class CorroborationSideType {
  @Field(() => Stance)
  stance: Stance;

  @Field(() => Int, {
    description: 'Number of independent chains (derived-from chains collapse to their root).',
  })
  chainCount: number;

  @Field(() => Int)
  rootSourceCount: number;

  @Field(() => String, { nullable: true })
  bestGrade: string | null;

  @Field(() => [CorroborationChainType])
  chains: CorroborationChainType[];

  @Field()
  explanation: string;
}

@ObjectType('CorroborationWarning')
export class CorroborationWarningType {
  @Field({
    description:
      'SINGLE_SOURCE, ONLY_DERIVED, SHARED_MISSING_ORIGIN, CIRCULAR_DERIVATION, CONTRADICTION, DERIVED_FROM_RETRACTED, QUANTITY_CONFLICT or INVALID_QUANTITY.',
  })
  code: string;

  @Field()
  message: string;

  @Field(() => [ID])
  evidenceIds: string[];

  @Field(() => Stance, { nullable: true })
  stance: Stance | null;
}

@ObjectType('QuantitySpread')
export class QuantitySpreadType {
  @Field()
  unit: string;

  @Field(() => Float)
  min: number;

  @Field(() => Float, { nullable: true, description: 'Null when a report is open-ended.' })
  max: number | null;

  @Field(() => [ID])
  evidenceIds: string[];

  @Field()
  explanation: string;
}

@ObjectType('QuantityConflict')
export class QuantityConflictType {
  @Field()
  unit: string;

  @Field(() => EvidenceType)
  a: EvidenceType;

  @Field(() => EvidenceType)
  b: EvidenceType;

  @Field()
  explanation: string;
}

@ObjectType('CollapsedEvidence')
export class CollapsedEvidenceType {
  @Field(() => ID)
  evidenceId: string;

  @Field(() => ID)
  rootId: string;

  @Field(() => [ID], { description: 'From the item up to its root, both included.' })
  path: string[];
}

@ObjectType('Corroboration', {
  description: "Computed from the claim's evidence, never typed in; every figure is explained.",
})
export class CorroborationType {
  @Field(() => CorroborationSideType)
  supporting: CorroborationSideType;

  @Field(() => CorroborationSideType)
  refuting: CorroborationSideType;

  @Field(() => CorroborationSideType)
  mixed: CorroborationSideType;

  @Field(() => CorroborationSideType)
  context: CorroborationSideType;

  @Field(() => [CorroborationWarningType])
  warnings: CorroborationWarningType[];

  @Field(() => [CollapsedEvidenceType])
  collapsed: CollapsedEvidenceType[];

  @Field(() => [ID])
  excludedEvidenceIds: string[];

  @Field(() => [String])
  notes: string[];

  @Field(() => [QuantitySpreadType])
  quantitySpreads: QuantitySpreadType[];

  @Field(() => [QuantityConflictType])
  quantityConflicts: QuantityConflictType[];
}
