import type { DeclarationReviewContext } from './declaration-review.machine.js';
import type { MedicalCategory } from './eligibility-list.js';
import type { MedicalExpenseDeclaration } from './medical-expense.js';

/** What the case row shows of a medical expense declaration; `medical` holds the details the presenter masks. */
export interface MedicalExpenseSummary {
  category: MedicalCategory;
  declaredOn: string;
  total: string;
  reimbursable: string;
  invoices: { invoiceNo: string; total: string }[];
  workings: string[];
  /** Medical details (hospital, dates, items): masked for roles that do not need them. */
  medical: {
    hospital: { code: string; name: string };
    serviceFrom: string;
    serviceTo: string;
    invoices: { invoiceNo: string; issuedOn: string; items: { description: string; amount: string }[] }[];
  };
  review: { reviewedBy: string | null; approvedBy: string | null; returns: number };
  decision: DeclarationReviewContext['decision'];
}

/** The read model's summary of a declaration in its current state. Pure. */
export function medicalExpenseSummary(
  d: MedicalExpenseDeclaration,
  assessment: { total: string; reimbursable: string; invoices: { invoiceNo: string; total: string }[]; workings: string[] },
  ctx: DeclarationReviewContext,
): MedicalExpenseSummary & Record<string, unknown> {
  return {
    category: d.category,
    declaredOn: d.declaredOn,
    total: assessment.total,
    reimbursable: assessment.reimbursable,
    invoices: assessment.invoices,
    workings: assessment.workings,
    medical: {
      hospital: d.hospital,
      serviceFrom: d.serviceFrom,
      serviceTo: d.serviceTo,
      invoices: d.invoices.map((i) => ({
        invoiceNo: i.invoiceNo,
        issuedOn: i.issuedOn,
        items: i.items.map((x) => ({ description: x.description, amount: x.amount })),
      })),
    },
    review: { reviewedBy: ctx.reviewedBy, approvedBy: ctx.approvedBy, returns: ctx.returns },
    decision: ctx.decision,
  };
}
