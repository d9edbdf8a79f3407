// 个人账户支付 (rules §5.6): the personal medical account pays an outpatient or pharmacy amount in full or not at all,
// never below zero; the amount is a positive amount with at most two decimals (modelling principle 2).
import { describe, expect, it } from 'vitest';
import { assertAccountCanPay, assessAccountSpending, spendingKey } from '../../../domain/declarations/medical-account-spending.js';
import { DomainError } from '../../../domain/errors.js';

describe('assessAccountSpending (个人账户支付)', () => {
  it('pays from the balance and says what is left, exact to the fen (§5.6)', () => {
    expect(assessAccountSpending('70.00', '35.50')).toEqual({ accepted: true, amount: '35.50', balanceBefore: '70.00', balanceAfter: '34.50' });
    expect(assessAccountSpending('70.00', '70')).toMatchObject({ accepted: true, amount: '70.00', balanceAfter: '0.00' });
  });

  it('refuses an amount above the balance with INSUFFICIENT_BALANCE naming amount, paying nothing (§5.6)', () => {
    expect(assessAccountSpending('34.50', '34.51')).toEqual({
      accepted: false,
      code: 'INSUFFICIENT_BALANCE',
      path: 'amount',
      reason: 'the personal medical account holds 34.50, less than 34.51; nothing was paid',
    });
    expect(assessAccountSpending('0.00', '0.01')).toMatchObject({ accepted: false, code: 'INSUFFICIENT_BALANCE' });
    expect(() => assertAccountCanPay('10.00', '10.01')).toThrow(expect.objectContaining({ code: 'INSUFFICIENT_BALANCE', path: 'amount' }));
  });

  it('refuses zero, a negative amount and a third decimal (principle 2; §5.6)', () => {
    for (const amount of ['0', '0.00', '-5.00', '1.005', 'ten']) {
      expect(assessAccountSpending('100.00', amount)).toMatchObject({ accepted: false, code: 'INVALID_AMOUNT', path: 'amount' });
    }
    expect(() => assertAccountCanPay('100.00', '1.005')).toThrow(DomainError);
  });

  it('keys a payment by the caller and the Idempotency-Key, so a retry is the same line (§5.6)', () => {
    expect(spendingKey('cw-1', 'k-0001')).toBe('spending:cw-1:k-0001');
    expect(spendingKey('cw-1', 'k-0001')).not.toBe(spendingKey('cw-2', 'k-0001'));
  });
});
