import type { EntityManager } from '@mikro-orm/postgresql';
import { paidMonthsOf, recalculatePensions, type PensionLine, type RecalculationCause } from '../../domain/payroll/pension-recalculation.js';
import type { PensionAdjustmentRule } from '../../domain/payroll/recalculation.js';
import { appendAudit } from './case-log.js';

/*
 * The writes of a back-dated pension recalculation (待遇重算, docs/payroll.md): the dated adjustment rules, the run with
 * its progress, and per chunk of pension cases the new amounts and their differences — set-based, one transaction per
 * chunk, and idempotent: a difference is unique per entitlement and run, and only an entitlement that gets one has its
 * amount changed.
 */

const PENSIONS = `('basicPension', 'accountPension', 'transitionalPension')`;

/** Writes a region's dated adjustment rule (replacing one of the same date), audited. */
export async function recordPensionAdjustment(
  em: EntityManager,
  rule: PensionAdjustmentRule & { region: string },
  by: { actor: { id: string; role: string }; requestId: string | null; now: Date },
): Promise<{ replaced: boolean }> {
  return em.transactional(async (tx) => {
    const [before] = await tx.execute<{ region: string }[]>('select region from pension_adjustment where region = ? and effective_from = ?', [
      rule.region,
      rule.effectiveFrom,
    ]);
    await tx.execute(
      `insert into pension_adjustment (region, effective_from, fixed_amount, share, basis, recorded_by, recorded_at) values (?, ?, ?, ?, ?, ?, ?)
       on conflict (region, effective_from) do update set fixed_amount = excluded.fixed_amount, share = excluded.share, basis = excluded.basis,
         recorded_by = excluded.recorded_by, recorded_at = excluded.recorded_at`,
      [rule.region, rule.effectiveFrom, rule.fixedAmount, rule.share, rule.basis, by.actor.id, by.now],
    );
    await appendAudit(tx, {
      at: by.now,
      actorId: by.actor.id,
      actorRole: by.actor.role,
      region: rule.region,
      action: before ? 'pensionAdjustment.replaced' : 'pensionAdjustment.recorded',
      objectType: 'RegionParameters',
      objectId: `${rule.region}:${rule.effectiveFrom}:pensionAdjustment`,
      requestId: by.requestId,
      detail: { ...rule },
    });
    return { replaced: before !== undefined };
  });
}

/**
 * Opens the run (or finds it: the same change run again is the same run) and counts the region's pension cases, the
 * progress bar's whole. The audit entry says who started it, once per run.
 */
export async function openRecalculation(
  em: EntityManager,
  run: { id: string; region: string; cause: string; effectiveFrom: string },
  by: { actor: { id: string; role: string }; requestId: string | null; now: Date },
): Promise<{ created: boolean }> {
  return em.transactional(async (tx) => {
    const [count] = await tx.execute<{ n: string }[]>(
      `select count(distinct case_id) as n from benefit_entitlement where region = ? and payer = 'fund' and status = 'active' and benefit in ${PENSIONS}`,
      [run.region],
    );
    const inserted = await tx.execute<{ id: string }[]>(
      `insert into pension_recalculation (id, region, cause, effective_from, status, pensions_total, pensions_seen, changed, back_pay_total,
         deduction_total, started_by, started_at, finished_at)
       values (?, ?, ?, ?, 'running', ?, 0, 0, 0, 0, ?, ?, null) on conflict (id) do nothing returning id`,
      [run.id, run.region, run.cause, run.effectiveFrom, Number(count!.n), by.actor.id, by.now],
    );
    const created = inserted.length > 0;
    if (!created) {
      // A rerun looks at every case again: its progress starts over, what it already changed stays changed.
      await tx.execute(
        `update pension_recalculation set status = 'running', pensions_total = ?, pensions_seen = 0, finished_at = null where id = ? and status = 'done'`,
        [Number(count!.n), run.id],
      );
    }
    await appendAudit(tx, {
      at: by.now,
      actorId: by.actor.id,
      actorRole: by.actor.role,
      region: run.region,
      action: created ? 'pensionRecalculation.started' : 'pensionRecalculation.rerun',
      objectType: 'PensionRecalculation',
      objectId: run.id,
      requestId: by.requestId,
      detail: { ...run },
    });
    return { created };
  });
}

export interface RecalculationChunk {
  id: string;
  region: string;
  cause: RecalculationCause;
  nextPayroll: string;
  /** The last case ID of the previous chunk (keyset paging), or null for the first chunk. */
  after: string | null;
  limit: number;
}

interface LineRaw {
  id: string;
  case_id: string;
  citizen_id: string;
  benefit: string;
  amount: string;
  start_month: string;
  created_at: Date;
  paid: PaidLine[] | string;
  done: boolean;
}

type PaidLine = { period: string; kind: string; months: number; amount: string };

/**
 * One chunk of pension cases: their active pension lines with every month paid so far (sent or paid by the bank, or
 * carried to be paid again: at the old amount either way), recalculated in pure code; each changed line gets its
 * difference row and its new amount, in one transaction with the progress. A case with a difference of this run
 * already is left alone, so a rerun changes nothing.
 */
export async function recalculateChunk(
  em: EntityManager,
  chunk: RecalculationChunk,
  now: Date,
): Promise<{ next: string | null; seen: number; changed: number }> {
  return em.transactional(async (tx) => {
    const raw = await tx.execute<LineRaw[]>(
      `with cases as (
         select distinct case_id from benefit_entitlement
         where region = ? and payer = 'fund' and status = 'active' and benefit in ${PENSIONS} and case_id > ? order by case_id limit ?)
       select e.id, e.case_id, e.citizen_id, e.benefit, e.amount::text as amount, e.start_month, e.created_at,
         coalesce((select json_agg(json_build_object('period', l.period, 'kind', l.kind, 'months', l.months, 'amount', l.amount::text))
                   from payroll_line l where l.entitlement_id = e.id and l.kind in ('monthly', 'backPay') and l.status in ('sent', 'paid', 'carried')),
                  '[]'::json) as paid,
         exists (select 1 from pension_difference d join benefit_entitlement s on s.id = d.entitlement_id
                 where d.recalculation_id = ? and s.case_id = e.case_id) as done
       from benefit_entitlement e join cases c on c.case_id = e.case_id
       where e.payer = 'fund' and e.status = 'active' and e.benefit in ${PENSIONS}
       order by e.case_id, e.id`,
      [chunk.region, chunk.after ?? '', chunk.limit, chunk.id],
    );
    const cases = new Set(raw.map((r) => r.case_id));
    const lines: PensionLine[] = raw
      .filter((r) => !r.done)
      .map((r) => ({
        entitlementId: r.id,
        caseId: r.case_id,
        citizenId: r.citizen_id,
        benefit: r.benefit,
        amount: r.amount,
        startMonth: r.start_month,
        createdAt: new Date(r.created_at).toISOString(),
        paid: paidMonthsOf(typeof r.paid === 'string' ? (JSON.parse(r.paid) as PaidLine[]) : r.paid),
      }));
    const changes = recalculatePensions(lines, chunk.cause, chunk.nextPayroll);
    let changed = 0;
    if (changes.length > 0) {
      const [written] = await tx.execute<{ n: string; back_pay: string | null; deduction: string | null }[]>(
        `with ins as (
           insert into pension_difference (recalculation_id, entitlement_id, citizen_id, region, from_month, old_amount, new_amount, months, total,
             outstanding, workings, recorded_at)
           select ?, x.e, x.c, ?, x.f, x.o, x.n, x.m, x.t, x.t, x.w, ? from json_to_recordset(?::json) as x(e uuid, c text, f text, o numeric, n numeric, m int, t numeric, w jsonb)
           on conflict (entitlement_id, recalculation_id) do nothing returning entitlement_id, new_amount, total),
         upd as (update benefit_entitlement b set amount = ins.new_amount from ins where b.id = ins.entitlement_id returning b.id)
         select (select count(*) from upd) as n, sum(total) filter (where total > 0) as back_pay, -sum(total) filter (where total < 0) as deduction from ins`,
        [
          chunk.id,
          chunk.region,
          now,
          JSON.stringify(
            changes.map((c) => ({
              e: c.entitlementId,
              c: c.citizenId,
              f: c.fromMonth,
              o: c.oldAmount,
              n: c.newAmount,
              m: c.months,
              t: c.total,
              w: c.workings,
            })),
          ),
        ],
      );
      changed = Number(written!.n);
      await tx.execute(
        `update pension_recalculation set changed = changed + ?, back_pay_total = back_pay_total + ?, deduction_total = deduction_total + ? where id = ?`,
        [changed, written!.back_pay ?? '0', written!.deduction ?? '0', chunk.id],
      );
    }
    await tx.execute(`update pension_recalculation set pensions_seen = pensions_seen + ? where id = ?`, [cases.size, chunk.id]);
    return { next: cases.size < chunk.limit ? null : raw.at(-1)!.case_id, seen: cases.size, changed };
  });
}

/** The run is over: its time is kept. */
export async function finishRecalculation(em: EntityManager, id: string, now: Date): Promise<void> {
  await em.execute(`update pension_recalculation set status = 'done', finished_at = coalesce(finished_at, ?) where id = ?`, [now, id]);
}
