// Response schemas shared by the contribution routes (declarations, bills, payments, arrears).
import { z } from '@hono/zod-openapi';

export const PeriodOut = z.object({
  period: z.string(),
  dueDate: z.string(),
  paymentDueOn: z.string().nullable().openapi({
    description:
      'The own due date of a back-payment (无记录补缴) billed in this period (its bill’s payment_due_on); null when none. Approved with backPayment.policy chargeLateFee false, its months bear no late fee before the day after it',
  }),
  principal: z.string(),
  lateFeeDays: z.number(),
  lateFeeAccrued: z.string(),
  lateFeePaid: z.string(),
  lateFee: z.string(),
  total: z.string(),
  workings: z.array(z.string()),
});

export const AllocationOut = z.object({
  lines: z.array(
    z.object({
      period: z.string().nullable().openapi({ description: 'The period paid; null for a fine' }),
      component: z.enum(['principal', 'lateFee', 'fine']),
      amount: z.string(),
      caseId: z.string().optional().openapi({ description: 'For a fine: the arrears case that decided it' }),
    }),
  ),
  credit: z.string(),
  workings: z.array(z.string()),
});

export const PaymentAnswer = z
  .object({ paymentId: z.string(), idempotencyKey: z.string(), duplicate: z.boolean(), allocation: AllocationOut.nullable() })
  .openapi('PaymentAnswer');
