import type { EntityManager } from '@mikro-orm/postgresql';
import type { EvidenceKind, VerificationPolicy } from '../../domain/payroll/payroll-policy.js';

/*
 * 待遇资格认证 writes (rules §8, docs/payroll.md "Eligibility verification"): evidence rows, the sweep that suspends
 * every overdue beneficiary, and the resumption a new verification brings. Each is one set-based statement, with the
 * citizen's notice (notice_outbox) and the audit entry written by the same statement, and each is idempotent: evidence
 * is unique per source record, an entitlement has at most one open suspension, notices and audit entries carry
 * dedupe keys.
 */

export interface EvidenceRow {
  citizenId: string;
  kind: EvidenceKind;
  verifiedOn: string;
  source: string;
  /** The source record (a feed row's kind, source and reference; a check-in's person and day): kept once. */
  sourceKey: string;
}

/**
 * The first payroll month of `region` that can still change: this month, or the month after the region's latest
 * payroll whose gathering has begun (a started chunk may already have written a line). A suspension starts there and a
 * resumption pays back there, so no month is paid twice and no back pay lands in a payroll already gathered.
 */
const OPEN_MONTH = (region: string) => `greatest(to_char(?::date, 'YYYY-MM'), coalesce((
  select to_char(to_date(max(p.period), 'YYYY-MM') + interval '1 month', 'YYYY-MM') from payroll p
  where p.region = ${region} and (p.entitlements_seen > 0 or p.gathered_at is not null)), ''))`;

/** Evidence rows in one insert; what was already on record (the same source record) is skipped. Returns rows written. */
export async function recordEvidence(
  tx: EntityManager,
  rows: readonly EvidenceRow[],
  by: { actorId: string; importId: number | null },
  at: Date,
): Promise<number> {
  if (rows.length === 0) return 0;
  const records = rows.map((r) => ({ c: r.citizenId, k: r.kind, d: r.verifiedOn, s: r.source, key: r.sourceKey }));
  const [row] = await tx.execute<{ n: string }[]>(
    `with ins as (insert into verification_evidence (citizen_id, kind, verified_on, source, source_key, import_id, recorded_by, recorded_at)
       select x.c, x.k, x.d::date, x.s, x.key, ?, ?, ? from json_to_recordset(?::json) as x(c text, k text, d text, s text, key text)
       on conflict (source_key) do nothing returning 1) select count(*) as n from ins`,
    [by.importId, by.actorId, at, JSON.stringify(records)],
  );
  return Number(row!.n);
}

/**
 * The two CTEs that give every suspension or resumption written by CTE `rows` (aliased `x`) its notice to the citizen
 * and its audit entry (masked: the entitlement, never the ID number), each once by its dedupe key. Parameters, in order:
 * the notice's time, then the audit entry's time, actor ID, actor role and request ID.
 */
function noticeAndAudit(rows: 'suspended' | 'resumed', n: { kind: string; action: string; payload: string; noticeKey: string }): string {
  return `noticed as (
       insert into notice_outbox (id, case_id, recipient_kind, recipient_id, channel, kind, payload, created_at, dedupe_key)
       select gen_random_uuid(), x.case_id, 'citizen', x.citizen_id, 'sms', '${n.kind}', ${n.payload}, ?, ${n.noticeKey}
       from ${rows} x on conflict (dedupe_key) do nothing returning 1),
     audited as (
       insert into audit_entry (at, actor_id, actor_role, region, action, object_type, object_id, request_id, detail, dedupe_key)
       select ?, ?, ?, x.region, '${n.action}', 'BenefitEntitlement', x.entitlement_id::text, ?,
         (${n.payload})::jsonb || jsonb_build_object('suspension', x.id), 'verification:${rows}:' || x.id
       from ${rows} x on conflict (dedupe_key) do nothing returning 1)`;
}

/** What the sweep and the resumption both run on: the day, the policy's bound, and who acts. */
interface VerificationScope {
  today: string;
  /** overdueIfDueOnOrBefore(today, policy): a verification whose due day is on or before it is overdue. */
  dueOnOrBefore: string;
  policy: VerificationPolicy;
  requestId: string | null;
  actor: { id: string; role: string };
}

export interface SweepScope extends VerificationScope {
  /** Only this region (a payroll's own sweep); null for every region (the daily sweep). */
  region: string | null;
}

/**
 * The suspension sweep (rules §8: automatic suspension when the verification is overdue), in ONE statement: every
 * active monthly fund entitlement without an open suspension whose last verification — the latest accepted evidence,
 * or the benefit's approval day when there is none later — is due on or before `dueOnOrBefore`, suspended from the
 * region's first open payroll month, each with a notice to the citizen and an audit entry. Run twice, it suspends
 * nobody twice. Returns how many were suspended.
 */
export async function suspendOverdue(em: EntityManager, scope: SweepScope, at: Date): Promise<number> {
  const [row] = await em.execute<{ n: string }[]>(
    `with last as (
       select e.id, e.case_id, e.citizen_id, e.region, e.benefit,
         greatest((e.created_at at time zone 'Asia/Shanghai')::date, (select max(v.verified_on) from verification_evidence v
           where v.citizen_id = e.citizen_id and v.verified_on <= ?::date and v.kind in (select jsonb_array_elements_text(?::jsonb)))) as verified_on
       from benefit_entitlement e
       where e.payer = 'fund' and e.status = 'active' and e.kind = 'monthly' and (?::text is null or e.region = ?::text)
         and not exists (select 1 from benefit_suspension s where s.entitlement_id = e.id and s.resumed_in is null)),
     suspended as (
       insert into benefit_suspension (entitlement_id, case_id, citizen_id, region, from_month, reason, notice_key, suspended_at)
       select l.id, l.case_id, l.citizen_id, l.region, ${OPEN_MONTH('l.region')},
         'verification overdue (last verified ' || l.verified_on::text || ')', 'verification:suspended:' || l.id || ':' || ${OPEN_MONTH('l.region')}, ?
       from last l where (l.verified_on + make_interval(months => ?))::date <= ?::date
       on conflict (entitlement_id) where resumed_in is null do nothing
       returning id, entitlement_id, case_id, citizen_id, region, from_month, reason, notice_key),
     ${noticeAndAudit('suspended', {
       kind: 'benefit_suspended',
       action: 'benefit.suspended',
       payload: `json_build_object('fromMonth', x.from_month, 'reason', x.reason)`,
       noticeKey: 'x.notice_key',
     })}
     select count(*) as n from suspended`,
    [
      scope.today,
      JSON.stringify(scope.policy.acceptedEvidence),
      scope.region,
      scope.region,
      scope.today,
      scope.today,
      at,
      scope.policy.cycleMonths,
      scope.dueOnOrBefore,
      at,
      at,
      scope.actor.id,
      scope.actor.role,
      scope.requestId,
    ],
  );
  return Number(row!.n);
}

export interface ResumeScope extends VerificationScope {
  /** Whose suspensions: the people with evidence of this feed import, or one person. */
  importId: number | null;
  citizenId: string | null;
}

/**
 * Verification after a suspension resumes the benefit (恢复待遇, rules §8), in ONE statement: every open suspension of
 * a person with accepted evidence that is itself current closes with back pay — the held months are paid as one
 * back-pay line, with its workings, by the region's first open payroll month (domain/payroll/entitlement.ts `dueLines`) —
 * with a notice and an audit entry each. Returns how many were resumed.
 */
export async function resumeVerified(em: EntityManager, scope: ResumeScope, at: Date): Promise<number> {
  const [row] = await em.execute<{ n: string }[]>(
    `with verified as (
       select v.citizen_id, max(v.verified_on) as verified_on from verification_evidence v
       where (?::bigint is null or v.import_id = ?::bigint) and (?::text is null or v.citizen_id = ?::text)
         and v.verified_on <= ?::date and (v.verified_on + make_interval(months => ?))::date > ?::date
         and v.kind in (select jsonb_array_elements_text(?::jsonb))
       group by v.citizen_id),
     opening as (
       select s.id, ${OPEN_MONTH('s.region')} as month from benefit_suspension s join verified v on v.citizen_id = s.citizen_id
       where s.resumed_in is null),
     resumed as (
       update benefit_suspension s set resumed_in = o.month, back_pay = true, resumed_at = ?, resumed_by = ?,
         to_month = to_char(to_date(o.month, 'YYYY-MM') - interval '1 month', 'YYYY-MM')
       from opening o where o.id = s.id and s.resumed_in is null
       returning s.id, s.entitlement_id, s.case_id, s.citizen_id, s.region, s.from_month, s.to_month, s.resumed_in),
     ${noticeAndAudit('resumed', {
       kind: 'benefit_resumed',
       action: 'benefit.resumed',
       payload: `json_build_object('fromMonth', x.from_month, 'resumedIn', x.resumed_in, 'backPayThrough', x.to_month)`,
       noticeKey: `'verification:resumed:' || x.id`,
     })}
     select count(*) as n from resumed`,
    [
      scope.importId,
      scope.importId,
      scope.citizenId,
      scope.citizenId,
      scope.today,
      scope.policy.cycleMonths,
      scope.dueOnOrBefore,
      JSON.stringify(scope.policy.acceptedEvidence),
      scope.today,
      at,
      scope.actor.id,
      at,
      at,
      scope.actor.id,
      scope.actor.role,
      scope.requestId,
    ],
  );
  return Number(row!.n);
}
