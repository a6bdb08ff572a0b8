import { Badge, Tooltip } from '@mantine/core';
import {
  CREDIBILITY_LABELS,
  RELIABILITY_LABELS,
  parseGrade,
  type ClaimStatus,
  type EvidenceStance,
  type Priority,
  type Reliability,
  type Verdict,
} from '@corroborate/domain';
import {
  CLAIM_STATUS_COLORS,
  CLAIM_STATUS_LABELS,
  EVIDENCE_STANCE_LABELS,
  PRIORITY_COLORS,
  PRIORITY_LABELS,
  RELIABILITY_COLORS,
  STANCE_COLORS,
  VERDICT_COLORS,
  VERDICT_LABELS,
} from './labels';
import { PlainBadge } from './plain-controls';

export function ClaimStatusBadge({ status }: { status: ClaimStatus }) {
  return <PlainBadge color={CLAIM_STATUS_COLORS[status]}>{CLAIM_STATUS_LABELS[status]}</PlainBadge>;
}

export function PriorityBadge({ priority }: { priority: Priority }) {
  return (
    <PlainBadge
      color={PRIORITY_COLORS[priority]}
      variant={priority === 'URGENT' ? 'filled' : 'light'}
    >
      {PRIORITY_LABELS[priority]}
    </PlainBadge>
  );
}

export function StanceBadge({ stance }: { stance: EvidenceStance }) {
  return (
    <Badge color={STANCE_COLORS[stance]} variant="light">
      {EVIDENCE_STANCE_LABELS[stance]}
    </Badge>
  );
}

/** "B — Usually reliable · 2 — Probably true" for "B2"; null for text that is not a grade. */
export function describeGrade(grade: string): string | null {
  try {
    const { reliability, credibility } = parseGrade(grade);
    return `${reliability} — ${RELIABILITY_LABELS[reliability]} · ${credibility} — ${CREDIBILITY_LABELS[credibility]}`;
  } catch {
    return null;
  }
}

/**
 * An Admiralty grade such as "B2", with its meaning in a tooltip and, for
 * screen readers, in the accessible name.
 */
export function GradeBadge({ grade }: { grade: string }) {
  const description = describeGrade(grade);
  const reliability = grade.charAt(0) as Reliability;
  const badge = (
    <Badge
      color={RELIABILITY_COLORS[reliability] ?? 'gray'}
      variant="light"
      ff="monospace"
      tabIndex={description === null ? undefined : 0}
      aria-label={description === null ? undefined : `Grade ${grade}: ${description}`}
      style={{ cursor: description === null ? undefined : 'help', flexShrink: 0 }}
    >
      {grade}
    </Badge>
  );
  if (description === null) return badge;
  return (
    <Tooltip label={description} withArrow events={{ hover: true, focus: true, touch: true }}>
      {badge}
    </Tooltip>
  );
}

/** A source's reliability letter with its label, e.g. "B · Usually reliable". */
export function ReliabilityBadge({
  reliability,
  withLabel = true,
}: {
  reliability: Reliability;
  withLabel?: boolean;
}) {
  const label = RELIABILITY_LABELS[reliability];
  return (
    <Badge
      color={RELIABILITY_COLORS[reliability]}
      variant="light"
      title={withLabel ? undefined : label}
      aria-label={withLabel ? undefined : `Reliability ${reliability}: ${label}`}
    >
      {withLabel ? `${reliability} · ${label}` : reliability}
    </Badge>
  );
}

/** A verdict, e.g. "Mostly false". */
export function VerdictBadge({ verdict }: { verdict: Verdict }) {
  return (
    <Badge color={VERDICT_COLORS[verdict]} variant={verdict === 'FALSE' ? 'filled' : 'light'}>
      {VERDICT_LABELS[verdict]}
    </Badge>
  );
}
