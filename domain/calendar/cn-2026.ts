import type { CalendarYear } from './holiday-calendar.js';

/**
 * Mainland China 2026 — State Council notice of 4 Nov 2025 (rules §9). Every day of each holiday block is
 * listed; make-up workdays are the weekend days worked instead.
 */
export const CN_2026: CalendarYear = {
  year: 2026,
  holidays: [
    // New Year 1–3 Jan
    '2026-01-01',
    '2026-01-02',
    '2026-01-03',
    // Spring Festival 15–23 Feb
    '2026-02-15',
    '2026-02-16',
    '2026-02-17',
    '2026-02-18',
    '2026-02-19',
    '2026-02-20',
    '2026-02-21',
    '2026-02-22',
    '2026-02-23',
    // Qingming 4–6 Apr
    '2026-04-04',
    '2026-04-05',
    '2026-04-06',
    // Labour Day 1–5 May
    '2026-05-01',
    '2026-05-02',
    '2026-05-03',
    '2026-05-04',
    '2026-05-05',
    // Dragon Boat 19–21 Jun
    '2026-06-19',
    '2026-06-20',
    '2026-06-21',
    // Mid-Autumn 25–27 Sep
    '2026-09-25',
    '2026-09-26',
    '2026-09-27',
    // National Day 1–7 Oct
    '2026-10-01',
    '2026-10-02',
    '2026-10-03',
    '2026-10-04',
    '2026-10-05',
    '2026-10-06',
    '2026-10-07',
  ],
  makeupWorkdays: ['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10'],
};
