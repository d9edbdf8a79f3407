// Workflow inputs for the enrollment workflow tests and the history recorder.
import { randomInt, randomUUID } from 'node:crypto';
import { addDays, shanghaiDateOf } from '../../domain/calendar/local-date.js';
import type { EnrollmentApplication } from '../../domain/enrollment/enrollment-application.js';
import { DEFAULT_ENROLLMENT_POLICY, type EnrollmentPolicy } from '../../domain/enrollment/enrollment-policy.js';
import type { EnrollmentInput } from '../../workflows/index.js';
import { citizenId, SEEDED_EMPLOYER_330102 } from '../support/factories.js';

export interface EnrollmentInputOverrides {
  /** When the case is filed; the host clock by default. */
  now?: number;
  /** Days between the hire date and the submission; over 30 makes the registration late (社会保险法 art. 58). */
  hiredDaysAgo?: number;
  submittedBy?: EnrollmentInput['submittedBy'];
  policy?: Partial<EnrollmentPolicy>;
  application?: Partial<EnrollmentApplication>;
}

/**
 * A clean employer registration submitted today. The checks count lateness from `submittedOn`, not from the workflow
 * clock, so the verdict does not depend on how far earlier cases moved the time-skipping server. Review sampling is off unless asked for, so a
 * clean case is approved automatically and a review always has a named reason.
 */
export function enrollmentInput(overrides: EnrollmentInputOverrides = {}): EnrollmentInput {
  const submittedOn = shanghaiDateOf(overrides.now ?? Date.now());
  return {
    caseId: randomUUID(),
    reference: `EN${submittedOn.slice(0, 4)}${String(randomInt(0, 1_000_000)).padStart(6, '0')}`,
    application: {
      person: { citizenId: citizenId(), name: '张三', phone: null, hukouRegion: null },
      employerCreditCode: SEEDED_EMPLOYER_330102,
      hireDate: addDays(submittedOn, -(overrides.hiredDaysAgo ?? 5)),
      insuranceTypes: ['pension', 'medical', 'unemployment', 'workInjury'],
      monthlyWage: '8000.00',
      region: '330102',
      retirementCategory: null,
      ...overrides.application,
    },
    submittedBy: overrides.submittedBy ?? { id: 'agent-1', role: 'employer' },
    submittedOn,
    policy: { ...DEFAULT_ENROLLMENT_POLICY, reviewSampleRate: '0', ...overrides.policy },
  };
}

/** Hired this many days before submission: past the 30-day registration period, so a person reviews it (§2). */
export const LATE_HIRE_DAYS = 60;
