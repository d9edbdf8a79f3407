import { describe, expect, it } from 'vitest';
import { CN_CALENDAR_YEARS } from '../../../domain/calendar/default-calendar.js';
import { HolidayCalendar } from '../../../domain/calendar/holiday-calendar.js';
import { assessLeaver } from '../../../domain/enrollment/leaver.js';

const calendar = new HolidayCalendar(CN_CALENDAR_YEARS);
const assess = (leaveDate: string, today: string, startMonth = '2025-01') => assessLeaver({ leaveDate, today, startMonth, reportDays: 15, calendar });

describe('leaver reports (减员, 社会保险法 art. 50: within 15 days)', () => {
  it('stops the records after the leave month and finds a report within 15 days in time', () => {
    expect(assess('2026-03-10', '2026-03-25')).toEqual({
      issues: [],
      assessment: { lastMonth: '2026-03', reportDeadline: '2026-03-25', lateDays: null, provisional: false },
    });
  });

  it('flags a report later than 15 days with the days late, the period rolled over rest days (§9)', () => {
    // 15 days from 2026-09-20 end on 2026-10-05, inside National Day: the period runs to 2026-10-08.
    expect(assess('2026-09-20', '2026-10-08')).toMatchObject({ assessment: { reportDeadline: '2026-10-08', lateDays: null } });
    expect(assess('2026-09-20', '2026-10-12')).toMatchObject({ assessment: { lateDays: 4 } });
  });

  it('refuses a leave date in the future or before the records with the employer began, naming leaveDate', () => {
    expect(assess('2026-12-02', '2026-12-01')).toEqual({ issues: [{ path: 'leaveDate', message: expect.stringMatching(/future/) }] });
    expect(assess('2024-12-31', '2026-12-01', '2025-01')).toEqual({ issues: [{ path: 'leaveDate', message: expect.stringMatching(/before the records/) }] });
  });
});
