import { isIsoDate } from '../calendar/local-date.js';
import { readCsvText, type CsvSink } from './csv-format.js';
import type { DeclarationIssue } from './declaration.js';
import { DomainError } from '../errors.js';
import { parseCreditCode } from '../identity/credit-code.js';
import { AMOUNT_PATTERN } from '../money.js';

/** Where a payment file comes from; each has its own documented layout (docs/contributions.md). */
export type PaymentSource = 'bank' | 'tax';

/** One payment read from a file, ready to book. */
export interface PaymentInstruction {
  /** `bank:<流水号>` or `tax:<税票号>`: the same line imported twice books once. */
  idempotencyKey: string;
  employer: string;
  amount: string;
  paidOn: string;
  reference: string;
}

/**
 * The column names of each adapter. Bank: 交易流水号, 付款单位信用代码, 金额, 交易日期 (YYYYMMDD or YYYY-MM-DD).
 * Tax bureau: 电子税票号, 纳税人识别号, 实缴金额, 入库日期. English names are accepted too.
 */
const LAYOUTS: Record<PaymentSource, Record<'id' | 'employer' | 'amount' | 'date', readonly string[]>> = {
  bank: { id: ['交易流水号', 'transactionId'], employer: ['付款单位信用代码', 'payerCreditCode'], amount: ['金额', 'amount'], date: ['交易日期', 'valueDate'] },
  tax: { id: ['电子税票号', 'taxVoucherNo'], employer: ['纳税人识别号', 'creditCode'], amount: ['实缴金额', 'amount'], date: ['入库日期', 'paidOn'] },
};

const normaliseDate = (s: string) => (/^\d{8}$/.test(s) ? `${s.slice(0, 4)}-${s.slice(4, 6)}-${s.slice(6)}` : s);

export interface PaymentFileRead {
  payments: PaymentInstruction[];
  issues: DeclarationIssue[];
}

/**
 * Reads a bank or tax-bureau payment file record by record (the adapters of issue 3). Every row is checked and every
 * fault reported by row and field; the caller books nothing unless there are none. A payment dated after `today` is
 * refused. Fed by `readPaymentFile` for text in memory or by the streaming reader of services/contributions. Pure.
 */
export function paymentFileReader(source: PaymentSource, today: string): CsvSink<PaymentFileRead> {
  const layout = LAYOUTS[source];
  let header: string[] | null = null;
  const headerIssues: DeclarationIssue[] = [];
  const issues: DeclarationIssue[] = [];
  const col = {} as Record<keyof typeof layout, number>;
  const seen = new Set<string>();
  const payments: PaymentInstruction[] = [];

  const readHeader = (cells: string[]) => {
    const names = cells.map((h) => h.trim());
    for (const [field, accepted] of Object.entries(layout) as [keyof typeof layout, readonly string[]][]) {
      const i = names.findIndex((h) => accepted.includes(h));
      if (i < 0) headerIssues.push({ path: 'columns', message: `missing column ${accepted.join(' / ')}` });
      else col[field] = i;
    }
  };

  const readRow = (r: string[]) => {
    const row = payments.length;
    const cell = (f: keyof typeof layout) => (r[col[f]] ?? '').trim();
    const at = (f: string) => `rows[${row}].${f}`;
    const id = cell('id');
    const employer = cell('employer').toUpperCase();
    const amount = cell('amount');
    const paidOn = normaliseDate(cell('date'));
    if (!/^[\w-]{1,60}$/.test(id)) issues.push({ path: at('id'), message: 'needs a transaction number (letters, digits, - or _)' });
    else if (seen.has(id)) issues.push({ path: at('id'), message: 'appears twice in the file' });
    seen.add(id);
    try {
      parseCreditCode(employer, 'warn');
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      issues.push({ path: at('employer'), message: error.message });
    }
    if (!AMOUNT_PATTERN.test(amount) || /^0+(\.0+)?$/.test(amount))
      issues.push({ path: at('amount'), message: 'must be a positive amount with at most 2 decimals' });
    if (!isIsoDate(paidOn)) issues.push({ path: at('date'), message: 'must be a date (YYYY-MM-DD or YYYYMMDD)' });
    else if (paidOn > today) issues.push({ path: at('date'), message: `${paidOn} is in the future` });
    payments.push({ idempotencyKey: `${source}:${id}`, employer, amount, paidOn, reference: id });
  };

  return {
    record(cells) {
      if (header === null) {
        header = cells;
        readHeader(cells);
      } else if (headerIssues.length === 0) {
        readRow(cells);
      }
    },
    result() {
      if (header === null) return { payments: [], issues: [{ path: 'columns', message: 'the file is empty' }] };
      return headerIssues.length > 0 ? { payments: [], issues: [...headerIssues] } : { payments, issues };
    },
  };
}

/** A payment file's text in memory, read by {@link paymentFileReader}; a file that is not CSV adds its fault. Pure. */
export function readPaymentFile(text: string, source: PaymentSource, today: string): PaymentFileRead {
  const { result, fault } = readCsvText(text, paymentFileReader(source, today));
  return fault ? { payments: result.payments, issues: [...result.issues, fault] } : result;
}
