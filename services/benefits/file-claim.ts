import { hasRecordWith, loadBenefitPolicyVersions, personName } from '../../db/queries/benefit.query.js';
import { caseSubjectOf, type CaseRow } from '../../db/queries/case.query.js';
import { regionsOfPerson } from '../../db/queries/insurance-record.query.js';
import { listServedRegions } from '../../db/queries/region.query.js';
import { businessKeyOf, caseIdFor, registerCase } from '../../db/writers/case-intake.js';
import {
  type BenefitClaimApplication,
  type ClaimDependant,
  claimEmployer,
  claimEventDate,
  claimEventKey,
  type DeathCause,
  impossibleClaimInput,
} from '../../domain/benefit/benefit-claim.js';
import { benefitPolicyInForce } from '../../domain/benefit/benefit-policy.js';
import type { RecognitionApplicant } from '../../domain/benefit/work-injury-clocks.js';
import { DomainError, invalidInput, type InputIssue } from '../../domain/errors.js';
import { parseCitizenId } from '../../domain/identity/citizen-id.js';
import type { RetirementCategory } from '../../domain/retirement-age.js';
import type { BenefitClaimSubject } from '../../policies/subjects.js';
import { authorize, may } from '../authorization.js';
import type { CommandContext } from '../command-context.js';
import { ReferenceCache } from '../reference-cache.js';

/** POST /v1/benefit-claims as the route parsed it: the type's own fields, optional ones absent. */
export type BenefitClaimRequest = { citizenId: string; region: string } & (
  | {
      type: 'pension';
      retirementDate: string;
      retirementCategory?: RetirementCategory;
      lateRetirementAgreed?: boolean;
      contributionsExtended?: boolean;
      deemedMonths?: number;
    }
  | { type: 'unemployment'; leaveDate: string; employerCreditCode: string; registeredOn?: string }
  | {
      type: 'maternity';
      employerCreditCode: string;
      event: { type: 'birth' | 'miscarriage'; date: string; difficultBirth?: boolean; babies?: number; pregnancyMonths?: number };
    }
  | {
      type: 'workInjury';
      accidentDate: string;
      employerCreditCode: string;
      description: string;
      applicant?: RecognitionApplicant;
      clearCut?: boolean;
      approvedExtensionDays?: number;
    }
  | {
      type: 'funeral' | 'survivor';
      deathDate: string;
      cause: DeathCause;
      injuryReference?: string;
      dependants?: (Pick<ClaimDependant, 'name' | 'relation'> & Partial<{ [K in keyof ClaimDependant]: Exclude<ClaimDependant[K], null> }>)[];
    }
);

const STAFF = new Set(['caseworker', 'reviewer', 'supervisor', 'admin']);
/** Statuses after which the same person may claim for the same event again: a new case. */
const REOPENABLE = new Set(['refused', 'rejected', 'notRecognized']);

const reference = new ReferenceCache();

/** The application as the workflow takes it: defaults filled in, what only the agency decides checked. */
function applicationOf(ctx: CommandContext, request: BenefitClaimRequest, today: string, issues: InputIssue[]): BenefitClaimApplication {
  const { citizenId, region } = request;
  const staff = STAFF.has(ctx.actor.role);
  switch (request.type) {
    case 'pension':
      return {
        type: 'pension',
        citizenId,
        region,
        retirementDate: request.retirementDate,
        retirementCategory: request.retirementCategory ?? null,
        lateRetirementAgreed: request.lateRetirementAgreed ?? false,
        contributionsExtended: request.contributionsExtended ?? false,
        deemedMonths: request.deemedMonths ?? 0,
      };
    case 'unemployment':
      return {
        type: 'unemployment',
        citizenId,
        region,
        leaveDate: request.leaveDate,
        employerCreditCode: request.employerCreditCode,
        registeredOn: request.registeredOn ?? today,
      };
    case 'maternity': {
      const e = request.event;
      return {
        type: 'maternity',
        citizenId,
        region,
        employerCreditCode: request.employerCreditCode,
        event: { type: e.type, date: e.date, difficultBirth: e.difficultBirth ?? false, babies: e.babies ?? 1, pregnancyMonths: e.pregnancyMonths ?? null },
      };
    }
    case 'workInjury': {
      // Acceptance facts are the agency's: a clear-cut case and an approved extension are marked by staff only.
      if (!staff && request.clearCut !== undefined) issues.push({ path: 'clearCut', message: 'is marked by the agency at acceptance, not by the applicant' });
      if (!staff && request.approvedExtensionDays !== undefined)
        issues.push({ path: 'approvedExtensionDays', message: 'is recorded by the agency that approved it' });
      const applicant: RecognitionApplicant =
        ctx.actor.role === 'employer'
          ? 'employer'
          : ctx.actor.role === 'citizen'
            ? request.applicant === 'family'
              ? 'family'
              : 'worker'
            : (request.applicant ?? 'worker');
      if (ctx.actor.role === 'employer' && request.applicant !== undefined && request.applicant !== 'employer')
        issues.push({ path: 'applicant', message: 'an employer agent applies as the employer' });
      return {
        type: 'workInjury',
        citizenId,
        region,
        accidentDate: request.accidentDate,
        employerCreditCode: request.employerCreditCode,
        description: request.description,
        applicant,
        clearCut: request.clearCut ?? false,
        approvedExtensionDays: request.approvedExtensionDays ?? 0,
      };
    }
    case 'funeral':
    case 'survivor':
      return {
        type: request.type,
        citizenId,
        region,
        deathDate: request.deathDate,
        cause: request.cause,
        injuryReference: request.injuryReference ?? null,
        dependants: (request.dependants ?? []).map((d) => ({
          name: d.name,
          relation: d.relation,
          orphanOrLoneElderly: d.orphanOrLoneElderly ?? false,
          sex: d.sex ?? null,
          birthDate: d.birthDate ?? null,
          fullyDisabled: d.fullyDisabled ?? false,
          monthlyIncome: d.monthlyIncome ?? null,
          closerRelativesGone: d.closerRelativesGone ?? false,
        })),
      };
  }
}

/**
 * 待遇申领: the person, their employer or a caseworker files a claim (rules §5; docs/api.md "Benefit claims").
 * Input that can never be right is refused here with the field named and nothing written (an event in the future, a
 * region not served, a person with no insurance record); whether the claim is granted is the case's own checks. One
 * open claim per person, type and event: the filer's repeat returns the same case, anyone else's is refused. The case
 * row is written before the workflow starts and the workflow ID is the case ID, so a retried request lands on it.
 */
export async function fileBenefitClaim(ctx: CommandContext, request: BenefitClaimRequest): Promise<CaseRow> {
  const { actor, em } = ctx;
  const today = ctx.clock.today();
  const issues: InputIssue[] = [];
  let birthDate: string | null = null;
  try {
    birthDate = parseCitizenId(request.citizenId, { today }).birthDate;
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    issues.push({ path: 'citizenId', message: error.message });
  }
  const application = applicationOf(ctx, request, today, issues);
  issues.push(...impossibleClaimInput(application, today, birthDate));
  const served = await reference.get('regions', em, async (fork) => new Set((await listServedRegions(fork)).map((r) => r.code)));
  if (!served.has(request.region)) issues.push({ path: 'region', message: `region ${request.region} is not served by this system` });
  if (issues.length > 0) throw invalidInput(issues);

  const agentEmployer = actor.role === 'employer' ? (actor.employer ?? null) : null;
  const employerCreditCode = claimEmployer(application) ?? agentEmployer;
  // Only a death claim is filed by someone other than the person: a relative, who is its claimant.
  const deathClaim = application.type === 'funeral' || application.type === 'survivor';
  const subject: BenefitClaimSubject = {
    claimType: application.type,
    region: application.region,
    citizenId: application.citizenId,
    employerCreditCode,
    claimantId: deathClaim ? actor.id : '',
  };
  authorize(ctx, 'create', 'BenefitClaim', subject);
  if (agentEmployer !== null && !(await hasRecordWith(em, application.citizenId, agentEmployer))) {
    throw new DomainError('FORBIDDEN', 'employer: this person has no insurance record with your employer', { path: 'citizenId' });
  }
  if ((await regionsOfPerson(em, application.citizenId)).length === 0) {
    throw new DomainError('NOT_INSURED', 'no insurance record for this person: nothing to claim on', { path: 'citizenId' });
  }

  const businessKey = businessKeyOf('benefit', application.type, application.citizenId, claimEventKey(application));
  const { caseId, existing } = await caseIdFor(em, 'benefit', businessKey, REOPENABLE);
  if (existing) {
    const visible = may(ctx, 'read', 'Case', caseSubjectOf(existing));
    if (existing.closedAt !== null) {
      if (visible) return existing;
      throw new DomainError('NOT_ALLOWED_NOW', `a ${application.type} claim for this person and event was decided already`);
    }
    if (existing.applicantId !== actor.id) {
      throw new DomainError(
        'CLAIM_ALREADY_OPEN',
        `a ${application.type} claim for this person and event is already open${visible ? `: ${existing.reference}` : ''}`,
      );
    }
  }
  const versions = await reference.get('benefit.policy', em, loadBenefitPolicyVersions);
  const policy = benefitPolicyInForce(versions, today);
  const row =
    existing ??
    (await registerCase(em, caseId, {
      type: 'benefit',
      businessKey,
      region: application.region,
      citizenId: application.citizenId,
      employerCreditCode,
      applicantId: actor.id,
      applicantRole: actor.role,
      subjectName: await personName(em, application.citizenId),
      summary: { claimType: application.type, eventDate: claimEventDate(application), filedOn: today },
      requestId: ctx.requestId,
      now: ctx.clock.now(),
    }));
  // Always (re)start: if the first attempt wrote the row but never reached Temporal, the retry finishes the job.
  await ctx.workflows.startBenefitClaim({
    caseId: row.caseId,
    reference: row.reference,
    application,
    claimantId: actor.role === 'citizen' ? actor.id : application.citizenId,
    submittedBy: { id: actor.id, role: actor.role },
    filedOn: today,
    policy,
  });
  return row;
}
