import type { CaseDeadline } from '../../domain/case/case-projection.js';
import { toShanghaiIso } from '../../domain/case/deadline-clock.js';
import type { EnrollmentCase } from './enrollment-case.js';

const flag = (provisional: boolean) => (provisional ? { provisional: true } : {});

/**
 * What the projection writes of an enrollment now: the registration deadline (calendar days from the hire), the
 * review task's SLA and a running correction period; the summary the case page reads. Pure.
 */
export function enrollmentReadModel(c: EnrollmentCase) {
  const ctx = c.life.context;
  const { application } = ctx;
  return {
    caseId: c.input.caseId,
    status: c.life.status(),
    version: c.life.version,
    closed: c.life.closed(),
    deadlines: enrollmentDeadlines(c),
    allowedEvents: c.allowedEvents(),
    summary: {
      personName: application.person.name,
      employerCreditCode: application.employerCreditCode,
      hireDate: application.hireDate,
      insuranceTypes: application.insuranceTypes,
      monthlyWage: application.monthlyWage,
      lateDays: ctx.lateDays,
      reviewReasons: ctx.reviewReasons,
      refusals: ctx.refusals,
      reason: ctx.reason,
      decidedBy: ctx.decidedBy,
      returns: ctx.returns,
    },
  };
}

function enrollmentDeadlines(c: EnrollmentCase): CaseDeadline[] {
  const { application, policy } = c.input;
  const registration = c.calendar.deadline(application.hireDate, policy.registrationDays, 'calendar');
  const list: CaseDeadline[] = [
    { name: 'registration', dueDate: registration.dueDate, dueAt: toShanghaiIso(registration.dueAtMs), unit: 'calendar', ...flag(registration.provisional) },
  ];
  const review = c.tasks.deadline('agencyReview');
  if (review) list.push(review);
  const correction = c.correctionDue();
  if (correction)
    list.push({ name: 'correction', dueDate: correction.dueDate, dueAt: toShanghaiIso(correction.dueAtMs), unit: 'calendar', ...flag(correction.provisional) });
  return list;
}
