import type { CaseDeadline } from '../../domain/case/case-projection.js';
import { toShanghaiIso } from '../../domain/case/deadline-clock.js';
import { petitionClocks } from '../../domain/petition/petition-clocks.js';
import type { PetitionCase } from './petition-case.js';

/**
 * The deadlines a petition shows: the statutory clocks that run in its status (domain/petition/petition-clocks.ts) and,
 * for a step without one, the step's own task SLA. Pure.
 */
export function petitionDeadlines(c: PetitionCase): CaseDeadline[] {
  const status = c.status();
  const list: CaseDeadline[] = petitionClocks(c.calendar.years, c.input.policy, c.life.context, { windowsFromDelivery: c.rules2026 })
    .filter((k) => k.statuses.includes(status))
    .map((k) => ({
      name: k.clock,
      dueDate: k.due.dueDate,
      dueAt: toShanghaiIso(k.due.dueAtMs),
      unit: k.due.unit,
      ...(k.due.provisional ? { provisional: true } : {}),
    }));
  const internal = c.spec && c.spec.clock === null ? c.tasks?.deadline(`${c.spec.step}Decision`) : null;
  if (internal) list.push(internal);
  return list;
}
