import { maskBankAccount } from '../identity/masking.js';
import { AMOUNT_PATTERN, Money } from '../money.js';
import type { RETURN_FILE_SPEC } from './bank-file.js';
import { normaliseAccount } from './bank-file.js';
import type { LineOutcome, PaymentStatus, ReturnIssueCode, SentLine } from './bank-return.js';
import type { BankFilePolicy } from './payroll-policy.js';

type ReturnCells = Record<keyof (typeof RETURN_FILE_SPEC)['columns'], string>;

const STATUS: Readonly<Record<string, PaymentStatus>> = {
  PAID: 'paid',
  成功: 'paid',
  FAILED: 'failed',
  失败: 'failed',
};

export interface RowContext {
  batchId: string;
  sent: ReadonlyMap<string, SentLine>;
  /** Lines seen so far in this file, with their row; the check adds the row's line. */
  inFile: Map<string, number>;
  settled: Readonly<Record<string, PaymentStatus>>;
  policy: BankFilePolicy;
}

export interface RowVerdict {
  /** The outcome to apply, or null when the row is refused. */
  outcome: LineOutcome | null;
  issues: { field: string; code: ReturnIssueCode; message: string }[];
  /** The row restates an outcome an earlier file already recorded. */
  repeat: boolean;
}

function refused(field: string, code: ReturnIssueCode, message: string, repeat = false): RowVerdict {
  return { outcome: null, issues: [{ field, code, message }], repeat };
}

/**
 * One return row checked against the batch, in the order a clerk would: right batch, a line that was sent, not
 * repeated in the file, a known status, the amount and account that were sent, a reason for a failure, not already
 * settled by an earlier file. Accounts appear masked. Pure, apart from recording the line in `ctx.inFile`.
 */
export function checkReturnRow(row: number, cells: ReturnCells, ctx: RowContext): RowVerdict {
  if (cells.batchId !== ctx.batchId) {
    return refused('batchId', 'WRONG_BATCH', `belongs to batch "${cells.batchId}", not ${ctx.batchId}`);
  }
  const line = ctx.sent.get(cells.lineId);
  if (line === undefined) return refused('lineId', 'UNKNOWN_LINE', `line "${cells.lineId}" was not sent in this batch`);
  const first = ctx.inFile.get(cells.lineId);
  if (first !== undefined) {
    return refused('lineId', 'DUPLICATE_LINE', `line ${cells.lineId} already appears in rows[${first}]; this row is ignored`);
  }
  ctx.inFile.set(cells.lineId, row);
  const status = STATUS[cells.status.toUpperCase()] ?? STATUS[cells.status];
  if (status === undefined) return refused('status', 'BAD_ROW', `status "${cells.status}" is not PAID / FAILED (成功 / 失败)`);
  if (!AMOUNT_PATTERN.test(cells.amount)) return refused('amount', 'BAD_ROW', 'must be an amount with at most 2 decimals');
  const amount = Money.of(cells.amount);
  if (!amount.equals(Money.of(line.amount))) {
    return refused('amount', 'AMOUNT_DIFFERS', `bank reports ${amount.toString()}, ${line.amount} was sent`);
  }
  if (normaliseAccount(cells.bankAccount) !== normaliseAccount(line.bankAccount)) {
    const message = `bank reports account ${maskBankAccount(cells.bankAccount)}, ${maskBankAccount(line.bankAccount)} was sent`;
    return refused('bankAccount', 'ACCOUNT_DIFFERS', message);
  }
  if (status === 'failed' && cells.reasonCode === '') {
    return refused('reasonCode', 'BAD_ROW', 'a failed payment needs the bank’s reason code');
  }
  const earlier = ctx.settled[cells.lineId];
  if (earlier === status) return refused('lineId', 'ALREADY_APPLIED', `line ${cells.lineId} is already recorded as ${earlier}`, true);
  if (earlier !== undefined) {
    const message = `line ${cells.lineId} is recorded as ${earlier}, this file says ${status}; not applied`;
    return refused('status', 'CONFLICTING_OUTCOME', message, true);
  }
  const known = ctx.policy.reasonCodes[cells.reasonCode];
  const issues: RowVerdict['issues'] = [];
  if (status === 'failed' && known === undefined) {
    const message = `reason code "${cells.reasonCode}" is not in the bank’s table (bankFile.reasonCodes); applied as failed`;
    issues.push({ field: 'reasonCode', code: 'UNKNOWN_REASON_CODE', message });
  }
  const outcome: LineOutcome = {
    lineId: cells.lineId,
    status,
    amount: amount.toString(),
    reasonCode: status === 'failed' ? cells.reasonCode : null,
    reasonText: status === 'failed' ? (cells.reasonText !== '' ? cells.reasonText : (known ?? null)) : null,
    bankReference: cells.bankReference === '' ? null : cells.bankReference,
  };
  return { outcome, issues, repeat: false };
}
