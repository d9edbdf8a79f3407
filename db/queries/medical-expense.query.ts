import type { EntityManager } from '@mikro-orm/postgresql';
import type { EligibilityEntry, MedicalCategory } from '../../domain/declarations/eligibility-list.js';
import { MEDICAL_EXPENSE_POLICY_KEY, medicalExpenseConfigWith, type MedicalExpenseConfig } from '../../domain/declarations/medical-expense-policy.js';

/** The categories the person is listed under in the region (rules §5.6). */
export async function categoriesOf(em: EntityManager, region: string, citizenId: string): Promise<MedicalCategory[]> {
  const rows = await em.execute<{ category: MedicalCategory }[]>('select category from eligibility_entry where region = ? and citizen_id = ?', [
    region,
    citizenId,
  ]);
  return rows.map((r) => r.category);
}

/** Which of `keys` a declaration holds, with that declaration's case and reference (for the refusal's reason). */
export async function heldInvoices(em: EntityManager, keys: readonly string[]): Promise<Map<string, { caseId: string; reference: string }>> {
  if (keys.length === 0) return new Map();
  const rows = await em.execute<{ invoice_key: string; case_id: string; reference: string }[]>(
    `select invoice_key, case_id, reference from medical_invoice where invoice_key in (${keys.map(() => '?').join(', ')})`,
    [...keys],
  );
  return new Map(rows.map((r) => [r.invoice_key, { caseId: r.case_id, reference: r.reference }]));
}

export interface EligibilityRow extends EligibilityEntry {
  region: string;
  importId: string;
  listedAt: string;
}

/** A page of a region's list, by category then ID number (keyset: the last row's pair). */
export async function listEligibility(
  em: EntityManager,
  query: { region: string; category?: MedicalCategory; citizenId?: string; after?: [string, string]; limit: number },
): Promise<EligibilityRow[]> {
  const where = ['region = ?'];
  const params: unknown[] = [query.region];
  const and = (clause: string, ...values: unknown[]) => {
    where.push(clause);
    params.push(...values);
  };
  if (query.category) and('category = ?', query.category);
  if (query.citizenId) and('citizen_id = ?', query.citizenId);
  if (query.after) and('(category, citizen_id) > (?, ?)', ...query.after);
  const rows = await em.execute<
    { region: string; citizen_id: string; category: MedicalCategory; name: string; source_document: string; import_id: string; listed_at: Date }[]
  >(
    `select region, citizen_id, category, name, source_document, import_id, listed_at from eligibility_entry
      where ${where.join(' and ')} order by category, citizen_id limit ?`,
    [...params, query.limit],
  );
  return rows.map((r) => ({
    region: r.region,
    citizenId: r.citizen_id,
    category: r.category,
    name: r.name,
    sourceDocument: r.source_document,
    importId: r.import_id,
    listedAt: new Date(r.listed_at).toISOString(),
  }));
}

export interface MedicalLedgerRow {
  id: number;
  category: MedicalCategory;
  reference: string;
  caseId: string;
  citizenId: string;
  region: string;
  amount: string;
  decidedBy: string;
  bookedAt: string;
}

/** A category's ledger in a region, newest first (keyset on the id), and its total. */
export async function readMedicalLedger(
  em: EntityManager,
  query: { region: string; category: MedicalCategory; beforeId?: number; limit: number },
): Promise<{ entries: MedicalLedgerRow[]; total: string; count: number }> {
  const rows = await em.execute<
    {
      id: string;
      category: MedicalCategory;
      reference: string;
      case_id: string;
      citizen_id: string;
      region: string;
      amount: string;
      decided_by: string;
      booked_at: Date;
    }[]
  >(
    `select id, category, reference, case_id, citizen_id, region, amount::text as amount, decided_by, booked_at from medical_ledger
      where region = ? and category = ? ${query.beforeId === undefined ? '' : 'and id < ?'} order by id desc limit ?`,
    [query.region, query.category, ...(query.beforeId === undefined ? [] : [query.beforeId]), query.limit],
  );
  const [sum] = await em.execute<{ total: string; count: string }[]>(
    `select coalesce(sum(amount), 0)::numeric(18,2)::text as total, count(*) as count from medical_ledger where region = ? and category = ?`,
    [query.region, query.category],
  );
  return {
    entries: rows.map((r) => ({
      id: Number(r.id),
      category: r.category,
      reference: r.reference,
      caseId: r.case_id,
      citizenId: r.citizen_id,
      region: r.region,
      amount: r.amount,
      decidedBy: r.decided_by,
      bookedAt: new Date(r.booked_at).toISOString(),
    })),
    total: sum?.total ?? '0.00',
    count: Number(sum?.count ?? 0),
  };
}

/** The declarations' configuration in force (`medicalExpense.policy` setting over the defaults). */
export async function loadMedicalExpenseConfig(em: EntityManager): Promise<MedicalExpenseConfig> {
  const [row] = await em.execute<{ value: Partial<MedicalExpenseConfig> }[]>('select value from setting where key = ?', [MEDICAL_EXPENSE_POLICY_KEY]);
  return medicalExpenseConfigWith(row?.value);
}
