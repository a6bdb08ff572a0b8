import { registerEnumType } from '@nestjs/graphql';
import { EVIDENCE_STANCES, type EvidenceStance } from '@corroborate/domain';

/** libs/domain's evidence stances as an enum object, for GraphQL and class-validator. */
export const Stance = Object.fromEntries(EVIDENCE_STANCES.map((s) => [s, s])) as {
  readonly [K in EvidenceStance]: K;
};
export type Stance = EvidenceStance;
registerEnumType(Stance, {
  name: 'Stance',
  description: 'How an evidence item bears on its claim.',
});

export const ANCHOR_STATUSES = [
  'FOUND',
  'NOT_FOUND',
  'NO_CAPTURE',
  'NO_ANCHOR',
  'NO_TEXT',
] as const;
export type AnchorStatus = (typeof ANCHOR_STATUSES)[number];
export const AnchorStatus = Object.fromEntries(ANCHOR_STATUSES.map((s) => [s, s])) as {
  readonly [K in AnchorStatus]: K;
};
registerEnumType(AnchorStatus, {
  name: 'AnchorStatus',
  description: "Whether an evidence item's text-quote anchor is found in its latest capture.",
  valuesMap: {
    FOUND: { description: 'The exact text, with its prefix and suffix, is in the capture.' },
    NOT_FOUND: { description: 'The capture has text, but the anchor is not in it.' },
    NO_CAPTURE: { description: 'The item has an anchor but no capture yet.' },
    NO_ANCHOR: { description: 'The item has no anchor.' },
    NO_TEXT: { description: 'The latest capture has no extracted text (a PDF or an image).' },
  },
});
