import type { AccountPeriod } from '../../domain/transfer/transfer-amounts.js';
import { EXCHANGE_FORMAT, type ExchangeEnvelope, type ExchangeMessage, type InformationTableYear } from '../../domain/transfer/exchange-message.js';
import { segmentWage, yearSegmentsOf } from '../../domain/transfer/pooled-fund.js';
import { Money } from '../../domain/money.js';
import type { TransferInput } from './transfer-messages.js';

/** What a case writes of a platform message; the envelope, the ID and the time are added when it is sent. */
export type ExchangeMessageBody = ExchangeMessage extends infer M
  ? M extends unknown
    ? Omit<M, keyof ExchangeEnvelope | 'messageId' | 'sentAt'>
    : never
  : never;

/**
 * The fields every message of this transfer carries (docs/transfers.md, `cn-si-transfer/1`): this system's office as
 * the sender, the counterpart as the recipient, the platform's transfer ID. Pure.
 */
export function envelopeOf(input: TransferInput, counterpartReference: string | null): ExchangeEnvelope {
  const { application: a, role, reference, platform } = input;
  const ours = role === 'old' ? 'old' : 'new';
  const party = (side: 'old' | 'new', ref: string | null) => ({
    poolingArea: side === 'old' ? a.fromPoolingArea : a.toPoolingArea,
    region: side === 'old' ? a.fromRegion : a.toRegion,
    reference: ref,
  });
  return {
    format: EXCHANGE_FORMAT,
    transferId: platform.transferId,
    insurance: a.insurance,
    person: { citizenId: a.citizenId, name: a.personName },
    from: party(ours, reference),
    to: party(ours === 'old' ? 'new' : 'old', counterpartReference),
  };
}

/**
 * The information table (参保缴费信息表) of the old office's records: months and contribution wage per year, and per
 * place when the spans name where they were paid (months a transfer carried into the old place keep their place;
 * the old place's own spans are `ownPlace`'s). Pure.
 */
export function informationTableOf(periods: readonly AccountPeriod[], throughMonth: string, ownPlace?: string): InformationTableYear[] {
  const byYear = new Map<string, { year: number; place: string | undefined; months: number; wage: Money }>();
  for (const s of yearSegmentsOf(periods, throughMonth)) {
    const place = periods[s.period]!.paidIn ?? ownPlace;
    const key = `${place ?? ''}:${s.year}`;
    const entry = byYear.get(key) ?? { year: s.year, place, months: 0, wage: Money.zero() };
    byYear.set(key, { ...entry, months: entry.months + s.months, wage: entry.wage.plus(segmentWage(s)) });
  }
  return [...byYear.values()]
    .sort((a, b) => a.year - b.year || (a.place ?? '').localeCompare(b.place ?? ''))
    .map((e) => ({ year: e.year, months: e.months, contributionWage: e.wage.toString(), ...(e.place === undefined ? {} : { poolingArea: e.place }) }));
}

/** The last month the old records cover (an open record: up to `throughMonth`), or null without records. Pure. */
export function lastCoveredMonthOf(periods: readonly AccountPeriod[], throughMonth: string): string | null {
  return (
    periods
      .map((p) => p.endMonth ?? throughMonth)
      .sort()
      .at(-1) ?? null
  );
}
