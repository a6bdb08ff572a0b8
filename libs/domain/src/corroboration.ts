/**
 * Corroboration: a computed, explained summary of one claim's evidence (product spec,
 * "Corroboration"). Pure function of the evidence list; nothing here is typed in by users.
 *
 * Rules, precisely:
 *
 * - Retracted items are excluded from every count, grade and quantity, and listed in `excluded`.
 *   They still take part in the derivation graph: a re-report of a retracted story is still
 *   not independent, so it collapses to the (retracted) root and a DERIVED_FROM_RETRACTED
 *   warning is raised.
 * - Derivation chains: each item follows `derivedFromId` up to its ROOT, the item at the top
 *   of the chain (the one that derives from nothing in this list). All items sharing a root
 *   form one independent chain.
 *   - An item whose `derivedFromId` names an item not in the list is treated as its own root;
 *     a note says so and the chain records `externalOriginId`.
 *   - A cycle (A derived from B derived from A, or an item derived from itself) is detected,
 *     reported once as CIRCULAR_DERIVATION, and the whole cycle (and anything derived from it)
 *     forms one chain whose root is the cycle member that comes first in the input.
 * - A chain counts for a side (SUPPORTS / REFUTES / MIXED / CONTEXT) when at least one of its
 *   non-retracted members has that stance; only those members are "counted" for that side and
 *   only their grades compete for the side's best grade. Only SUPPORTS and REFUTES take a side
 *   for the warnings below; MIXED and CONTEXT chains are summarised but warn about nothing.
 * - Best grade: the best Admiralty grade among the counted members (see compareGrades:
 *   reliability first, then credibility).
 *
 * Warnings:
 * - SINGLE_SOURCE: there is side-taking evidence (SUPPORTS or REFUTES), and all of it traces back
 *   to a single origin: either one independent chain, or several chains whose roots share one
 *   sourceId (two UN statements are not two independent sources).
 * - ONLY_DERIVED (per side): the side has evidence but none of its chains has a first-hand root
 *   in the set: every root is itself derived from an item not attached to the claim, or the
 *   chain is circular. "Everybody is re-reporting something we have not seen."
 * - SHARED_MISSING_ORIGIN (per side): two or more chains on one side have roots derived from
 *   the same missing item, so they are probably one chain; attach the original.
 * - CIRCULAR_DERIVATION: one per cycle, members in derivation order.
 * - CONTRADICTION: a SUPPORTS item and a REFUTES item are both strong (reliability A–B and
 *   credibility 1–2).
 * - DERIVED_FROM_RETRACTED: a counted item derives (directly or indirectly) from a retracted one.
 * - QUANTITY_CONFLICT: two items from different sources report ranges, in the same unit, that do
 *   not overlap. Quantity ranges are closed: touching endpoints overlap ("at least 30" and
 *   "exactly 30" agree). Pairs from the same source are skipped (a source revising its own
 *   figure is not a conflict between sources); different `asOf` dates are mentioned in the
 *   message because counts legitimately change over time.
 * - INVALID_QUANTITY: a quantity with min > max, a NaN, an infinite minimum, or an empty unit;
 *   it is left out of the spread.
 */
import {
  type AdmiraltyGrade,
  type Credibility,
  type Reliability,
  compareGrades,
  formatGrade,
  isStrongGrade,
} from './admiralty.scale';
import { EVIDENCE_STANCES, type EvidenceStance, type QuantityReport } from './evidence.model';

/** One evidence item as the corroboration rules see it. */
export interface CorroborationEvidence {
  readonly id: string;
  readonly sourceId: string;
  readonly sourceName: string;
  readonly reliability: Reliability;
  readonly credibility: Credibility;
  readonly stance: EvidenceStance;
  readonly derivedFromId?: string | null;
  readonly retracted?: boolean;
  readonly quantity?: QuantityReport | null;
  /** How explanations name this item (e.g. its title); defaults to its id. */
  readonly label?: string | null;
}

export type CorroborationWarningCode =
  | 'SINGLE_SOURCE'
  | 'ONLY_DERIVED'
  | 'SHARED_MISSING_ORIGIN'
  | 'CIRCULAR_DERIVATION'
  | 'CONTRADICTION'
  | 'DERIVED_FROM_RETRACTED'
  | 'QUANTITY_CONFLICT'
  | 'INVALID_QUANTITY';

export interface CorroborationWarning {
  readonly code: CorroborationWarningCode;
  readonly message: string;
  /** The evidence items the warning is about. */
  readonly evidenceIds: readonly string[];
  /** The side it concerns, for per-side warnings. */
  readonly stance?: EvidenceStance;
}

/** One independent chain as seen from one side. */
export interface CorroborationChain {
  /** The item at the top of the chain. */
  readonly rootId: string;
  readonly rootSourceId: string;
  readonly rootSourceName: string;
  readonly rootRetracted: boolean;
  /** Every item collapsed into this root (root first, then input order), retracted included. */
  readonly memberIds: readonly string[];
  /** The non-retracted members whose stance is this side's stance. */
  readonly countedIds: readonly string[];
  /** Best grade among the counted members, e.g. "B2". */
  readonly bestGrade: string;
  readonly bestGradeEvidenceId: string;
  /** Set when the root itself derives from an item that is not in the list. */
  readonly externalOriginId: string | null;
  /** Set when the chain contains a derivation cycle. */
  readonly circular: boolean;
}

export interface CorroborationSide {
  readonly stance: EvidenceStance;
  /** Number of independent chains on this side. */
  readonly chainCount: number;
  /** Number of distinct sources at the roots of those chains. */
  readonly rootSourceCount: number;
  readonly bestGrade: string | null;
  readonly bestGradeEvidenceId: string | null;
  readonly chains: readonly CorroborationChain[];
  /** One sentence saying how the figures above were reached. */
  readonly explanation: string;
}

export interface ExcludedEvidence {
  readonly id: string;
  readonly reason: 'RETRACTED';
  readonly explanation: string;
}

/** How one derived item collapsed into its root. */
export interface CollapsedEvidence {
  readonly id: string;
  readonly rootId: string;
  /** The derivation path from the item up to its root, both included. */
  readonly path: readonly string[];
}

export interface QuantitySpread {
  readonly unit: string;
  readonly min: number;
  readonly max: number;
  readonly evidenceIds: readonly string[];
  readonly explanation: string;
}

export interface QuantityConflict {
  readonly unit: string;
  readonly a: QuantityConflictSide;
  readonly b: QuantityConflictSide;
  readonly explanation: string;
}

export interface QuantityConflictSide {
  readonly evidenceId: string;
  readonly sourceId: string;
  readonly sourceName: string;
  readonly min: number;
  readonly max: number;
  readonly asOf: string | null;
}

export interface CorroborationResult {
  readonly supporting: CorroborationSide;
  readonly refuting: CorroborationSide;
  readonly mixed: CorroborationSide;
  readonly context: CorroborationSide;
  readonly warnings: readonly CorroborationWarning[];
  readonly excluded: readonly ExcludedEvidence[];
  readonly collapsed: readonly CollapsedEvidence[];
  /** Each cycle found, members in derivation order (each derives from the next, the last from the first). */
  readonly cycles: readonly (readonly string[])[];
  /** Remarks that are not warnings, e.g. derivations pointing outside the list. */
  readonly notes: readonly string[];
  /** Spread per unit; empty when no item carries a quantity. */
  readonly quantitySpreads: readonly QuantitySpread[];
  readonly quantityConflicts: readonly QuantityConflict[];
}

/** Thrown for input the rules cannot interpret (duplicate ids). */
export class CorroborationInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CorroborationInputError';
  }
}

const SIDE_WORDS: Readonly<Record<EvidenceStance, string>> = {
  SUPPORTS: 'supporting',
  REFUTES: 'refuting',
  MIXED: 'mixed',
  CONTEXT: 'context',
};

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

function formatNumber(n: number): string {
  if (n === Infinity) return '∞';
  if (n === -Infinity) return '-∞';
  return n.toLocaleString('en-US');
}

function formatRange(min: number, max: number): string {
  if (min === max) return formatNumber(min);
  if (max === Infinity) return `at least ${formatNumber(min)}`;
  return `${formatNumber(min)}–${formatNumber(max)}`;
}

function gradeOf(item: CorroborationEvidence): AdmiraltyGrade {
  return { reliability: item.reliability, credibility: item.credibility };
}

interface Resolution {
  readonly rootOf: ReadonlyMap<string, string>;
  readonly cycles: string[][];
  readonly cycleMembers: ReadonlySet<string>;
  readonly externalOrigin: ReadonlyMap<string, string>;
}

/**
 * Resolves every item to its root, iteratively and with cycle detection: a walk stops when it
 * reaches an item already resolved, an item with no (known) parent, or an item already on the
 * current path (a cycle). Each item is walked at most once, so this is O(n).
 */
function resolveRoots(
  items: readonly CorroborationEvidence[],
  byId: ReadonlyMap<string, CorroborationEvidence>,
  order: ReadonlyMap<string, number>,
): Resolution {
  const rootOf = new Map<string, string>();
  const cycles: string[][] = [];
  const cycleMembers = new Set<string>();
  const externalOrigin = new Map<string, string>();

  for (const start of items) {
    const path: string[] = [];
    const onPath = new Map<string, number>();
    let current: string = start.id;
    let root: string | undefined;
    for (;;) {
      const resolved = rootOf.get(current);
      if (resolved !== undefined) {
        root = resolved;
        break;
      }
      const seenAt = onPath.get(current);
      if (seenAt !== undefined) {
        // Cycle: path[seenAt..] each derives from the next, the last from path[seenAt].
        const cycle = path.slice(seenAt);
        cycles.push(cycle);
        for (const id of cycle) cycleMembers.add(id);
        root = cycle.reduce((a, b) => ((order.get(a) ?? 0) <= (order.get(b) ?? 0) ? a : b));
        break;
      }
      onPath.set(current, path.length);
      path.push(current);
      const parentId = byId.get(current)?.derivedFromId;
      if (parentId === undefined || parentId === null || parentId === '') {
        root = current;
        break;
      }
      if (!byId.has(parentId)) {
        externalOrigin.set(current, parentId);
        root = current;
        break;
      }
      current = parentId;
    }
    for (const id of path) rootOf.set(id, root);
  }
  return { rootOf, cycles, cycleMembers, externalOrigin };
}

/** Derivation path from `id` up to `root`, both included (bounded, so cycles cannot loop). */
function pathToRoot(
  id: string,
  root: string,
  byId: ReadonlyMap<string, CorroborationEvidence>,
): string[] {
  const path = [id];
  let current = id;
  while (current !== root && path.length <= byId.size) {
    const parent = byId.get(current)?.derivedFromId;
    if (parent === undefined || parent === null || !byId.has(parent)) break;
    path.push(parent);
    current = parent;
  }
  return path;
}

function validQuantity(q: QuantityReport): boolean {
  return (
    !Number.isNaN(q.min) &&
    !Number.isNaN(q.max) &&
    Number.isFinite(q.min) &&
    q.min <= q.max &&
    q.unit.trim() !== ''
  );
}

function normaliseUnit(unit: string): string {
  return unit.trim().toLowerCase().replace(/\s+/g, ' ');
}

/** Summarises the evidence of one claim. See the module comment for the exact rules. */
export function corroborate(evidence: readonly CorroborationEvidence[]): CorroborationResult {
  const byId = new Map<string, CorroborationEvidence>();
  const order = new Map<string, number>();
  evidence.forEach((item, index) => {
    if (byId.has(item.id)) {
      throw new CorroborationInputError(`Evidence id "${item.id}" appears more than once`);
    }
    byId.set(item.id, item);
    order.set(item.id, index);
  });

  const { rootOf, cycles, cycleMembers, externalOrigin } = resolveRoots(evidence, byId, order);
  const warnings: CorroborationWarning[] = [];
  const notes: string[] = [];
  const label = (id: string): string => {
    const item = byId.get(id);
    return `${item?.label ? `"${item.label}"` : id} (${item?.sourceName ?? 'unknown'})`;
  };
  /** An item by its title alone (its source said already), its id only when it has none. */
  const titled = (id: string): string => {
    const item = byId.get(id);
    return item?.label ? `"${item.label}"` : id;
  };
  /** "a", "a and b", "a, b and c". */
  const listed = (parts: readonly string[]): string =>
    parts.length <= 1
      ? (parts[0] ?? '')
      : `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;

  const excluded: ExcludedEvidence[] = evidence
    .filter((item) => item.retracted === true)
    .map((item) => ({
      id: item.id,
      reason: 'RETRACTED' as const,
      explanation: `${label(item.id)} is retracted and does not count.`,
    }));
  const active = evidence.filter((item) => item.retracted !== true);

  for (const [id, missing] of externalOrigin) {
    notes.push(
      `${label(id)} is derived from ${missing}, which is not among this claim's evidence; ` +
        `${id} is treated as the root of its own chain.`,
    );
  }

  for (const cycle of cycles) {
    const shown = [...cycle, cycle[0]].join(' → ');
    warnings.push({
      code: 'CIRCULAR_DERIVATION',
      message:
        `Circular derivation: ${shown} (each is recorded as derived from the next). ` +
        `The cycle is counted as one chain rooted at ${rootOf.get(cycle[0])}.`,
      evidenceIds: cycle,
    });
  }

  // Members of each root, root first then input order.
  const members = new Map<string, string[]>();
  for (const item of evidence) {
    const root = rootOf.get(item.id) ?? item.id;
    const list = members.get(root) ?? [];
    list.push(item.id);
    members.set(root, list);
  }
  for (const [root, list] of members) {
    list.sort((a, b) =>
      a === root ? -1 : b === root ? 1 : (order.get(a) ?? 0) - (order.get(b) ?? 0),
    );
  }

  const collapsed: CollapsedEvidence[] = evidence
    .filter((item) => rootOf.get(item.id) !== item.id)
    .map((item) => {
      const rootId = rootOf.get(item.id) ?? item.id;
      return { id: item.id, rootId, path: pathToRoot(item.id, rootId, byId) };
    });

  // Re-reports of retracted items.
  for (const item of active) {
    const path = pathToRoot(item.id, rootOf.get(item.id) ?? item.id, byId).slice(1);
    const retractedAncestor = path.find((id) => byId.get(id)?.retracted === true);
    if (retractedAncestor !== undefined) {
      warnings.push({
        code: 'DERIVED_FROM_RETRACTED',
        message: `${label(item.id)} derives from ${label(retractedAncestor)}, which is retracted.`,
        evidenceIds: [item.id, retractedAncestor],
      });
    }
  }

  const gradeOfId = (id: string): AdmiraltyGrade => {
    const item = byId.get(id);
    // Every chain's best item comes from byId, so the fallback is never used in practice.
    return item === undefined ? { reliability: 'F', credibility: 6 } : gradeOf(item);
  };

  const buildSide = (stance: EvidenceStance): CorroborationSide => {
    const chains: CorroborationChain[] = [];
    for (const [rootId, memberIds] of members) {
      const counted = memberIds.filter((id) => {
        const item = byId.get(id);
        return item !== undefined && item.retracted !== true && item.stance === stance;
      });
      if (counted.length === 0) continue;
      const best = counted.reduce((a, b) => {
        const ia = byId.get(a);
        const ib = byId.get(b);
        if (ia === undefined || ib === undefined) return a;
        return compareGrades(gradeOf(ib), gradeOf(ia)) < 0 ? b : a;
      });
      const bestItem = byId.get(best);
      const root = byId.get(rootId);
      if (bestItem === undefined || root === undefined) continue;
      chains.push({
        rootId,
        rootSourceId: root.sourceId,
        rootSourceName: root.sourceName,
        rootRetracted: root.retracted === true,
        memberIds,
        countedIds: counted,
        bestGrade: formatGrade(gradeOf(bestItem)),
        bestGradeEvidenceId: best,
        externalOriginId: externalOrigin.get(rootId) ?? null,
        circular: memberIds.some((id) => cycleMembers.has(id)),
      });
    }
    chains.sort((a, b) => (order.get(a.rootId) ?? 0) - (order.get(b.rootId) ?? 0));

    let bestChain: CorroborationChain | null = null;
    for (const chain of chains) {
      if (
        bestChain === null ||
        compareGrades(
          gradeOfId(chain.bestGradeEvidenceId),
          gradeOfId(bestChain.bestGradeEvidenceId),
        ) < 0
      ) {
        bestChain = chain;
      }
    }
    const rootSourceCount = new Set(chains.map((c) => c.rootSourceId)).size;
    const word = SIDE_WORDS[stance];
    let explanation: string;
    if (chains.length === 0) {
      explanation = `No ${word} evidence.`;
    } else {
      const described = chains.map((c) => {
        const others = c.memberIds.filter((id) => id !== c.rootId);
        return others.length === 0
          ? `rooted at ${label(c.rootId)}`
          : `rooted at ${label(c.rootId)}, with ${others.map(label).join(', ')} collapsed into it`;
      });
      explanation =
        `${plural(chains.length, `independent ${word} chain`, `independent ${word} chains`)} ` +
        `from ${plural(rootSourceCount, 'source', 'sources')}: ${described.join('; ')}. ` +
        (bestChain === null
          ? ''
          : `Best grade ${bestChain.bestGrade} from ${label(bestChain.bestGradeEvidenceId)}.`);
    }
    return {
      stance,
      chainCount: chains.length,
      rootSourceCount,
      bestGrade: bestChain?.bestGrade ?? null,
      bestGradeEvidenceId: bestChain?.bestGradeEvidenceId ?? null,
      chains,
      explanation: explanation.trim(),
    };
  };

  const sides = Object.fromEntries(EVIDENCE_STANCES.map((s) => [s, buildSide(s)])) as Record<
    EvidenceStance,
    CorroborationSide
  >;
  const supporting = sides.SUPPORTS;
  const refuting = sides.REFUTES;

  // SINGLE_SOURCE: all side-taking evidence traces to one origin.
  const sideTaking = [...supporting.chains, ...refuting.chains];
  const originRoots = new Set(sideTaking.map((c) => c.rootId));
  const originSources = new Set(sideTaking.map((c) => c.rootSourceId));
  if (sideTaking.length > 0 && originSources.size === 1) {
    const first = sideTaking[0];
    const sideText =
      supporting.chainCount > 0 && refuting.chainCount > 0
        ? 'supporting and refuting'
        : supporting.chainCount > 0
          ? 'supporting'
          : 'refuting';
    warnings.push({
      code: 'SINGLE_SOURCE',
      message:
        originRoots.size === 1
          ? `All ${sideText} evidence traces back to a single chain, rooted at ${label(first.rootId)}.`
          : `All ${sideText} evidence comes from one source, ${first.rootSourceName}, ` +
            `across ${originRoots.size} chains, rooted at ${listed([...originRoots].map(titled))}.`,
      evidenceIds: sideTaking.flatMap((c) => c.countedIds),
    });
  }

  for (const side of [supporting, refuting]) {
    if (side.chainCount === 0) continue;
    const word = SIDE_WORDS[side.stance];
    if (side.chains.every((c) => c.externalOriginId !== null || c.circular)) {
      const origins = [
        ...new Set(
          side.chains.map((c) => c.externalOriginId).filter((x): x is string => x !== null),
        ),
      ];
      warnings.push({
        code: 'ONLY_DERIVED',
        stance: side.stance,
        message:
          `All ${word} evidence is derived: no ${word} chain starts from first-hand evidence attached to this claim` +
          (origins.length > 0 ? ` (it derives from ${origins.join(', ')}, not attached)` : '') +
          (side.chains.some((c) => c.circular) ? ' (a chain is circular)' : '') +
          '.',
        evidenceIds: side.chains.flatMap((c) => c.countedIds),
      });
    }
    const byOrigin = new Map<string, CorroborationChain[]>();
    for (const chain of side.chains) {
      if (chain.externalOriginId === null) continue;
      const list = byOrigin.get(chain.externalOriginId) ?? [];
      list.push(chain);
      byOrigin.set(chain.externalOriginId, list);
    }
    for (const [origin, chains] of byOrigin) {
      if (chains.length < 2) continue;
      warnings.push({
        code: 'SHARED_MISSING_ORIGIN',
        stance: side.stance,
        message:
          `${chains.length} ${word} chains, rooted at ${listed(chains.map((c) => label(c.rootId)))}, all derive from ${origin}, ` +
          `which is not attached; they are probably one chain. Attach ${origin} to collapse them.`,
        evidenceIds: chains.map((c) => c.rootId),
      });
    }
  }

  // CONTRADICTION: strong evidence on both sides.
  const strong = (stance: EvidenceStance) =>
    active.filter((item) => item.stance === stance && isStrongGrade(gradeOf(item)));
  const strongFor = strong('SUPPORTS');
  const strongAgainst = strong('REFUTES');
  if (strongFor.length > 0 && strongAgainst.length > 0) {
    const describe = (list: CorroborationEvidence[]) =>
      list.map((i) => `${label(i.id)} ${formatGrade(gradeOf(i))}`).join(', ');
    warnings.push({
      code: 'CONTRADICTION',
      message:
        `Strong evidence (A–B / 1–2) on both sides: supporting ${describe(strongFor)}; ` +
        `refuting ${describe(strongAgainst)}.`,
      evidenceIds: [...strongFor, ...strongAgainst].map((i) => i.id),
    });
  }

  // Quantities.
  const quantified: { item: CorroborationEvidence; q: QuantityReport; unit: string }[] = [];
  for (const item of active) {
    const q = item.quantity;
    if (q === undefined || q === null) continue;
    if (!validQuantity(q)) {
      warnings.push({
        code: 'INVALID_QUANTITY',
        message:
          `${label(item.id)} reports an invalid quantity (min ${q.min}, max ${q.max}, unit "${q.unit}"); ` +
          'it is left out of the spread.',
        evidenceIds: [item.id],
      });
      continue;
    }
    quantified.push({ item, q, unit: normaliseUnit(q.unit) });
  }
  const units = [...new Set(quantified.map((x) => x.unit))];
  const quantitySpreads: QuantitySpread[] = units.map((unit) => {
    const list = quantified.filter((x) => x.unit === unit);
    const min = Math.min(...list.map((x) => x.q.min));
    const max = Math.max(...list.map((x) => x.q.max));
    return {
      unit,
      min,
      max,
      evidenceIds: list.map((x) => x.item.id),
      explanation:
        `${plural(list.length, 'item reports', 'items report')} ${unit}: ` +
        list.map((x) => `${label(x.item.id)} ${formatRange(x.q.min, x.q.max)}`).join(', ') +
        `. Spread ${formatNumber(min)} to ${formatNumber(max)} (lowest minimum to highest maximum).`,
    };
  });
  const quantityConflicts: QuantityConflict[] = [];
  for (let i = 0; i < quantified.length; i++) {
    for (let j = i + 1; j < quantified.length; j++) {
      const a = quantified[i];
      const b = quantified[j];
      if (a.unit !== b.unit || a.item.sourceId === b.item.sourceId) continue;
      // Closed ranges: touching endpoints overlap.
      if (a.q.min <= b.q.max && b.q.min <= a.q.max) continue;
      const side = (x: typeof a): QuantityConflictSide => ({
        evidenceId: x.item.id,
        sourceId: x.item.sourceId,
        sourceName: x.item.sourceName,
        min: x.q.min,
        max: x.q.max,
        asOf: x.q.asOf ?? null,
      });
      const aAsOf = a.q.asOf ?? null;
      const bAsOf = b.q.asOf ?? null;
      const dates =
        aAsOf !== null && bAsOf !== null && aAsOf !== bAsOf
          ? ` They hold for different dates (${aAsOf} and ${bAsOf}), which may explain part of the gap.`
          : '';
      const explanation =
        `${label(a.item.id)} reports ${formatRange(a.q.min, a.q.max)} ${a.unit} but ` +
        `${label(b.item.id)} reports ${formatRange(b.q.min, b.q.max)}; the ranges do not overlap.${dates}`;
      quantityConflicts.push({ unit: a.unit, a: side(a), b: side(b), explanation });
      warnings.push({
        code: 'QUANTITY_CONFLICT',
        message: explanation,
        evidenceIds: [a.item.id, b.item.id],
      });
    }
  }

  return {
    supporting,
    refuting,
    mixed: sides.MIXED,
    context: sides.CONTEXT,
    warnings,
    excluded,
    collapsed,
    cycles,
    notes,
    quantitySpreads,
    quantityConflicts,
  };
}
