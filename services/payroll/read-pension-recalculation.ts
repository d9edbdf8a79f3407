import { findRecalculation, recalculationDifferences, type DifferenceRow, type RecalculationRow } from '../../db/queries/pension-recalculation.query.js';
import { visibleOrNotFound } from '../authorization.js';
import type { CommandContext } from '../command-context.js';

/** GET /v1/pension-recalculations/{id}: a run the caller may read (as its region's payrolls), its progress and differences. */
export async function readPensionRecalculation(ctx: CommandContext, id: string, limit = 100): Promise<{ run: RecalculationRow; differences: DifferenceRow[] }> {
  const run = visibleOrNotFound(ctx, await findRecalculation(ctx.em, id), 'Payroll', (r) => ({ region: r.region }), {
    code: 'CASE_NOT_FOUND',
    message: `No recalculation ${id}`,
  });
  return { run, differences: await recalculationDifferences(ctx.em, id, limit) };
}
