import { findCase, type CaseRow } from '../../db/queries/case.query.js';
import type { ContributionSubject } from '../../policies/subjects.js';
import { visibleOrNotFound } from '../authorization.js';
import type { CommandContext } from '../command-context.js';

/** An arrears case row, which always names its employer. */
export type ArrearsCaseRow = CaseRow & { employerCreditCode: string };

/** The contribution account an arrears case belongs to, as policies/subjects.ts checks it. */
export const arrearsAccountOf = (row: ArrearsCaseRow): ContributionSubject => ({ employerCreditCode: row.employerCreditCode, region: row.region });

/**
 * An arrears case (by ID or reference) the caller may read — otherwise the same CASE_NOT_FOUND an unknown one gets,
 * so references cannot be probed. Any other case type is unknown here.
 */
export async function visibleArrearsCase(ctx: Pick<CommandContext, 'em' | 'actor' | 'ability'>, caseId: string): Promise<ArrearsCaseRow> {
  const row = await findCase(ctx.em, caseId);
  const arrears = row && row.type === 'arrears' && row.employerCreditCode ? { ...row, employerCreditCode: row.employerCreditCode } : null;
  return visibleOrNotFound(ctx, arrears, 'ArrearsCase', arrearsAccountOf, { code: 'CASE_NOT_FOUND', message: `No arrears case ${caseId}` });
}
