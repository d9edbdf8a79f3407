import { entitlementsOfCase, type EntitlementRow } from '../../db/queries/benefit.query.js';
import { loadCalendarYears } from '../../db/queries/calendar.query.js';
import { caseSubjectOf, caseTimeline, findCase, type CaseRow, type TimelineItem } from '../../db/queries/case.query.js';
import { daysBetween } from '../../domain/calendar/local-date.js';
import { workingDaysLeft } from '../../domain/case/deadline-clock.js';
import { DomainError } from '../../domain/errors.js';
import type { BenefitClaimSubject } from '../../policies/subjects.js';
import { may, visibleOrNotFound } from '../authorization.js';
import type { CommandContext } from '../command-context.js';

export interface BenefitClaimRead {
  row: CaseRow;
  deadlines: (CaseRow['deadlines'][number] & { remainingDays: number; provisional?: boolean })[];
  entitlements: EntitlementRow[];
  timeline: TimelineItem[];
  /** What the caller may ask of the claim now (a re-assessment within its 15 days). */
  allowedActions: string[];
  unmasked: boolean;
}

/** The CASL subject of a claim's follow-up requests (re-assessment), from its case row. */
export function benefitClaimSubjectOf(row: CaseRow): BenefitClaimSubject {
  return {
    claimType: typeof row.summary.claimType === 'string' ? row.summary.claimType : 'unknown',
    region: row.region,
    citizenId: row.citizenId ?? '',
    employerCreditCode: row.employerCreditCode,
    claimantId: row.applicantId,
  };
}

/** A benefit case the caller may read, by reference or ID; anything else — unknown, not visible, another type — is 404. */
export async function visibleBenefitClaim(ctx: CommandContext, idOrReference: string): Promise<CaseRow> {
  const row = visibleOrNotFound(ctx, await findCase(ctx.em, idOrReference), 'Case', caseSubjectOf, {
    code: 'CASE_NOT_FOUND',
    message: `No benefit claim ${idOrReference}`,
  });
  if (row.type !== 'benefit') throw new DomainError('CASE_NOT_FOUND', `No benefit claim ${idOrReference}`);
  return row;
}

/**
 * GET /v1/benefit-claims/{reference}: the claim as its claimant and the staff who may see it follow it — status, each
 * deadline with the days left in its own unit (working days with the holiday calendar, or calendar days), the
 * amounts with their workings, the decision letter, the entitlements recorded and the payments (none until the
 * payroll pays them).
 */
export async function readBenefitClaim(ctx: CommandContext, idOrReference: string): Promise<BenefitClaimRead> {
  const row = await visibleBenefitClaim(ctx, idOrReference);
  const [entitlements, timeline, calendar] = await Promise.all([
    entitlementsOfCase(ctx.em, row.caseId),
    caseTimeline(ctx.em, row.caseId),
    loadCalendarYears(ctx.em),
  ]);
  const today = ctx.clock.today();
  const deadlines = row.deadlines.map((d) => ({
    ...d,
    remainingDays: d.unit === 'working' ? workingDaysLeft(calendar, today, d.dueDate) : Math.max(0, daysBetween(today, d.dueDate)),
  }));
  const subject = benefitClaimSubjectOf(row);
  const allowedActions = row.allowedEvents.includes('REQUEST_REASSESSMENT') && may(ctx, 'update', 'BenefitClaim', subject) ? ['requestReassessment'] : [];
  return { row, deadlines, entitlements, timeline, allowedActions, unmasked: may(ctx, 'readUnmasked', 'Case', caseSubjectOf(row)) };
}
