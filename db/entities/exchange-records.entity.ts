import { defineEntity, type InferEntity } from '@mikro-orm/core';
import type { Decimal } from 'decimal.js';
import { AmountType } from '../types/amount.type.js';

const p = defineEntity.properties;

/** A death reported by public security, civil affairs or health (rules §8 data exchange). One per person. */
export const DeathRecord = defineEntity({
  name: 'DeathRecord',
  tableName: 'death_record',
  properties: {
    citizenId: p.string().length(18).primary(),
    deathDate: p.string().columnType('date'),
    source: p.string().length(16),
    certificateNo: p.string().length(64),
    importId: p.bigint('number'),
    recordedAt: p.datetime(),
  },
});
export type IDeathRecord = InferEntity<typeof DeathRecord>;

/** A prison term reported by the courts or prisons (§8). One per person and start date; `toDate` null while serving. */
export const ImprisonmentRecord = defineEntity({
  name: 'ImprisonmentRecord',
  tableName: 'imprisonment_record',
  properties: {
    citizenId: p.string().length(18).primary(),
    fromDate: p.string().columnType('date').primary(),
    toDate: p.string().columnType('date').nullable(),
    institution: p.string().length(100),
    judgmentNo: p.string().length(64).nullable(),
    importId: p.bigint('number'),
    recordedAt: p.datetime(),
  },
});
export type IImprisonmentRecord = InferEntity<typeof ImprisonmentRecord>;

/** One feed file imported, by content fingerprint: the same file twice is applied once and reported as such. */
export const ExchangeImport = defineEntity({
  name: 'ExchangeImport',
  tableName: 'exchange_import',
  properties: {
    id: p.bigint('number').primary().autoincrement(),
    feed: p.string().length(16),
    fingerprint: p.string().length(16),
    rows: p.integer(),
    applied: p.integer(),
    importedBy: p.string().length(64),
    report: p.json<Record<string, unknown>>(),
    importedAt: p.datetime(),
  },
  uniques: [{ name: 'exchange_import_file', properties: ['feed', 'fingerprint'] }],
});
export type IExchangeImport = InferEntity<typeof ExchangeImport>;

/**
 * An overpayment (待遇多发): months paid after a death or another stop event, to be recovered by instalments or by
 * offset against later amounts (社会保险经办条例 art. 46). One per entitlement and cause. `region` and `caseId` are the
 * entitlement's (who may see it, the notice's case). What was recovered is its ledger (`overpayment_recovery_entry`);
 * it closes when the ledger reaches its amount. An instalment agreement sets `planMonthlyAmount` from `planFirstMonth`.
 * A supervisor's write-off (核销) makes it `waived`, with who, why and the legal basis.
 */
export const OverpaymentRecovery = defineEntity({
  name: 'OverpaymentRecovery',
  tableName: 'overpayment_recovery',
  properties: {
    id: p.bigint('number').primary().autoincrement(),
    citizenId: p.string().length(18).index(),
    entitlementId: p.uuid(),
    region: p.string().length(6).index(),
    caseId: p.string().length(64),
    cause: p.string().length(16),
    amount: p.type(AmountType).$type<Decimal>(),
    months: p.json<string[]>(),
    status: p.string().length(12).$type<'open' | 'closed' | 'waived'>(),
    /** `offset` (the share of each later payment) until an instalment agreement makes it `instalments`. */
    method: p.string().length(12).nullable(),
    planMonthlyAmount: p.type(AmountType).$type<Decimal>().nullable(),
    planFirstMonth: p.string().length(7).nullable(),
    planAgreedBy: p.string().length(64).nullable(),
    planAgreedAt: p.datetime().nullable(),
    /** What the agreement repays: the outstanding when it was agreed (null: agreed before it was kept). */
    planTotal: p.type(AmountType).$type<Decimal>().nullable(),
    /** Passed to legal action (移交司法) after missed instalments: no more chasing; the payroll still withholds. */
    legalActionAt: p.datetime().nullable(),
    legalActionBy: p.string().length(64).nullable(),
    legalActionNote: p.string().length(500).nullable(),
    openedAt: p.datetime(),
    closedAt: p.datetime().nullable(),
    waivedBy: p.string().length(64).nullable(),
    waiverReason: p.string().length(500).nullable(),
    waiverLegalBasis: p.string().length(200).nullable(),
  },
  uniques: [{ name: 'overpayment_recovery_cause', properties: ['entitlementId', 'cause'] }],
});
export type IOverpaymentRecovery = InferEntity<typeof OverpaymentRecovery>;

/**
 * The recovery's ledger (追回台账): every amount withheld from a paid payroll line (`offset`) or repaid by the person
 * (`repayment`), and at most one write-off (`waiver`, source `waiver`) of what was outstanding. Append-only (a trigger
 * refuses updates and deletes); `sourceRef` names where the money came from — `line:<line key>`,
 * `repayment:<caller>:<Idempotency-Key>` or `waiver` — and is unique per recovery, so a retry books nothing.
 */
export const OverpaymentRecoveryEntry = defineEntity({
  name: 'OverpaymentRecoveryEntry',
  tableName: 'overpayment_recovery_entry',
  properties: {
    id: p.bigint('number').primary().autoincrement(),
    recoveryId: p.bigint('number').index(),
    kind: p.string().length(12).$type<'offset' | 'repayment' | 'waiver' | 'writeOff'>(),
    amount: p.type(AmountType).$type<Decimal>(),
    sourceRef: p.string().length(200),
    note: p.string().length(200).nullable(),
    recordedBy: p.string().length(64),
    bookedAt: p.datetime(),
  },
  uniques: [
    { name: 'overpayment_recovery_entry_source', properties: ['recoveryId', 'sourceRef'] },
    { name: 'overpayment_recovery_entry_one_waiver', properties: ['recoveryId'], where: "kind = 'waiver'" },
  ],
  triggers: [
    {
      name: 'recovery_entry_append_only',
      timing: 'before',
      events: ['update', 'delete'],
      forEach: 'row',
      body: "raise exception '% is append-only', tg_table_name using errcode = '55000';",
    },
  ],
});
export type IOverpaymentRecoveryEntry = InferEntity<typeof OverpaymentRecoveryEntry>;

/**
 * A partial write-off (部分核销) of a recovery, four eyes: a supervisor proposes writing off part of what is outstanding,
 * with the reason and the legal basis; another supervisor approves it (a `writeOff` ledger entry, source
 * `write-off:<id>`) or rejects it. At most one proposal of a recovery waits for its decision.
 */
export const OverpaymentWriteOff = defineEntity({
  name: 'OverpaymentWriteOff',
  tableName: 'overpayment_write_off',
  properties: {
    id: p.bigint('number').primary().autoincrement(),
    recoveryId: p.bigint('number').index(),
    amount: p.type(AmountType).$type<Decimal>(),
    reason: p.string().length(500),
    legalBasis: p.string().length(200),
    status: p.string().length(10).$type<'proposed' | 'approved' | 'rejected'>(),
    proposedBy: p.string().length(64),
    proposedAt: p.datetime(),
    decidedBy: p.string().length(64).nullable(),
    decidedAt: p.datetime().nullable(),
    decisionComment: p.string().length(500).nullable(),
  },
  uniques: [{ name: 'overpayment_write_off_one_proposed', properties: ['recoveryId'], where: "status = 'proposed'" }],
});
export type IOverpaymentWriteOff = InferEntity<typeof OverpaymentWriteOff>;

/**
 * The chasing of a missed instalment (催收, 社会保险经办条例 art. 46; docs/payroll.md "Missed instalments"): opened by the
 * missed-instalment sweep once the grace has passed, with a caseworker's task and a notice to the person; decided by
 * recording a contact, a new agreement (`replanned`) or legal action. One per recovery and missed month, so the sweep
 * run twice chases once.
 */
export const OverpaymentRecoveryChase = defineEntity({
  name: 'OverpaymentRecoveryChase',
  tableName: 'overpayment_recovery_chase',
  properties: {
    id: p.bigint('number').primary().autoincrement(),
    recoveryId: p.bigint('number').index(),
    missedMonth: p.string().length(7),
    taskId: p.uuid(),
    status: p.string().length(12).$type<'open' | 'contacted' | 'replanned' | 'legalAction'>(),
    openedAt: p.datetime(),
    note: p.string().length(500).nullable(),
    decidedBy: p.string().length(64).nullable(),
    decidedAt: p.datetime().nullable(),
  },
  uniques: [
    { name: 'overpayment_recovery_chase_month', properties: ['recoveryId', 'missedMonth'] },
    { name: 'overpayment_recovery_chase_one_open', properties: ['recoveryId'], where: "status = 'open'" },
  ],
});
export type IOverpaymentRecoveryChase = InferEntity<typeof OverpaymentRecoveryChase>;

/**
 * What a payroll line withholds for a recovery (抵扣): written with the line when the payroll gathers it, booked into
 * the recovery's ledger only when the bank pays the line. One per line and recovery.
 */
export const PayrollLineWithholding = defineEntity({
  name: 'PayrollLineWithholding',
  tableName: 'payroll_line_withholding',
  properties: {
    lineKey: p.string().length(100).primary(),
    recoveryId: p.bigint('number').primary().index(),
    payrollId: p.string().length(64),
    period: p.string().length(7),
    amount: p.type(AmountType).$type<Decimal>(),
  },
});
export type IPayrollLineWithholding = InferEntity<typeof PayrollLineWithholding>;
