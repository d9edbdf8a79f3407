import { runMissedInstalmentSweep } from '../services/overpayment-recoveries/run-missed-instalment-sweep.js';
import { runVerificationSweep } from '../services/verification/run-verification-sweep.js';
import type { ActivityDeps } from './deps.js';

/** The system as the actor of a sweep no person started (the schedule, a payroll's own run). */
const SYSTEM = { id: 'system', role: 'system' };

/** The payroll's daily follow-ups: 待遇资格认证 (docs/payroll.md "Eligibility verification") and 催收 of missed instalments. */
export function createVerificationActivities({ orm, clock }: ActivityDeps) {
  return {
    /**
     * The daily suspension sweep (the verification-sweep schedule) over every region, as of the day the workflow gives:
     * one statement, idempotent (an entitlement has at most one open suspension).
     */
    suspendOverdueBeneficiaries: async (input: { today: string }): Promise<{ today: string; suspended: number }> =>
      runVerificationSweep({ em: orm.em.fork(), clock }, { today: input.today, region: null, actor: SYSTEM, requestId: null }),
    /**
     * The daily missed-instalment sweep (the missed-instalment-sweep schedule; 催收, docs/payroll.md "Missed
     * instalments") over every region, as of the day the workflow gives: idempotent (a month is chased once).
     */
    chaseMissedInstalments: async (input: { today: string }): Promise<{ today: string; chased: number }> =>
      runMissedInstalmentSweep({ em: orm.em.fork(), clock }, { today: input.today, region: null }),
  };
}
