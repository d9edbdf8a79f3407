import type { EntityManager } from '@mikro-orm/postgresql';
import type { DeathRecord, ImprisonmentRecord, LifeProofRecord } from '../../domain/payroll/exchange-feeds.js';
import type { VerificationPolicy } from '../../domain/payroll/payroll-policy.js';
import { appendAudit } from './case-log.js';
import { loadOverpaymentPolicy } from '../queries/settings.query.js';
import { openOverpayments } from './payroll-line-decisions.js';
import { recordEvidence, resumeVerified } from './verification.js';

export interface FeedImport {
  feed: 'deaths' | 'imprisonments' | 'life-proofs';
  fingerprint: string;
  rows: number;
  importedBy: string;
  importedRole: string;
  requestId: string | null;
  report: Record<string, unknown>;
}

export interface FeedApplied {
  /** Null when this file had been imported before: nothing applied. */
  importId: number | null;
  /** Records new to the system (a person or term already on record is not applied again). */
  applied: number;
  /** New records about a person with a benefit entitlement here. */
  matched: number;
  /** Entitlements stopped (deaths). */
  stopped: number;
  /** Overpayment recoveries opened (deaths after paid months). */
  recoveries: number;
  /** The entitlements a death stopped, as they were (active): the supervision control's facts (rules §8). */
  stoppedEntitlements: StoppedEntitlement[];
  /** Suspended benefits resumed (life proofs). */
  resumed?: number;
}

export interface StoppedEntitlement {
  entitlementId: string;
  citizenId: string;
  benefit: string;
  region: string;
}

const CHUNK = 10_000;

async function recordImport(tx: EntityManager, f: FeedImport, at: Date): Promise<number | null> {
  const [row] = await tx.execute<{ id: string }[]>(
    `insert into exchange_import (feed, fingerprint, rows, applied, imported_by, report, imported_at) values (?, ?, ?, 0, ?, ?, ?)
     on conflict (feed, fingerprint) do nothing returning id`,
    [f.feed, f.fingerprint, f.rows, f.importedBy, JSON.stringify(f.report), at],
  );
  return row ? Number(row.id) : null;
}

async function finish(tx: EntityManager, f: FeedImport, importId: number, result: FeedApplied, at: Date): Promise<FeedApplied> {
  await tx.execute(`update exchange_import set applied = ? where id = ?`, [result.applied, importId]);
  await appendAudit(tx, {
    at,
    actorId: f.importedBy,
    actorRole: f.importedRole,
    region: null,
    action: `exchange.${f.feed}`,
    objectType: 'ExchangeImport',
    objectId: String(importId),
    requestId: f.requestId,
    detail: {
      rows: f.rows,
      applied: result.applied,
      matched: result.matched,
      stopped: result.stopped,
      recoveries: result.recoveries,
      resumed: result.resumed ?? 0,
    },
    key: `exchange:${f.feed}:${f.fingerprint}`,
  });
  return result;
}

/**
 * A death feed (rules §8) in one transaction: the file by fingerprint (the same file again applies nothing), the
 * new death records (a person already on record keeps the first), then for each new death the person's periodic fund
 * benefits stop after the death month (their last month due; not the benefits paid because of the death), and months
 * already paid after it open an overpayment recovery (社会保险经办条例 art. 46). Set-based: chunks of 10 000 rows.
 */
export async function applyDeathFeed(em: EntityManager, f: FeedImport, records: readonly DeathRecord[], at: Date): Promise<FeedApplied> {
  return em.transactional(async (tx) => {
    const importId = await recordImport(tx, f, at);
    if (importId === null) return { importId: null, applied: 0, matched: 0, stopped: 0, recoveries: 0, stoppedEntitlements: [] };
    let applied = 0;
    for (let i = 0; i < records.length; i += CHUNK) {
      const chunk = records.slice(i, i + CHUNK).map((r) => ({ c: r.citizenId, d: r.deathDate, s: r.source, n: r.certificateNo }));
      const rows = await tx.execute<{ n: string }[]>(
        `with ins as (insert into death_record (citizen_id, death_date, source, certificate_no, import_id, recorded_at)
           select x.c, x.d::date, x.s, x.n, ?, ? from json_to_recordset(?::json) as x(c text, d text, s text, n text)
           on conflict (citizen_id) do nothing returning 1) select count(*) as n from ins`,
        [importId, at, JSON.stringify(chunk)],
      );
      applied += Number(rows[0]!.n);
    }
    const [matched] = await tx.execute<{ n: string }[]>(
      `select count(distinct d.citizen_id) as n from death_record d join benefit_entitlement e on e.citizen_id = d.citizen_id where d.import_id = ?`,
      [importId],
    );
    const stopped = await tx.execute<{ id: string; citizen_id: string; benefit: string; region: string }[]>(
      `update benefit_entitlement e set status = 'stopped', end_month = least(coalesce(e.end_month, to_char(d.death_date, 'YYYY-MM')), to_char(d.death_date, 'YYYY-MM')),
         stop_reason = 'death reported ' || d.death_date::text || ' (' || d.source || ')', stopped_at = ?
       from death_record d where d.citizen_id = e.citizen_id and d.import_id = ? and e.status = 'active' and e.kind <> 'oneOff'
         and e.claim_type not in ('funeral', 'survivor') returning e.id, e.citizen_id, e.benefit, e.region`,
      [at, importId],
    );
    const recoveries = await openOverpayments(tx, { cause: 'death', stop: { deathsOfImport: importId }, policy: await loadOverpaymentPolicy(tx) }, at);
    const stoppedEntitlements = stopped.map((r) => ({ entitlementId: r.id, citizenId: r.citizen_id, benefit: r.benefit, region: r.region }));
    return finish(tx, f, importId, { importId, applied, matched: Number(matched!.n), stopped: stopped.length, recoveries, stoppedEntitlements }, at);
  });
}

/**
 * A prison-term feed (courts and prisons, §8) in one transaction: the file by fingerprint, then the new terms (one per
 * person and start date). Nothing stops here: the payroll's control holds the lines of the months a term overlaps and a
 * caseworker decides them.
 */
export async function applyImprisonmentFeed(em: EntityManager, f: FeedImport, records: readonly ImprisonmentRecord[], at: Date): Promise<FeedApplied> {
  return em.transactional(async (tx) => {
    const importId = await recordImport(tx, f, at);
    if (importId === null) return { importId: null, applied: 0, matched: 0, stopped: 0, recoveries: 0, stoppedEntitlements: [] };
    let applied = 0;
    for (let i = 0; i < records.length; i += CHUNK) {
      const chunk = records.slice(i, i + CHUNK).map((r) => ({ c: r.citizenId, f: r.from, t: r.to, i: r.institution, j: r.judgmentNo }));
      const rows = await tx.execute<{ n: string }[]>(
        `with ins as (insert into imprisonment_record (citizen_id, from_date, to_date, institution, judgment_no, import_id, recorded_at)
           select x.c, x.f::date, x.t::date, x.i, x.j, ?, ? from json_to_recordset(?::json) as x(c text, f text, t text, i text, j text)
           on conflict (citizen_id, from_date) do nothing returning 1) select count(*) as n from ins`,
        [importId, at, JSON.stringify(chunk)],
      );
      applied += Number(rows[0]!.n);
    }
    const [matched] = await tx.execute<{ n: string }[]>(
      `select count(distinct i.citizen_id) as n from imprisonment_record i join benefit_entitlement e on e.citizen_id = i.citizen_id where i.import_id = ?`,
      [importId],
    );
    return finish(tx, f, importId, { importId, applied, matched: Number(matched!.n), stopped: 0, recoveries: 0, stoppedEntitlements: [] }, at);
  });
}

/**
 * A life-proof feed (待遇资格认证 by data matching, rules §8: a record of life, a hospital visit) in one transaction: the
 * file by fingerprint, then each row as verification evidence — unique per kind, source and reference, so the same row
 * in another file is kept once — and every open suspension of a person now verified resumes with back pay.
 */
export async function applyLifeProofFeed(
  em: EntityManager,
  f: FeedImport,
  records: readonly LifeProofRecord[],
  scope: { today: string; dueOnOrBefore: string; policy: VerificationPolicy },
  at: Date,
): Promise<FeedApplied> {
  return em.transactional(async (tx) => {
    const importId = await recordImport(tx, f, at);
    if (importId === null) return { importId: null, applied: 0, matched: 0, stopped: 0, recoveries: 0, resumed: 0, stoppedEntitlements: [] };
    let applied = 0;
    for (let i = 0; i < records.length; i += CHUNK) {
      const rows = records.slice(i, i + CHUNK).map((r) => ({
        citizenId: r.citizenId,
        kind: r.kind,
        verifiedOn: r.date,
        source: r.source.slice(0, 100),
        sourceKey: `${r.kind}:${r.source}:${r.reference}:${r.citizenId}`.slice(0, 200),
      }));
      applied += await recordEvidence(tx, rows, { actorId: f.importedBy, importId }, at);
    }
    const [matched] = await tx.execute<{ n: string }[]>(
      `select count(distinct v.citizen_id) as n from verification_evidence v join benefit_entitlement e on e.citizen_id = v.citizen_id where v.import_id = ?`,
      [importId],
    );
    const actor = { id: f.importedBy, role: f.importedRole };
    const resumed = await resumeVerified(tx, { ...scope, importId, citizenId: null, requestId: f.requestId, actor }, at);
    return finish(tx, f, importId, { importId, applied, matched: Number(matched!.n), stopped: 0, recoveries: 0, resumed, stoppedEntitlements: [] }, at);
  });
}
