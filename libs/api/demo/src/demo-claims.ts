import {
  type Confidence,
  type EvidenceStance,
  type Likelihood,
  type Priority,
  type Reliability,
  type SourceKind,
  type Verdict,
} from '@corroborate/domain';

/**
 * Sources, claims and evidence for the demo desk, from the facts of the RFE/RL report on the
 * 17 January 2021 marches. Grades and the figures attributed to officials are illustrative.
 */
export interface DemoSource {
  key: string;
  name: string;
  kind: SourceKind;
  homepage: string;
  reliability: Reliability;
  reliabilityNote: string;
}

export interface DemoEvidence {
  source: string;
  url: string;
  title: string;
  excerpt: string;
  publishedAt: string;
  stance: EvidenceStance;
  credibility: number;
  note?: string;
  /** Key of another evidence item of the same claim this one re-reports. */
  key?: string;
  derivedFrom?: string;
  quantity?: { min: number; max: number | null; unit: string; asOf: string };
}

export interface DemoClaim {
  text: string;
  claimant: string;
  firstAppearanceUrl: string;
  firstAppearedAt: string;
  topics: string[];
  priority: Priority;
  /** Days from the seeding moment; negative is overdue. */
  dueInDays: number | null;
  evidence: DemoEvidence[];
}

export const DEMO_SOURCES: readonly DemoSource[] = [
  {
    key: 'ohchr',
    name: 'UN Human Rights Office (OHCHR)',
    kind: 'INTERNATIONAL_ORG',
    homepage: 'https://www.ohchr.org/',
    reliability: 'B',
    reliabilityNote: 'Documents detentions from multiple independent accounts; rarely revised.',
  },
  {
    key: 'belapan',
    name: 'BelaPAN',
    kind: 'WIRE_AGENCY',
    homepage: 'https://belapan.by/',
    reliability: 'B',
    reliabilityNote: 'Independent Belarusian news agency with reporters in the regions.',
  },
  {
    key: 'rferl',
    name: 'Radio Free Europe/Radio Liberty',
    kind: 'MEDIA',
    homepage: 'https://www.rferl.org/',
    reliability: 'B',
    reliabilityNote: 'International broadcaster; often relays BelaPAN for counts outside Minsk.',
  },
  {
    key: 'nashaniva',
    name: 'Nasha Niva',
    kind: 'MEDIA',
    homepage: 'https://nashaniva.com/',
    reliability: 'C',
    reliabilityNote: 'Independent weekly; aggregates agency reports.',
  },
  {
    key: 'viasna',
    name: 'Viasna Human Rights Centre',
    kind: 'NGO',
    homepage: 'https://spring96.org/',
    reliability: 'B',
    reliabilityNote: 'Keeps named lists of detainees; methodology published.',
  },
  {
    key: 'cec',
    name: 'Central Election Commission of Belarus',
    kind: 'OFFICIAL',
    homepage: 'https://www.rec.gov.by/',
    reliability: 'E',
    reliabilityNote: 'Official tally disputed by observers and not recognised by the US and EU.',
  },
  {
    key: 'mvd',
    name: 'Ministry of Internal Affairs of Belarus',
    kind: 'OFFICIAL',
    homepage: 'https://www.mvd.gov.by/',
    reliability: 'D',
    reliabilityNote: 'Party to the events; figures not independently checkable.',
  },
  {
    key: 'state',
    name: 'U.S. Department of State',
    kind: 'OFFICIAL',
    homepage: 'https://www.state.gov/',
    reliability: 'A',
    reliabilityNote: 'Primary source for US government positions.',
  },
  {
    key: 'council',
    name: 'Council of the European Union',
    kind: 'OFFICIAL',
    homepage: 'https://www.consilium.europa.eu/',
    reliability: 'A',
    reliabilityNote: 'Primary source for EU positions.',
  },
  {
    key: 'nexta',
    name: 'NEXTA (Telegram channel)',
    kind: 'SOCIAL_MEDIA',
    homepage: 'https://t.me/nexta_tv',
    reliability: 'C',
    reliabilityNote: 'Announces gatherings; posts are unverified first-hand material.',
  },
];

export const DEMO_CLAIMS: readonly DemoClaim[] = [
  {
    text: 'The August 9 presidential vote was rigged in favor of Lukashenka.',
    claimant: 'Belarusian opposition and independent observers',
    firstAppearanceUrl: 'https://www.rferl.org/',
    firstAppearedAt: '2020-08-10T08:00:00Z',
    topics: ['election', 'Lukashenka'],
    priority: 'HIGH',
    dueInDays: 3,
    evidence: [
      {
        source: 'viasna',
        url: 'https://spring96.org/',
        title: 'Independent observers report falsified turnout and tallies',
        excerpt:
          'Observers documented protocols that differed from the announced results at polling stations.',
        publishedAt: '2020-08-14T10:00:00Z',
        stance: 'SUPPORTS',
        credibility: 2,
      },
      {
        source: 'cec',
        url: 'https://www.rec.gov.by/',
        title: 'Final results of the presidential election',
        excerpt: 'Alyaksandr Lukashenka received 80.1 percent of the vote.',
        publishedAt: '2020-08-14T12:00:00Z',
        stance: 'REFUTES',
        credibility: 4,
        note: 'The official tally itself; it denies nothing specific.',
      },
      {
        source: 'rferl',
        url: 'https://www.rferl.org/',
        title: 'Belarus Protesters March In Residential Areas',
        excerpt:
          'Those results are seen by many in Belarus and abroad as being rigged in favor of Lukashenka.',
        publishedAt: '2021-01-17T18:00:00Z',
        stance: 'CONTEXT',
        credibility: 3,
      },
    ],
  },
  {
    text: 'Authorities have detained more than 30,000 protesters.',
    claimant: 'The United Nations',
    firstAppearanceUrl: 'https://www.ohchr.org/',
    firstAppearedAt: '2021-01-15T09:00:00Z',
    topics: ['detentions', 'human rights'],
    priority: 'URGENT',
    dueInDays: -1,
    evidence: [
      {
        source: 'ohchr',
        url: 'https://www.ohchr.org/',
        title: 'Belarus: UN experts on mass detentions',
        excerpt: 'more than 30,000 people have been detained',
        publishedAt: '2021-01-15T09:00:00Z',
        stance: 'SUPPORTS',
        credibility: 2,
        quantity: { min: 30000, max: null, unit: 'people detained', asOf: '2021-01-15T00:00:00Z' },
      },
      {
        source: 'viasna',
        url: 'https://spring96.org/',
        title: 'Detentions since August: running count',
        excerpt: 'Our lists now hold over 33,000 detentions.',
        publishedAt: '2021-01-16T09:00:00Z',
        stance: 'SUPPORTS',
        credibility: 2,
        quantity: { min: 33000, max: 33500, unit: 'people detained', asOf: '2021-01-16T00:00:00Z' },
      },
      {
        source: 'mvd',
        url: 'https://www.mvd.gov.by/',
        title: 'Statement on public order',
        excerpt:
          'Administrative proceedings were opened against about 20,000 participants of unauthorised events.',
        publishedAt: '2021-01-12T09:00:00Z',
        stance: 'REFUTES',
        credibility: 4,
        note: 'Illustrative official figure; counts proceedings, not detentions.',
        quantity: { min: 19000, max: 21000, unit: 'people detained', asOf: '2021-01-12T00:00:00Z' },
      },
    ],
  },
  {
    text: 'There have been credible reports of torture and ill-treatment of detained protesters.',
    claimant: 'The United Nations',
    firstAppearanceUrl: 'https://www.ohchr.org/',
    firstAppearedAt: '2021-01-15T09:00:00Z',
    topics: ['human rights', 'torture'],
    priority: 'HIGH',
    dueInDays: 5,
    evidence: [
      {
        source: 'ohchr',
        url: 'https://www.ohchr.org/',
        title: 'Allegations of torture in detention',
        excerpt: 'credible reports of torture and ill-treatment',
        publishedAt: '2021-01-15T09:00:00Z',
        stance: 'SUPPORTS',
        credibility: 2,
      },
      {
        source: 'viasna',
        url: 'https://spring96.org/',
        title: 'Testimonies of former detainees',
        excerpt:
          'Former detainees describe beatings and stress positions at the Akrestsina detention centre.',
        publishedAt: '2020-09-01T09:00:00Z',
        stance: 'SUPPORTS',
        credibility: 2,
      },
      {
        source: 'mvd',
        url: 'https://www.mvd.gov.by/',
        title: 'Ministry rejects allegations',
        excerpt: 'The ministry denies the use of torture in detention facilities.',
        publishedAt: '2020-09-05T09:00:00Z',
        stance: 'REFUTES',
        credibility: 5,
      },
    ],
  },
  {
    text: 'Protesters staged at least 30 marches and rallies on January 17, including in Minsk, Brest, Hrodna, and Homel.',
    claimant: 'BelaPAN news agency',
    firstAppearanceUrl: 'https://belapan.by/',
    firstAppearedAt: '2021-01-17T16:00:00Z',
    topics: ['marches', 'January 17'],
    priority: 'NORMAL',
    dueInDays: 7,
    evidence: [
      {
        key: 'belapan',
        source: 'belapan',
        url: 'https://belapan.by/',
        title: 'Marches held across Belarus on Sunday',
        excerpt: 'at least 30 marches and rallies',
        publishedAt: '2021-01-17T16:00:00Z',
        stance: 'SUPPORTS',
        credibility: 2,
        quantity: { min: 30, max: null, unit: 'marches and rallies', asOf: '2021-01-17T00:00:00Z' },
      },
      {
        source: 'rferl',
        url: 'https://www.rferl.org/',
        title: 'Belarus Protesters March In Residential Areas',
        excerpt:
          'The independent BelaPAN news agency reported that protesters staged at least 30 marches and rallies on January 17.',
        publishedAt: '2021-01-17T18:00:00Z',
        stance: 'SUPPORTS',
        credibility: 2,
        derivedFrom: 'belapan',
        note: 'Re-reports BelaPAN; not an independent count.',
      },
      {
        source: 'nashaniva',
        url: 'https://nashaniva.com/',
        title: 'Sunday marches in the districts',
        excerpt: 'According to BelaPAN, there were at least 30 actions across the country.',
        publishedAt: '2021-01-17T19:00:00Z',
        stance: 'SUPPORTS',
        credibility: 3,
        derivedFrom: 'belapan',
      },
    ],
  },
  {
    text: "The United States and the European Union have refused to recognize Lukashenka's reelection as legitimate.",
    claimant: 'The United States and the European Union',
    firstAppearanceUrl: 'https://www.rferl.org/',
    firstAppearedAt: '2021-01-17T18:00:00Z',
    topics: ['election', 'international response'],
    priority: 'NORMAL',
    dueInDays: null,
    evidence: [
      {
        source: 'state',
        url: 'https://www.state.gov/',
        title: 'Statement on the inauguration in Belarus',
        excerpt:
          'The United States cannot consider Alyaksandr Lukashenka the legitimately elected leader of Belarus.',
        publishedAt: '2020-09-24T09:00:00Z',
        stance: 'SUPPORTS',
        credibility: 1,
      },
      {
        source: 'council',
        url: 'https://www.consilium.europa.eu/',
        title: 'Declaration by the High Representative on behalf of the EU',
        excerpt:
          'The so-called inauguration directly contradicts the will of large parts of the Belarusian population.',
        publishedAt: '2020-09-24T12:00:00Z',
        stance: 'SUPPORTS',
        credibility: 1,
      },
    ],
  },
  {
    text: 'Protesters have resorted to flash-mob tactics, gathering at locations announced on social media at the last minute.',
    claimant: 'Radio Free Europe/Radio Liberty',
    firstAppearanceUrl: 'https://www.rferl.org/',
    firstAppearedAt: '2021-01-17T18:00:00Z',
    topics: ['marches', 'tactics'],
    priority: 'LOW',
    dueInDays: 14,
    evidence: [
      {
        source: 'rferl',
        url: 'https://www.rferl.org/',
        title: 'Belarus Protesters March In Residential Areas',
        excerpt: 'protesters have resorted to so-called "flash-mob" tactics',
        publishedAt: '2021-01-17T18:00:00Z',
        stance: 'SUPPORTS',
        credibility: 2,
      },
      {
        source: 'nexta',
        url: 'https://t.me/nexta_tv',
        title: 'Gathering points for Sunday',
        excerpt: 'Meeting points will be posted one hour before the start.',
        publishedAt: '2021-01-17T08:00:00Z',
        stance: 'SUPPORTS',
        credibility: 3,
      },
    ],
  },
];

/** One demo reviewer's submitted assessment; `evidence` are indexes into the claim's evidence. */
export interface DemoAssessment {
  verdict: Verdict;
  likelihood: Likelihood;
  confidence: Confidence;
  rationale: string;
  evidence: number[];
}

/**
 * Review state of the demo claims, by index in {@link DEMO_CLAIMS}: per demo reviewer either a
 * submitted assessment or 'OPEN' (assigned, not yet submitted). Claims not listed stay NEW and
 * unassigned. The torture-report claim holds the real disagreement waiting for adjudication.
 */
export const DEMO_REVIEWS: Readonly<
  Record<number, { reviewer?: DemoAssessment | 'OPEN'; reviewer2?: DemoAssessment | 'OPEN' }>
> = {
  // The rigged vote: both submitted, one step apart, same likelihood band (no disagreement).
  0: {
    reviewer: {
      verdict: 'MOSTLY_TRUE',
      likelihood: 'VERY_LIKELY',
      confidence: 'MODERATE',
      rationale:
        'Independent observers and the OSCE documented systematic irregularities; the exact scale of falsification cannot be measured from the available evidence.',
      evidence: [0, 1],
    },
    reviewer2: {
      verdict: 'TRUE',
      likelihood: 'VERY_LIKELY',
      confidence: 'MODERATE',
      rationale:
        'Multiple independent sources agree the count was falsified; only the official commission disputes it.',
      evidence: [0],
    },
  },
  // 30,000 detained: both submitted, in agreement.
  1: {
    reviewer: {
      verdict: 'TRUE',
      likelihood: 'ALMOST_CERTAIN',
      confidence: 'HIGH',
      rationale:
        'The UN figure is corroborated by Viasna’s independent count; the official figure is lower but covers a shorter period.',
      evidence: [0, 1],
    },
    reviewer2: {
      verdict: 'TRUE',
      likelihood: 'ALMOST_CERTAIN',
      confidence: 'HIGH',
      rationale: 'UN and human-rights monitors give the same order of magnitude independently.',
      evidence: [0],
    },
  },
  // Torture reports: a real disagreement (two verdict steps, non-overlapping likelihood bands).
  2: {
    reviewer: {
      verdict: 'TRUE',
      likelihood: 'LIKELY',
      confidence: 'MODERATE',
      rationale:
        'Consistent first-hand testimony collected by several independent organisations; the pattern is credible.',
      evidence: [0, 1],
    },
    reviewer2: {
      verdict: 'MIXED',
      likelihood: 'ROUGHLY_EVEN',
      confidence: 'LOW',
      rationale:
        'The testimony is credible but largely unverifiable independently, and official denials cannot be tested; I cannot go further than mixed.',
      evidence: [0],
    },
  },
  // 30 marches: one submitted, the other still working on it.
  3: {
    reviewer: {
      verdict: 'MOSTLY_TRUE',
      likelihood: 'LIKELY',
      confidence: 'MODERATE',
      rationale: 'One agency’s count, partly confirmed by local media in several cities.',
      evidence: [0],
    },
    reviewer2: 'OPEN',
  },
  // Flash-mob tactics: one reviewer assigned, so it still needs another (the "unassigned" queue).
  5: { reviewer: 'OPEN' },
};
