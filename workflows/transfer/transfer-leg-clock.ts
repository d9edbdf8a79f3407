import type { TransferLegName } from '../../domain/transfer/transfer-legs.js';
import { type TransferLegView, transferLegViews } from '../../domain/transfer/transfer-progress.js';
import { today } from '../human-task.js';
import type { TransferCase } from './transfer-case.js';

/** Each leg of the transfer as it stands today: its office, its start, its working-day clock (domain/transfer/transfer-progress.ts). */
export function legViewsOf(c: TransferCase): TransferLegView[] {
  const { application, role, offices, policy } = c.input;
  return transferLegViews({
    calendar: c.calendar.years,
    insurance: application.insurance,
    role,
    status: c.life.status(),
    progress: c.progress,
    offices,
    policy: policy.legs,
    today: today(),
  });
}

/** The due instant of a leg's clock, or null before it started. */
export function legDueMs(c: TransferCase, leg: TransferLegName): number | null {
  const view = legViewsOf(c).find((l) => l.name === leg);
  if (!view?.dueDate) return null;
  return c.calendar.deadline(view.from!, view.days, 'working').dueAtMs;
}
