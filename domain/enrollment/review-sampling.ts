/**
 * Deterministic sampling of clean cases for review: the same case is always sampled the same way, so a workflow
 * replay and an audit re-run agree. FNV-1a over the case ID, scaled to [0, 1).
 */
export function isSampledForReview(caseId: string, rate: string): boolean {
  let hash = 0x811c9dc5;
  for (let i = 0; i < caseId.length; i += 1) {
    hash ^= caseId.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  // Compare in basis points to avoid floating-point thresholds: "0.05" → 500 of 10 000.
  const [whole = '0', fraction = ''] = rate.split('.');
  const basisPoints = Number(whole) * 10_000 + Number((fraction + '0000').slice(0, 4));
  return hash % 10_000 < basisPoints;
}
