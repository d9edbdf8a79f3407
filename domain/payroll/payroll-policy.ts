/*
 * Configurable payroll rules with their defaults (rules §8). A payroll run keeps the policy it started with
 * (it is workflow input), so a change applies to the next run. Each default says whether the rule behind it was
 * verified; the unverified ones are suggestions to confirm with the client.
 */

/** Evidence that a beneficiary is alive and still entitled (待遇资格认证, rules §8). */
export type EvidenceKind =
  /** A record in a data feed proving life (public security, civil affairs, transport, social assistance…). */
  | 'lifeRecord'
  /** A hospital or pharmacy encounter reported by the health or medical-insurance systems. */
  | 'hospitalVisit'
  /** A self-service check (face or fingerprint) in the app or at a terminal. */
  | 'selfService'
  /** A check made by an employer, community or third party the agency commissioned when the others failed. */
  | 'commissioned';

export const EVIDENCE_KINDS = ['lifeRecord', 'hospitalVisit', 'selfService', 'commissioned'] as const satisfies readonly EvidenceKind[];

export interface VerificationPolicy {
  /** Months one verification lasts. 12 in many places, 6 in some (社会保险经办条例 art. 25; §8 ◐). */
  cycleMonths: number;
  /** Days before the due date from which the beneficiary is reminded ('dueSoon'). Suggested default, unverified. */
  remindDaysBefore: number;
  /** Days after the due date before payment is suspended ('overdue'). Suggested default, unverified (§8 config). */
  graceDays: number;
  /** The kinds of evidence that count; data matching and self-service replace office visits (§8 ◐). */
  acceptedEvidence: readonly EvidenceKind[];
}

/** Why a benefit stopped; each kind says which month is the last one due. */
export type StopEventKind = 'death' | 'imprisonment' | 'reemployment' | 'otherPension' | 'emigration' | 'ineligible';

export const STOP_EVENT_KINDS = [
  'death',
  'imprisonment',
  'reemployment',
  'otherPension',
  'emigration',
  'ineligible',
] as const satisfies readonly StopEventKind[];

/** 'eventMonth': the month of the event is still paid; 'previousMonth': the month before it is the last one paid. */
export type LastDueMonthRule = 'eventMonth' | 'previousMonth';

export interface OverpaymentPolicy {
  /**
   * Share of each later payment withheld to recover an overpayment not repaid at once (社会保险经办条例 art. 46 allows
   * the offset; the share is not set nationally). Suggested default "0.5", unverified — half keeps the person
   * something to live on while the debt still clears within about twice the overpaid months.
   */
  offsetShare: string;
  /**
   * Last month due per stop event. Death: the death month is paid, the pension stops from the month after (§8 fraud
   * pattern 1, ◐). The others default to the same "event month" rule as a suggestion, unverified: confirm locally.
   */
  lastDueMonth: Readonly<Record<StopEventKind, LastDueMonthRule>>;
  /**
   * Whole months after a missed instalment of an agreement (nothing withheld, nothing repaid in its month) before it is
   * chased (催收: a caseworker's task and a notice to the person). Suggested default 1, unverified: a repayment the heirs
   * make in the next month is not chased.
   */
  missedInstalmentGraceMonths: number;
}

export interface BankFilePolicy {
  /** The bank's failure reason codes and their meaning; a code not in the table is accepted and reported. */
  reasonCodes: Readonly<Record<string, string>>;
  /** Line ending of the payment file: CRLF as RFC 4180 and most bank interfaces expect. */
  lineEnding: '\r\n' | '\n';
  /** Longest payee name the bank accepts, in characters. Suggested default, unverified (bank interface). */
  maxNameLength: number;
}

export interface PayrollPolicy {
  verification: VerificationPolicy;
  overpayment: OverpaymentPolicy;
  bankFile: BankFilePolicy;
}

export const DEFAULT_VERIFICATION_POLICY: VerificationPolicy = {
  cycleMonths: 12,
  remindDaysBefore: 30,
  graceDays: 30,
  acceptedEvidence: EVIDENCE_KINDS,
};

export const DEFAULT_OVERPAYMENT_POLICY: OverpaymentPolicy = {
  offsetShare: '0.5',
  lastDueMonth: {
    death: 'eventMonth',
    imprisonment: 'eventMonth',
    reemployment: 'eventMonth',
    otherPension: 'eventMonth',
    emigration: 'eventMonth',
    ineligible: 'eventMonth',
  },
  missedInstalmentGraceMonths: 1,
};

/** Illustrative reason codes of a bank return file; the real table comes from the paying bank. Unverified. */
export const DEFAULT_BANK_REASON_CODES: Readonly<Record<string, string>> = {
  R01: 'account does not exist',
  R02: 'account closed',
  R03: 'account name does not match',
  R04: 'account frozen',
  R05: 'card reported lost',
  R99: 'other (see the bank’s text)',
};

export const DEFAULT_BANK_FILE_POLICY: BankFilePolicy = {
  reasonCodes: DEFAULT_BANK_REASON_CODES,
  lineEnding: '\r\n',
  maxNameLength: 60,
};

export const DEFAULT_PAYROLL_POLICY: PayrollPolicy = {
  verification: DEFAULT_VERIFICATION_POLICY,
  overpayment: DEFAULT_OVERPAYMENT_POLICY,
  bankFile: DEFAULT_BANK_FILE_POLICY,
};
