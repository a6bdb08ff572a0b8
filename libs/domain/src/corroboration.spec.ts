import { describe, it, expect } from 'vitest';
import {
  CorroborationInputError,
  corroborate,
  type CorroborationEvidence,
  type CorroborationResult,
  type CorroborationWarningCode,
} from './corroboration';

type EvidenceInput = Partial<CorroborationEvidence> & Pick<CorroborationEvidence, 'id'>;

/** An evidence item with neutral defaults: its own source, graded C3, supporting. */
function ev(input: EvidenceInput): CorroborationEvidence {
  return {
    sourceId: `src-${input.id}`,
    sourceName: `Source ${input.id}`,
    reliability: 'C',
    credibility: 3,
    stance: 'SUPPORTS',
    ...input,
  };
}

const codes = (result: CorroborationResult): CorroborationWarningCode[] =>
  result.warnings.map((w) => w.code);

describe('corroborate: chains and counts', () => {
  it('returns empty sides and no warnings for no evidence', () => {
    const result = corroborate([]);
    expect(result.supporting.chainCount).toBe(0);
    expect(result.refuting.chainCount).toBe(0);
    expect(result.supporting.bestGrade).toBeNull();
    expect(result.supporting.explanation).toBe('No supporting evidence.');
    expect(result.warnings).toEqual([]);
    expect(result.quantitySpreads).toEqual([]);
  });

  it('counts independent items on each side and picks the best grade per side', () => {
    const result = corroborate([
      ev({ id: 's1', reliability: 'C', credibility: 2 }),
      ev({ id: 's2', reliability: 'B', credibility: 3 }),
      ev({ id: 'r1', stance: 'REFUTES', reliability: 'D', credibility: 4 }),
      ev({ id: 'c1', stance: 'CONTEXT', reliability: 'A', credibility: 1 }),
      ev({ id: 'm1', stance: 'MIXED' }),
    ]);
    expect(result.supporting.chainCount).toBe(2);
    expect(result.supporting.rootSourceCount).toBe(2);
    expect(result.supporting.bestGrade).toBe('B3');
    expect(result.supporting.bestGradeEvidenceId).toBe('s2');
    expect(result.refuting.chainCount).toBe(1);
    expect(result.refuting.bestGrade).toBe('D4');
    expect(result.context.chainCount).toBe(1);
    expect(result.mixed.chainCount).toBe(1);
    expect(result.supporting.explanation).toBe(
      '2 independent supporting chains from 2 sources: rooted at s1 (Source s1); ' +
        'rooted at s2 (Source s2). Best grade B3 from s2 (Source s2).',
    );
    expect(codes(result)).toEqual([]);
  });

  it('collapses derived-from chains to their root and explains the collapse', () => {
    const result = corroborate([
      ev({ id: 'wire', reliability: 'B', credibility: 2 }),
      ev({ id: 'outlet1', derivedFromId: 'wire', reliability: 'C', credibility: 3 }),
      ev({ id: 'outlet2', derivedFromId: 'outlet1', reliability: 'A', credibility: 2 }),
      ev({ id: 'independent', reliability: 'C', credibility: 2 }),
    ]);
    expect(result.supporting.chainCount).toBe(2);
    const [chain, other] = result.supporting.chains;
    expect(chain.rootId).toBe('wire');
    expect(chain.memberIds).toEqual(['wire', 'outlet1', 'outlet2']);
    // Best of the chain members, even if a re-report is better graded than the root.
    expect(chain.bestGrade).toBe('A2');
    expect(other.rootId).toBe('independent');
    expect(result.collapsed).toEqual([
      { id: 'outlet1', rootId: 'wire', path: ['outlet1', 'wire'] },
      { id: 'outlet2', rootId: 'wire', path: ['outlet2', 'outlet1', 'wire'] },
    ]);
    expect(result.supporting.explanation).toContain(
      'rooted at wire (Source wire), with outlet1 (Source outlet1), outlet2 (Source outlet2) collapsed into it',
    );
  });

  it('orders chain members root first even when the root comes last in the input', () => {
    const result = corroborate([ev({ id: 'copy', derivedFromId: 'orig' }), ev({ id: 'orig' })]);
    expect(result.supporting.chains[0].memberIds).toEqual(['orig', 'copy']);
  });

  it('counts a chain on a side only through members with that stance', () => {
    const result = corroborate([
      ev({ id: 'root', stance: 'CONTEXT', reliability: 'A', credibility: 1 }),
      ev({
        id: 'child',
        stance: 'SUPPORTS',
        derivedFromId: 'root',
        reliability: 'D',
        credibility: 3,
      }),
    ]);
    expect(result.supporting.chainCount).toBe(1);
    expect(result.supporting.chains[0].countedIds).toEqual(['child']);
    expect(result.supporting.bestGrade).toBe('D3');
    expect(result.context.bestGrade).toBe('A1');
  });

  it('treats a derivation to an item not in the list as its own root, with a note', () => {
    const result = corroborate([ev({ id: 'a', derivedFromId: 'missing-wire' }), ev({ id: 'b' })]);
    expect(result.supporting.chainCount).toBe(2);
    expect(result.supporting.chains[0]).toMatchObject({
      rootId: 'a',
      externalOriginId: 'missing-wire',
    });
    expect(result.notes).toEqual([
      "a (Source a) is derived from missing-wire, which is not among this claim's evidence; " +
        'a is treated as the root of its own chain.',
    ]);
    // b is first-hand, so the supporting side is not "only derived".
    expect(codes(result)).not.toContain('ONLY_DERIVED');
  });

  it('rejects duplicate ids', () => {
    expect(() => corroborate([ev({ id: 'x' }), ev({ id: 'x' })])).toThrow(CorroborationInputError);
    expect(() => corroborate([ev({ id: 'x' }), ev({ id: 'x' })])).toThrow(
      'Evidence id "x" appears more than once',
    );
  });

  it('is independent of the order of the input for counts and grades', () => {
    const items = [
      ev({ id: 'w', reliability: 'B', credibility: 2 }),
      ev({ id: 'o1', derivedFromId: 'w' }),
      ev({ id: 'o2', derivedFromId: 'o1' }),
      ev({ id: 'x', stance: 'REFUTES' }),
      ev({ id: 'y' }),
    ];
    const forward = corroborate(items);
    const backward = corroborate([...items].reverse());
    expect(backward.supporting.chainCount).toBe(forward.supporting.chainCount);
    expect(backward.supporting.bestGrade).toBe(forward.supporting.bestGrade);
    expect(backward.supporting.chains.map((c) => c.rootId).sort()).toEqual(['w', 'y']);
  });
});

describe('corroborate: the BelaPAN march count (circular reporting)', () => {
  // "The independent BelaPAN news agency reported that protesters staged at least 30 marches
  // and rallies on January 17". Several outlets re-report the agency's count.
  const marches = { min: 30, max: Infinity, unit: 'marches and rallies', asOf: '2021-01-17' };
  const belapan = ev({
    id: 'belapan',
    sourceId: 'belapan',
    sourceName: 'BelaPAN',
    reliability: 'B',
    credibility: 2,
    quantity: marches,
  });
  const rferl = ev({
    id: 'rferl',
    sourceId: 'rferl',
    sourceName: 'RFE/RL',
    derivedFromId: 'belapan',
    reliability: 'B',
    credibility: 3,
    quantity: marches,
  });
  const outletA = ev({
    id: 'outlet-a',
    sourceName: 'Outlet A',
    derivedFromId: 'rferl',
    quantity: marches,
  });
  const outletB = ev({
    id: 'outlet-b',
    sourceName: 'Outlet B',
    derivedFromId: 'belapan',
    quantity: marches,
  });

  it('counts the agency and all its re-reports as ONE chain and warns SINGLE_SOURCE', () => {
    const result = corroborate([rferl, outletA, belapan, outletB]);
    expect(result.supporting.chainCount).toBe(1);
    expect(result.supporting.chains[0].rootId).toBe('belapan');
    expect(result.supporting.chains[0].memberIds).toEqual([
      'belapan',
      'rferl',
      'outlet-a',
      'outlet-b',
    ]);
    expect(result.supporting.bestGrade).toBe('B2');
    expect(codes(result)).toEqual(['SINGLE_SOURCE']);
    expect(result.warnings[0].message).toBe(
      'All supporting evidence traces back to a single chain, rooted at belapan (BelaPAN).',
    );
    expect(result.collapsed.find((c) => c.id === 'outlet-a')?.path).toEqual([
      'outlet-a',
      'rferl',
      'belapan',
    ]);
    // Re-reports of the same figure agree, so there is no conflict.
    expect(result.quantityConflicts).toEqual([]);
    expect(result.quantitySpreads).toEqual([
      expect.objectContaining({ unit: 'marches and rallies', min: 30, max: Infinity }),
    ]);
  });

  it('warns ONLY_DERIVED and SHARED_MISSING_ORIGIN when the agency report itself is not attached', () => {
    const noAgency = [
      ev({ ...rferl, derivedFromId: 'belapan' }),
      ev({ ...outletB, derivedFromId: 'belapan' }),
    ];
    const result = corroborate(noAgency);
    expect(result.supporting.chainCount).toBe(2);
    expect(codes(result)).toEqual(['ONLY_DERIVED', 'SHARED_MISSING_ORIGIN']);
    expect(result.warnings[0]).toMatchObject({
      stance: 'SUPPORTS',
      evidenceIds: ['rferl', 'outlet-b'],
    });
    expect(result.warnings[0].message).toContain('derives from belapan, not attached');
    expect(result.warnings[1].message).toContain(
      '2 supporting chains, rooted at rferl (RFE/RL) and outlet-b (Outlet B), all derive from belapan',
    );
  });
});

describe('corroborate: warnings', () => {
  it('SINGLE_SOURCE: one supporting chain and nothing refuting', () => {
    expect(codes(corroborate([ev({ id: 'a' })]))).toEqual(['SINGLE_SOURCE']);
  });

  it('SINGLE_SOURCE: one refuting chain and nothing supporting', () => {
    const result = corroborate([
      ev({ id: 'a', stance: 'REFUTES' }),
      ev({ id: 'c', stance: 'CONTEXT' }),
    ]);
    expect(codes(result)).toEqual(['SINGLE_SOURCE']);
    expect(result.warnings[0].message).toContain('All refuting evidence');
  });

  it('SINGLE_SOURCE: several chains whose roots are the same source', () => {
    const result = corroborate([
      ev({ id: 'un-1', sourceId: 'un', sourceName: 'United Nations', label: 'OHCHR briefing' }),
      ev({ id: 'un-2', sourceId: 'un', sourceName: 'United Nations', label: 'UN News story' }),
      ev({ id: 'un-3', sourceId: 'un', sourceName: 'United Nations' }),
    ]);
    expect(result.supporting.chainCount).toBe(3);
    expect(result.supporting.rootSourceCount).toBe(1);
    expect(codes(result)).toEqual(['SINGLE_SOURCE']);
    // Each chain by the title of its root (an id only for an item with none).
    expect(result.warnings[0].message).toBe(
      'All supporting evidence comes from one source, United Nations, across 3 chains, rooted at "OHCHR briefing", "UN News story" and un-3.',
    );
  });

  it('no SINGLE_SOURCE with one chain on each side from different sources, or two independent chains', () => {
    expect(codes(corroborate([ev({ id: 'a' }), ev({ id: 'b', stance: 'REFUTES' })]))).toEqual([]);
    expect(codes(corroborate([ev({ id: 'a' }), ev({ id: 'b' })]))).toEqual([]);
  });

  it('no SINGLE_SOURCE when only context or mixed evidence exists', () => {
    expect(codes(corroborate([ev({ id: 'a', stance: 'CONTEXT' })]))).toEqual([]);
    expect(codes(corroborate([ev({ id: 'a', stance: 'MIXED' })]))).toEqual([]);
  });

  it('CIRCULAR_DERIVATION: a two-item cycle is reported once and counted as one chain', () => {
    const result = corroborate([
      ev({ id: 'a', derivedFromId: 'b' }),
      ev({ id: 'b', derivedFromId: 'a' }),
      ev({ id: 'c', derivedFromId: 'b' }),
      ev({ id: 'd' }),
    ]);
    expect(result.cycles).toEqual([['a', 'b']]);
    expect(result.supporting.chainCount).toBe(2);
    const cyclic = result.supporting.chains.find((c) => c.circular);
    expect(cyclic).toMatchObject({ rootId: 'a', memberIds: ['a', 'b', 'c'] });
    expect(codes(result)).toEqual(['CIRCULAR_DERIVATION']);
    expect(result.warnings[0].message).toBe(
      'Circular derivation: a → b → a (each is recorded as derived from the next). ' +
        'The cycle is counted as one chain rooted at a.',
    );
    expect(result.collapsed.find((x) => x.id === 'c')?.path).toEqual(['c', 'b', 'a']);
  });

  it('CIRCULAR_DERIVATION: self-derivation and a longer cycle entered from outside', () => {
    const self = corroborate([ev({ id: 'x', derivedFromId: 'x' })]);
    expect(self.cycles).toEqual([['x']]);
    // The only supporting chain is circular: also single-source and only-derived.
    expect(codes(self)).toEqual(['CIRCULAR_DERIVATION', 'SINGLE_SOURCE', 'ONLY_DERIVED']);

    const long = corroborate([
      ev({ id: 'entry', derivedFromId: 'p' }),
      ev({ id: 'p', derivedFromId: 'q' }),
      ev({ id: 'q', derivedFromId: 'r' }),
      ev({ id: 'r', derivedFromId: 'p' }),
    ]);
    expect(long.cycles).toEqual([['p', 'q', 'r']]);
    expect(long.supporting.chains).toHaveLength(1);
    expect(long.supporting.chains[0].rootId).toBe('p');
    expect(long.supporting.chains[0].memberIds).toEqual(['p', 'entry', 'q', 'r']);
  });

  it('ONLY_DERIVED: every supporting item re-reports something not attached', () => {
    const result = corroborate([
      ev({ id: 'a', derivedFromId: 'ext-1' }),
      ev({ id: 'b', derivedFromId: 'ext-2' }),
      ev({ id: 'r', stance: 'REFUTES' }),
    ]);
    expect(codes(result)).toEqual(['ONLY_DERIVED']);
    expect(result.warnings[0].message).toBe(
      'All supporting evidence is derived: no supporting chain starts from first-hand evidence ' +
        'attached to this claim (it derives from ext-1, ext-2, not attached).',
    );
  });

  it('CONTRADICTION: strong (A–B, 1–2) evidence on both sides', () => {
    const result = corroborate([
      ev({ id: 's', reliability: 'A', credibility: 2 }),
      ev({ id: 'r', stance: 'REFUTES', reliability: 'B', credibility: 1 }),
    ]);
    expect(codes(result)).toEqual(['CONTRADICTION']);
    expect(result.warnings[0].evidenceIds).toEqual(['s', 'r']);
    expect(result.warnings[0].message).toBe(
      'Strong evidence (A–B / 1–2) on both sides: supporting s (Source s) A2; refuting r (Source r) B1.',
    );
  });

  it('no CONTRADICTION when one side is only B3 or C1', () => {
    expect(
      codes(
        corroborate([
          ev({ id: 's', reliability: 'A', credibility: 1 }),
          ev({ id: 'r', stance: 'REFUTES', reliability: 'B', credibility: 3 }),
          ev({ id: 'r2', stance: 'REFUTES', reliability: 'C', credibility: 1 }),
        ]),
      ),
    ).toEqual([]);
  });

  it('excludes retracted evidence and lists it', () => {
    const result = corroborate([
      ev({ id: 'a', reliability: 'A', credibility: 1, retracted: true }),
      ev({ id: 'b', reliability: 'C', credibility: 3 }),
      ev({ id: 'r', stance: 'REFUTES', reliability: 'A', credibility: 1 }),
    ]);
    expect(result.excluded).toEqual([
      {
        id: 'a',
        reason: 'RETRACTED',
        explanation: 'a (Source a) is retracted and does not count.',
      },
    ]);
    expect(result.supporting.chainCount).toBe(1);
    expect(result.supporting.bestGrade).toBe('C3');
    // The retracted A1 cannot cause a contradiction.
    expect(codes(result)).not.toContain('CONTRADICTION');
  });

  it('re-reports of a retracted item stay one chain and are flagged', () => {
    const result = corroborate([
      ev({ id: 'wire', retracted: true }),
      ev({ id: 'o1', derivedFromId: 'wire' }),
      ev({ id: 'o2', derivedFromId: 'wire' }),
      ev({ id: 'z', stance: 'REFUTES' }),
    ]);
    expect(result.supporting.chainCount).toBe(1);
    expect(result.supporting.chains[0]).toMatchObject({
      rootId: 'wire',
      rootRetracted: true,
      countedIds: ['o1', 'o2'],
    });
    expect(codes(result)).toEqual(['DERIVED_FROM_RETRACTED', 'DERIVED_FROM_RETRACTED']);
  });
});

describe('corroborate: quantities', () => {
  // "The United Nations says authorities have detained more than 30,000 protesters."
  // The official figure below is a made-up, much lower number for the test.
  const un = ev({
    id: 'un',
    sourceId: 'un',
    sourceName: 'United Nations',
    reliability: 'A',
    credibility: 2,
    quantity: { min: 30_000, max: Infinity, unit: 'people detained', asOf: '2021-01-17' },
  });
  const official = ev({
    id: 'ministry',
    sourceId: 'ministry',
    sourceName: 'Interior Ministry',
    reliability: 'D',
    credibility: 4,
    stance: 'REFUTES',
    quantity: { min: 6_000, max: 7_000, unit: 'People  Detained', asOf: '2021-01-17' },
  });

  it('reports the spread per unit and the pair whose ranges do not overlap', () => {
    const result = corroborate([un, official]);
    expect(result.quantitySpreads).toHaveLength(1);
    expect(result.quantitySpreads[0]).toMatchObject({
      unit: 'people detained',
      min: 6_000,
      max: Infinity,
      evidenceIds: ['un', 'ministry'],
    });
    expect(result.quantitySpreads[0].explanation).toBe(
      '2 items report people detained: un (United Nations) at least 30,000, ' +
        'ministry (Interior Ministry) 6,000–7,000. Spread 6,000 to ∞ (lowest minimum to highest maximum).',
    );
    expect(result.quantityConflicts).toHaveLength(1);
    expect(result.quantityConflicts[0]).toMatchObject({
      unit: 'people detained',
      a: { evidenceId: 'un', sourceName: 'United Nations', min: 30_000 },
      b: { evidenceId: 'ministry', sourceName: 'Interior Ministry', max: 7_000 },
    });
    expect(codes(result)).toEqual(['QUANTITY_CONFLICT']);
    expect(result.warnings[0].message).toBe(
      'un (United Nations) reports at least 30,000 people detained but ministry (Interior Ministry) ' +
        'reports 6,000–7,000; the ranges do not overlap.',
    );
  });

  it('treats touching endpoints as overlapping and keeps units apart', () => {
    const result = corroborate([
      ev({ id: 'a', quantity: { min: 30, max: Infinity, unit: 'marches' } }),
      ev({ id: 'b', quantity: { min: 30, max: 30, unit: 'marches' } }),
      ev({ id: 'c', quantity: { min: 5, max: 5, unit: 'cities' } }),
      ev({ id: 'd', quantity: { min: 10, max: 12, unit: 'cities' } }),
    ]);
    expect(result.quantitySpreads.map((s) => [s.unit, s.min, s.max])).toEqual([
      ['marches', 30, Infinity],
      ['cities', 5, 12],
    ]);
    expect(result.quantityConflicts.map((c) => [c.a.evidenceId, c.b.evidenceId])).toEqual([
      ['c', 'd'],
    ]);
  });

  it('mentions different as-of dates and skips pairs from the same source', () => {
    const result = corroborate([
      ev({
        id: 'a1',
        sourceId: 'un',
        quantity: { min: 7_000, max: 7_000, unit: 'detained', asOf: '2020-08-14' },
      }),
      ev({
        id: 'a2',
        sourceId: 'un',
        quantity: { min: 30_000, max: 30_000, unit: 'detained', asOf: '2021-01-17' },
      }),
      ev({ id: 'b', quantity: { min: 1_000, max: 2_000, unit: 'detained', asOf: '2020-08-10' } }),
    ]);
    expect(result.quantityConflicts.map((c) => [c.a.evidenceId, c.b.evidenceId])).toEqual([
      ['a1', 'b'],
      ['a2', 'b'],
    ]);
    expect(result.quantityConflicts[0].explanation).toContain(
      'They hold for different dates (2020-08-14 and 2020-08-10)',
    );
  });

  it('ignores retracted quantities and flags invalid ones', () => {
    const result = corroborate([
      ev({ id: 'ok', quantity: { min: 10, max: 20, unit: 'x' } }),
      ev({ id: 'gone', retracted: true, quantity: { min: 900, max: 900, unit: 'x' } }),
      ev({ id: 'bad', quantity: { min: 50, max: 40, unit: 'x' } }),
    ]);
    expect(result.quantitySpreads).toEqual([
      expect.objectContaining({ unit: 'x', min: 10, max: 20 }),
    ]);
    expect(result.quantityConflicts).toEqual([]);
    expect(codes(result)).toContain('INVALID_QUANTITY');
    expect(result.warnings.find((w) => w.code === 'INVALID_QUANTITY')?.evidenceIds).toEqual([
      'bad',
    ]);
  });
});

describe('corroborate: properties over random derivation graphs (seeded)', () => {
  function rng(seed: number): () => number {
    let a = seed >>> 0;
    return () => {
      a = (a + 0x6d2b79f5) >>> 0;
      let t = a;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
  }
  const stances = ['SUPPORTS', 'REFUTES', 'MIXED', 'CONTEXT'] as const;

  it('terminates, puts every item in exactly one chain, and every path ends at its root', () => {
    const random = rng(1701);
    for (let round = 0; round < 200; round++) {
      const n = 1 + Math.floor(random() * 12);
      const items = Array.from({ length: n }, (_, i) => {
        const r = random();
        const derivedFromId =
          r < 0.4 ? null : r < 0.9 ? `e${Math.floor(random() * n)}` : `missing${i % 3}`;
        return ev({
          id: `e${i}`,
          stance: stances[Math.floor(random() * 4)],
          derivedFromId,
          retracted: random() < 0.1,
        });
      });
      const result = corroborate(items);
      const sides = [result.supporting, result.refuting, result.mixed, result.context];
      // Chains of one root are identical across sides; collect members per root.
      const membersByRoot = new Map<string, readonly string[]>();
      for (const chain of sides.flatMap((s) => s.chains)) {
        membersByRoot.set(chain.rootId, chain.memberIds);
      }
      const counted = new Map<string, number>();
      for (const members of membersByRoot.values()) {
        for (const id of members) counted.set(id, (counted.get(id) ?? 0) + 1);
      }
      for (const item of items) {
        if (item.retracted === true) continue;
        expect(counted.get(item.id)).toBe(1);
      }
      for (const c of result.collapsed) {
        expect(c.path[0]).toBe(c.id);
        expect(c.path[c.path.length - 1]).toBe(c.rootId);
      }
      const cyclicIds = result.cycles.flat();
      expect(new Set(cyclicIds).size).toBe(cyclicIds.length);
      expect(result.warnings.filter((w) => w.code === 'CIRCULAR_DERIVATION')).toHaveLength(
        result.cycles.length,
      );
    }
  });
});

describe('explanations name items by their label when given', () => {
  it('uses the label and source name instead of the id', () => {
    const result = corroborate([
      {
        id: 'e1',
        sourceId: 's1',
        sourceName: 'BelaPAN',
        reliability: 'B',
        credibility: 2,
        stance: 'SUPPORTS',
        label: 'Marches held across Belarus',
      },
    ]);
    expect(result.supporting.explanation).toContain('"Marches held across Belarus" (BelaPAN)');
    expect(result.supporting.explanation).not.toContain('e1');
  });
});
