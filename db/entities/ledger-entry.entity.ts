import { defineEntity, type InferEntity } from '@mikro-orm/core';
import type { Decimal } from 'decimal.js';
import { AmountType } from '../types/amount.type.js';

const p = defineEntity.properties;

/**
 * What an entry records (docs/architecture.md "Data": ledgers are append-only, a correction is a new entry):
 * - `charge`: the declared contributions of a period; `provisional_charge`: 110 % of the previous month (art. 62);
 * - `adjustment`: the difference when a declaration settles a provisional bill or replaces an earlier declaration;
 * - `principal_paid` / `late_fee_paid`: a payment allocated to a period (stored negative: it reduces what is owed);
 * - `credit`: an overpayment kept for the employer (period null; positive), and the credit spent on a later bill
 *   (negative, beside that bill's `principal_paid` / `late_fee_paid`); `fine`: an approved fine decision;
 * - `back_payment`: an approved back-payment's contributions for a month without a record (无记录补缴): principal of
 *   that period beside its declared charge, which a later wage declaration of the period never takes as its own.
 */
export type LedgerEntryType = 'charge' | 'provisional_charge' | 'adjustment' | 'principal_paid' | 'late_fee_paid' | 'credit' | 'fine' | 'back_payment';

/** One append-only ledger line, signed: the balance of a period is the plain sum of its lines. */
export const LedgerEntry = defineEntity({
  name: 'LedgerEntry',
  tableName: 'ledger_entry',
  properties: {
    id: p.bigint().primary().autoincrement(),
    employerCreditCode: p.string().length(18),
    period: p.string().length(7).nullable(),
    entryType: p.string().length(24).$type<LedgerEntryType>(),
    amount: p.type(AmountType).$type<Decimal>(),
    /** The business date: a payment's value date, a charge's due date. */
    occurredOn: p.string().columnType('date'),
    declarationId: p.uuid().nullable(),
    paymentId: p.uuid().nullable(),
    caseId: p.string().length(64).nullable(),
    dedupeKey: p.string().length(160).unique(),
    createdAt: p.datetime(),
  },
  indexes: [{ name: 'ledger_entry_employer_period', properties: ['employerCreditCode', 'period'] }],
  // A ledger is append-only (docs/architecture.md "Data"): a correction is a new line, never an edit; the database refuses both.
  triggers: [
    {
      name: 'ledger_entry_append_only',
      timing: 'before',
      events: ['update', 'delete'],
      forEach: 'row',
      body: "raise exception '% is append-only', tg_table_name using errcode = '55000';",
    },
  ],
});
export type ILedgerEntry = InferEntity<typeof LedgerEntry>;
