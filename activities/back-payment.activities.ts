import { loadBackPaymentPolicy } from '../db/queries/back-payment.query.js';
import { loadCalendarYears } from '../db/queries/calendar.query.js';
import { loadContributionPolicy } from '../db/queries/contribution-policy.query.js';
import { billBackPayment, releaseBackPayment } from '../db/writers/back-payments.js';
import { HolidayCalendar } from '../domain/calendar/holiday-calendar.js';
import { backPaymentDueOn } from '../domain/declarations/back-payment-policy.js';
import type { ActivityDeps } from './deps.js';

/**
 * The side effects of a back-payment (workflows/back-payment.workflow.ts): billing the approved months to the
 * employer's ledger, and giving a rejected one's months back. Each is idempotent by the case.
 */
export function createBackPaymentActivities({ orm, clock }: ActivityDeps) {
  return {
    billBackPayment: async (input: { caseId: string; decidedBy: string }): Promise<void> => {
      const em = orm.em.fork();
      const policy = await loadContributionPolicy(em);
      // The bill's own due date (the approval day plus the period) and whether the months bear the late fee before it:
      // the `backPayment.policy` in force that day.
      const approvedOn = clock.today();
      const backPaymentPolicy = await loadBackPaymentPolicy(em, approvedOn);
      const due = backPaymentDueOn(approvedOn, backPaymentPolicy, new HolidayCalendar(await loadCalendarYears(em)));
      await billBackPayment(em, {
        caseId: input.caseId,
        decidedBy: input.decidedBy,
        credit: { rule: policy.allocationRule, finePosition: policy.finePosition, lateFeePolicy: policy.lateFee },
        paymentDueOn: due.dueDate,
        chargeLateFee: backPaymentPolicy.chargeLateFee,
        now: clock.now(),
      });
    },

    releaseBackPaymentMonths: async (input: { caseId: string; region: string }): Promise<void> => {
      await releaseBackPayment(orm.em.fork(), input.caseId, input.region, clock.now());
    },
  };
}
