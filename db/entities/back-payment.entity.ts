import { defineEntity, type InferEntity } from '@mikro-orm/core';
import type { BackPaymentMonth } from '../../domain/declarations/back-payment.js';
import type { BackPaymentEvidence } from '../../domain/declarations/back-payment-evidence.js';
import type { SupervisionHit } from '../../domain/supervision/supervision-policy.js';

const p = defineEntity.properties;

/**
 * Where a back-payment stands after its review: `applied` (under review), `billed` (approved: the months charged to
 * the employer's ledger), `paid` (the bill settled: the months are in the person's insurance history), `rejected`.
 */
export type BackPaymentStatus = 'applied' | 'billed' | 'paid' | 'rejected';

/**
 * One 无记录补缴 application (rules §3, §4, §6.1): an employer back-pays a person's months without a record, each
 * month computed with that month's parameters plus its late fee. The figures and workings are kept as computed on the
 * application day; `supervisionHit` is the fund-supervision flag a span of 36 months or more without a legal document
 * raises (rules §8), null otherwise.
 */
export const BackPayment = defineEntity({
  name: 'BackPayment',
  tableName: 'back_payment',
  properties: {
    caseId: p.string().length(64).primary(),
    reference: p.string().length(20),
    region: p.string().length(6),
    employerCreditCode: p.string().length(18).index(),
    citizenId: p.string().length(18).index(),
    fromMonth: p.string().length(7),
    toMonth: p.string().length(7),
    insuranceTypes: p.json<string[]>(),
    months: p.json<BackPaymentMonth[]>(),
    totals: p.json<Record<string, string>>(),
    workings: p.json<string[]>(),
    evidence: p.json<BackPaymentEvidence[]>(),
    supervisionHit: p.json<SupervisionHit>().nullable(),
    status: p.string().length(12).$type<BackPaymentStatus>(),
    appliedOn: p.string().columnType('date'),
    billedAt: p.datetime().nullable(),
    /** The approved bill's own due date (approval day + `backPayment.policy` paymentDueDays); null until approved. */
    paymentDueOn: p.string().columnType('date').nullable(),
    /**
     * The `backPayment.policy` chargeLateFee in force on the approval day: false means the ledger charges no late fee on
     * the months before `paymentDueOn` (db/queries/contribution-ledger.query.ts `laterDue`).
     */
    chargeLateFee: p.boolean().default(true),
    paidAt: p.datetime().nullable(),
    createdAt: p.datetime(),
  },
});
export type IBackPayment = InferEntity<typeof BackPayment>;

/**
 * A month of a person held by a back-payment from its application on: the primary key makes two back-payments of one
 * month impossible, even sent at the same moment. A rejected back-payment gives its months back.
 */
export const BackPaymentMonthHold = defineEntity({
  name: 'BackPaymentMonthHold',
  tableName: 'back_payment_month',
  properties: {
    citizenId: p.string().length(18).primary(),
    month: p.string().length(7).primary(),
    caseId: p.string().length(64).index(),
  },
});
export type IBackPaymentMonthHold = InferEntity<typeof BackPaymentMonthHold>;
