import type { LegalDocument } from './back-payment-policy.js';

/**
 * What an employer shows for the labour relation of the months it back-pays (无记录补缴, rules §6.1): the contract and
 * payroll records prove the work; a court judgment, an arbitration award, a labour-inspection order or an audit
 * finding is a legal document — with its reference and date it can carry a span of 36 months or more without a
 * supervisor (人社厅发〔2019〕94号).
 */
export const EVIDENCE_KINDS = ['contract', 'payroll', 'court', 'arbitration', 'labourInspection', 'audit'] as const;
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number];

const LEGAL_KINDS: ReadonlySet<string> = new Set<LegalDocument['kind']>(['court', 'arbitration', 'labourInspection', 'audit']);

export interface BackPaymentEvidence {
  /** The scan, uploaded first (POST /v1/attachments). */
  attachmentId: string;
  kind: EvidenceKind;
  /** The document's number, e.g. 杭劳人仲案字〔2026〕12号; required for a legal document. */
  reference?: string;
  /** When it was issued; required for a legal document. */
  issuedOn?: string;
}

export const isLegalEvidence = (e: Pick<BackPaymentEvidence, 'kind'>): boolean => LEGAL_KINDS.has(e.kind);

/** The legal documents among the evidence, as the supervision rule weighs them. */
export function legalDocumentsOf(evidence: readonly BackPaymentEvidence[]): LegalDocument[] {
  return evidence.flatMap((e) =>
    isLegalEvidence(e) && e.reference !== undefined && e.issuedOn !== undefined
      ? [{ kind: e.kind as LegalDocument['kind'], reference: e.reference, issuedOn: e.issuedOn }]
      : [],
  );
}
