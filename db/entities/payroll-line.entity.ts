import { defineEntity, type InferEntity } from '@mikro-orm/core';
import type { Decimal } from 'decimal.js';
import { AmountType } from '../types/amount.type.js';

const p = defineEntity.properties;

/**
 * due: to be paid in this batch; held: a pre-payment control hit, waiting on a caseworker's task; stopped: not paid
 * (a stop, or stop and recover); sent: in the bank file; paid / failed: the bank's return; carried: released after the
 * batch was approved, or failed and corrected — the next payroll of the region takes it over.
 */
export type PayrollLineStatus = 'due' | 'held' | 'stopped' | 'sent' | 'paid' | 'failed' | 'carried';

/**
 * One payment due (domain/payroll/entitlement.ts `PayrollLine`). `lineKey` is `entitlement:month:kind` and unique
 * across every payroll, so the same entitlement month is never paid twice whatever is retried or run again; a line
 * carried to a later payroll keeps its key and moves its `payrollId`.
 */
export const PayrollLine = defineEntity({
  name: 'PayrollLine',
  tableName: 'payroll_line',
  properties: {
    id: p.bigint('number').primary().autoincrement(),
    lineKey: p.string().length(100).unique(),
    payrollId: p.string().length(64),
    entitlementId: p.uuid(),
    citizenId: p.string().length(18).index(),
    region: p.string().length(6),
    benefit: p.string().length(24),
    kind: p.string().length(8).$type<'monthly' | 'oneOff' | 'backPay' | 'adjust'>(),
    period: p.string().length(7),
    months: p.integer(),
    /** The months paid for ('YYYY-MM'): the period of a monthly line, the missed months of a back-pay; null on lines written before it was kept, and on a difference (补发), which counts as its period. */
    paidMonths: p.json<string[]>().nullable(),
    amount: p.type(AmountType).$type<Decimal>(),
    status: p.string().length(8).$type<PayrollLineStatus>(),
    holdReasons: p.json<{ code: string; reason: string }[]>().nullable(),
    /** How the amount came about, line by line, when it is more than the entitlement's monthly amount (a back-pay, a difference); null otherwise. */
    workings: p.json<string[]>().nullable(),
    taskId: p.uuid().nullable(),
    bankCode: p.string().length(32).nullable(),
    bankAccount: p.string().length(32).nullable(),
    payeeName: p.string().length(100).nullable(),
    reasonCode: p.string().length(16).nullable(),
    reasonText: p.string().length(200).nullable(),
    bankReference: p.string().length(64).nullable(),
    attempt: p.integer(),
    decidedBy: p.string().length(64).nullable(),
  },
  // No index holds `status` and the table's pages are half filled (fillfactor 50, set in the migration): sending the
  // approved batch and the bank's return change the status of every line, and with no indexed column changed and room
  // on the page those updates write no index entry (HOT; docs/performance.md "Payroll"). Lines are found by what else
  // marks them: the payroll, the region's month, a decision (carried lines are decided lines), the hold reasons, the
  // bank's reason code and the kind (the exceptions a payroll page lists), a line task.
  indexes: [
    { name: 'payroll_line_payroll', properties: ['payrollId', 'id'] },
    { name: 'payroll_line_region_period', properties: ['region', 'period'] },
    { name: 'payroll_line_decided', properties: ['region'], where: 'decided_by is not null' },
    {
      name: 'payroll_line_exceptions',
      properties: ['payrollId', 'id'],
      where: "hold_reasons is not null or reason_code is not null or kind = 'backPay'",
    },
    { name: 'payroll_line_task', properties: ['taskId'], where: 'task_id is not null' },
  ],
});
export type IPayrollLine = InferEntity<typeof PayrollLine>;
