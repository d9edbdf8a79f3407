import { CN_2025 } from './cn-2025.js';
import { CN_2026 } from './cn-2026.js';
import type { CalendarYear } from './holiday-calendar.js';

/**
 * The national calendars shipped with the code, for seeding reference data and tests. Running cases get their
 * calendar years as workflow input (docs/architecture.md "Data"), so adding a year here never changes a replay.
 */
export const CN_CALENDAR_YEARS: CalendarYear[] = [CN_2025, CN_2026];

/** The State Council notice each shipped year comes from (rules §9). */
export const CN_CALENDAR_NOTICES: Readonly<Record<number, string>> = {
  2025: '国务院办公厅关于2025年部分节假日安排的通知（2024年11月12日）',
  2026: '国务院办公厅关于2026年部分节假日安排的通知（2025年11月4日）',
};
