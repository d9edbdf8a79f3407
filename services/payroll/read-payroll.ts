import { Payroll } from '../../db/entities/payroll.entity.js';
import {
  findPayroll,
  payrollsByIds,
  payrollExceptions,
  payrollBanks,
  payrollLineTotals,
  type HeldLine,
  type LineTotals,
  type PayrollRow,
} from '../../db/queries/payroll.query.js';
import { accessibleFilter } from '../../policies/sql-scope.js';
import { visibleOrNotFound } from '../authorization.js';
import type { CommandContext } from '../command-context.js';

export interface PayrollDetail {
  payroll: PayrollRow;
  totals: LineTotals[];
  /** Held and failed lines with their reasons (the first `limit`). */
  exceptions: HeldLine[];
  /** The banks of the approved batch (one payment file each), empty before approval. */
  banks: { bankCode: string; lines: number; total: string }[];
}

/** GET /v1/payrolls/{reference}: a payroll the caller may read (404 like an unknown one otherwise). */
export async function readPayroll(ctx: CommandContext, idOrReference: string, limit = 100): Promise<PayrollDetail> {
  const found = await findPayroll(ctx.em, idOrReference);
  const payroll = visibleOrNotFound(ctx, found, 'Payroll', (p) => ({ region: p.region }), { code: 'CASE_NOT_FOUND', message: `No payroll ${idOrReference}` });
  const [totals, exceptions, banks] = await Promise.all([
    payrollLineTotals(ctx.em, payroll.caseId),
    payrollExceptions(ctx.em, payroll.caseId, limit),
    payroll.approvedBy === null ? [] : payrollBanks(ctx.em, payroll.caseId),
  ]);
  return { payroll, totals, exceptions, banks };
}

/**
 * GET /v1/payrolls: the payrolls the caller may read, newest month first — filtered in SQL by the same CASL rules
 * (policies/sql-scope.ts) on the payroll entity, then read with their status.
 */
export async function readPayrolls(
  ctx: CommandContext,
  q: { limit: number; after: { period: string; reference: string } | null },
): Promise<{ items: PayrollRow[]; more: boolean }> {
  const scope = accessibleFilter(ctx.ability, 'read', 'Payroll');
  if (scope === null) return { items: [], more: false };
  const after = q.after ? [{ $or: [{ period: { $lt: q.after.period } }, { period: q.after.period, reference: { $lt: q.after.reference } }] }] : [];
  const rows = await ctx.em.find(
    Payroll,
    { $and: [scope, ...after] },
    {
      orderBy: { period: 'desc', reference: 'desc' },
      limit: q.limit + 1,
      fields: ['caseId'],
    },
  );
  const items = await payrollsByIds(
    ctx.em,
    rows.slice(0, q.limit).map((r) => r.caseId),
  );
  return { items, more: rows.length > q.limit };
}
