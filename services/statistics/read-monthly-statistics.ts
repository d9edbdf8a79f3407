import { monthlyStatisticsRows } from '../../db/queries/statistics.query.js';
import { DomainError } from '../../domain/errors.js';
import { Money } from '../../domain/money.js';
import { isRegionCode } from '../../domain/region-code.js';
import {
  defaultPeriod,
  fundOf,
  REPORTED_CASE_TYPES,
  REPORTED_INSURANCES,
  reportMonths,
  type BenefitFigures,
  type CaseFigures,
  type MonthFigures,
} from '../../domain/statistics/monthly-statistics.js';
import { authorize } from '../authorization.js';
import type { CommandContext } from '../command-context.js';

export interface MonthlyStatistics {
  region: string;
  from: string;
  to: string;
  /** The business day the figures were counted on: a bill is in arrears once its due date is before it. */
  asOf: string;
  months: MonthFigures[];
}

/**
 * 统计 (issue 14 point 4; docs/statistics.md): the monthly figures of a region and every region below it, for its
 * supervisor, auditor or administrator — the caller's own region unless they name one below it. Any other region
 * is refused (403) before anything is counted, and the counting itself is limited to the region in SQL, so no figure
 * of another region can enter. A period of at most 36 months; by default the twelve up to this month.
 */
export async function readMonthlyStatistics(ctx: CommandContext, query: { region?: string; from?: string; to?: string }): Promise<MonthlyStatistics> {
  const region = query.region ?? ctx.actor.region;
  if (region === undefined || !isRegionCode(region)) throw new DomainError('FORBIDDEN', 'statistics: only staff of a region read its statistics');
  authorize(ctx, 'read', 'Statistics', { region });
  const today = ctx.clock.today();
  const period = defaultPeriod(today);
  const from = query.from ?? (query.to && query.to < period.from ? query.to : period.from);
  const to = query.to ?? (query.from && query.from > period.to ? query.from : period.to);
  const months = reportMonths(from, to);
  const rows = await monthlyStatisticsRows(ctx.em, region, months, today);

  const money = (amount: string | undefined) => (amount === undefined ? Money.zero() : Money.of(amount));
  const figures = months.map((month): MonthFigures => {
    const insured = REPORTED_INSURANCES.map((insuranceType) => {
      const row = rows.insured.find((r) => r.month === month && r.insuranceType === insuranceType);
      return { insuranceType, insured: row?.insured ?? 0, joined: row?.joined ?? 0, left: row?.left ?? 0 };
    });
    const c = rows.contributions.find((r) => r.month === month);
    const contributions = { billed: money(c?.billed), received: money(c?.received), arrears: money(c?.arrears), lateFees: money(c?.lateFees) };
    const benefits = rows.benefits
      .filter((r) => r.month === month)
      .map((r): BenefitFigures => ({ benefit: r.benefit, granted: r.granted, paidLines: r.paidLines, paid: Money.of(r.paid) }))
      .sort((a, b) => a.benefit.localeCompare(b.benefit));
    const known = new Set<string>(REPORTED_CASE_TYPES);
    const caseTypes = [...REPORTED_CASE_TYPES, ...new Set(rows.cases.filter((r) => r.month === month && !known.has(r.caseType)).map((r) => r.caseType))];
    const cases = caseTypes.map((caseType): CaseFigures => {
      const row = rows.cases.find((r) => r.month === month && r.caseType === caseType);
      return { caseType, opened: row?.opened ?? 0, closed: row?.closed ?? 0, decided: row?.decided ?? 0, onTime: row?.onTime ?? 0 };
    });
    return { month, insured, contributions, benefits, cases, fund: fundOf(contributions, benefits) };
  });
  return { region, from, to, asOf: today, months: figures };
}
