/** The kinds of case the agency runs (docs/architecture.md "The processes"). */
export const CASE_TYPES = [
  'enrollment',
  'arrears',
  'petition',
  'benefit',
  'transfer',
  'medicalExpense',
  'payroll',
  'accountSubsidy',
  'investigation',
  'backPayment',
] as const;
export type CaseType = (typeof CASE_TYPES)[number];

/** Prefix of the human-readable reference printed on notices: EN2026000123. No personal data in it. */
export const REFERENCE_PREFIX: Record<CaseType, string> = {
  enrollment: 'EN',
  arrears: 'AR',
  petition: 'XF',
  benefit: 'BC',
  transfer: 'TR',
  // 离休 / 二乙 medical expense declarations (医疗费申报, rules §5.6)
  medicalExpense: 'YL',
  payroll: 'PR',
  // 医疗帐户补助金申报 (rules §5.6): credits to personal medical accounts
  accountSubsidy: 'BZ',
  // 稽核调查: an investigation a fund-supervision control opened (rules §8)
  investigation: 'JC',
  // 无记录补缴: back-payment for months without a record (rules §3, §4, §6.1)
  backPayment: 'BJ',
};

/** `EN` + year + six-digit sequence number. */
export function formatReference(type: CaseType, year: number, sequence: number): string {
  return `${REFERENCE_PREFIX[type]}${year}${String(sequence).padStart(6, '0')}`;
}

export const REFERENCE_PATTERN = /^(EN|AR|XF|BC|TR|YL|PR|BZ|JC|BJ)\d{10}$/;
