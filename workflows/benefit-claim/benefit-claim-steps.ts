import { stopLinesFrom } from '../../domain/benefit/entitlement.js';
import type { BenefitClaimEffect } from '../../domain/benefit/benefit-claim-effects.js';
import { decisionLetter } from '../../domain/benefit/benefit-claim-summary.js';
import type { BenefitNotice } from '../../domain/benefit/benefit-claim.machine.js';
import { checkFiledClaim } from '../../domain/benefit/claim-checks.js';
import type { UnemploymentStop } from '../../domain/benefit/unemployment-stop.js';
import { monthOf } from '../../domain/calendar/local-date.js';
import { today } from '../human-task.js';
import { localSteps as acts } from '../local-steps.js';
import { stopFor } from './benefit-claim-amounts.js';
import type { BenefitClaimCase } from './benefit-claim-case.js';

/**
 * The steps a benefit claim's lifecycle asks for (domain/benefit/benefit-claim-effects.ts), in the order it asks:
 * the checks on the insurance history, the entitlements recorded (or stopped on re-employment), the decision letter.
 */
export async function runBenefitClaimEffect(c: BenefitClaimCase, effect: BenefitClaimEffect): Promise<void> {
  switch (effect.kind) {
    case 'notify':
      return notify(c, effect.notice);
    case 'runChecks':
      return runChecks(c);
    case 'recordEntitlements':
      return recordEntitlements(c);
    case 'stopEntitlements':
      return stopEntitlements(c);
  }
}

function runChecks(c: BenefitClaimCase): void {
  const { caseId, application, policy, filedOn } = c.input;
  const outcome = checkFiledClaim(application, c.facts, policy, c.calendar.years, filedOn);
  c.journal.line(`${caseId}:checks`, outcome.passed ? 'checks.passed' : 'checks.failed', { refusals: outcome.passed ? [] : outcome.refusals });
  c.life.send(
    outcome.passed
      ? { type: 'CHECKS_PASSED', assessment: outcome.assessment, employerLiability: outcome.employerLiability, recognition: outcome.recognition }
      : { type: 'CHECKS_FAILED', refusals: outcome.refusals, options: outcome.options, assessment: outcome.assessment },
  );
}

async function recordEntitlements(c: BenefitClaimCase): Promise<void> {
  const { caseId, application } = c.input;
  const ctx = c.life.context;
  let lines = ctx.assessment?.lines ?? [];
  let stop: UnemploymentStop | null = null;
  if (application.type === 'unemployment' && ctx.reemployment) {
    stop = stopFor(c, ctx.reemployment.date);
    lines = stopLinesFrom(lines, stop.stopMonth);
  }
  await acts.recordEntitlements({
    caseId,
    citizenId: application.citizenId,
    region: application.region,
    claimType: application.type,
    lines,
    decidedBy: ctx.decision?.decidedBy ?? 'system',
    decidedMonth: monthOf(ctx.decision?.decidedOn ?? today()),
    stop: stop ? { stopMonth: stop.stopMonth, monthsUnused: stop.monthsUnused, reason: stopReason(c) } : null,
  });
  c.journal.line(`${caseId}:entitlements`, 'benefit.entitlements', { lines: lines.length });
  c.life.send({ type: 'ENTITLEMENTS_RECORDED', stop });
}

function stopReason(c: BenefitClaimCase): string {
  const r = c.life.context.reemployment;
  return `re-employed on ${r?.date ?? '?'}${r?.employerCreditCode ? ` by ${r.employerCreditCode}` : ''} (社会保险法 art. 51)`;
}

async function stopEntitlements(c: BenefitClaimCase): Promise<void> {
  const { caseId, application } = c.input;
  const stop = c.life.context.stop;
  if (!stop) return;
  await acts.stopEntitlements({ caseId, region: application.region, stopMonth: stop.stopMonth, monthsUnused: stop.monthsUnused, reason: stopReason(c) });
}

/** The letter of the notice becomes the one the case shows, and goes to the claimant with the next projection. */
function notify(c: BenefitClaimCase, notice: BenefitNotice): void {
  const { caseId, reference, claimantId } = c.input;
  c.letter = decisionLetter(notice, c.life.context, reference, c.status());
  c.journal.notice(`${caseId}:${notice}:${c.life.version}`, claimantId, notice, { reference, status: c.status(), letter: c.letter });
}
