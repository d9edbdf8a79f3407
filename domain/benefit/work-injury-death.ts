import { Decimal } from 'decimal.js';
import { isIsoDate } from '../calendar/local-date.js';
import { DomainError } from '../errors.js';
import { Money } from '../money.js';
import { Exact, amountInput, countInput, rateInput, toFen } from './benefit-arithmetic.js';
import { type DependantCircumstances, testSurvivorDependant } from './survivor-dependants.js';
import { DEFAULT_WORK_INJURY_POLICY, type WorkInjuryPolicy, boundOwnWage } from './work-injury.js';

/** The national urban per-capita disposable income of one statistical year (全国城镇居民人均可支配收入). */
export interface NationalDisposableIncome {
  year: number;
  annualAmount: string;
  source: string;
}

/**
 * Published yearly figures, National Bureau of Statistics annual communiqués. Suggested defaults, not verified against
 * the communiqués in this project — load the published figure for each year before relying on it.
 */
export const DEFAULT_NATIONAL_DISPOSABLE_INCOME: readonly NationalDisposableIncome[] = [
  { year: 2022, annualAmount: '49283.00', source: 'NBS 2022 statistical communiqué (unverified here)' },
  { year: 2023, annualAmount: '51821.00', source: 'NBS 2023 statistical communiqué (unverified here)' },
  { year: 2024, annualAmount: '54188.00', source: 'NBS 2024 statistical communiqué (unverified here)' },
];

/** Death benefits of 工伤保险条例 art. 39 (rules §5.5, ✔). */
export interface WorkInjuryDeathPolicy {
  /** Funeral grant: 6 months of the regional average monthly wage of the previous year. */
  funeralGrantMonths: number;
  /** Dependants' pensions as shares of the deceased's own wage: spouse 40 %, each other dependant 30 %. */
  spousePensionRate: string;
  otherDependantPensionRate: string;
  /** +10 % for an orphan or a lone elderly dependant (孤儿、孤寡老人). */
  orphanOrLoneElderlyExtraRate: string;
  /** One-off death grant = this × the previous year's national urban per-capita disposable income: 20. */
  deathGrantMultiple: string;
  /** Dated by statistical year; the grant uses the year before the death. */
  nationalDisposableIncome: readonly NationalDisposableIncome[];
  /**
   * A dependant lived mainly on the deceased (供养亲属范围规定 art. 3) when their own income a month is below this:
   * the local minimum living standard (低保). Default 1 314.00, the Hangzhou (330100) urban 低保 the seed loads for
   * 2025 — unverified: set the published figure of the pooling region (survivor-dependants.ts).
   */
  dependantIncomeLimit: string;
}

export const DEFAULT_WORK_INJURY_DEATH_POLICY: WorkInjuryDeathPolicy = {
  funeralGrantMonths: 6,
  spousePensionRate: '0.40',
  otherDependantPensionRate: '0.30',
  orphanOrLoneElderlyExtraRate: '0.10',
  deathGrantMultiple: '20',
  nationalDisposableIncome: DEFAULT_NATIONAL_DISPOSABLE_INCOME,
  dependantIncomeLimit: '1314.00',
};

export interface Dependant {
  relation: 'spouse' | 'other';
  orphanOrLoneElderly?: boolean;
  /**
   * The facts of the 供养亲属 test (survivor-dependants.ts). Given, the dependant is paid only when they pass it; left
   * out (a calculator's what-if), the dependant is taken as qualifying.
   */
  circumstances?: DependantCircumstances;
}

/** One dependant as the calculation judged them, in the input's order. */
export interface DependantOutcome {
  qualifies: boolean;
  /** Why they qualify (the art. 3 ground and the income) or why not. */
  explanation: string;
  /** Their monthly pension after the cap; null when they do not qualify. */
  amount: string | null;
  /** The last month paid when the pension ends at 18; null = no end by age. */
  lastMonth: string | null;
}

export interface WorkInjuryDeathInput {
  deathDate: string;
  /** The pooling region's previous-year average monthly wage. */
  regionalAverageWage: string;
  /** The deceased's own wage (本人工资) before the art. 64 bounds. */
  ownWage: string;
  dependants: readonly Dependant[];
  /** Overrides the configured national figure for the year before the death. */
  nationalDisposableIncome?: string;
}

export interface WorkInjuryDeathResult {
  ownWageUsed: string;
  funeralGrant: string;
  /** The pensions of the dependants who qualify, in the input's order. */
  dependantPensions: { relation: Dependant['relation']; rate: string; amount: string }[];
  /** Every dependant of the input: qualifies or not, and why. */
  dependants: DependantOutcome[];
  dependantPensionTotal: string;
  /** True when the pensions were scaled down to the deceased's own wage. */
  capped: boolean;
  deathGrant: string;
  incomeYear: number;
  workings: string[];
}

/**
 * Work-injury death benefits (工伤保险条例 arts. 39, 64; rules §5.5): funeral grant = 6 × the regional average
 * monthly wage; dependants' monthly pensions 40 % (spouse) / 30 % (others) of own wage, +10 % for an orphan or a
 * lone elderly dependant, together at most the own wage; one-off death grant = 20 × the previous year's national
 * urban per-capita disposable income. Above the cap every pension is scaled by cap ÷ sum, cut to the fen, and the
 * fen left over go one each to the first dependants, so the total is exactly the cap (apportionment: local
 * practice, unverified). A dependant whose circumstances are given is paid only when the 供养亲属 test passes (no work
 * capacity or the age limits, and own income below `dependantIncomeLimit`); one who fails gets no pension and the
 * reason, and does not count towards the cap. Pure.
 * @throws DomainError INVALID_AMOUNT for malformed inputs; INVALID_DATE for a bad death date;
 * PARAMETERS_NOT_FOUND when no income figure is configured for the year before the death and none is given.
 */
export function calculateWorkInjuryDeathBenefits(
  input: WorkInjuryDeathInput,
  policy: WorkInjuryDeathPolicy = DEFAULT_WORK_INJURY_DEATH_POLICY,
  injury: WorkInjuryPolicy = DEFAULT_WORK_INJURY_POLICY,
): WorkInjuryDeathResult {
  if (!isIsoDate(input.deathDate)) {
    throw new DomainError('INVALID_DATE', `"${input.deathDate}" is not a real date in the form YYYY-MM-DD`, {
      path: 'deathDate',
    });
  }
  const average = amountInput(input.regionalAverageWage, 'regionalAverageWage');
  const own = boundOwnWage(input.ownWage, input.regionalAverageWage, injury);
  const wage = own.used;
  const workings = [...own.workings];

  const months = countInput(policy.funeralGrantMonths, 'workInjuryDeath.funeralGrantMonths', 0, 120);
  const funeral = toFen(average.toDecimal().times(months));
  workings.push(`funeral grant = ${months} × regional average monthly wage ${average.toString()} = ${funeral.toString()} (工伤保险条例 art. 39)`);

  const tests = input.dependants.map((d, i) => {
    if (d.circumstances === undefined) return { qualifies: true, explanation: 'circumstances not given: taken as qualifying', lastMonth: null };
    const test = testSurvivorDependant(d.circumstances, input.deathDate, policy);
    workings.push(`dependant ${i + 1}: ${test.qualifies ? 'qualifies' : 'does not qualify'} — ${test.explanation}`);
    return test;
  });
  const paid = input.dependants.flatMap((d, i) => (tests[i]!.qualifies ? [{ d, i }] : []));
  const pensions = paid.map(({ d, i }) => {
    const base = rateInput(d.relation === 'spouse' ? policy.spousePensionRate : policy.otherDependantPensionRate, `dependants[${i}]`);
    const rate = d.orphanOrLoneElderly === true ? base.plus(rateInput(policy.orphanOrLoneElderlyExtraRate, 'orphanOrLoneElderlyExtraRate')) : base;
    const amount = wage.applyRate(rate.toFixed(), 'HALF_UP_FEN');
    const extra = d.orphanOrLoneElderly === true ? ' incl. +10 % orphan / lone elderly' : '';
    workings.push(`dependant ${i + 1} (${d.relation}${extra}): ${wage.toString()} × ${rate.toFixed()} = ${amount.toString()} (工伤保险条例 art. 39)`);
    return { relation: d.relation, rate: rate.toFixed(), amount };
  });
  let total = Money.sum(pensions.map((p) => p.amount));
  let capped = false;
  if (pensions.length > 0 && total.compare(wage) > 0) {
    const scaled = apportion(
      pensions.map((p) => p.amount),
      wage,
    );
    workings.push(
      `dependants' pensions ${total.toString()} exceed own wage ${wage.toString()}: scaled to ${scaled.map((m) => m.toString()).join(' + ')} (art. 39 cap)`,
    );
    scaled.forEach((m, i) => {
      pensions[i]!.amount = m;
    });
    total = wage;
    capped = true;
  }
  workings.push(`dependants' pensions total ${total.toString()} a month`);

  const incomeYear = Number(input.deathDate.slice(0, 4)) - 1;
  const income = incomeFor(incomeYear, input.nationalDisposableIncome, policy);
  const multiple = rateInput(policy.deathGrantMultiple, 'workInjuryDeath.deathGrantMultiple');
  const grant = toFen(income.amount.toDecimal().times(multiple));
  workings.push(
    `one-off death grant = ${multiple.toFixed()} × ${income.amount.toString()} (${incomeYear}, ${income.source}) = ${grant.toString()} (工伤保险条例 art. 39)`,
  );
  return {
    ownWageUsed: wage.toString(),
    funeralGrant: funeral.toString(),
    dependantPensions: pensions.map((p) => ({ relation: p.relation, rate: p.rate, amount: p.amount.toString() })),
    dependants: tests.map((t, i) => {
      const at = paid.findIndex((p) => p.i === i);
      return { ...t, amount: at < 0 ? null : pensions[at]!.amount.toString() };
    }),
    dependantPensionTotal: total.toString(),
    capped,
    deathGrant: grant.toString(),
    incomeYear,
    workings,
  };
}

function incomeFor(year: number, given: string | undefined, policy: WorkInjuryDeathPolicy): { amount: Money; source: string } {
  if (given !== undefined) return { amount: amountInput(given, 'nationalDisposableIncome'), source: 'figure from the input' };
  const figure = [...policy.nationalDisposableIncome].reverse().find((f) => f.year === year);
  if (figure === undefined) {
    throw new DomainError('PARAMETERS_NOT_FOUND', `no national urban per-capita disposable income configured for ${year}`, {
      path: 'nationalDisposableIncome',
    });
  }
  return { amount: amountInput(figure.annualAmount, `nationalDisposableIncome.${year}`), source: figure.source };
}

/** Scales amounts to add up exactly to `cap`: each cut to the fen, leftover fen one each to the first amounts. */
function apportion(amounts: readonly Money[], cap: Money): Money[] {
  const sum = Money.sum(amounts).toDecimal();
  const cut = amounts.map((a) => new Exact(a.toDecimal()).times(cap.toDecimal()).dividedBy(sum).toDecimalPlaces(2, Decimal.ROUND_DOWN));
  const leftoverFen = new Exact(cap.toDecimal())
    .minus(cut.reduce((s, c) => s.plus(c), new Exact(0)))
    .times(100)
    .toNumber();
  return cut.map((c, i) => toFen(i < leftoverFen ? c.plus('0.01') : c));
}
