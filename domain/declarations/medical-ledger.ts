import { Money } from '../money.js';
import type { MedicalCategory } from './eligibility-list.js';
import { validateMedicalExpense, type MedicalExpenseContext, type MedicalExpenseDeclaration, type MedicalExpenseResult } from './medical-expense.js';

/** One ledger's totals; 离休 and 二乙 are kept apart (国发〔1998〕44号 §6, rules §5.6). */
export interface LedgerTotals {
  declarations: number;
  total: string;
  reimbursable: string;
}

/**
 * Validates a batch in order, so an invoice used by an earlier declaration of the batch refuses a later one, and
 * totals each ledger on its own. Pure.
 */
export function declareMedicalExpenses(
  batch: readonly MedicalExpenseDeclaration[],
  ctx: MedicalExpenseContext,
): {
  results: MedicalExpenseResult[];
  ledgers: Record<MedicalCategory, LedgerTotals>;
} {
  const known = new Map(ctx.knownInvoices);
  const sums = {
    lixiu: { n: 0, total: Money.zero(), reimbursable: Money.zero() },
    erYi: { n: 0, total: Money.zero(), reimbursable: Money.zero() },
  };
  const results = batch.map((d) => {
    const r = validateMedicalExpense(d, { ...ctx, knownInvoices: known });
    if (r.accepted) {
      r.invoices.forEach((x) => known.set(x.invoiceNo, d.declarationId));
      const s = sums[r.ledger];
      s.n += 1;
      s.total = s.total.plus(Money.of(r.total));
      s.reimbursable = s.reimbursable.plus(Money.of(r.reimbursable));
    }
    return r;
  });
  const ledger = (c: MedicalCategory): LedgerTotals => ({
    declarations: sums[c].n,
    total: sums[c].total.toString(),
    reimbursable: sums[c].reimbursable.toString(),
  });
  return { results, ledgers: { lixiu: ledger('lixiu'), erYi: ledger('erYi') } };
}
