import { compareDates, isIsoDate } from '../calendar/local-date.js';
import { DomainError } from '../errors.js';
import { AMOUNT_PATTERN, Money, isRate } from '../money.js';
import { MEDICAL_CATEGORIES, type EligibilityIndex, type MedicalCategory } from './eligibility-list.js';

export interface MedicalExpenseItem {
  description: string;
  amount: string;
}

export interface MedicalInvoice {
  invoiceNo: string;
  issuedOn: string;
  items: readonly MedicalExpenseItem[];
}

/** An itemised expense declaration for a 离休 or 二乙 person (rules §5.6), submitted by the employer or agency. */
export interface MedicalExpenseDeclaration {
  declarationId: string;
  category: MedicalCategory;
  citizenId: string;
  hospital: { code: string; name: string };
  /** Admission and discharge, or the day of an outpatient visit twice. */
  serviceFrom: string;
  serviceTo: string;
  declaredOn: string;
  invoices: readonly MedicalInvoice[];
}

export interface MedicalExpensePolicy {
  /**
   * Share of the declared total reimbursed from each ledger. 离休: the original, essentially full entitlement; 二乙:
   * benefits unchanged (国发〔1998〕44号 §6, §5.6 ◐). Default "1" for both — the provincial method may differ (unverified).
   */
  reimbursementShare: Readonly<Record<MedicalCategory, string>>;
  /** Whether the hospital must be on the list of designated hospitals given with the declaration. */
  requireKnownHospital: boolean;
}

export const DEFAULT_MEDICAL_EXPENSE_POLICY: MedicalExpensePolicy = {
  reimbursementShare: { lixiu: '1', erYi: '1' },
  requireKnownHospital: true,
};

export type MedicalRefusalCode =
  'NOT_ELIGIBLE' | 'UNKNOWN_HOSPITAL' | 'INVALID_DATE' | 'NO_ITEMS' | 'AMOUNT_PRECISION' | 'INVALID_AMOUNT' | 'DUPLICATE_INVOICE';

export interface MedicalRefusal {
  code: MedicalRefusalCode;
  path: string;
  reason: string;
}

export interface MedicalExpenseContext {
  eligibility: EligibilityIndex;
  hospitals: ReadonlySet<string>;
  /** Invoice numbers already declared, in either ledger, with the declaration that used them. */
  knownInvoices: ReadonlyMap<string, string>;
  policy?: MedicalExpensePolicy;
}

export type MedicalExpenseResult =
  | { accepted: false; declarationId: string; refusals: MedicalRefusal[] }
  | {
      accepted: true;
      declarationId: string;
      /** The ledger it is posted to; the two categories are never mixed. */
      ledger: MedicalCategory;
      invoices: { invoiceNo: string; total: string }[];
      total: string;
      reimbursable: string;
      workings: string[];
    };

/** Invoice numbers compare without surrounding spaces and case, as printed numbers are retyped. */
export function invoiceKey(invoiceNo: string): string {
  return invoiceNo.trim().toUpperCase();
}

function dateProblems(d: MedicalExpenseDeclaration, refuse: (code: MedicalRefusalCode, path: string, reason: string) => void): void {
  const dates: [string, string][] = [
    ['serviceFrom', d.serviceFrom],
    ['serviceTo', d.serviceTo],
    ['declaredOn', d.declaredOn],
  ];
  const bad = dates.filter(([, v]) => !isIsoDate(v));
  bad.forEach(([path]) => refuse('INVALID_DATE', path, 'must be a date written YYYY-MM-DD'));
  if (bad.length > 0) return;
  if (compareDates(d.serviceTo, d.serviceFrom) < 0) refuse('INVALID_DATE', 'serviceTo', 'is before serviceFrom');
  if (compareDates(d.serviceTo, d.declaredOn) > 0) refuse('INVALID_DATE', 'serviceTo', 'is after the declaration date');
  d.invoices.forEach((inv, i) => {
    if (!isIsoDate(inv.issuedOn)) refuse('INVALID_DATE', `invoices[${i}].issuedOn`, 'must be a date written YYYY-MM-DD');
    else if (compareDates(inv.issuedOn, d.serviceFrom) < 0 || compareDates(inv.issuedOn, d.declaredOn) > 0) {
      refuse('INVALID_DATE', `invoices[${i}].issuedOn`, `must lie between serviceFrom ${d.serviceFrom} and the declaration date ${d.declaredOn}`);
    }
  });
}

/**
 * Validates one 离休 / 二乙 itemised expense declaration and totals it (rules §5.6): the person must be on the
 * eligibility list of that category, the hospital designated, the dates in order, each invoice with items whose
 * amounts are positive with at most 2 decimals, and every invoice number unused — in this declaration and in every
 * earlier one of either ledger; a duplicate is refused naming the declaration that used it. Every fault is
 * reported. The accepted total goes to the category's own ledger. Pure.
 */
export function validateMedicalExpense(d: MedicalExpenseDeclaration, ctx: MedicalExpenseContext): MedicalExpenseResult {
  const policy = ctx.policy ?? DEFAULT_MEDICAL_EXPENSE_POLICY;
  const refusals: MedicalRefusal[] = [];
  const refuse = (code: MedicalRefusalCode, path: string, reason: string) => refusals.push({ code, path, reason });
  if (!MEDICAL_CATEGORIES.includes(d.category)) refuse('NOT_ELIGIBLE', 'category', `"${String(d.category)}" is not lixiu / erYi`);
  else if (!ctx.eligibility.get(d.citizenId.toUpperCase())?.has(d.category)) {
    refuse('NOT_ELIGIBLE', 'citizenId', `the person is not on the ${d.category} eligibility list`);
  }
  if (d.hospital.code.trim() === '' || (policy.requireKnownHospital && !ctx.hospitals.has(d.hospital.code))) {
    refuse('UNKNOWN_HOSPITAL', 'hospital.code', `hospital "${d.hospital.code}" is not a designated hospital`);
  }
  dateProblems(d, refuse);
  if (d.invoices.length === 0) refuse('NO_ITEMS', 'invoices', 'declares no invoice');
  const inThis = new Map<string, number>();
  const invoices: { invoiceNo: string; total: string }[] = [];
  d.invoices.forEach((inv, i) => {
    const key = invoiceKey(inv.invoiceNo);
    const earlier = ctx.knownInvoices.get(key);
    if (key === '') refuse('INVALID_AMOUNT', `invoices[${i}].invoiceNo`, 'must not be empty');
    else if (earlier !== undefined) refuse('DUPLICATE_INVOICE', `invoices[${i}].invoiceNo`, `invoice ${key} was already declared in ${earlier}`);
    else if (inThis.has(key)) refuse('DUPLICATE_INVOICE', `invoices[${i}].invoiceNo`, `invoice ${key} already appears in invoices[${inThis.get(key)}]`);
    else inThis.set(key, i);
    if (inv.items.length === 0) refuse('NO_ITEMS', `invoices[${i}].items`, 'lists no item');
    let total = Money.zero();
    inv.items.forEach((item, j) => {
      const path = `invoices[${i}].items[${j}].amount`;
      if (/^\d+\.\d{3,}$/.test(item.amount)) refuse('AMOUNT_PRECISION', path, `"${item.amount}" has more than 2 decimal places`);
      else if (!AMOUNT_PATTERN.test(item.amount) || Money.of(item.amount).isZero()) refuse('INVALID_AMOUNT', path, 'must be a positive amount such as 120.50');
      else total = total.plus(Money.of(item.amount));
    });
    invoices.push({ invoiceNo: key, total: total.toString() });
  });
  if (refusals.length > 0) return { accepted: false, declarationId: d.declarationId, refusals };

  const total = Money.sum(invoices.map((x) => Money.of(x.total)));
  const share = policy.reimbursementShare[d.category];
  if (!isRate(share))
    throw new DomainError('INVALID_AMOUNT', `reimbursementShare.${d.category} "${share}" is not a rate`, {
      path: 'policy',
    });
  const reimbursable = total.applyRate(share, 'HALF_UP_FEN');
  const workings = [
    ...invoices.map((x) => `invoice ${x.invoiceNo}: ${x.total}`),
    `total ${invoices.map((x) => x.total).join(' + ')} = ${total.toString()}`,
    `reimbursable ${total.toString()} × ${share} = ${reimbursable.toString()} (reimbursementShare.${d.category}; 国发〔1998〕44号 §6), posted to the ${d.category} ledger`,
  ];
  return {
    accepted: true,
    declarationId: d.declarationId,
    ledger: d.category,
    invoices,
    total: total.toString(),
    reimbursable: reimbursable.toString(),
    workings,
  };
}
