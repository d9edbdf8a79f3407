import { defineEntity, type InferEntity } from '@mikro-orm/core';

const p = defineEntity.properties;

/**
 * What a completed transfer moved into a place (转移接续 rules §6): the spans it counted — start, end, wage, employee
 * rate and the place each was paid in — written in the hand-over's transaction. The next transfer of the same insurance
 * out of that place moves them on with the place's own months and marks them (`movedOnByCase`), so a worker who moves
 * twice keeps every year and every fen, and no month moves twice. One per transfer case.
 */
export const TransferCarriedHistory = defineEntity({
  name: 'TransferCarriedHistory',
  tableName: 'transfer_carried_history',
  indexes: [{ name: 'transfer_carried_history_citizen_id_insurance_index', properties: ['citizenId', 'insurance'] }],
  properties: {
    caseId: p.string().length(64).primary(),
    citizenId: p.string().length(18),
    insurance: p.string().length(16),
    /** The place the transfer moved the spans out of. */
    fromPoolingArea: p.string().length(6),
    /** The place that took the relationship over: it holds the spans now. */
    poolingArea: p.string().length(6),
    throughMonth: p.string().length(7),
    months: p.integer(),
    periods: p.json<unknown[]>(),
    /** Personal-account money a transfer in from a counterpart credited besides its spans (year, amount, from). */
    credits: p.json<unknown[]>().default('[]'),
    /** The later transfer out of `poolingArea` that moved the spans on. */
    movedOnByCase: p.string().length(64).nullable(),
    createdAt: p.datetime(),
  },
});
export type ITransferCarriedHistory = InferEntity<typeof TransferCarriedHistory>;
