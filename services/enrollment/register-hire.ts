import { caseSubjectOf, type CaseRow } from '../../db/queries/case.query.js';
import { listServedRegions } from '../../db/queries/region.query.js';
import { loadEnrollmentPolicy } from '../../db/queries/settings.query.js';
import { businessKeyOf, caseIdFor, registerCase } from '../../db/writers/case-intake.js';
import { addDays, compareDates } from '../../domain/calendar/local-date.js';
import type { EnrollmentApplication } from '../../domain/enrollment/enrollment-application.js';
import { DomainError, invalidInput, type InputIssue } from '../../domain/errors.js';
import { parseCitizenId } from '../../domain/identity/citizen-id.js';
import { authorize, may } from '../authorization.js';
import type { CommandContext } from '../command-context.js';
import { ReferenceCache } from '../reference-cache.js';

export type HireRegistration = Omit<EnrollmentApplication, 'employerCreditCode' | 'person' | 'retirementCategory'> & {
  person: { citizenId: string; name: string; phone?: string; hukouRegion?: string };
  retirementCategory?: EnrollmentApplication['retirementCategory'];
  /** Left out by an employer agent: their own employer. Left out by a citizen: flexible work (灵活就业). */
  employerCreditCode?: string;
};

/** A registration may be filed up to this many days before the hire date (the start must be near). */
const MAX_DAYS_AHEAD = 31;
/** Statuses after which the same person and employer may file again: a new case, not the old one. */
const REOPENABLE = new Set(['rejected', 'refused', 'withdrawn']);

const reference = new ReferenceCache();

/**
 * 参保登记: an employer registers a hire, staff register one at the counter, or a citizen registers as a flexible
 * worker (rules §2). Input that can never be right is refused here with the field named and nothing written
 * (a birth date in the future, a hire before birth, a region the system does not serve); what needs the person's
 * record is the case's own checks. The case row is written before the workflow starts and the workflow ID is the case
 * ID, so a retried request lands on the same case.
 */
export async function registerHire(ctx: CommandContext, request: HireRegistration): Promise<CaseRow> {
  const { actor, em } = ctx;
  const employerCreditCode = request.employerCreditCode ?? (actor.role === 'employer' ? (actor.employer ?? null) : null);
  authorize(ctx, 'create', 'Enrollment', { region: request.region, citizenId: request.person.citizenId, employerCreditCode });

  const today = ctx.clock.today();
  const issues = impossibleInput(request, today);
  const served = await reference.get('regions', em, async (fork) => new Set((await listServedRegions(fork)).map((r) => r.code)));
  if (!served.has(request.region)) issues.push({ path: 'region', message: `region ${request.region} is not served by this system` });
  if (issues.length > 0) throw invalidInput(issues);

  const policy = await reference.get('enrollment.policy', em, loadEnrollmentPolicy);
  if (employerCreditCode === null) {
    const notAllowed = request.insuranceTypes.filter((type) => !policy.flexibleInsuranceTypes.includes(type));
    if (notAllowed.length > 0) {
      const allowed = policy.flexibleInsuranceTypes.join(' and ');
      throw new DomainError('ENROLLMENT_REFUSED', `a flexible worker may join only ${allowed}, not ${notAllowed.join(', ')}`, { path: 'insuranceTypes' });
    }
  }

  const businessKey = businessKeyOf('enrollment', request.person.citizenId, employerCreditCode ?? 'flexible');
  const { caseId, existing } = await caseIdFor(em, 'enrollment', businessKey, REOPENABLE);
  // Someone else's open case for this person: say so without showing it.
  if (existing && !may(ctx, 'read', 'Case', caseSubjectOf(existing)))
    throw new DomainError('NOT_ALLOWED_NOW', 'an enrollment for this person and employer is already open');
  const now = ctx.clock.now();
  const row =
    existing ??
    (await registerCase(em, caseId, {
      type: 'enrollment',
      businessKey,
      region: request.region,
      citizenId: request.person.citizenId,
      employerCreditCode,
      applicantId: actor.id,
      applicantRole: actor.role,
      subjectName: request.person.name,
      summary: { hireDate: request.hireDate, insuranceTypes: request.insuranceTypes, monthlyWage: request.monthlyWage },
      requestId: ctx.requestId,
      now,
    }));
  if (row.closedAt === null) {
    const application: EnrollmentApplication = {
      person: {
        citizenId: request.person.citizenId,
        name: request.person.name,
        phone: request.person.phone ?? null,
        hukouRegion: request.person.hukouRegion ?? null,
      },
      employerCreditCode,
      hireDate: request.hireDate,
      insuranceTypes: request.insuranceTypes,
      monthlyWage: request.monthlyWage,
      region: request.region,
      retirementCategory: request.retirementCategory ?? null,
    };
    // Always (re)start: if the first attempt wrote the row but never reached Temporal, the retry finishes the job.
    await ctx.workflows.startEnrollment({
      caseId: row.caseId,
      reference: row.reference,
      application,
      submittedBy: { id: actor.id, role: actor.role },
      submittedOn: ctx.clock.today(),
      policy,
    });
  }
  return row;
}

/** What no check of the person's record could ever accept: the dates contradict each other or today. */
function impossibleInput(request: HireRegistration, today: string): InputIssue[] {
  const issues: InputIssue[] = [];
  let birthDate: string | null = null;
  try {
    birthDate = parseCitizenId(request.person.citizenId, { today }).birthDate;
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    issues.push({ path: 'person.citizenId', message: error.message });
  }
  if (birthDate !== null && compareDates(request.hireDate, birthDate) < 0) {
    issues.push({ path: 'hireDate', message: 'is before the birth date in the ID number' });
  }
  if (request.hireDate > addDays(today, MAX_DAYS_AHEAD)) {
    issues.push({ path: 'hireDate', message: `is more than ${MAX_DAYS_AHEAD} days ahead; register a hire when the start is near` });
  }
  return issues;
}
