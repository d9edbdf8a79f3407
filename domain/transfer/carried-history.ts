import { Decimal } from 'decimal.js';
import { monthsBetweenInclusive } from '../insurance/insurance-history.js';
import type { InformationTableYear } from './exchange-message.js';
import { periodsAfter, type CollectedAccount } from './temporary-account-collection.js';
import type { AccountCredit, AccountPeriod } from './transfer-amounts.js';

/**
 * What a completed transfer moved into a place (rules §6.1, §6.2, §6.3): the spans it counted, with the wage and the
 * employee rate of each and the place each was paid in. From the take-over on they are the new place's to move on — a
 * worker who moves twice keeps every year and every fen — until a later transfer out of that place moves them on.
 */
export interface TransferredIn {
  /** The transfer case that carried the spans in. */
  byCase: string;
  /** The place the transfer moved them out of. */
  from: string;
  /** The place that took the relationship over and holds them now. */
  into: string;
  /** The last month carried. */
  throughMonth: string;
  periods: readonly AccountPeriod[];
  /**
   * Personal-account money it credited besides its spans: a counterpart's information table gives the years (the spans
   * then carry their contribution wage, no employee rate) and the account balance as one amount.
   */
  credits?: readonly AccountCredit[];
  /** A later transfer out of `into` already moved them on. */
  movedOn: boolean;
}

export interface PeriodsLeavingPlace {
  /** The spans the transfer moves, oldest first: the place's own, then what was carried into it, each month once. */
  periods: AccountPeriod[];
  /** The collections into the place that move on with these spans (the hand-over marks them). */
  movedOn: CollectedAccount[];
  /** The transfers into the place whose spans move on with these (the hand-over marks them). */
  transferredIn: TransferredIn[];
  /** The personal-account credits those transfers brought in besides their spans: they move on with them. */
  credits: AccountCredit[];
  workings: string[];
}

const BASIS = '国办发〔2009〕66号 arts. 4–5; 医保办发〔2021〕43号; 社会保险法 art. 52';

const monthIndex = (month: string): number => {
  const [year, m] = month.split('-').map(Number) as [number, number];
  return year * 12 + m - 1;
};
const monthAt = (index: number): string => `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;

/**
 * The spans without the months `taken` holds (an open span of `taken` holds every month from its start). A span given
 * with its whole contribution wage and cut keeps its monthly wage for the months left. Pure.
 */
function withoutMonths(spans: readonly AccountPeriod[], taken: readonly AccountPeriod[]): AccountPeriod[] {
  const held = (m: number) => taken.some((t) => monthIndex(t.startMonth) <= m && (t.endMonth === null || m <= monthIndex(t.endMonth)));
  const kept: AccountPeriod[] = [];
  for (const span of spans) {
    if (span.endMonth === null) {
      if (!held(monthIndex(span.startMonth))) kept.push({ ...span });
      continue;
    }
    const first = monthIndex(span.startMonth);
    const last = monthIndex(span.endMonth);
    let runStart: number | null = null;
    for (let m = first; m <= last + 1; m += 1) {
      const free = m <= last && !held(m);
      if (free && runStart === null) runStart = m;
      if (free || runStart === null) continue;
      if (runStart === first && m - 1 === last) kept.push({ ...span });
      else {
        const { contributionWage: _whole, ...piece } = span;
        kept.push({ ...piece, startMonth: monthAt(runStart), endMonth: monthAt(m - 1) });
      }
      runStart = null;
    }
  }
  return kept;
}

const monthsIn = (spans: readonly AccountPeriod[]) =>
  spans.reduce((n, s) => n + (s.endMonth === null ? 0 : monthsBetweenInclusive(s.startMonth, s.endMonth)), 0);

/**
 * The spans a transfer out of `fromPoolingArea` moves — one rule for everything a place holds (rules §6.1: personal
 * account whole balance, pooled fund 12 % of each year's contribution wage, both from 1998 by months; §6.2 medical
 * continuity and §6.3 unemployment years follow the same months):
 * - the place's own spans, without the months a collection out of it already moved (through the latest such
 *   collection's last month: 国办发〔2009〕66号 art. 5);
 * - plus what was carried into it and not yet moved on — the spans a temporary account's collection counted into it,
 *   and the spans a completed transfer moved into it — as they were counted, each with the place it was paid in;
 * - a month counts once: a carried month the place's own spans (or an earlier carried span) already hold is left out,
 *   so no month is moved twice or counted in two places.
 * The amounts then follow from the spans by the ordinary rules (transfer-amounts.ts), so what leaves the old fund is
 * what the next place books in. Pure.
 */
export function periodsLeavingPlace(input: {
  fromPoolingArea: string;
  ownPeriods: readonly AccountPeriod[];
  collected?: readonly CollectedAccount[];
  transferredIn?: readonly TransferredIn[];
}): PeriodsLeavingPlace {
  const { fromPoolingArea: place } = input;
  const collected = input.collected ?? [];
  const workings: string[] = [];
  const out = collected.filter((c) => c.poolingArea === place).map((c) => c.throughMonth);
  const lastCollected = out.length > 0 ? out.reduce((a, b) => (a > b ? a : b)) : null;
  const own = lastCollected === null ? [...input.ownPeriods] : periodsAfter(input.ownPeriods, lastCollected);
  if (lastCollected !== null) {
    workings.push(`months in ${place} through ${lastCollected} were collected out of its temporary account already: not moved again (${BASIS})`);
  }

  const movedOn = collected.filter((c) => c.collectedInto === place && !c.movedOn);
  const transferredIn = (input.transferredIn ?? []).filter((t) => t.into === place && !t.movedOn);
  const sources = [
    ...movedOn.map((c) => ({
      what: `the temporary account of ${c.poolingArea} collected into ${place} through ${c.throughMonth}`,
      periods: c.periods.map((p) => ({ ...p, paidIn: p.paidIn ?? c.poolingArea })),
    })),
    ...transferredIn.map((t) => ({
      what: `the months transfer ${t.byCase} moved from ${t.from} into ${place} through ${t.throughMonth}`,
      periods: t.periods.map((p) => ({ ...p, paidIn: p.paidIn ?? t.from })),
    })),
  ];
  const periods = [...own];
  for (const source of sources) {
    const kept = withoutMonths(source.periods, periods);
    const dropped = monthsIn(source.periods) - monthsIn(kept);
    workings.push(
      `${source.what} move on with the relationship` +
        (dropped > 0 ? `, less ${dropped} months ${place} holds already (a month counts once)` : '') +
        ` (${BASIS})`,
    );
    periods.push(...kept);
  }
  periods.sort((a, b) => (a.startMonth < b.startMonth ? -1 : a.startMonth > b.startMonth ? 1 : 0));
  const credits = transferredIn.flatMap((t) => (t.credits ?? []).map((c) => ({ ...c })));
  return { periods, movedOn, transferredIn, credits, workings };
}

/** The spans as a hand-over carries them: those begun by `throughMonth`, an open one ended with it. Pure. */
export function spansThrough(periods: readonly AccountPeriod[], throughMonth: string): AccountPeriod[] {
  return periods
    .filter((p) => p.startMonth <= throughMonth)
    .map((p) => ({ ...p, endMonth: p.endMonth === null || p.endMonth > throughMonth ? throughMonth : p.endMonth }));
}

/**
 * A counterpart's information table (参保缴费信息表) as spans a later transfer can move on: each year's line becomes a
 * span within that year with its whole contribution wage (so the pooled fund is the same 12 % of it) and no employee
 * rate (the personal account came as one amount: a credit, {@link TransferredIn.credits}). The table gives months, not
 * which months: a year's months are placed at its end — the last year's ending with `lastCoveredMonth` — and several
 * lines of one year one before the other. Months that do not fit the year are dropped from the front of the line, which
 * then counts its monthly wage. Pure.
 */
export function spansOfInformationTable(years: readonly InformationTableYear[], lastCoveredMonth: string | null, from: string): AccountPeriod[] {
  const lastCovered = lastCoveredMonth === null ? null : monthIndex(lastCoveredMonth);
  const nextEnd = new Map<number, number>();
  const spans: AccountPeriod[] = [];
  // Latest first; within a year, the last listed line takes the year's end.
  const lines = years.map((line, i) => ({ line, i })).sort((a, b) => b.line.year - a.line.year || b.i - a.i);
  for (const { line } of lines) {
    const yearEnd = lastCovered !== null && Math.floor(lastCovered / 12) === line.year ? lastCovered : line.year * 12 + 11;
    const end = nextEnd.get(line.year) ?? yearEnd;
    const start = Math.max(line.year * 12, end - line.months + 1);
    if (end < line.year * 12) continue;
    nextEnd.set(line.year, start - 1);
    const months = end - start + 1;
    const monthlyWage = new Decimal(line.contributionWage).div(line.months).toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toFixed(2);
    spans.push({
      startMonth: monthAt(start),
      endMonth: monthAt(end),
      monthlyWage,
      employeeRate: '0',
      paidIn: line.poolingArea ?? from,
      ...(months === line.months ? { contributionWage: line.contributionWage } : {}),
    });
  }
  return spans.sort((a, b) => (a.startMonth < b.startMonth ? -1 : a.startMonth > b.startMonth ? 1 : 0));
}
