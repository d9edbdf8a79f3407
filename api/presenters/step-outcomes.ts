// Which outcomes a decision on each case type's step offers, taken from the domain's own per-step lists, so a new
// case type plugs in here with data instead of a new branch in the presenter.
import { ARREARS_STEPS } from '../../domain/arrears/arrears-decision.js';
import { BENEFIT_STEP_OUTCOMES } from '../../domain/benefit/benefit-claim-decision.js';
import { DECLARATION_STEPS } from '../../domain/declarations/declaration-review.js';
import { INVESTIGATION_STEPS } from '../../domain/supervision/investigation-steps.js';
import { REVIEW_OUTCOMES } from '../../domain/enrollment/enrollment-decision.js';
import { PETITION_STEP_OUTCOMES } from '../../domain/petition/petition-decision.js';
import { TRANSFER_STEP_OUTCOMES } from '../../domain/transfer/transfer-decision.js';

/** The declarations' review steps (medical expenses, account subsidies, back-payments) share one list. */
const DECLARATION_OUTCOMES = Object.fromEntries(Object.entries(DECLARATION_STEPS).map(([step, spec]) => [step, spec.outcomes]));

/** Case type → step → the outcomes that step takes (rules §7 petitions, §4 arrears). */
const STEP_OUTCOMES: Record<string, Record<string, readonly string[]>> = {
  petition: PETITION_STEP_OUTCOMES,
  arrears: Object.fromEntries(Object.entries(ARREARS_STEPS).map(([step, spec]) => [step, spec.outcomes])),
  transfer: TRANSFER_STEP_OUTCOMES,
  benefit: BENEFIT_STEP_OUTCOMES,
  medicalExpense: DECLARATION_OUTCOMES,
  accountSubsidy: DECLARATION_OUTCOMES,
  investigation: Object.fromEntries(Object.entries(INVESTIGATION_STEPS).map(([step, spec]) => [step, spec.outcomes])),
  backPayment: DECLARATION_OUTCOMES,
};

/**
 * The outcomes the holder of a task at `step` may send. Types listed above offer their step's list; the update
 * validator still refuses an outcome the case cannot take now. Enrollment (and any type not listed) offers the
 * generic outcomes its workflow currently allows, as the `allowedActions` contract has always said
 * (APPROVE → "approve").
 */
export function stepOutcomesFor(caseType: string, step: string, allowedEvents: readonly string[]): string[] {
  const listed = STEP_OUTCOMES[caseType]?.[step];
  if (listed) return [...listed];
  return REVIEW_OUTCOMES.filter((outcome) => allowedEvents.includes(outcome.toUpperCase()));
}
