import { describe, expect, it } from 'vitest';
import { type BookedTransfer, reconcileTransfer } from '../../../domain/transfer/transfer-reconciliation.js';
import { expectDomainError } from './domain-error.js';

// E3: pooled 62 136.00, account principal 41 424.00.
const out: BookedTransfer = { reference: 'TR2025000001', pooledFund: '62136.00', personalAccount: '41424.00' };

describe('reconcileTransfer', () => {
  it('balances when the new fund receives what the old one paid, to the fen (§6.1, E3)', () => {
    const r = reconcileTransfer({ outgoing: out, incoming: { ...out }, calculated: { pooledFund: '62136.00', personalAccount: '41424.00' } });
    expect(r).toMatchObject({ balanced: true, outgoingTotal: '103560.00', incomingTotal: '103560.00', differences: [] });
    expect(r.workings.at(-1)).toBe('the transfer reconciles to the fen');
  });

  it('names a one-fen difference in the pooled fund and in the total', () => {
    const r = reconcileTransfer({ outgoing: out, incoming: { ...out, pooledFund: '62135.99' } });
    expect(r.balanced).toBe(false);
    expect(r.differences).toEqual([
      { item: 'pooledFund', against: 'incoming', outgoing: '62136.00', other: '62135.99', difference: '-0.01' },
      { item: 'total', against: 'incoming', outgoing: '103560.00', other: '103559.99', difference: '-0.01' },
    ]);
  });

  it('finds swapped components even when the totals agree', () => {
    const r = reconcileTransfer({ outgoing: out, incoming: { ...out, pooledFund: '62137.00', personalAccount: '41423.00' } });
    expect(r.differences.map((d) => [d.item, d.difference])).toEqual([
      ['pooledFund', '1.00'],
      ['personalAccount', '-1.00'],
    ]);
  });

  it('finds a booking under another reference', () => {
    const r = reconcileTransfer({ outgoing: out, incoming: { ...out, reference: 'TR2025000002' } });
    expect(r.differences).toEqual([{ item: 'reference', against: 'incoming', outgoing: 'TR2025000001', other: 'TR2025000002', difference: null }]);
  });

  it('finds an outgoing booking that differs from the calculated amounts', () => {
    const r = reconcileTransfer({ outgoing: out, incoming: out, calculated: { pooledFund: '66816.00', personalAccount: '41424.00' } });
    expect(r.differences.map((d) => [d.item, d.against, d.difference])).toEqual([
      ['pooledFund', 'calculated', '4680.00'],
      ['total', 'calculated', '4680.00'],
    ]);
  });

  it('refuses a malformed amount, naming the side', () => {
    expectDomainError(
      () => reconcileTransfer({ outgoing: out, incoming: { ...out, personalAccount: '41424.001' } }),
      'INVALID_AMOUNT',
      'incoming.personalAccount',
    );
  });
});
