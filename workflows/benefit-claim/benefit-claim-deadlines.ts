import type { BenefitPolicy } from '../../domain/benefit/benefit-policy.js';
import { benefitClaimClocks, STEP_CLOCK } from '../../domain/benefit/benefit-claim-clocks.js';
import type { BenefitStep } from '../../domain/benefit/benefit-claim-decision.js';
import type { BenefitClaimContext } from '../../domain/benefit/benefit-claim.machine.js';
import type { CalendarYear } from '../../domain/calendar/holiday-calendar.js';
import type { CaseDeadline } from '../../domain/case/case-projection.js';
import { toShanghaiIso } from '../../domain/case/deadline-clock.js';

/**
 * The deadlines a benefit claim shows: the statutory clocks that run in its status (domain/benefit/benefit-claim-clocks.ts)
 * and, for an open step without a statutory clock of its own, the step's task SLA (`own`). Pure.
 */
export function benefitClaimDeadlines(
  calendar: readonly CalendarYear[],
  ctx: BenefitClaimContext,
  status: string,
  policy: BenefitPolicy,
  step: BenefitStep | null,
  own: () => CaseDeadline | null,
): CaseDeadline[] {
  const list: CaseDeadline[] = benefitClaimClocks(calendar, ctx, status, policy).map((c) => ({
    name: c.clock,
    dueDate: c.due.dueDate,
    dueAt: toShanghaiIso(c.due.dueAtMs),
    unit: c.due.unit,
    ...(c.due.provisional ? { provisional: true } : {}),
  }));
  if (step && !list.some((d) => d.name === STEP_CLOCK[step])) {
    const task = own();
    if (task) list.push(task);
  }
  return list;
}
