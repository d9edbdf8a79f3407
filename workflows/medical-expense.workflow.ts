import { runDeclarationReview } from './declaration-review-run.js';
import { failingOnDomainErrors } from './domain-failures.js';
import { MedicalExpenseCase } from './medical-expense/medical-expense-case.js';
import type { MedicalExpenseInput } from './medical-expense/medical-expense-messages.js';

export type { MedicalExpenseInput } from './medical-expense/medical-expense-messages.js';

/**
 * 离休人员 / 二乙 医疗费申报 (rules §5.6): the declaration passed the door checks (on the list, invoices unused, amounts
 * exact); a caseworker reviews it, a reviewer approves it (four eyes), and the approved amount is booked once to the
 * category's own ledger and written as a one-off entitlement line the payroll reimburses. A rejection releases the
 * invoice numbers. The steps live in workflows/medical-expense/medical-expense-case.ts.
 */
export async function medicalExpenseDeclaration(input: MedicalExpenseInput): Promise<{ status: string }> {
  return failingOnDomainErrors(() => runDeclarationReview(new MedicalExpenseCase(input), 'medical expense declaration'));
}
