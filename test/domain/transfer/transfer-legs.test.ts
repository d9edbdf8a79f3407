import { describe, expect, it } from 'vitest';
import { CN_2025 } from '../../../domain/calendar/cn-2025.js';
import { CN_CALENDAR_YEARS } from '../../../domain/calendar/default-calendar.js';
import { transferLegClocks, transferLegDeadline, transferLegDefinitions, transferOverallDeadline } from '../../../domain/transfer/transfer-legs.js';
import { DEFAULT_TRANSFER_LEG_POLICY } from '../../../domain/transfer/transfer-policy.js';

const cal = CN_CALENDAR_YEARS;

describe('transfer legs', () => {
  it('lets the old office send the money until Thu 23 Oct 2025 for a letter received Fri 26 Sep 2025 (§6.1, §9, E11)', () => {
    expect(transferLegDeadline(cal, 'pension', 'transferOut', '2025-09-26')).toMatchObject({ dueDate: '2025-10-23', unit: 'working', provisional: false });
  });

  it('counts 15 working days across Spring Festival 2026: Tue 10 Feb → Mon 9 Mar (§9, E11)', () => {
    expect(transferLegDeadline(cal, 'pension', 'acceptanceLetter', '2026-02-10')?.dueDate).toBe('2026-03-09');
  });

  it('gives a provisional weekend-only deadline when a year has no calendar, never an error (§9, docs/api.md calendars)', () => {
    const withoutEarlier = transferLegDeadline([CN_2025], 'pension', 'completion', '2026-02-10');
    expect(withoutEarlier).toMatchObject({ dueDate: '2026-03-03', provisional: true }); // the naive count of E11
    const into2027 = transferLegDeadline(cal, 'pension', 'completion', '2026-12-15');
    expect(into2027).toMatchObject({ dueDate: '2027-01-05', provisional: true });
  });

  it('runs the three pension legs on their own start events, 15 working days each (§6.1, 国办发〔2009〕66号 art. 8)', () => {
    const legs = transferLegClocks(cal, 'pension', { appliedOn: '2025-09-10', acceptanceLetterReceivedOn: '2025-09-26', relationshipReceivedOn: null });
    expect(legs.map((l) => [l.name, l.office, l.from, l.days, l.dueDate])).toEqual([
      ['acceptanceLetter', 'new', '2025-09-10', 15, '2025-09-30'],
      ['transferOut', 'old', '2025-09-26', 15, '2025-10-23'],
      ['completion', 'new', null, 15, null],
    ]);
    expect(legs[1]?.basis).toBe('国办发〔2009〕66号 art. 8 (3), legs.pension.transferOut');
  });

  it('bounds a pension transfer at 45 working days in all (§6.1: ≤ 45)', () => {
    // 15 working days end on 23 Oct 2025; 30 more plain weeks end on Thu 4 Dec 2025.
    expect(transferOverallDeadline(cal, 'pension', '2025-09-26').dueDate).toBe('2025-12-04');
  });

  it('gives the medical old office 10 working days and the new office 5 (§6.2, 医保办发〔2021〕43号)', () => {
    const legs = transferLegClocks(cal, 'medical', { appliedOn: '2025-09-26', relationshipReceivedOn: '2025-10-16' });
    expect(legs.map((l) => [l.name, l.office, l.days, l.dueDate])).toEqual([
      ['transferOut', 'old', 10, '2025-10-16'],
      ['load', 'new', 5, '2025-10-23'],
    ]);
    expect(transferLegDeadline(cal, 'medical', 'acceptanceLetter', '2025-09-26')).toBeNull();
  });

  it('treats unemployment like medical by default, as an unverified choice (§6.3)', () => {
    const legs = transferLegDefinitions('unemployment');
    expect(legs.map((l) => [l.name, l.days])).toEqual([
      ['transferOut', 10],
      ['load', 5],
    ]);
    expect(legs[0]?.basis).toContain('unverified');
  });

  it('follows configured day counts (legs.pension.transferOut)', () => {
    const policy = { ...DEFAULT_TRANSFER_LEG_POLICY, pension: { ...DEFAULT_TRANSFER_LEG_POLICY.pension, transferOut: 10 } };
    expect(transferLegDeadline(cal, 'pension', 'transferOut', '2025-09-26', policy)?.dueDate).toBe('2025-10-16');
    expect(transferOverallDeadline(cal, 'pension', '2025-09-26', policy).dueDate).toBe('2025-11-27');
  });
});
