import { DomainError } from '../errors.js';
import type { EntitlementLine } from './entitlement.js';

/** Why a claim is refused, as data: the rule's code and a sentence naming the numbers (every refusal says why). */
export interface ClaimRefusal {
  code: string;
  reason: string;
}

/**
 * What the checks of a claim found (rules §5): the refusals (empty when it may be granted), what a person
 * short of the minimum may do instead, the entitlement lines it would pay, the figures shown with them and the
 * workings — every figure with a line naming the rule and the numbers.
 */
export interface ClaimAssessment {
  refusals: ClaimRefusal[];
  options: string[];
  lines: EntitlementLine[];
  figures: Record<string, string | number | null>;
  workings: string[];
  /** What a granted claim does not pay, and why (a dependant who fails the 供养亲属 test): the letter says so. */
  partRefused?: string[];
}

export const refusedAssessment = (refusals: ClaimRefusal[], workings: string[] = [], options: string[] = []): ClaimAssessment => ({
  refusals,
  options,
  lines: [],
  figures: {},
  workings,
});

/**
 * Runs a calculator and turns its refusal of a configured or gathered figure into a claim refusal (the claim cannot
 * be granted on those figures, and says which one), instead of failing the case. Bugs still throw.
 */
export function refusalOf<T>(run: () => T): { ok: true; value: T } | { ok: false; refusal: ClaimRefusal } {
  try {
    return { ok: true, value: run() };
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    return { ok: false, refusal: { code: error.code === 'PARAMETERS_NOT_FOUND' ? 'NO_PARAMETERS' : 'FIGURES_INVALID', reason: error.message } };
  }
}
