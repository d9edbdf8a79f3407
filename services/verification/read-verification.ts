import { loadVerificationPolicy } from '../../db/queries/settings.query.js';
import type { SuspensionRow, VerificationFacts } from '../../db/queries/verification.query.js';
import type { EvidenceKind } from '../../domain/payroll/payroll-policy.js';
import { type VerificationSchedule, type VerificationStatus, verificationSchedule, verificationStatus } from '../../domain/payroll/verification.js';
import type { CommandContext } from '../command-context.js';
import { visibleVerificationFacts } from './verification-access.js';

/** A person's verification as the API answers it (docs/api.md "Eligibility verification"). */
export interface VerificationView {
  /** `none`: no monthly benefit is paid to the person, so there is nothing to verify. */
  status: VerificationStatus | 'none';
  schedule: VerificationSchedule | null;
  lastEvidence: { kind: EvidenceKind; verifiedOn: string; source: string } | null;
  /** Suspensions newest first; an open one has `resumedIn` null. */
  suspensions: SuspensionRow[];
}

export function viewOf(facts: VerificationFacts, today: string, policy: Parameters<typeof verificationSchedule>[1]): VerificationView {
  const none = facts.lastVerifiedOn === null;
  return {
    status: none ? 'none' : verificationStatus(facts.lastVerifiedOn, today, policy),
    schedule: none ? null : verificationSchedule(facts.lastVerifiedOn!, policy),
    lastEvidence: facts.lastEvidence,
    suspensions: facts.suspensions,
  };
}

/**
 * GET /v1/persons/{citizenId}/verification: when the person was last verified, when the next verification is due and
 * when payment would be suspended without it (rules §8), and their suspensions. The citizen for themself, staff of the
 * region of their benefit.
 */
export async function readVerification(ctx: CommandContext, citizenId: string): Promise<VerificationView> {
  const policy = await loadVerificationPolicy(ctx.em, ctx.clock.today());
  const facts = await visibleVerificationFacts(ctx, citizenId, policy);
  return viewOf(facts, ctx.clock.today(), policy);
}
