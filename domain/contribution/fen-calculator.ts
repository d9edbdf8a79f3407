import { DomainError } from '../errors.js';
import { Money, type RoundingRule } from '../money.js';
import { clampBase } from './contribution-base.js';
import { calculateContribution } from './contribution-calculation.js';
import type { InsuranceType, RegionalParameters } from './regional-parameters.js';

/**
 * The amount columns of a stored contribution line, in table order: pension, medical and unemployment employer and
 * employee, then work-injury employer (work injury has no employee share, rules §3.1).
 */
export const AMOUNT_SLOTS = [
  'pensionEmployer',
  'pensionEmployee',
  'medicalEmployer',
  'medicalEmployee',
  'unemploymentEmployer',
  'unemploymentEmployee',
  'workInjuryEmployer',
] as const;

/** One person's line in whole fen: `amounts[i]` belongs to AMOUNT_SLOTS[i], null when the person is not in that insurance. */
export interface FenLine {
  wageFen: number;
  baseFen: number;
  amounts: (number | null)[];
  employerFen: number;
  employeeFen: number;
}

export interface FenLineInput {
  monthlyWage: string;
  insuranceTypes: readonly InsuranceType[];
  workInjuryClass: string | undefined;
  workInjuryTier: string | undefined;
}

/** A rate as an exact fraction numerator / scale, with scale a power of ten ("0.0048" → 48 / 10 000). */
interface ScaledRate {
  numerator: number;
  scale: number;
}

interface RateCard {
  /** False when some rate is too long for exact integer maths against the ceiling: such lines use Decimal. */
  exact: boolean;
  /** [slot, employer rate, employee rate or null] per insurance the person is in, in INSURANCE_TYPES order. */
  slots: { employerSlot: number; employeeSlot: number | null; employer: ScaledRate; employee: ScaledRate }[];
}

type Card = { ok: true; card: RateCard } | { ok: false; error: DomainError };

// The smallest unit each rounding rule keeps, in fen, and whether it rounds half-up or away from zero (money.ts).
const UNIT: Record<RoundingRule, { fen: number; up: boolean }> = {
  HALF_UP_FEN: { fen: 1, up: false },
  CEIL_JIAO: { fen: 10, up: true },
  HALF_UP_JIAO: { fen: 10, up: false },
  HALF_UP_YUAN: { fen: 100, up: false },
};

const SLOT_OF: Record<InsuranceType, [number, number | null]> = {
  pension: [0, 1],
  medical: [2, 3],
  unemployment: [4, 5],
  workInjury: [6, null],
};

function scaledRate(rate: string): ScaledRate {
  const [whole = '0', fraction = ''] = rate.split('.');
  return { numerator: Number(whole + fraction), scale: 10 ** fraction.length };
}

/** Whole fen of a validated amount string ("8000.5" → 800050); null when it could exceed exact integer range. */
export function fenOf(amount: string): number | null {
  const [whole = '0', fraction = ''] = amount.split('.');
  if (whole.length > 13) return null;
  return Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
}

/** "800050" fen → "8000.50"; exact for every safe integer. */
export function fenToString(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const abs = String(Math.abs(fen)).padStart(3, '0');
  return `${sign}${abs.slice(0, -2)}.${abs.slice(-2)}`;
}

/**
 * rate × amount rounded to the rule's unit, in integer arithmetic. Exact while amountFen × numerator is a safe
 * integer, which `createFenCalculator` checks once against the base ceiling. Remainders decide the rounding, so no
 * floating-point division is ever rounded.
 */
function applyScaled(amountFen: number, rate: ScaledRate, unit: { fen: number; up: boolean }): number {
  const product = amountFen * rate.numerator; // in fen / scale
  const divisor = rate.scale * unit.fen;
  const remainder = product % divisor;
  let units = (product - remainder) / divisor;
  if (unit.up ? remainder > 0 : remainder * 2 >= divisor) units += 1;
  return units * unit.fen;
}

/**
 * A per-file calculator of contribution lines in whole fen that gives exactly what `calculateContribution` gives
 * (rules §3.1–3.4, E1: base clamped to [floor, ceiling], each line rounded separately by the regional rule) —
 * the property test in test/domain/contribution/fen-calculator.test.ts compares both over random parameters. It builds
 * no workings and no Decimal per line, which a million-line import cannot afford (issue 3 figure). Each distinct
 * (insurances, class, tier) is checked once through `calculateContribution`, so refusals carry the same messages.
 * Lines the integer path cannot hold exactly (astronomical wages or rates) go through `calculateContribution` too.
 * Pure apart from its cache.
 * @throws DomainError from `calculateContribution` for a bad work-injury class or tier or insurance.
 */
export function createFenCalculator(parameters: RegionalParameters): (line: FenLineInput) => FenLine {
  const { floor, ceiling } = clampBase(Money.zero(), parameters);
  const floorFen = fenOf(floor.toString());
  const ceilingFen = fenOf(ceiling.toString());
  const unit = UNIT[parameters.rounding];
  const yuanBase = parameters.baseRounding === 'YUAN';
  const cards = new Map<string, Card>();

  // Rosters repeat one combination line after line: the last line's card is reused without building its key.
  let last: { line: FenLineInput; card: Card } | null = null;
  const sameCombination = (a: FenLineInput, b: FenLineInput) =>
    a.workInjuryClass === b.workInjuryClass &&
    a.workInjuryTier === b.workInjuryTier &&
    a.insuranceTypes.length === b.insuranceTypes.length &&
    a.insuranceTypes.every((t, i) => t === b.insuranceTypes[i]);

  const cardFor = (line: FenLineInput): Card => {
    if (last !== null && sameCombination(last.line, line)) return last.card;
    const card = cardByKey(line);
    last = { line, card };
    return card;
  };

  const cardByKey = (line: FenLineInput): Card => {
    const key = `${line.insuranceTypes.join(',')}|${line.workInjuryClass ?? ''}|${line.workInjuryTier ?? ''}`;
    let card = cards.get(key);
    if (card === undefined) {
      try {
        const probe = calculateContribution({
          parameters,
          monthlyWage: Money.zero(),
          insuranceTypes: line.insuranceTypes,
          workInjuryClass: line.workInjuryClass,
          workInjuryTier: line.workInjuryTier,
        });
        const slots = probe.lines.map((l) => {
          const [employerSlot, employeeSlot] = SLOT_OF[l.insurance];
          return { employerSlot, employeeSlot, employer: scaledRate(l.employerRate), employee: scaledRate(l.employeeRate) };
        });
        const exact =
          ceilingFen !== null &&
          slots.every((s) =>
            [s.employer, s.employee].every((r) => Number.isSafeInteger(ceilingFen * r.numerator * 2) && Number.isSafeInteger(r.scale * unit.fen * 2)),
          );
        card = { ok: true, card: { exact, slots } };
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        card = { ok: false, error };
      }
      cards.set(key, card);
    }
    return card;
  };

  const viaDecimal = (line: FenLineInput, wageFen: number | null): FenLine => {
    const r = calculateContribution({
      parameters,
      monthlyWage: Money.of(line.monthlyWage),
      insuranceTypes: line.insuranceTypes,
      workInjuryClass: line.workInjuryClass,
      workInjuryTier: line.workInjuryTier,
    });
    const amounts: (number | null)[] = AMOUNT_SLOTS.map(() => null);
    for (const l of r.lines) {
      const [employerSlot, employeeSlot] = SLOT_OF[l.insurance];
      amounts[employerSlot] = fenOf(l.employer.toString());
      if (employeeSlot !== null) amounts[employeeSlot] = fenOf(l.employee.toString());
    }
    return {
      wageFen: wageFen ?? Number.NaN,
      baseFen: fenOf(r.base.toString()) ?? Number.NaN,
      amounts,
      employerFen: fenOf(r.employerTotal.toString()) ?? Number.NaN,
      employeeFen: fenOf(r.employeeTotal.toString()) ?? Number.NaN,
    };
  };

  return (line) => {
    const card = cardFor(line);
    if (!card.ok) throw card.error;
    const wageFen = fenOf(line.monthlyWage);
    // Negative wages go the Decimal way too, so that they are refused with calculateContribution's own message.
    if (!card.card.exact || wageFen === null || wageFen < 0 || floorFen === null || ceilingFen === null) return viaDecimal(line, wageFen);
    const rounded = yuanBase ? applyScaled(wageFen, { numerator: 1, scale: 1 }, UNIT.HALF_UP_YUAN) : wageFen;
    const baseFen = rounded < floorFen ? floorFen : rounded > ceilingFen ? ceilingFen : rounded;
    const amounts: (number | null)[] = [null, null, null, null, null, null, null];
    let employerFen = 0;
    let employeeFen = 0;
    for (const s of card.card.slots) {
      const employer = applyScaled(baseFen, s.employer, unit);
      amounts[s.employerSlot] = employer;
      employerFen += employer;
      const employee = applyScaled(baseFen, s.employee, unit);
      if (s.employeeSlot !== null) amounts[s.employeeSlot] = employee;
      employeeFen += employee;
    }
    return { wageFen, baseFen, amounts, employerFen, employeeFen };
  };
}
