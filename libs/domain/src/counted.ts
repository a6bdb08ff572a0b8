/**
 * A count with its noun, singular or plural as the number needs: counted(1, 'claim') →
 * "1 claim", counted(2500, 'evidence item') → "2,500 evidence items",
 * counted(3, 'reply', 'replies') → "3 replies". Numbers are grouped in thousands.
 */
export function counted(n: number, singular: string, plural = `${singular}s`): string {
  return `${n.toLocaleString('en-US')} ${n === 1 ? singular : plural}`;
}
