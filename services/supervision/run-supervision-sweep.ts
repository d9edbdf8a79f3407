import { activePensionAwards, employersByEnrollees } from '../../db/queries/supervision.query.js';
import { addPeriods } from '../../domain/payroll/payroll-month.js';
import { monthOf } from '../../domain/calendar/local-date.js';
import { duplicatePensions, enrolleesWithoutWages } from '../../domain/supervision/controls.js';
import { DEFAULT_SUPERVISION_POLICY } from '../../domain/supervision/supervision-policy.js';
import type { SweepContext } from '../arrears/run-arrears-sweep.js';
import { type HitFinder, type RaisedHit, raiseSupervisionHits, startInvestigations } from './raise-hits.js';

/** The months the enrollee control looks at: the three whole months before `asOf`'s. */
const WAGE_WINDOW_MONTHS = 3;

/**
 * The daily supervision sweep (rules §8; the supervision-sweep schedule): the controls over the whole register —
 * two active pension awards for one person (§8 pattern 3), an employer with many enrollees and no wage declaration in
 * the last three months (pattern 4, 挂靠). Each new hit opens one investigation; a matter found on an earlier day
 * opens nothing, so running it twice does no harm. Returns the hits that were new.
 */
export async function runSupervisionSweep(ctx: SweepContext, asOf: string): Promise<{ hits: number; opened: RaisedHit[] }> {
  const by: HitFinder = { actorId: 'supervision-sweep', actorRole: 'system', requestId: null, now: ctx.clock.now() };
  const policy = DEFAULT_SUPERVISION_POLICY;
  const to = addPeriods(monthOf(asOf), -1);
  const from = addPeriods(to, -(WAGE_WINDOW_MONTHS - 1));
  const awards = await activePensionAwards(ctx.em);
  const pensionHits = duplicatePensions(
    awards.map((a) => ({ citizenId: a.citizenId, relationshipId: a.caseId, region: a.region, scheme: 'employee', active: true })),
  );
  const employers = await employersByEnrollees(ctx.em, policy.enrolleeThreshold, from, to);
  let hits = 0;
  const opened = await ctx.em.transactional(async (tx) => {
    const raised: RaisedHit[] = [];
    for (const hit of pensionHits) {
      hits += 1;
      const citizenId = hit.subjectKey.slice('DUPLICATE_PENSION:'.length);
      const first = awards.find((a) => a.citizenId === citizenId)!;
      raised.push(...(await raiseSupervisionHits(tx, [hit], { region: first.region, citizenId, sourceCaseId: first.caseId }, by)));
    }
    for (const employer of employers) {
      const hit = enrolleesWithoutWages(
        { creditCode: employer.creditCode, enrollees: employer.enrollees, wageRecords: employer.wageRecords, from, to },
        policy,
      );
      if (!hit) continue;
      hits += 1;
      raised.push(...(await raiseSupervisionHits(tx, [hit], { region: employer.region, employerCreditCode: employer.creditCode }, by)));
    }
    return raised;
  });
  await startInvestigations(ctx.em, ctx.workflows, opened);
  return { hits, opened };
}
