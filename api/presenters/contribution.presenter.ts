import type { ArrearsStatement } from '../../domain/arrears/arrears-statement.js';
import type { Allocation } from '../../domain/contribution/allocation.js';
import { maskCitizenId } from '../../domain/identity/masking.js';
import type { BookedPayment } from '../../services/contributions/book-payment.js';
import type { DeclarationOutcome } from '../../services/contributions/declare-wages.js';

const money = (m: { toString(): string }) => m.toString();

/** A statement as the API shows it: every amount a decimal string. */
export const presentStatement = (s: ArrearsStatement) => ({
  asOf: s.asOf,
  periods: s.periods.map((p) => ({
    period: p.period,
    dueDate: p.dueDate,
    paymentDueOn: p.paymentDueOn,
    principal: money(p.principal),
    lateFeeDays: p.lateFeeDays,
    lateFeeAccrued: money(p.lateFeeAccrued),
    lateFeePaid: money(p.lateFeePaid),
    lateFee: money(p.lateFee),
    total: money(p.total),
    workings: p.workings,
  })),
  principal: money(s.principal),
  lateFee: money(s.lateFee),
  fine: money(s.fine),
  total: money(s.total),
});

export const presentAllocation = (a: Allocation | null) =>
  a && {
    lines: a.lines.map((l) =>
      l.component === 'fine'
        ? { period: null, component: l.component, amount: money(l.amount), caseId: l.caseId }
        : { period: l.period, component: l.component, amount: money(l.amount) },
    ),
    credit: money(a.credit),
    workings: a.workings,
  };

export const presentPayment = (p: BookedPayment) => ({
  paymentId: p.paymentId,
  idempotencyKey: p.idempotencyKey,
  duplicate: p.duplicate,
  allocation: presentAllocation(p.allocation),
});

/** A declaration as its answer shows it: amounts as decimal strings, ID numbers masked. */
export function presentDeclaration(outcome: Extract<DeclarationOutcome, { ok: true }>) {
  const byInsurance = Object.fromEntries(
    Object.entries(outcome.totals.byInsurance).map(([insurance, t]) => [insurance, { employer: money(t.employer), employee: money(t.employee) }]),
  );
  return {
    declarationId: outcome.declarationId,
    billId: outcome.billId,
    employerCreditCode: outcome.employerCreditCode,
    period: outcome.period,
    dueDate: outcome.dueDate,
    parametersFrom: outcome.parametersFrom,
    duplicate: outcome.duplicate,
    adjustment: outcome.adjustment,
    lineCount: outcome.lineCount,
    totals: { employer: money(outcome.totals.employer), employee: money(outcome.totals.employee), total: money(outcome.totals.total), byInsurance },
    lines: outcome.lines.map((l) => ({
      citizenId: maskCitizenId(l.citizenId),
      name: l.name,
      base: money(l.base),
      lines: l.lines.map((x) => ({
        insurance: x.insurance,
        employerRate: x.employerRate,
        employeeRate: x.employeeRate,
        employer: money(x.employer),
        employee: money(x.employee),
      })),
      employerTotal: money(l.employerTotal),
      employeeTotal: money(l.employeeTotal),
      total: money(l.total),
      workings: l.workings,
    })),
  };
}
