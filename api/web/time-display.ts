// How instants and deadlines read on a page. The law counts days in Asia/Shanghai (rules), so every date
// shown is the Shanghai calendar date whatever the server's time zone.
import { daysBetween, shanghaiDateOf } from '../../domain/calendar/local-date.js';
import type { Translate } from './i18n/messages.js';

const minuteFormat = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
});

const secondFormat = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai', hour: '2-digit', minute: '2-digit', second: '2-digit' });

/** `14:05:09` in Shanghai time: when a snapshot of figures was counted. */
export const shanghaiClock = (iso: string): string => secondFormat.format(new Date(iso));

/** `2026-11-27 14:05` in Shanghai time. */
export const shanghaiMinute = (iso: string): string => minuteFormat.format(new Date(iso));

/** Whole Shanghai calendar days from `iso` to `now` (0 on the same day). */
export const daysSince = (iso: string, now: Date): number => Math.max(0, daysBetween(shanghaiDateOf(new Date(iso).getTime()), shanghaiDateOf(now.getTime())));

/** "剩余 3 天" / "已超期 2 天" / "今天到期" for a statutory day `dueDate` (YYYY-MM-DD). */
export function timeLeft(dueDate: string, now: Date, t: Translate): { text: string; late: boolean } {
  const left = daysBetween(shanghaiDateOf(now.getTime()), dueDate);
  if (left > 0) return { text: t('daysLeft', { n: left }), late: false };
  if (left === 0) return { text: t('dueToday'), late: false };
  return { text: t('daysLate', { n: -left }), late: true };
}
