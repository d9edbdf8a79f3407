import { Money } from '../money.js';
import { RETURN_FILE_SPEC } from './bank-file.js';
import { checkReturnRow } from './bank-return-row.js';
import { inFileOrder, readTable } from './csv-table.js';
import { DEFAULT_BANK_FILE_POLICY, type BankFilePolicy } from './payroll-policy.js';

export type ReturnIssueCode =
  | 'BAD_FILE'
  | 'BAD_ROW'
  | 'WRONG_BATCH'
  | 'UNKNOWN_LINE'
  | 'AMOUNT_DIFFERS'
  | 'ACCOUNT_DIFFERS'
  | 'DUPLICATE_LINE'
  | 'ALREADY_APPLIED'
  | 'CONFLICTING_OUTCOME'
  | 'FILE_ALREADY_APPLIED'
  | 'UNKNOWN_REASON_CODE';

/** A reported problem. Every code but UNKNOWN_REASON_CODE means the row (or file) was not applied. */
export interface ReturnIssue {
  path: string;
  code: ReturnIssueCode;
  message: string;
}

export type PaymentStatus = 'paid' | 'failed';

/** What was sent for one line, from the batch the payment file was written from. */
export interface SentLine {
  lineId: string;
  bankAccount: string;
  amount: string;
}

export interface LineOutcome {
  lineId: string;
  status: PaymentStatus;
  amount: string;
  reasonCode: string | null;
  reasonText: string | null;
  bankReference: string | null;
}

/** What earlier return files of the batch already applied. */
export interface AppliedSoFar {
  fingerprints: readonly string[];
  settled: Readonly<Record<string, PaymentStatus>>;
}

export interface BatchTotals {
  count: number;
  amount: string;
}

export interface ReturnReconciliation {
  fingerprint: string;
  /** The outcomes to record now; empty when the file had been applied before. */
  outcomes: LineOutcome[];
  issues: ReturnIssue[];
  /**
   * The batch after this file: every sent line is paid, failed or still outstanding. `complete` when nothing is
   * outstanding; `reconciled` when, in addition, sent = paid + failed to the fen.
   */
  totals: {
    sent: BatchTotals;
    paid: BatchTotals;
    failed: BatchTotals;
    outstanding: BatchTotals;
    reconciled: boolean;
    complete: boolean;
  };
  workings: string[];
}

/**
 * A fingerprint of a return file's content (two 32-bit FNV-1a hashes), insensitive to BOM and line endings, so the
 * same file uploaded twice is recognised. Not a security hash: it only tells repeated uploads apart.
 */
export function returnFileFingerprint(text: string): string {
  const body = (text.startsWith('\uFEFF') ? text.slice(1) : text).replaceAll('\r\n', '\n').replace(/\n+$/, '');
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ body.length;
  for (let i = 0; i < body.length; i += 1) {
    const c = body.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
  }
  return (a >>> 0).toString(16).padStart(8, '0') + (b >>> 0).toString(16).padStart(8, '0');
}

function totalOf(amounts: readonly Money[]): BatchTotals {
  return { count: amounts.length, amount: Money.sum(amounts).toString() };
}

/**
 * Reads a bank return file (回盘) and checks it against what was sent, applying nothing twice: a row for a line that
 * was not sent, with a different amount or account, repeated in the file, or already settled by an earlier file is
 * reported and not applied; so is a whole file uploaded again (same fingerprint, or every row already settled). A
 * failed row must carry the bank's reason code; a code missing from the policy's table is reported but applied. The
 * totals then reconcile to the fen: sent = paid + failed + outstanding. Accounts are masked in every message. Pure.
 */
export function reconcileBankReturn(input: {
  batchId: string;
  sent: readonly SentLine[];
  returnText: string;
  applied?: AppliedSoFar;
  policy?: BankFilePolicy;
}): ReturnReconciliation {
  const policy = input.policy ?? DEFAULT_BANK_FILE_POLICY;
  const applied = input.applied ?? { fingerprints: [], settled: {} };
  const fingerprint = returnFileFingerprint(input.returnText);
  const sent = new Map(input.sent.map((l) => [l.lineId, l]));
  const { rows, issues: formatIssues } = readTable(input.returnText, RETURN_FILE_SPEC);
  const issues: ReturnIssue[] = formatIssues.map((i) => ({
    ...i,
    code: i.path === 'columns' || i.path.startsWith('columns[') ? 'BAD_FILE' : 'BAD_ROW',
  }));
  let outcomes: LineOutcome[] = [];
  const inFile = new Map<string, number>();
  let repeats = 0;
  for (const { row, cells } of rows) {
    const verdict = checkReturnRow(row, cells, {
      batchId: input.batchId,
      sent,
      inFile,
      settled: applied.settled,
      policy,
    });
    if (verdict.repeat) repeats += 1;
    for (const i of verdict.issues) issues.push({ path: `rows[${row}].${i.field}`, code: i.code, message: i.message });
    if (verdict.outcome !== null) outcomes.push(verdict.outcome);
  }

  const seenBefore = applied.fingerprints.includes(fingerprint);
  if (seenBefore || (rows.length > 0 && repeats === rows.length)) {
    outcomes = [];
    issues.unshift({
      path: 'file',
      code: 'FILE_ALREADY_APPLIED',
      message: seenBefore ? 'this file was applied before; nothing applied again' : 'every row was applied by an earlier file; nothing applied again',
    });
  }

  const status = new Map<string, PaymentStatus>(Object.entries(applied.settled));
  for (const o of outcomes) status.set(o.lineId, o.status);
  const groups: Record<PaymentStatus | 'outstanding', Money[]> = { paid: [], failed: [], outstanding: [] };
  for (const l of input.sent) groups[status.get(l.lineId) ?? 'outstanding'].push(Money.of(l.amount));
  const sentTotals = totalOf(input.sent.map((l) => Money.of(l.amount)));
  const paid = totalOf(groups.paid);
  const failed = totalOf(groups.failed);
  const outstanding = totalOf(groups.outstanding);
  // Reconciled once nothing is outstanding and the paid and failed lines add up to what was sent, to the fen.
  const reconciled = outstanding.count === 0 && Money.of(sentTotals.amount).equals(Money.of(paid.amount).plus(Money.of(failed.amount)));
  const workings = [
    `sent ${sentTotals.count} lines ${sentTotals.amount} = paid ${paid.count} ${paid.amount} + failed ${failed.count} ${failed.amount} + outstanding ${outstanding.count} ${outstanding.amount}`,
    `${outcomes.length} outcomes applied from this file, ${issues.length} issues reported`,
  ];
  return {
    fingerprint,
    outcomes,
    issues: inFileOrder(issues),
    totals: { sent: sentTotals, paid, failed, outstanding, reconciled, complete: outstanding.count === 0 },
    workings,
  };
}
