/** A notice a case sends its applicant (written to the outbox with the change it reports; delivered by a channel). */
export interface NoticeRequest {
  caseId: string;
  /** Deterministic per notice (case + kind + occurrence), so a retry writes it once. */
  key: string;
  recipientKind: 'citizen' | 'employer';
  recipientId: string;
  kind: string;
  payload: Record<string, unknown>;
}
