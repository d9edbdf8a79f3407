import { createHash } from 'node:crypto';
import { loadCalendarYears } from '../../db/queries/calendar.query.js';
import type { ContributionAccount } from '../../db/queries/contribution-account.query.js';
import { loadContributionPolicy } from '../../db/queries/contribution-policy.query.js';
import { findParametersInForce } from '../../db/queries/region-parameters.query.js';
import { recordDeclaration } from '../../db/writers/contribution-ledger.js';
import { HolidayCalendar } from '../../domain/calendar/holiday-calendar.js';
import { computeDeclarationBatch } from '../../domain/contribution/declaration-batch.js';
import { rosterReader } from '../../domain/contribution/declaration-csv.js';
import {
  billDueDateOf,
  periodProblem,
  validateDeclarationLines,
  type DeclarationIssue,
  type DeclarationLineInput,
  type DeclarationTotals,
  type DeclaredLine,
} from '../../domain/contribution/declaration.js';
import { DomainError } from '../../domain/errors.js';
import type { CommandContext } from '../command-context.js';
import { employerFor } from '../employers/employer-access.js';
import { readCsvUpload } from './csv-stream.js';

/** A declaration touches no workflow, so it needs no workflow port (the benchmark drives it without Temporal). */
export type DeclarationContext = Pick<CommandContext, 'em' | 'actor' | 'ability' | 'requestId' | 'clock'>;

/** The JSON declaration answers every line with its workings (it takes at most 5 000). */
const JSON_LINES_LISTED = 5_000;
// A roster file can hold a million lines: its answer lists the first ones in full with workings, and only those are
// computed with workings (the rest go the integer path, domain/contribution/fen-calculator.ts).
const FILE_LINES_LISTED = 100;

export interface WageDeclaration {
  /** Optional for an employer agent: their own employer. */
  employerCreditCode?: string;
  period: string;
  lines: readonly DeclarationLineInput[];
  /** Default: derived from the employer, period and lines, so the same declaration sent again is the same one. */
  idempotencyKey?: string;
}

export interface WageFileDeclaration {
  employerCreditCode?: string;
  period: string;
  /** The roster file as uploaded (UTF-8 or GBK CSV, columns in docs/contributions.md). */
  file: Uint8Array;
  /** Default: derived from the employer, period and the file's bytes. */
  idempotencyKey?: string;
}

export type DeclarationOutcome =
  | { ok: false; issues: DeclarationIssue[] }
  | {
      ok: true;
      employerCreditCode: string;
      period: string;
      declarationId: string;
      billId: string;
      duplicate: boolean;
      adjustment: string | null;
      dueDate: string;
      parametersFrom: string;
      lineCount: number;
      /** The first lines (all of a JSON declaration, 100 of a file) with their workings. */
      lines: DeclaredLine[];
      totals: DeclarationTotals;
    };

const keyOf = (...parts: string[]) => createHash('sha256').update(parts.join('\u0000')).digest('hex').slice(0, 40);

/**
 * 工资申报: an employer's (or the front office's) monthly wage declaration as JSON lines (rules §3.3). Refused
 * as a whole — nothing written — when any line or field is bad, with every issue named (`lines[2].citizenId`).
 */
export async function declareWages(ctx: DeclarationContext, req: WageDeclaration): Promise<DeclarationOutcome> {
  const employer = await employerFor(ctx, req.employerCreditCode, 'declare');
  const idempotencyKey = req.idempotencyKey ?? keyOf('declaration', employer.creditCode, req.period, JSON.stringify(req.lines));
  return recordWages(ctx, employer, { period: req.period, lines: req.lines, readIssues: [], source: 'api', idempotencyKey, detailUpTo: JSON_LINES_LISTED });
}

/**
 * The same declaration as a roster file, read as it streams in (services/contributions/csv-stream.ts) and checked row
 * by row (domain/contribution/declaration-csv.ts): all rows or none, every bad row and field named (`rows[3].citizenId`,
 * `rows[0]` being the first data row), bytes that are neither UTF-8 nor GBK refused as `file`.
 */
export async function declareWageFile(ctx: DeclarationContext, req: WageFileDeclaration): Promise<DeclarationOutcome> {
  const employer = await employerFor(ctx, req.employerCreditCode, 'declare');
  const read = await readCsvUpload(req.file, rosterReader());
  if (!read.ok) return { ok: false, issues: [read.issue] };
  const readIssues = read.fault ? [...read.result.issues, read.fault] : read.result.issues;
  const idempotencyKey = req.idempotencyKey ?? keyOf('declaration-file', employer.creditCode, req.period, createHash('sha256').update(req.file).digest('hex'));
  return recordWages(ctx, employer, {
    period: req.period,
    lines: read.result.lines,
    readIssues,
    source: 'file',
    idempotencyKey,
    detailUpTo: FILE_LINES_LISTED,
  });
}

interface Intake {
  period: string;
  lines: readonly DeclarationLineInput[];
  /** Issues already found while reading a file (columns, cell counts); they refuse the declaration too. */
  readIssues: readonly DeclarationIssue[];
  source: 'api' | 'file';
  idempotencyKey: string;
  /** How many lines come back in full with their workings (the rest are only written). */
  detailUpTo: number;
}

/**
 * The whole intake of a monthly declaration (rules §3.3): every row checked and computed first, and the
 * declaration refused as a whole when any row or field is bad (issue 3); otherwise the lines, the bill and its charge
 * (or adjustment) are written in one transaction, and a credit the employer holds is spent on the new bill by the
 * payment allocation rule in force (rules §4). A retry with the same key returns the first declaration.
 */
async function recordWages(ctx: DeclarationContext, employer: ContributionAccount, req: Intake): Promise<DeclarationOutcome> {
  const prefix = req.source === 'file' ? 'rows' : 'lines';
  const now = ctx.clock.now();
  const issues: DeclarationIssue[] = [...req.readIssues];
  const periodIssue = periodProblem(req.period, ctx.clock.today());
  if (periodIssue) issues.push({ path: 'period', message: periodIssue });
  if (employer.status !== 'active') throw new DomainError('EMPLOYER_INACTIVE', `employer is ${employer.status}; it cannot declare`);
  issues.push(...validateDeclarationLines(req.lines, prefix, ctx.clock.today()));
  if (issues.length > 0) return { ok: false, issues };

  const parameters = await findParametersInForce(ctx.em, employer.region, `${req.period}-01`);
  if (!parameters) {
    throw new DomainError('PARAMETERS_NOT_FOUND', `region ${employer.region} has no parameters in force for ${req.period}`, { path: 'period' });
  }
  const employerClass = employer.workInjuryClass === null ? null : String(employer.workInjuryClass);
  const computed = computeDeclarationBatch(req.lines, parameters, employerClass, { prefix, detailUpTo: req.detailUpTo });
  if (computed.issues.length > 0) return { ok: false, issues: computed.issues };

  // Rolled over rest days; provisional (counted again when the year is loaded) across a year without its calendar.
  const { dueDate, provisional: dueDateProvisional } = billDueDateOf(req.period, parameters.dueDay, new HolidayCalendar(await loadCalendarYears(ctx.em)));
  const policy = await loadContributionPolicy(ctx.em);
  const written = await recordDeclaration(ctx.em, {
    employer: employer.creditCode,
    region: employer.region,
    period: req.period,
    dueDate,
    dueDateProvisional,
    source: req.source,
    idempotencyKey: req.idempotencyKey,
    lineCount: computed.lineCount,
    columns: computed.columns,
    totals: computed.totals,
    parametersFrom: parameters.effectiveFrom,
    declaredBy: { id: ctx.actor.id, role: ctx.actor.role },
    credit: { rule: policy.allocationRule, finePosition: policy.finePosition, lateFeePolicy: policy.lateFee },
    requestId: ctx.requestId,
    now,
  });
  return {
    ok: true,
    employerCreditCode: employer.creditCode,
    period: req.period,
    ...written,
    dueDate,
    parametersFrom: parameters.effectiveFrom,
    lineCount: computed.lineCount,
    lines: computed.detailed,
    totals: computed.totals,
  };
}
