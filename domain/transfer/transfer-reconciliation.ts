import { Money } from '../money.js';
import { parseAmount } from './transfer-input.js';

/** The two components of the money a transfer moves (decimal strings); medical moves an account balance only. */
export interface TransferAmounts {
  pooledFund: string;
  personalAccount: string;
}

/** One side of a booked transfer: the old office's payment out, or the new office's receipt. */
export interface BookedTransfer extends TransferAmounts {
  /** The transfer reference (TR…) the booking carries. */
  reference: string;
}

export interface TransferBookingPair {
  outgoing: BookedTransfer;
  incoming: BookedTransfer;
  /** The calculated amounts (pooled-fund and personal-account calculators), when the outgoing side must match them. */
  calculated?: TransferAmounts;
}

export type ReconciliationItem = 'reference' | 'pooledFund' | 'personalAccount' | 'total';

export interface ReconciliationDifference {
  item: ReconciliationItem;
  /** What the outgoing booking is compared with. */
  against: 'incoming' | 'calculated';
  outgoing: string;
  other: string;
  /** other − outgoing, for amounts; null for the reference. */
  difference: string | null;
}

export interface ReconciliationResult {
  balanced: boolean;
  /** Pooled fund + personal account leaving the old fund. */
  outgoingTotal: string;
  incomingTotal: string;
  differences: ReconciliationDifference[];
  workings: string[];
}

const COMPONENTS = ['pooledFund', 'personalAccount'] as const;

function compare(
  outgoing: TransferAmounts,
  other: TransferAmounts,
  against: 'incoming' | 'calculated',
  path: string,
  workings: string[],
): ReconciliationDifference[] {
  const differences: ReconciliationDifference[] = [];
  const parse = (side: TransferAmounts, key: (typeof COMPONENTS)[number], where: string): Money => parseAmount(side[key], `${where}.${key}`);
  const totals = { outgoing: Money.zero(), other: Money.zero() };
  for (const key of COMPONENTS) {
    const out = parse(outgoing, key, 'outgoing');
    const that = parse(other, key, path);
    totals.outgoing = totals.outgoing.plus(out);
    totals.other = totals.other.plus(that);
    const same = out.equals(that);
    workings.push(`${key}: outgoing ${out.toString()} ${same ? '=' : '≠'} ${against} ${that.toString()}`);
    if (!same) differences.push({ item: key, against, outgoing: out.toString(), other: that.toString(), difference: that.minus(out).toString() });
  }
  const same = totals.outgoing.equals(totals.other);
  workings.push(`total: outgoing ${totals.outgoing.toString()} ${same ? '=' : '≠'} ${against} ${totals.other.toString()}`);
  if (!same) {
    differences.push({
      item: 'total',
      against,
      outgoing: totals.outgoing.toString(),
      other: totals.other.toString(),
      difference: totals.other.minus(totals.outgoing).toString(),
    });
  }
  return differences;
}

/**
 * Checks a booked transfer pair: what leaves the old fund (pooled fund + personal account) must enter the new one to
 * the fen, component by component — 国办发〔2009〕66号 art. 4 moves two separately computed amounts into two separate
 * books, so equal totals with swapped components still differ (rules §6.1).
 * Both bookings must carry the same reference, and with `calculated` the outgoing side must equal the calculated
 * amounts. Pure; it says what differs and never corrects anything.
 * @throws DomainError INVALID_AMOUNT for a malformed amount (path names the side and component).
 */
export function reconcileTransfer(pair: TransferBookingPair): ReconciliationResult {
  const workings: string[] = [];
  const differences: ReconciliationDifference[] = [];
  if (pair.outgoing.reference !== pair.incoming.reference) {
    differences.push({ item: 'reference', against: 'incoming', outgoing: pair.outgoing.reference, other: pair.incoming.reference, difference: null });
    workings.push(`reference: outgoing ${pair.outgoing.reference} ≠ incoming ${pair.incoming.reference}`);
  }
  differences.push(...compare(pair.outgoing, pair.incoming, 'incoming', 'incoming', workings));
  if (pair.calculated !== undefined) differences.push(...compare(pair.outgoing, pair.calculated, 'calculated', 'calculated', workings));
  const total = (side: TransferAmounts, where: string): string =>
    parseAmount(side.pooledFund, `${where}.pooledFund`)
      .plus(parseAmount(side.personalAccount, `${where}.personalAccount`))
      .toString();
  const balanced = differences.length === 0;
  workings.push(balanced ? 'the transfer reconciles to the fen' : `${differences.length} difference(s)`);
  return { balanced, outgoingTotal: total(pair.outgoing, 'outgoing'), incomingTotal: total(pair.incoming, 'incoming'), differences, workings };
}
