import { addDays } from '../../domain/calendar/local-date.js';
import type { BusinessClock } from '../../services/business-clock.js';
import { citizenIdCheckChar } from '../../domain/identity/citizen-id.js';

const DAY_MS = 86_400_000;
const FIRST_BIRTH_DATE = Date.UTC(1985, 0, 1);

/**
 * Valid, distinct citizen IDs for one bench run (a fresh database): 500 male sequence numbers per birth date, then the
 * next day. Distinct IDs matter because one person holds one active pension record (rules §2).
 */
export function citizenIdSequence(region = '330102'): () => string {
  let issued = 0;
  return () => {
    const day = Math.floor(issued / 500);
    const sequence = (issued % 500) * 2 + 1;
    issued += 1;
    const birthDate = new Date(FIRST_BIRTH_DATE + day * DAY_MS).toISOString().slice(0, 10).replaceAll('-', '');
    const body = `${region}${birthDate}${String(sequence).padStart(3, '0')}`;
    return body + citizenIdCheckChar(body);
  };
}

/** The Shanghai calendar date `days` days from the clock's today ('YYYY-MM-DD'). */
export function shanghaiDate(days: number, clock: BusinessClock): string {
  return addDays(clock.today(), days);
}
