import { describe, expect, it } from 'vitest';
import { CN_CALENDAR_YEARS } from '../../../domain/calendar/default-calendar.js';
import { DomainError } from '../../../domain/errors.js';
import { assertReviewWindowOpen, extensionRefusal, petitionClocks, petitionDeadline, reviewBodyOf } from '../../../domain/petition/petition-clocks.js';
import { DEFAULT_PETITION_POLICY as policy } from '../../../domain/petition/petition-policy.js';

const cal = CN_CALENDAR_YEARS;

describe('petition clocks', () => {
  it('counts the 60-day handling period from acceptance, and 90 days with the maximum extension (E12)', () => {
    expect(petitionDeadline(cal, policy, 'handling', '2025-01-10').dueDate).toBe('2025-03-11');
    expect(petitionDeadline(cal, policy, 'handling', '2025-01-10', 30).dueDate).toBe('2025-04-10');
  });

  it('allows a review request until 30 days after the reply was received, and refuses one day later naming the last day (E12, §7 art. 35)', () => {
    expect(assertReviewWindowOpen(cal, policy, 'review', '2025-04-15', '2025-05-15').dueDate).toBe('2025-05-15');
    const late = () => assertReviewWindowOpen(cal, policy, 'review', '2025-04-15', '2025-05-16');
    expect(late).toThrow(DomainError);
    expect(late).toThrow(/by 2025-05-15/);
    try {
      late();
    } catch (error) {
      expect((error as DomainError).code).toBe('REVIEW_WINDOW_CLOSED');
    }
  });

  it('rolls a 15-day written notice ending inside the National Day holiday over to the next working day (E11, §9)', () => {
    expect(petitionDeadline(cal, policy, 'acceptanceDecision', '2025-09-20').dueDate).toBe('2025-10-09');
  });

  it('counts the misrouted-petition objection in working days, skipping the holiday and counting make-up days (§7 art. 23, §9)', () => {
    // Fri 26 Sep 2025: 28 Sep (make-up Sunday) 1, 29 Sep 2, 30 Sep 3, 9 Oct 4, 10 Oct 5.
    const due = petitionDeadline(cal, policy, 'transferObjection', '2025-09-26');
    expect(due).toMatchObject({ dueDate: '2025-10-10', unit: 'working' });
  });

  it('allows one extension of 1 to 30 days only (§7 art. 32)', () => {
    expect(extensionRefusal(policy, 0, 30)).toBeNull();
    expect(extensionRefusal(policy, 0, 31)).toMatch(/1 to 30/);
    expect(extensionRefusal(policy, 0, 0)).toMatch(/1 to 30/);
    expect(extensionRefusal(policy, 10, 5)).toMatch(/once/);
  });

  it('shows each clock only in the statuses it governs, started by the dates the case has reached (§7, §9)', () => {
    const clocks = petitionClocks(cal, policy, {
      receivedOn: '2025-01-02',
      acceptedOn: '2025-01-10',
      extension: { days: 30, approvedBy: 'sv-1' },
      opinion: { issuedOn: '2025-04-15' },
      reviewRequestedOn: null,
      review: null,
      rereviewRequestedOn: null,
    });
    expect(clocks.map((c) => [c.clock, c.due.dueDate])).toEqual([
      ['acceptanceDecision', '2025-01-17'],
      ['handling', '2025-04-10'],
      ['reviewRequest', '2025-05-15'],
    ]);
    expect(clocks.find((c) => c.clock === 'reviewRequest')?.statuses).toEqual(['opinionIssued']);
  });

  it('sends review one level up and re-review two levels up; none above a province (§7 arts. 35, 36)', () => {
    expect(reviewBodyOf('330102', 'review')).toBe('330100');
    expect(reviewBodyOf('330102', 'rereview')).toBe('330000');
    expect(reviewBodyOf('330100', 'rereview')).toBeNull();
    expect(reviewBodyOf('330000', 'review')).toBeNull();
  });
});
