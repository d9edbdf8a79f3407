import * as wf from '@temporalio/workflow';
import type { ClaimAssessment } from '../../domain/benefit/claim-assessment.js';
import { type AmountEntries, claimAmounts } from '../../domain/benefit/claim-checks.js';
import { stopOnReemployment, type UnemploymentStop } from '../../domain/benefit/unemployment-stop.js';
import { compareDates, monthOf } from '../../domain/calendar/local-date.js';
import { today } from '../human-task.js';
import type { BenefitClaimCase } from './benefit-claim-case.js';

type Grade = { grade: number; concludedMonth: string };

/** The final grade and the month it was concluded in (work injury), for the amounts. */
function gradeOf(c: BenefitClaimCase): Grade | undefined {
  const d = c.life.context.disability;
  if (!d || d.finalGrade === null) return undefined;
  const subsidy = c.life.context.assessment?.lines.find((l) => l.benefit === 'disabilitySubsidy');
  return { grade: d.finalGrade, concludedMonth: subsidy?.startMonth ?? monthOf(d.concludedOn ?? today()) };
}

/** The claim's amounts with the caseworker's entries and the grade (domain/benefit/claim-checks.ts); none without a grade. */
export function amountsOf(c: BenefitClaimCase, entries: AmountEntries = {}, grade: Grade | undefined = gradeOf(c)): ClaimAssessment {
  const { application, policy, filedOn } = c.input;
  return (
    claimAmounts(application, c.facts, policy, filedOn, entries, grade) ?? {
      refusals: [{ code: 'NO_GRADE', reason: 'no disability grade yet' }],
      options: [],
      lines: [],
      figures: {},
      workings: [],
    }
  );
}

/** Where an unemployment benefit stops on re-employment (unemployment-stop.ts), never before its registration. */
export function stopFor(c: BenefitClaimCase, date: string): UnemploymentStop {
  const { application, policy } = c.input;
  if (application.type !== 'unemployment')
    throw wf.ApplicationFailure.nonRetryable('only an unemployment benefit stops on re-employment', 'InvariantViolation');
  const months = Number(c.life.context.assessment?.figures.months ?? 0);
  const reemploymentDate = compareDates(date, application.registeredOn) < 0 ? application.registeredOn : date;
  return stopOnReemployment({ registrationDate: application.registeredOn, entitledMonths: months, reemploymentDate }, policy.unemployment);
}

/** The last month of the unemployment benefit, when one is being paid. */
export function lastPaidMonth(c: BenefitClaimCase): string | null {
  return c.life.context.assessment?.lines.find((l) => l.benefit === 'unemploymentBenefit')?.endMonth ?? null;
}
