import { listEmployers, type EmployerRow } from '../../db/queries/employer.query.js';
import { accessibleFilter } from '../../policies/sql-scope.js';
import type { CommandContext } from '../command-context.js';

/** Employers the caller may see, by credit code, filtered in SQL by the same rules as every employer check. */
export function readEmployers(ctx: CommandContext, q: { region?: string; after?: string; limit: number }): Promise<{ items: EmployerRow[]; more: boolean }> {
  return listEmployers(ctx.em, { ...q, scope: accessibleFilter(ctx.ability, 'read', 'Employer') });
}
