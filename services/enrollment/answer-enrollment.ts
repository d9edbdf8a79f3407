import { caseSubjectOf, caseStatusVersion, findCase, type CaseRow } from '../../db/queries/case.query.js';
import { DomainError } from '../../domain/errors.js';
import type { EnrollmentCorrection } from '../../domain/enrollment/enrollment-application.js';
import type { CaseView } from '../../workflows/index.js';
import { may } from '../authorization.js';
import type { CommandContext } from '../command-context.js';

/**
 * The applicant's own enrollment: the filer, the person (a citizen), or the person's employer (an agent of it).
 * Anyone else gets the same 404 an unknown case gets; staff who may read it but did not file it get a 403 saying so.
 */
async function applicantsCase(ctx: CommandContext, idOrReference: string): Promise<CaseRow & { statusVersion: number }> {
  const { actor } = ctx;
  const row = await findCase(ctx.em, idOrReference);
  if (!row || row.type !== 'enrollment' || !may(ctx, 'read', 'Case', caseSubjectOf(row))) throw new DomainError('CASE_NOT_FOUND', `No case ${idOrReference}`);
  const isApplicant =
    actor.id === row.applicantId ||
    (actor.role === 'citizen' && actor.id === row.citizenId) ||
    (actor.role === 'employer' && actor.employer === row.employerCreditCode);
  if (!isApplicant) throw new DomainError('FORBIDDEN', 'applicant: only the applicant answers for this application');
  return { ...row, statusVersion: await caseStatusVersion(ctx.em, row.caseId) };
}

/** 补正材料: the applicant answers a return for correction; the case goes back through the checks to its reviewer. */
export async function resubmitEnrollment(
  ctx: CommandContext,
  idOrReference: string,
  correction: EnrollmentCorrection,
): Promise<{ row: CaseRow; view: CaseView }> {
  const row = await applicantsCase(ctx, idOrReference);
  const view = await ctx.workflows.resubmitEnrollment(row.caseId, correction, ctx.actor.id, row.statusVersion);
  return { row, view };
}

/** The applicant withdraws an application still under review or waiting for a correction. */
export async function withdrawEnrollment(ctx: CommandContext, idOrReference: string, reason: string): Promise<{ row: CaseRow; view: CaseView }> {
  const row = await applicantsCase(ctx, idOrReference);
  const view = await ctx.workflows.withdrawEnrollment(row.caseId, reason, ctx.actor.id);
  return { row, view };
}
