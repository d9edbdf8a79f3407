import { shanghaiDateOf } from '../domain/calendar/local-date.js';

/**
 * "Now" and "today" for everything outside workflow code (docs/architecture.md "Time"): the API, the
 * activities, the schedules' inputs, the pages and the bench all receive one of these and never read the wall clock
 * themselves. Law counts Asia/Shanghai dates, so `today()` is a Shanghai date whatever the host's time zone.
 * Workflows use the workflow clock only (deterministic on replay).
 */
export interface BusinessClock {
  now(): Date;
  /** The Asia/Shanghai calendar date of `now()`, YYYY-MM-DD. */
  today(): string;
}

/** The one place that reads the wall clock. */
export const systemClock: BusinessClock = {
  now: () => new Date(),
  today: () => shanghaiDateOf(Date.now()),
};

/**
 * A clock that always answers `instant` (tests, demonstrations of a given day, the bench's "as of" runs). Each call
 * returns a fresh Date so a caller mutating it cannot move the clock.
 */
export function fixedClock(instant: Date | string): BusinessClock {
  const ms = typeof instant === 'string' ? Date.parse(instant) : instant.getTime();
  if (!Number.isFinite(ms)) throw new Error(`fixedClock: "${String(instant)}" is not an instant`);
  return { now: () => new Date(ms), today: () => shanghaiDateOf(ms) };
}

/** A clock that runs like the system clock but `offsetMs` ahead (or behind): time passes, from another starting day. */
export function shiftedClock(offsetMs: number, base: BusinessClock = systemClock): BusinessClock {
  return {
    now: () => new Date(base.now().getTime() + offsetMs),
    today: () => shanghaiDateOf(base.now().getTime() + offsetMs),
  };
}
