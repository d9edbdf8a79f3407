import { isCitizenId } from '../identity/citizen-id.js';
import { maskBankAccount } from '../identity/masking.js';
import { AMOUNT_PATTERN, Money, MoneyTally } from '../money.js';
import { csvField, type TableIssue, type TableSpec } from './csv-table.js';
import { isPeriod } from './payroll-month.js';
import { DEFAULT_BANK_FILE_POLICY, type BankFilePolicy } from './payroll-policy.js';

/*
 * The bank payment file (待遇发放盘) and its return file (回盘), documented column by column in docs/rules/payroll.md:
 * CSV, UTF-8 without BOM, one header line, CRLF line endings, amounts as yuan with two decimals ("2070.00").
 */

/** Payment file columns, in order. */
export const PAYMENT_FILE_COLUMNS = ['batchId', 'lineId', 'citizenId', 'name', 'bankCode', 'bankAccount', 'amount', 'currency', 'period', 'benefit'] as const;

/** Return file columns; the bank may name them in English or Chinese. reasonCode, reasonText, bankReference are optional. */
export const RETURN_FILE_SPEC: TableSpec<'batchId' | 'lineId' | 'bankAccount' | 'amount' | 'status' | 'reasonCode' | 'reasonText' | 'bankReference'> = {
  columns: {
    batchId: ['batchId', '批次号'],
    lineId: ['lineId', '明细号'],
    bankAccount: ['bankAccount', '账号'],
    amount: ['amount', '金额'],
    status: ['status', '状态'],
    reasonCode: ['reasonCode', '原因代码'],
    reasonText: ['reasonText', '原因说明'],
    bankReference: ['bankReference', '银行流水号'],
  },
  required: ['batchId', 'lineId', 'bankAccount', 'amount', 'status'],
};

/** One payment to a beneficiary's bank or social security card account. */
export interface BankPaymentLine {
  lineId: string;
  citizenId: string;
  name: string;
  /** The bank's code (e.g. its CNAPS participant code); agreed with the bank. */
  bankCode: string;
  bankAccount: string;
  amount: string;
  period: string;
  benefit: string;
}

export type BankFileResult = { ok: true; text: string; lineCount: number; total: string; workings: string[] } | { ok: false; issues: TableIssue[] };

const ACCOUNT = /^\d{8,32}$/;
const CODE = /^[0-9A-Za-z-]{1,32}$/;
// Payroll line IDs are derived from the entitlement, month and kind ("E1:2026-03:monthly").
const LINE_ID = /^[0-9A-Za-z:_-]{1,80}$/;
// Control characters would break the fixed CSV shape or the bank's parser.
const CONTROL = /[\u0000-\u001f\u007f]/;

const at = (i: number, field: string) => `lines[${i}].${field}`;

// How the database writes numeric(18,2): two decimals, no leading zero — the file's own form of it.
const WRITTEN_AMOUNT = /^(0|[1-9]\d*)\.\d\d$/;

/** The amount as the file writes it (yuan with two decimals), or null when it is not a positive amount of at most 2 decimals. */
function amountCell(amount: string): string | null {
  if (WRITTEN_AMOUNT.test(amount) && amount.length <= 19) return amount === '0.00' ? null : amount;
  if (!AMOUNT_PATTERN.test(amount)) return null;
  const money = Money.of(amount);
  return money.isZero() ? null : money.toString();
}

/** A pure check or rendering remembered per distinct value (the values of one batch are few). */
function memo<R>(f: (value: string) => R): (value: string) => R {
  const known = new Map<string, R>();
  return (value) => {
    let r = known.get(value);
    if (r === undefined) {
      r = f(value);
      known.set(value, r);
    }
    return r;
  };
}

/** The account as it is written to the file: spaces people type between digit groups removed. */
export function normaliseAccount(account: string): string {
  return account.replace(/\s+/g, '');
}

/**
 * Writes the payment file for one payroll batch, or refuses it with every faulty line named: a missing or repeated
 * line ID, an amount that is not positive with at most two decimals, an invalid citizen ID or month, an account that
 * is not 8–32 digits, an empty or over-long name, a malformed bank code. Accounts are masked in every message and working (only the last 4 digits
 * show). Pure.
 */
export function writeBankPaymentFile(batchId: string, lines: readonly BankPaymentLine[], policy: BankFilePolicy = DEFAULT_BANK_FILE_POLICY): BankFileResult {
  const issues: TableIssue[] = [];
  if (!CODE.test(batchId)) issues.push({ path: 'batchId', message: 'must be 1–32 letters, digits or hyphens' });
  if (lines.length === 0) issues.push({ path: 'lines', message: 'the batch has no line' });
  const seen = new Map<string, number>();
  // A batch has a million lines and a handful of distinct months, benefits and bank codes: each is checked and
  // quoted once (the same answer every time: the checks are pure).
  const periodOk = memo(isPeriod);
  const codeOk = memo((code: string) => CODE.test(code));
  const quoted = memo(csvField);
  const head = `${quoted(batchId)},`;
  const out: string[] = [PAYMENT_FILE_COLUMNS.join(',')];
  const total = new MoneyTally();
  for (let i = 0; i < lines.length; i += 1) {
    const l = lines[i]!;
    const account = normaliseAccount(l.bankAccount);
    const first = seen.get(l.lineId);
    if (!LINE_ID.test(l.lineId)) issues.push({ path: at(i, 'lineId'), message: 'must be 1–80 letters, digits, hyphens, underscores or colons' });
    else if (first !== undefined) issues.push({ path: at(i, 'lineId'), message: `the same line is already in lines[${first}]` });
    else seen.set(l.lineId, i);
    const amount = amountCell(l.amount);
    if (amount === null) issues.push({ path: at(i, 'amount'), message: 'must be a positive amount with at most 2 decimals' });
    else total.add(amount);
    if (!isCitizenId(l.citizenId)) issues.push({ path: at(i, 'citizenId'), message: 'is not a valid citizen ID number' });
    if (!periodOk(l.period)) issues.push({ path: at(i, 'period'), message: 'must be a month written YYYY-MM' });
    if (!ACCOUNT.test(account)) issues.push({ path: at(i, 'bankAccount'), message: `account ${maskBankAccount(account)} must be 8–32 digits` });
    const name = l.name.trim();
    if (name === '' || CONTROL.test(name)) issues.push({ path: at(i, 'name'), message: 'must be a name without control characters' });
    // Code points, not UTF-16 units; a name no longer in units than the limit is within it.
    else if (name.length > policy.maxNameLength && Array.from(name).length > policy.maxNameLength)
      issues.push({
        path: at(i, 'name'),
        message: `longer than ${policy.maxNameLength} characters (bankFile.maxNameLength)`,
      });
    if (!codeOk(l.bankCode)) issues.push({ path: at(i, 'bankCode'), message: 'must be 1–32 letters, digits or hyphens' });
    if (issues.length > 0) continue; // the file is refused: its text is not needed
    // The line ID, citizen ID, account and amount passed their patterns above: nothing in them needs quoting.
    out.push(`${head}${l.lineId},${l.citizenId},${csvField(name)},${quoted(l.bankCode)},${account},${amount},CNY,${quoted(l.period)},${quoted(l.benefit)}`);
  }
  if (issues.length > 0) return { ok: false, issues };
  const text = out.join(policy.lineEnding) + policy.lineEnding;
  const sum = total.total().toString();
  const workings = [`batch ${batchId}: ${lines.length} lines, total ${sum} (UTF-8 CSV, header + one line per payment)`];
  return { ok: true, text, lineCount: lines.length, total: sum, workings };
}
