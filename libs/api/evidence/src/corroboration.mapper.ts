import {
  type Credibility,
  type CorroborationEvidence,
  type CorroborationResult,
  type CorroborationSide,
  corroborate,
  type QuantityReport,
} from '@corroborate/domain';
import { type SourceEntity } from '@corroborate/api-sources';
import { type CorroborationSideType, type CorroborationType } from './dto/corroboration.type';
import { type EvidenceEntity } from './evidence.entity';

/** Open-ended quantities are `Infinity` in the domain and null in storage and GraphQL. */
export function quantityOf(item: EvidenceEntity): QuantityReport | null {
  if (item.quantityMin === null || item.quantityUnit === null) return null;
  return {
    min: item.quantityMin,
    max: item.quantityMax ?? Infinity,
    unit: item.quantityUnit,
    asOf: item.quantityAsOf ? item.quantityAsOf.toISOString() : null,
  };
}

const finiteOrNull = (n: number): number | null => (Number.isFinite(n) ? n : null);

/** The corroboration rules' view of a claim's evidence (all of it, retracted included). */
export function toCorroborationEvidence(
  evidence: readonly EvidenceEntity[],
  sources: ReadonlyMap<string, SourceEntity>,
): CorroborationEvidence[] {
  return evidence.map((item) => {
    const source = sources.get(item.sourceId);
    return {
      id: item.id,
      sourceId: item.sourceId,
      sourceName: source?.name ?? 'unknown source',
      reliability: source?.reliability ?? 'F',
      credibility: item.credibility as Credibility,
      stance: item.stance,
      derivedFromId: item.derivedFromId,
      retracted: item.retracted,
      quantity: quantityOf(item),
      label: item.title ?? item.url,
    };
  });
}

/** Runs the domain rules over a claim's evidence. */
export function corroborationOf(
  evidence: readonly EvidenceEntity[],
  sources: ReadonlyMap<string, SourceEntity>,
): CorroborationResult {
  return corroborate(toCorroborationEvidence(evidence, sources));
}

/**
 * Maps the domain result onto the GraphQL types. Chains, conflicts and their evidence are the
 * already-loaded entities (no further queries); Infinity becomes null.
 */
export function toCorroborationType(
  result: CorroborationResult,
  evidence: readonly EvidenceEntity[],
): CorroborationType {
  const byId = new Map(evidence.map((e) => [e.id, e]));
  const item = (id: string): EvidenceEntity => {
    const found = byId.get(id);
    // corroborate() only returns ids it was given.
    if (!found) throw new Error(`Corroboration referred to unknown evidence ${id}`);
    return found;
  };
  const side = (s: CorroborationSide): CorroborationSideType => ({
    stance: s.stance,
    chainCount: s.chainCount,
    rootSourceCount: s.rootSourceCount,
    bestGrade: s.bestGrade,
    explanation: s.explanation,
    chains: s.chains.map((c) => ({
      root: item(c.rootId),
      members: c.memberIds.map(item),
      bestGrade: c.bestGrade,
      circular: c.circular,
      externalOriginId: c.externalOriginId,
    })),
  });
  return {
    supporting: side(result.supporting),
    refuting: side(result.refuting),
    mixed: side(result.mixed),
    context: side(result.context),
    warnings: result.warnings.map((w) => ({
      code: w.code,
      message: w.message,
      evidenceIds: [...w.evidenceIds],
      stance: w.stance ?? null,
    })),
    collapsed: result.collapsed.map((c) => ({
      evidenceId: c.id,
      rootId: c.rootId,
      path: [...c.path],
    })),
    excludedEvidenceIds: result.excluded.map((e) => e.id),
    notes: [...result.notes],
    quantitySpreads: result.quantitySpreads.map((q) => ({
      unit: q.unit,
      min: q.min,
      max: finiteOrNull(q.max),
      evidenceIds: [...q.evidenceIds],
      explanation: q.explanation,
    })),
    quantityConflicts: result.quantityConflicts.map((q) => ({
      unit: q.unit,
      a: item(q.a.evidenceId),
      b: item(q.b.evidenceId),
      explanation: q.explanation,
    })),
  };
}
