import type { EntityManager } from '@mikro-orm/postgresql';

/** A person's contact details and household registration as recorded; absent fields stay as they are. */
export async function updatePerson(
  em: EntityManager,
  citizenId: string,
  change: { name?: string; phone?: string; hukouRegion?: string },
  now: Date,
): Promise<boolean> {
  const rows = await em.execute<{ citizen_id: string }[]>(
    `update person set name = coalesce(?, name), phone = coalesce(?, phone), hukou_region = coalesce(?, hukou_region), updated_at = ?
      where citizen_id = ? returning citizen_id`,
    [change.name ?? null, change.phone ?? null, change.hukouRegion ?? null, now, citizenId],
  );
  return rows.length > 0;
}

export async function findPersonContact(
  em: EntityManager,
  citizenId: string,
): Promise<{ name: string; phone: string | null; hukouRegion: string | null } | null> {
  const [row] = await em.execute<{ name: string; phone: string | null; hukou_region: string | null }[]>(
    'select name, phone, hukou_region from person where citizen_id = ?',
    [citizenId],
  );
  return row ? { name: row.name, phone: row.phone, hukouRegion: row.hukou_region } : null;
}

export interface BaseChangeRow {
  id: string;
  citizenId: string;
  employerCreditCode: string | null;
  region: string;
  insuranceTypes: string[];
  fromMonth: string;
  oldBase: string;
  newBase: string;
  status: 'applied' | 'pending' | 'rejected';
  reason: string;
  requestedBy: string;
  decidedBy: string | null;
}

export async function insertBaseChange(em: EntityManager, change: BaseChangeRow, now: Date): Promise<void> {
  await em.execute(
    `insert into base_change (id, citizen_id, employer_credit_code, region, insurance_types, from_month, old_base, new_base, status, reason, requested_by, requested_at, decided_by, decided_at)
     values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [
      change.id,
      change.citizenId,
      change.employerCreditCode,
      change.region,
      JSON.stringify(change.insuranceTypes),
      change.fromMonth,
      change.oldBase,
      change.newBase,
      change.status,
      change.reason,
      change.requestedBy,
      now,
      change.decidedBy,
      change.decidedBy ? now : null,
    ],
  );
}

export async function findBaseChange(em: EntityManager, id: string): Promise<BaseChangeRow | null> {
  const [r] = await em.execute<
    {
      id: string;
      citizen_id: string;
      employer_credit_code: string | null;
      region: string;
      insurance_types: string[];
      from_month: string;
      old_base: string;
      new_base: string;
      status: BaseChangeRow['status'];
      reason: string;
      requested_by: string;
      decided_by: string | null;
    }[]
  >(
    'select id, citizen_id, employer_credit_code, region, insurance_types, from_month, old_base::text, new_base::text, status, reason, requested_by, decided_by from base_change where id = ?',
    [id],
  );
  return r
    ? {
        id: r.id,
        citizenId: r.citizen_id,
        employerCreditCode: r.employer_credit_code,
        region: r.region,
        insuranceTypes: r.insurance_types,
        fromMonth: r.from_month,
        oldBase: r.old_base,
        newBase: r.new_base,
        status: r.status,
        reason: r.reason,
        requestedBy: r.requested_by,
        decidedBy: r.decided_by,
      }
    : null;
}

/** Decides a pending change once: a second decision finds it decided and changes nothing. */
export async function decideBaseChange(em: EntityManager, id: string, status: 'applied' | 'rejected', decidedBy: string, now: Date): Promise<boolean> {
  const rows = await em.execute<{ id: string }[]>(
    `update base_change set status = ?, decided_by = ?, decided_at = ? where id = ? and status = 'pending' returning id`,
    [status, decidedBy, now, id],
  );
  return rows.length > 0;
}
