import { runVerificationSweep } from '../services/verification/run-verification-sweep.js';
import type { ActivityDeps } from './deps.js';

/** The system as the actor of a sweep no person started (the schedule, a payroll's own run). */
const SYSTEM = { id: 'system', role: 'system' };

/** 待遇资格认证 side effects (docs/payroll.md "Eligibility verification"). */
export function createVerificationActivities({ orm, clock }: ActivityDeps) {
  return {
    /**
     * The daily suspension sweep (the verification-sweep schedule) over every region, as of the day the workflow gives:
     * one statement, idempotent (an entitlement has at most one open suspension).
     */
    suspendOverdueBeneficiaries: async (input: { today: string }): Promise<{ today: string; suspended: number }> =>
      runVerificationSweep({ em: orm.em.fork(), clock }, { today: input.today, region: null, actor: SYSTEM, requestId: null }),
  };
}
