import { createHash } from 'node:crypto';
import { hasRecordWith, personName } from '../../db/queries/benefit.query.js';
import { heldBackPaymentMonths, loadBackPaymentPolicy, recordedMonthsOf } from '../../db/queries/back-payment.query.js';
import { loadContributionPolicy } from '../../db/queries/contribution-policy.query.js';
import { loadCalendarYears } from '../../db/queries/calendar.query.js';
import type { CaseRow } from '../../db/queries/case.query.js';
import { findAttachments } from '../../db/queries/petition.query.js';
import { listParameterSets } from '../../db/queries/region-parameters.query.js';
import { holdBackPayment } from '../../db/writers/back-payments.js';
import { businessKeyOf, caseIdFor, registerCase } from '../../db/writers/case-intake.js';
import { fileDeclarationAttachments } from '../../db/writers/medical-expenses.js';
import { HolidayCalendar } from '../../domain/calendar/holiday-calendar.js';
import { compareDates } from '../../domain/calendar/local-date.js';
import { parametersInForce, type InsuranceType } from '../../domain/contribution/regional-parameters.js';
import { calculateBackPayment, type BackPaymentRefusal } from '../../domain/declarations/back-payment.js';
import { type BackPaymentEvidence, isLegalEvidence, legalDocumentsOf } from '../../domain/declarations/back-payment-evidence.js';
import { backPaymentSummary, type BackPaymentAssessment } from '../../domain/declarations/back-payment-summary.js';
import { DomainError, invalidInput } from '../../domain/errors.js';
import { longBackPaymentWithoutDocuments } from '../../domain/supervision/controls.js';
import { DEFAULT_SUPERVISION_POLICY, type SupervisionHit } from '../../domain/supervision/supervision-policy.js';
import { authorize } from '../authorization.js';
import type { CommandContext } from '../command-context.js';
import { employerFor } from '../employers/employer-access.js';
import { raiseSupervisionHits, startInvestigations } from '../supervision/raise-hits.js';

/** POST /v1/back-payments as the route parsed it. */
export interface BackPaymentRequest {
  /** The employer back-paying; an employer agent's own when left out. */
  employerCreditCode?: string;
  citizenId: string;
  from: string;
  to: string;
  monthlyWage: string;
  wageByMonth?: Record<string, string>;
  insuranceTypes: InsuranceType[];
  evidence: BackPaymentEvidence[];
  /** The client's key: the same key (and the same application) finds the same case; without one, the identical application does. */
  idempotencyKey?: string;
}

const RULE_CODES = new Set(['MONTH_ALREADY_RECORDED', 'FUTURE_MONTH', 'NO_PARAMETERS']);

/** The domain's refusals as one problem: a rule (a month recorded, in the future, without parameters) is a 422 with its code. */
function refusalError(refusals: readonly BackPaymentRefusal[]): DomainError {
  const issues = refusals.map((r) => ({ path: r.path ?? 'from', message: r.reason }));
  const rule = refusals.find((r) => RULE_CODES.has(r.code));
  if (rule && refusals.every((r) => RULE_CODES.has(r.code)))
    return new DomainError(rule.code as 'MONTH_ALREADY_RECORDED', rule.reason, { path: rule.path ?? 'from', issues });
  return invalidInput(issues);
}

/** The evidence as the rules need it: something at all, and a legal document with its number and a date not after today. */
function evidenceIssues(evidence: readonly BackPaymentEvidence[], today: string): { path: string; message: string }[] {
  if (evidence.length === 0)
    return [{ path: 'evidence', message: 'needs the evidence of the labour relation (a contract, payroll records or a legal document)' }];
  return evidence.flatMap((e, i) => {
    if (!isLegalEvidence(e)) return [];
    const issues: { path: string; message: string }[] = [];
    if (!e.reference?.trim()) issues.push({ path: `evidence.${i}.reference`, message: `a ${e.kind} document needs its reference` });
    if (!e.issuedOn) issues.push({ path: `evidence.${i}.issuedOn`, message: `a ${e.kind} document needs its date` });
    else if (compareDates(e.issuedOn, today) > 0) issues.push({ path: `evidence.${i}.issuedOn`, message: `is after today (${today})` });
    return issues;
  });
}

/**
 * The fund-supervision flag of a back-payment (rules §8: ≥ 36 months without a legal document issued before it), or
 * null. Stored on the back-payment row (`supervision_hit`).
 * The application raises it into the supervision register (services/supervision/raise-hits.ts) in its own
 * transaction, so the flag, its investigation case row and the application commit together.
 */
export function supervisionHitOf(application: {
  citizenId: string;
  from: string;
  to: string;
  appliedOn: string;
  evidence: readonly BackPaymentEvidence[];
  total: string;
  /** The `backPayment.policy` threshold in force on the application day (default 36). */
  thresholdMonths: number;
}): SupervisionHit | null {
  return longBackPaymentWithoutDocuments(
    {
      citizenId: application.citizenId,
      from: application.from,
      to: application.to,
      paymentDate: application.appliedOn,
      legalDocuments: legalDocumentsOf(application.evidence),
      total: application.total,
    },
    { ...DEFAULT_SUPERVISION_POLICY, backPaymentThresholdMonths: application.thresholdMonths },
  );
}

/**
 * 无记录补缴 (rules §3, §4, §6.1, §8): an employer (for a person it employs or employed) or the counter applies to
 * back-pay a span of months with the evidence of the labour relation. Every month is computed with that month's
 * parameters plus its late fee to today, with workings (calculateBackPayment). Refused at the door, nothing written:
 * a month that already has a record or another back-payment holds (422 MONTH_ALREADY_RECORDED), a month after this
 * one (FUTURE_MONTH), a month without parameters (NO_PARAMETERS), a wage with three decimals or no evidence (400).
 * The case row, the application and the hold on its months are one transaction; then the review workflow starts.
 */
export async function applyBackPayment(ctx: CommandContext, request: BackPaymentRequest): Promise<CaseRow> {
  const { actor, em } = ctx;
  const employer = await employerFor(ctx, request.employerCreditCode, 'read');
  authorize(ctx, 'create', 'BackPayment', { region: employer.region, employerCreditCode: employer.creditCode });
  if (actor.role === 'employer' && !(await hasRecordWith(em, request.citizenId, employer.creditCode))) {
    throw new DomainError('FORBIDDEN', 'employer: this person has no insurance record with your employer', { path: 'citizenId' });
  }
  const { idempotencyKey, ...asked } = request;
  const businessKey = businessKeyOf('backPayment', actor.id, idempotencyKey ?? createHash('sha256').update(JSON.stringify(asked)).digest('hex'));
  const { caseId, existing } = await caseIdFor(em, 'backPayment', businessKey, new Set());
  if (existing) {
    const s = existing.summary;
    if (existing.citizenId !== request.citizenId || s.firstMonth !== request.from || s.lastMonth !== request.to)
      throw new DomainError('IDEMPOTENCY_KEY_REUSED', `this key already applied for ${existing.reference}; send a new key for a new application`, {
        path: 'idempotency-key',
      });
    // The key is the caller's own (it is part of the business key), so the case is theirs: found, and restarted if open.
    return restart(ctx, existing, request);
  }

  const today = ctx.clock.today();
  const issues = evidenceIssues(request.evidence, today);
  if (issues.length > 0) throw invalidInput(issues);
  // The policy in force on the application day (`backPayment.policy`), with the late-fee rule of `contribution.policy`.
  const policy = await loadBackPaymentPolicy(em, today, (await loadContributionPolicy(em)).lateFee);
  const [sets, recorded, held, calendar] = await Promise.all([
    listParameterSets(em, employer.region),
    recordedMonthsOf(em, request.citizenId, request.insuranceTypes, request.from, request.to),
    heldBackPaymentMonths(em, request.citizenId, request.from, request.to, caseId),
    loadCalendarYears(em),
  ]);
  const result = calculateBackPayment({
    citizenId: request.citizenId,
    from: request.from,
    to: request.to,
    monthlyWage: request.monthlyWage,
    wageByMonth: request.wageByMonth,
    insuranceTypes: request.insuranceTypes,
    workInjuryClass: employer.workInjuryClass === null ? undefined : String(employer.workInjuryClass),
    parametersFor: (month) => parametersInForce(sets, `${month}-01`),
    recordedMonths: [...recorded, ...held.map((h) => h.month)],
    paymentDate: today,
    legalDocuments: legalDocumentsOf(request.evidence),
    calendar: new HolidayCalendar(calendar),
    policy,
  });
  if (!result.eligible) {
    const named = held.length === 0 ? '' : ` (held by ${[...new Set(held.map((h) => h.reference))].join(', ')})`;
    throw refusalError(result.refusals.map((r) => (r.code === 'MONTH_ALREADY_RECORDED' ? { ...r, reason: r.reason + named } : r)));
  }

  const attachmentIds = [...new Set(request.evidence.map((e) => e.attachmentId))];
  const attachments = await findAttachments(em, attachmentIds);
  const foreign = attachmentIds.filter((id) => !attachments.some((a) => a.id === id && a.ownerId === actor.id && (a.caseId === null || a.caseId === caseId)));
  if (foreign.length > 0) throw invalidInput([{ path: 'evidence', message: `${foreign.join(', ')}: not an unfiled attachment you uploaded` }]);

  const assessment: BackPaymentAssessment = {
    months: result.months.length,
    totals: result.totals,
    workings: result.workings,
    supervision: { needsSupervisor: result.supervision.needsSupervisor, reason: result.supervision.reason },
  };
  const application = { from: request.from, to: request.to, appliedOn: today, insuranceTypes: request.insuranceTypes, evidence: request.evidence };
  const now = ctx.clock.now();
  const hit = supervisionHitOf({
    citizenId: request.citizenId,
    from: request.from,
    to: request.to,
    appliedOn: today,
    evidence: request.evidence,
    total: result.totals.total,
    thresholdMonths: policy.supervisionThresholdMonths,
  });
  const { row, raised } = await em.transactional(async (tx) => {
    const registered = await registerCase(tx, caseId, {
      type: 'backPayment',
      businessKey,
      region: employer.region,
      citizenId: request.citizenId,
      employerCreditCode: employer.creditCode,
      applicantId: actor.id,
      applicantRole: actor.role,
      subjectName: await personName(tx, request.citizenId),
      summary: backPaymentSummary(application, assessment, {
        needsSupervisor: false,
        reviewedBy: null,
        approvedBy: null,
        supervisedBy: null,
        decision: null,
        returns: 0,
      }),
      requestId: ctx.requestId,
      now,
    });
    await holdBackPayment(
      tx,
      {
        caseId,
        reference: registered.reference,
        region: employer.region,
        employerCreditCode: employer.creditCode,
        citizenId: request.citizenId,
        from: request.from,
        to: request.to,
        insuranceTypes: request.insuranceTypes,
        months: result.months,
        totals: result.totals,
        workings: result.workings,
        evidence: request.evidence,
        supervisionHit: hit,
        appliedOn: today,
      },
      now,
    );
    await fileDeclarationAttachments(tx, caseId, attachmentIds);
    // The flag goes into the supervision register with the application, in its transaction (rules §8).
    const raisedHits =
      hit === null
        ? []
        : await raiseSupervisionHits(
            tx,
            [hit],
            { region: employer.region, sourceCaseId: caseId, citizenId: request.citizenId, employerCreditCode: employer.creditCode },
            { actorId: actor.id, actorRole: actor.role, requestId: ctx.requestId, now },
          );
    return { row: registered, raised: raisedHits };
  });
  await startWorkflow(ctx, row, { ...application, assessment, evidence: request.evidence });
  await startInvestigations(em, ctx.workflows, raised);
  return row;
}

/** A retried application: an open case's workflow is started again (Temporal keeps the first), as it was applied. */
async function restart(ctx: CommandContext, existing: CaseRow, request: BackPaymentRequest): Promise<CaseRow> {
  if (existing.closedAt !== null) return existing;
  const s = existing.summary as {
    appliedOn?: string;
    monthCount?: number;
    totals?: BackPaymentAssessment['totals'];
    workings?: string[];
    supervision?: BackPaymentAssessment['supervision'];
  };
  if (!s.totals || !s.supervision || s.appliedOn === undefined) return existing;
  await startWorkflow(ctx, existing, {
    from: request.from,
    to: request.to,
    appliedOn: s.appliedOn,
    insuranceTypes: request.insuranceTypes,
    evidence: request.evidence,
    assessment: { months: s.monthCount ?? 0, totals: s.totals, workings: s.workings ?? [], supervision: s.supervision },
  });
  return existing;
}

async function startWorkflow(
  ctx: CommandContext,
  row: CaseRow,
  a: {
    from: string;
    to: string;
    appliedOn: string;
    insuranceTypes: InsuranceType[];
    evidence: readonly BackPaymentEvidence[];
    assessment: BackPaymentAssessment;
  },
): Promise<void> {
  await ctx.workflows.startBackPayment({
    caseId: row.caseId,
    reference: row.reference,
    region: row.region,
    employerCreditCode: row.employerCreditCode ?? '',
    citizenId: row.citizenId ?? '',
    appliedOn: a.appliedOn,
    from: a.from,
    to: a.to,
    insuranceTypes: a.insuranceTypes,
    assessment: a.assessment,
    evidence: a.evidence.map((e) => ({ attachmentId: e.attachmentId, kind: e.kind })),
    appliedBy: { id: ctx.actor.id, role: ctx.actor.role },
    calendar: await loadCalendarYears(ctx.em),
  });
}
