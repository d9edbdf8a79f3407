import { describe, expect, it } from 'vitest';
import { instalmentFollowUp } from '../../../domain/payroll/missed-instalments.js';

// 3000.00 by 1000.00 a month from 2027-01 (an agreement after a death, 社会保险经办条例 art. 46).
const agreement = { total: '3000.00', monthlyAmount: '1000.00', firstMonth: '2027-01', graceMonths: 1 };

describe('missed instalments of an agreement (催收, 社会保险经办条例 art. 46; rules §8 "Missed instalments")', () => {
  it('art. 46 missed instalment: a month that passes with nothing withheld and nothing repaid is missed, and chased once the grace has passed', () => {
    // In 2027-02 the January instalment is missed, within its grace: shown, not chased.
    const feb = instalmentFollowUp({ ...agreement, collected: '0.00', today: '2027-02-10' });
    expect(feb.instalments.map((i) => [i.month, i.amount, i.covered, i.state])).toEqual([
      ['2027-01', '1000.00', '0.00', 'missed'],
      ['2027-02', '1000.00', '0.00', 'due'],
      ['2027-03', '1000.00', '0.00', 'upcoming'],
    ]);
    expect(feb.missed).toEqual(['2027-01']);
    expect(feb.chase).toBeNull();
    // From 2027-03-01 the grace of one month has passed: January is chased.
    const mar = instalmentFollowUp({ ...agreement, collected: '0.00', today: '2027-03-01' });
    expect(mar.missed).toEqual(['2027-01', '2027-02']);
    expect(mar.chase).toBe('2027-01');
    expect(mar.workings.join(' ')).toContain('2027-01 still missed after 1 month(s) of grace: chased (催收) in 2027-03');
  });

  it('art. 46 missed instalment: one chase covers every missed month up to the newest past its grace; the next waits for a month missed after it', () => {
    const apr = { ...agreement, collected: '0.00', today: '2027-04-15' };
    expect(instalmentFollowUp(apr).chase).toBe('2027-02');
    // Chased for February (a contact was recorded): nothing new in April; March is chased once its grace has run out.
    expect(instalmentFollowUp({ ...apr, lastChased: '2027-02' }).chase).toBeNull();
    expect(instalmentFollowUp({ ...apr, today: '2027-05-01', lastChased: '2027-02' }).chase).toBe('2027-03');
  });

  it('art. 46 missed instalment: money that comes late makes up the oldest month first, so a repayment in the grace month is not chased', () => {
    const paidLate = instalmentFollowUp({ ...agreement, collected: '1000.00', today: '2027-03-05' });
    expect(paidLate.instalments.map((i) => i.state)).toEqual(['paid', 'missed', 'due']);
    // February is missed now, and within its grace in March.
    expect(paidLate.chase).toBeNull();
    expect(instalmentFollowUp({ ...agreement, collected: '3000.00', today: '2027-06-01' }).missed).toEqual([]);
  });

  it('art. 46 missed instalment: a month partly covered (a line smaller than the agreed amount) is partly paid, shown but not chased', () => {
    const part = instalmentFollowUp({ ...agreement, collected: '400.00', today: '2027-03-02' });
    expect(part.instalments.map((i) => [i.state, i.covered])).toEqual([
      ['partlyPaid', '400.00'],
      ['missed', '0.00'],
      ['due', '0.00'],
    ]);
    expect(part.chase).toBeNull();
    expect(instalmentFollowUp({ ...agreement, collected: '400.00', today: '2027-04-02' }).chase).toBe('2027-02');
  });

  it('art. 46 missed instalment: the last instalment is the rest, a grace of 0 chases from the next month, nothing before the first month is due', () => {
    const odd = instalmentFollowUp({
      total: '2500.00',
      monthlyAmount: '1000.00',
      firstMonth: '2027-01',
      graceMonths: 0,
      collected: '0.00',
      today: '2027-02-01',
    });
    expect(odd.instalments.map((i) => i.amount)).toEqual(['1000.00', '1000.00', '500.00']);
    expect(odd.chase).toBe('2027-01');
    const early = instalmentFollowUp({ ...agreement, collected: '0.00', today: '2026-12-20' });
    expect(early.instalments.every((i) => i.state === 'upcoming')).toBe(true);
    expect(early.missed).toEqual([]);
    expect(instalmentFollowUp({ ...agreement, total: '0.00', collected: '0.00', today: '2027-05-01' }).instalments).toEqual([]);
    expect(() => instalmentFollowUp({ ...agreement, graceMonths: -1, collected: '0.00', today: '2027-02-01' })).toThrow(
      expect.objectContaining({ path: 'graceMonths' }),
    );
  });
});
