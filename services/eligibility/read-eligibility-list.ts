import { listEligibility, type EligibilityRow } from '../../db/queries/medical-expense.query.js';
import type { MedicalCategory } from '../../domain/declarations/eligibility-list.js';
import { DomainError } from '../../domain/errors.js';
import { authorize } from '../authorization.js';
import type { CommandContext } from '../command-context.js';

/** GET /v1/eligibility-lists: a page of the caller's region's lists (staff, auditors and administrators). */
export async function readEligibilityList(
  ctx: CommandContext,
  query: { category?: MedicalCategory; citizenId?: string; after?: [string, string]; limit: number },
): Promise<{ items: EligibilityRow[]; last: [string, string] | null; full: boolean }> {
  const region = ctx.actor.region;
  if (!region) throw new DomainError('FORBIDDEN', 'the eligibility lists are read by staff of a region');
  authorize(ctx, 'read', 'EligibilityList', { region });
  const rows = await listEligibility(ctx.em, { region, ...query, limit: query.limit + 1 });
  const items = rows.slice(0, query.limit);
  const lastRow = items.at(-1);
  return { items, last: lastRow ? [lastRow.category, lastRow.citizenId] : null, full: rows.length > query.limit };
}
