import { DomainError } from '../errors.js';
import { Money } from '../money.js';
import { calculateContribution } from './contribution-calculation.js';
import type { DeclarationIssue, DeclarationLineInput, DeclarationTotals, DeclaredLine } from './declaration.js';
import { AMOUNT_SLOTS, createFenCalculator, fenToString } from './fen-calculator.js';
import { INSURANCE_TYPES, type RegionalParameters } from './regional-parameters.js';

/**
 * A computed declaration column by column, as the writer stores it (one `unnest` array per column): amounts are
 * two-decimal strings, `amounts[slot][row]` null when the person is not in that insurance (AMOUNT_SLOTS order).
 */
export interface DeclarationColumns {
  citizenId: string[];
  name: string[];
  monthlyWage: string[];
  base: string[];
  amounts: (string | null)[][];
  total: string[];
}

export interface DeclarationBatch {
  lineCount: number;
  columns: DeclarationColumns;
  /** The first `detailUpTo` lines in full, with workings, for the answer to the caller. */
  detailed: DeclaredLine[];
  totals: DeclarationTotals;
  issues: DeclarationIssue[];
}

const SLOT_INSURANCE = [0, 0, 1, 1, 2, 2, 3] as const;

/**
 * Contributions of every line of a declaration (rules §3.1–3.4, E1), the way `computeDeclaration` computes
 * them but in whole fen through `createFenCalculator`, which gives the same amounts (proved by its property test);
 * workings are built only for the first `detailUpTo` lines, the ones returned to the caller. A line's calculation
 * error becomes an issue on that row, never a partial result. The totals are exact sums of the rounded lines. Pure.
 */
export function computeDeclarationBatch(
  lines: readonly DeclarationLineInput[],
  parameters: RegionalParameters,
  employerWorkInjuryClass: string | null,
  options: { prefix?: string; detailUpTo?: number } = {},
): DeclarationBatch {
  const { prefix = 'rows', detailUpTo = 0 } = options;
  const calculate = createFenCalculator(parameters);
  const columns: DeclarationColumns = { citizenId: [], name: [], monthlyWage: [], base: [], amounts: AMOUNT_SLOTS.map(() => []), total: [] };
  const slotTotals = AMOUNT_SLOTS.map(() => 0);
  const detailed: DeclaredLine[] = [];
  const issues: DeclarationIssue[] = [];

  lines.forEach((line, i) => {
    const workInjuryClass = line.workInjuryClass ?? employerWorkInjuryClass ?? undefined;
    const monthlyWage = line.monthlyWage.trim();
    try {
      const fen = calculate({ monthlyWage, insuranceTypes: line.insuranceTypes, workInjuryClass, workInjuryTier: line.workInjuryTier });
      const citizenId = line.citizenId.trim().toUpperCase();
      const name = line.name.trim();
      if (detailed.length < detailUpTo) {
        const wage = Money.of(monthlyWage);
        const result = calculateContribution({
          parameters,
          monthlyWage: wage,
          insuranceTypes: line.insuranceTypes,
          workInjuryClass,
          workInjuryTier: line.workInjuryTier,
        });
        detailed.push({ citizenId, name, monthlyWage: wage, ...result });
      }
      columns.citizenId.push(citizenId);
      columns.name.push(name);
      columns.monthlyWage.push(Number.isFinite(fen.wageFen) ? fenToString(fen.wageFen) : Money.of(monthlyWage).toString());
      columns.base.push(fenToString(fen.baseFen));
      fen.amounts.forEach((amount, slot) => {
        columns.amounts[slot]!.push(amount === null ? null : fenToString(amount));
        if (amount !== null) slotTotals[slot]! += amount;
      });
      columns.total.push(fenToString(fen.employerFen + fen.employeeFen));
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      issues.push({ path: `${prefix}[${i}].${error.path ?? 'monthlyWage'}`, message: error.message });
    }
  });

  if (!slotTotals.every((t) => Number.isSafeInteger(t))) {
    throw new DomainError('INVALID_AMOUNT', 'the declaration’s totals exceed what can be booked exactly', { path: prefix });
  }
  return { lineCount: columns.total.length, columns, detailed, totals: totalsFromSlots(slotTotals), issues };
}

function totalsFromSlots(slotTotals: readonly number[]): DeclarationTotals {
  const money = (fen: number) => Money.of(fenToString(fen));
  const byInsurance = Object.fromEntries(
    INSURANCE_TYPES.map((t) => [t, { employer: Money.zero(), employee: Money.zero() }]),
  ) as DeclarationTotals['byInsurance'];
  let employer = 0;
  let employee = 0;
  slotTotals.forEach((fen, slot) => {
    const sum = byInsurance[INSURANCE_TYPES[SLOT_INSURANCE[slot]!]];
    if (AMOUNT_SLOTS[slot]!.endsWith('Employer')) {
      sum.employer = money(fen);
      employer += fen;
    } else {
      sum.employee = money(fen);
      employee += fen;
    }
  });
  return { employer: money(employer), employee: money(employee), total: money(employer + employee), byInsurance };
}
