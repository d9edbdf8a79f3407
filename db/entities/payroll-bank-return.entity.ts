import { defineEntity, type InferEntity } from '@mikro-orm/core';

const p = defineEntity.properties;

/** A bank return file applied to a payroll, by its content fingerprint: the same file a second time applies nothing. */
export const PayrollBankReturn = defineEntity({
  name: 'PayrollBankReturn',
  tableName: 'payroll_bank_return',
  properties: {
    id: p.bigint('number').primary().autoincrement(),
    payrollId: p.string().length(64),
    fingerprint: p.string().length(16),
    uploadedBy: p.string().length(64),
    outcomes: p.integer(),
    report: p.json<Record<string, unknown>>(),
    uploadedAt: p.datetime(),
  },
  uniques: [{ name: 'payroll_bank_return_file', properties: ['payrollId', 'fingerprint'] }],
});
export type IPayrollBankReturn = InferEntity<typeof PayrollBankReturn>;
