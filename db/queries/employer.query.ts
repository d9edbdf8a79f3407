import type { EntityManager, FilterQuery } from '@mikro-orm/postgresql';
import { Employer } from '../entities/index.js';
import type { IEmployer } from '../entities/employer.entity.js';

export interface EmployerRow {
  creditCode: string;
  name: string;
  region: string;
  status: string;
  industryCode: string | null;
  workInjuryClass: number | null;
}

const toRow = (e: IEmployer): EmployerRow => ({
  creditCode: e.creditCode,
  name: e.name,
  region: e.region,
  status: e.status,
  industryCode: e.industryCode ?? null,
  workInjuryClass: e.workInjuryClass ?? null,
});

export async function findEmployer(em: EntityManager, creditCode: string): Promise<EmployerRow | null> {
  const e = await em.findOne(Employer, { creditCode }, { refresh: true });
  return e ? toRow(e) : null;
}

/** Employers within `scope` (policies/sql-scope.ts), by credit code, keyset-paged. */
export async function listEmployers(
  em: EntityManager,
  q: { scope: Record<string, unknown> | null; region?: string; after?: string; limit: number },
): Promise<{ items: EmployerRow[]; more: boolean }> {
  if (q.scope === null) return { items: [], more: false };
  const where: FilterQuery<IEmployer>[] = [q.scope];
  if (q.region) where.push({ region: q.region });
  if (q.after) where.push({ creditCode: { $gt: q.after } });
  const rows = await em.find(Employer, { $and: where }, { orderBy: { creditCode: 'asc' }, limit: q.limit + 1 });
  return { items: rows.slice(0, q.limit).map(toRow), more: rows.length > q.limit };
}
