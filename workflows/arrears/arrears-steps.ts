import type { ArrearsEffect } from '../../domain/arrears/arrears-effects.js';
import { ARREARS_STEPS } from '../../domain/arrears/arrears-decision.js';
import { today } from '../human-task.js';
import { acts } from './arrears-activities.js';
import type { ArrearsCase } from './arrears-case.js';

/**
 * The steps an arrears case's lifecycle asks for (domain/arrears/arrears-effects.ts): the order to pay issued, a task
 * opened, closed or cancelled, the fine and the fee waiver of a deferral recorded, the employer told.
 */
export async function runArrearsEffect(c: ArrearsCase, effect: ArrearsEffect): Promise<void> {
  const { caseId, employer, policy } = c.input;
  const ctx = c.life.context;
  switch (effect.kind) {
    case 'notify':
      return notify(c, effect.notice);
    case 'issueOrder': {
      await c.refreshBalance();
      c.orderIssuedOn = today();
      c.orderedPeriods = [...ctx.periods];
      c.orderDue = c.calendar.deadline(c.orderIssuedOn, policy.orderToPayDays, policy.orderToPayUnit).dueDate;
      const detail = { orderDue: c.orderDue, principal: c.balance?.principal, lateFee: c.balance?.lateFee };
      return acts.appendTimeline({ caseId, key: `${caseId}:order:${ctx.orders}`, actor: 'system', action: 'arrears.order', detail });
    }
    case 'openTask': {
      const spec = ARREARS_STEPS[effect.step];
      await c.tasks.open({
        step: effect.step,
        permission: spec.permission,
        slaDays: policy.stepWorkingDays,
        slaUnit: 'working',
        priority: 1,
        // Four eyes: whoever proposed the fine may not approve it.
        preparedBy: effect.step === 'approveFine' ? (ctx.fineProposal?.proposedBy ?? null) : null,
        outcomes: spec.outcomes,
      });
      return;
    }
    case 'closeTask':
      if (c.decision && c.tasks.openTaskId) await c.tasks.close(c.decision);
      return;
    case 'cancelTask':
      return c.tasks.cancel(c.life.closed() ? 'arrears settled' : 'superseded by a deferral request');
    case 'recordFine': {
      const proposal = ctx.fineProposal;
      if (!proposal) return;
      const approvedBy = ctx.lastDecisionBy ?? 'system';
      return acts.recordFine({
        caseId,
        employer,
        amount: proposal.amount,
        multiple: proposal.multiple,
        approvedBy,
        key: `${caseId}:fine:${c.life.version}`,
        on: today(),
      });
    }
    case 'recordDeferral': {
      const d = ctx.deferral;
      if (!d) return;
      const approvedBy = c.decision?.actorId ?? 'system';
      return acts.recordFeeWaiver({
        caseId,
        employer,
        from: d.from,
        until: d.until,
        reason: `${d.kind}: ${d.reason}`,
        approvedBy,
        key: `${caseId}:waiver:${c.life.version}`,
      });
    }
  }
}

/** The employer is told at once (arrears notices are not held for a projection). */
function notify(c: ArrearsCase, notice: string): Promise<void> {
  const { caseId, employer, reference } = c.input;
  const { fine, deferral } = c.life.context;
  return acts.sendNotice({
    caseId,
    key: `${caseId}:${notice}:${c.life.version}`,
    recipientKind: 'employer',
    recipientId: employer,
    kind: notice,
    payload: { reference, status: c.life.status(), orderDue: c.orderDue, balance: c.balance, fine, deferral },
  });
}
