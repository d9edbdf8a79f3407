import { REPORTED_CASE_TYPES } from '../../domain/statistics/monthly-statistics.js';
import type { MonthlyStatistics } from '../../services/statistics/read-monthly-statistics.js';

/**
 * The drill-down of each figure: the list behind it, on the existing list routes with their filters (the cases of a
 * type in the region, the overdue ones, the arrears cases, the benefit claims, the payrolls). The lists filter by
 * region and type, not by month: the link opens the region's list of that kind, newest first.
 */
export function drillDownOf(region: string) {
  const cases = (type: string, extra = '') => `/v1/cases?type=${type}&region=${region}${extra}`;
  return {
    cases: Object.fromEntries(REPORTED_CASE_TYPES.map((type) => [type, cases(type)])),
    overdueCases: Object.fromEntries(REPORTED_CASE_TYPES.map((type) => [type, cases(type, '&overdue=true')])),
    arrears: cases('arrears'),
    benefits: cases('benefit'),
    payrolls: '/v1/payrolls',
  };
}

/** JSON: money as decimal strings (Money.toJSON would give an object; a figure is a plain string here). */
export function presentMonthlyStatistics(report: MonthlyStatistics) {
  return {
    region: report.region,
    from: report.from,
    to: report.to,
    asOf: report.asOf,
    months: report.months.map((m) => ({
      month: m.month,
      insured: m.insured,
      contributions: {
        billed: m.contributions.billed.toString(),
        received: m.contributions.received.toString(),
        arrears: m.contributions.arrears.toString(),
        lateFees: m.contributions.lateFees.toString(),
      },
      benefits: m.benefits.map((b) => ({ benefit: b.benefit, granted: b.granted, paidLines: b.paidLines, paid: b.paid.toString() })),
      cases: m.cases,
      fund: { income: m.fund.income.toString(), expenditure: m.fund.expenditure.toString(), net: m.fund.net.toString() },
    })),
    drillDown: drillDownOf(report.region),
  };
}
