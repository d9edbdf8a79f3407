import type { EntityManager } from '@mikro-orm/postgresql';
import { loadCalendarYears } from '../../db/queries/calendar.query.js';
import { loadContributionPolicy } from '../../db/queries/contribution-policy.query.js';
import { findParametersInForce } from '../../db/queries/region-parameters.query.js';
import { recordDeclaration } from '../../db/writers/contribution-ledger.js';
import { HolidayCalendar } from '../../domain/calendar/holiday-calendar.js';
import { shanghaiDateOf } from '../../domain/calendar/local-date.js';
import { computeDeclarationBatch } from '../../domain/contribution/declaration-batch.js';
import {
  billDueDate,
  periodProblem,
  validateDeclarationLines,
  type DeclarationIssue,
  type DeclarationLineInput,
  type DeclarationTotals,
  type DeclaredLine,
} from '../../domain/contribution/declaration.js';
import { DomainError } from '../../domain/errors.js';

export interface DeclarationRequest {
  employer: { creditCode: string; region: string; status: string; workInjuryClass: number | null };
  period: string;
  lines: readonly DeclarationLineInput[];
  /** Issues already found while reading a file (columns, cell counts); they refuse the declaration too. */
  readIssues?: readonly DeclarationIssue[];
  source: 'api' | 'file';
  idempotencyKey: string;
  declaredBy: { id: string; role: string };
  requestId: string | null;
  now: Date;
  /** How many lines come back in full with their workings (the rest are only written); default 1 000. */
  detailUpTo?: number;
}

export type DeclarationOutcome =
  | { ok: false; issues: DeclarationIssue[] }
  | {
      ok: true;
      declarationId: string;
      billId: string;
      duplicate: boolean;
      adjustment: string | null;
      dueDate: string;
      parametersFrom: string;
      lineCount: number;
      /** The first `detailUpTo` lines with workings. */
      lines: DeclaredLine[];
      totals: DeclarationTotals;
    };

/**
 * The whole intake of a monthly declaration (domain-rules §3.3): every row checked and computed first, and the
 * declaration refused as a whole — nothing written — when any row or field is bad (issue 3); otherwise the lines,
 * the bill and its charge (or adjustment) are written in one transaction. Shared by the JSON route, the file route
 * and the benchmark so all three measure the same thing.
 */
export async function declareContributions(em: EntityManager, req: DeclarationRequest): Promise<DeclarationOutcome> {
  const prefix = req.source === 'file' ? 'rows' : 'lines';
  const today = shanghaiDateOf(req.now.getTime());
  const issues: DeclarationIssue[] = [...(req.readIssues ?? [])];
  const periodIssue = periodProblem(req.period, today);
  if (periodIssue) issues.push({ path: 'period', message: periodIssue });
  if (req.employer.status !== 'active') throw new DomainError('EMPLOYER_INACTIVE', `employer is ${req.employer.status}; it cannot declare`);
  issues.push(...validateDeclarationLines(req.lines, prefix));
  if (issues.length > 0) return { ok: false, issues };

  const parameters = await findParametersInForce(em, req.employer.region, `${req.period}-01`);
  if (!parameters) {
    throw new DomainError('PARAMETERS_NOT_FOUND', `region ${req.employer.region} has no parameters in force for ${req.period}`, { path: 'period' });
  }
  const employerClass = req.employer.workInjuryClass === null ? null : String(req.employer.workInjuryClass);
  const computed = computeDeclarationBatch(req.lines, parameters, employerClass, { prefix, detailUpTo: req.detailUpTo ?? 1_000 });
  if (computed.issues.length > 0) return { ok: false, issues: computed.issues };

  const dueDate = billDueDate(req.period, parameters.dueDay, new HolidayCalendar(await loadCalendarYears(em)));
  // A credit the employer holds is spent on the new bill by the payment allocation rule in force (domain-rules §4).
  const policy = await loadContributionPolicy(em);
  const written = await recordDeclaration(em, {
    employer: req.employer.creditCode,
    region: req.employer.region,
    period: req.period,
    dueDate,
    source: req.source,
    idempotencyKey: req.idempotencyKey,
    lineCount: computed.lineCount,
    columns: computed.columns,
    totals: computed.totals,
    parametersFrom: parameters.effectiveFrom,
    declaredBy: req.declaredBy,
    credit: { rule: policy.allocationRule, lateFeePolicy: policy.lateFee },
    requestId: req.requestId,
    now: req.now,
  });
  return { ok: true, ...written, dueDate, parametersFrom: parameters.effectiveFrom, lineCount: computed.lineCount, lines: computed.detailed, totals: computed.totals };
}
