import { addMonths } from '../calendar/local-date.js';
import type { InsuranceType } from '../contribution/regional-parameters.js';

/** A span of months an insurance record covers: from its start month to its end month, or on while it is open. */
export interface RecordSpan {
  startMonth: string;
  endMonth: string | null;
}

/** Months from `from` to `to` inclusive ('YYYY-MM'); 0 when `to` is before `from`. */
export function monthsBetweenInclusive(from: string, to: string): number {
  const index = (m: string) => Number(m.slice(0, 4)) * 12 + Number(m.slice(5, 7)) - 1;
  return Math.max(0, index(to) - index(from) + 1);
}

/** Every month of a span up to `currentMonth`, oldest first. */
export function monthsOf(span: RecordSpan, currentMonth: string): string[] {
  const last = span.endMonth !== null && span.endMonth < currentMonth ? span.endMonth : currentMonth;
  const months: string[] = [];
  for (let m = span.startMonth; m <= last; m = addMonths(`${m}-01`, 1).slice(0, 7)) months.push(m);
  return months;
}

/**
 * Months covered by any of the spans up to `currentMonth`, each month once (overlapping relationships are never
 * counted twice — rules §2, "overlapping years are not double counted").
 */
export function monthsCovered(spans: readonly RecordSpan[], currentMonth: string): number {
  const months = new Set<string>();
  for (const span of spans) for (const m of monthsOf(span, currentMonth)) months.add(m);
  return months.size;
}

/** One insurance relationship as the person's history shows it. */
export interface HistoryRecord extends RecordSpan {
  insuranceType: InsuranceType;
  region: string;
  employerCreditCode: string | null;
  personnelCategory: string;
  status: string;
  contributionBase: string;
  endReason: string | null;
}

export interface InsuranceHistoryPeriod {
  insuranceType: InsuranceType;
  region: string;
  employerCreditCode: string | null;
  personnelCategory: string;
  status: string;
  startMonth: string;
  endMonth: string | null;
  endReason: string | null;
  contributionBase: string;
  /** Months of the span up to now. */
  recordedMonths: number;
  /** Of those, months paid: the employer's bill settled with the person on its declaration, or a flexible worker's. */
  paidMonths: number;
}

export interface InsuranceHistory {
  periods: InsuranceHistoryPeriod[];
  /** Per insurance: distinct months paid (overlaps counted once) — what benefits and transfers count. */
  contributionMonths: Partial<Record<InsuranceType, number>>;
  /** Per insurance: distinct months recorded but not (yet) paid. */
  unpaidMonths: Partial<Record<InsuranceType, number>>;
}

/**
 * The person's insurance history (个人权益记录, GET /v1/persons/{citizenId}/insurance-history): periods per insurance and
 * employer from the records, and contribution months from what was paid — `paid(record, month)` says whether the
 * employer's bill for that month is settled with the person on it. A flexible worker pays directly, outside employer
 * billing, so their recorded months count as paid. Pure.
 */
export function buildInsuranceHistory(
  records: readonly HistoryRecord[],
  currentMonth: string,
  paid: (record: HistoryRecord, month: string) => boolean,
): InsuranceHistory {
  const paidByType = new Map<InsuranceType, Set<string>>();
  const unpaidByType = new Map<InsuranceType, Set<string>>();
  const periods = [...records]
    .sort((a, b) => a.insuranceType.localeCompare(b.insuranceType) || a.startMonth.localeCompare(b.startMonth))
    .map((record): InsuranceHistoryPeriod => {
      const months = monthsOf(record, currentMonth);
      const paidMonths = months.filter((m) => record.personnelCategory === 'flexible' || paid(record, m));
      const paidSet = paidByType.get(record.insuranceType) ?? new Set<string>();
      const unpaidSet = unpaidByType.get(record.insuranceType) ?? new Set<string>();
      for (const m of months) (paidMonths.includes(m) ? paidSet : unpaidSet).add(m);
      paidByType.set(record.insuranceType, paidSet);
      unpaidByType.set(record.insuranceType, unpaidSet);
      return { ...record, recordedMonths: months.length, paidMonths: paidMonths.length };
    });
  const contributionMonths: Partial<Record<InsuranceType, number>> = {};
  const unpaidMonths: Partial<Record<InsuranceType, number>> = {};
  for (const [type, set] of paidByType) contributionMonths[type] = set.size;
  // A month paid through one relationship is not unpaid because another one also covers it.
  for (const [type, set] of unpaidByType) unpaidMonths[type] = [...set].filter((m) => !paidByType.get(type)?.has(m)).length;
  return { periods, contributionMonths, unpaidMonths };
}
