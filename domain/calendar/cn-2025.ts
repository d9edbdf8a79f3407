import type { CalendarYear } from './holiday-calendar.js';

/**
 * Mainland China 2025 — 国务院办公厅 notice of 12 Nov 2024 (rules §9). Every day of each holiday block is
 * listed; make-up workdays are the weekend days worked instead.
 */
export const CN_2025: CalendarYear = {
  year: 2025,
  holidays: [
    '2025-01-01',
    // Spring Festival 28 Jan – 4 Feb
    '2025-01-28',
    '2025-01-29',
    '2025-01-30',
    '2025-01-31',
    '2025-02-01',
    '2025-02-02',
    '2025-02-03',
    '2025-02-04',
    // Qingming 4–6 Apr
    '2025-04-04',
    '2025-04-05',
    '2025-04-06',
    // Labour Day 1–5 May
    '2025-05-01',
    '2025-05-02',
    '2025-05-03',
    '2025-05-04',
    '2025-05-05',
    // Dragon Boat 31 May – 2 Jun
    '2025-05-31',
    '2025-06-01',
    '2025-06-02',
    // National Day + Mid-Autumn 1–8 Oct
    '2025-10-01',
    '2025-10-02',
    '2025-10-03',
    '2025-10-04',
    '2025-10-05',
    '2025-10-06',
    '2025-10-07',
    '2025-10-08',
  ],
  makeupWorkdays: ['2025-01-26', '2025-02-08', '2025-04-27', '2025-09-28', '2025-10-11'],
};
