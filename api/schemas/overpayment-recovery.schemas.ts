import { z } from '@hono/zod-openapi';

/** One instalment of an agreement as it stands today (domain/payroll/missed-instalments.ts). */
const InstalmentStanding = z.object({
  number: z.number(),
  month: z.string(),
  amount: z.string(),
  covered: z.string().openapi({ description: 'What of the collected money went to it' }),
  state: z.enum(['paid', 'partlyPaid', 'missed', 'due', 'upcoming']),
});

/** An overpayment recovery (待遇多发追回) as every recovery route answers it (api/presenters/overpayment-recovery.presenter.ts). */
export const Recovery = z
  .object({
    id: z.string(),
    citizenId: z.string().openapi({ description: 'Masked unless the caller may read the person unmasked (the person, staff of the region)' }),
    region: z.string(),
    cause: z.string().openapi({ description: 'death (a death feed), payrollStop (a held line stopped and recovered), …' }),
    amount: z.string().openapi({ description: 'Overpaid: the paid lines for months after the last month due' }),
    months: z.array(z.string()),
    status: z.enum(['open', 'closed', 'waived']),
    method: z.string().openapi({ description: '`offset` (overpayment.offsetShare of each later payment) or `instalments` (an agreement)' }),
    instalmentPlan: z
      .object({
        monthlyAmount: z.string(),
        firstMonth: z.string(),
        total: z.string().openapi({ description: 'What the agreement repays: the outstanding when it was agreed, less write-offs since' }),
        collected: z
          .string()
          .openapi({ description: 'Collected under it: withheld by payroll lines of its months (not stopped or failed) and repaid since it was agreed' }),
        instalments: z
          .array(InstalmentStanding)
          .openapi({ description: 'Each instalment on today (business clock): the collected money goes to the oldest first' }),
        missed: z.array(z.string()).openapi({ description: 'The months of the missed instalments (nothing withheld, nothing repaid), oldest first' }),
        chase: z
          .string()
          .nullable()
          .openapi({ description: 'The missed month whose grace (payroll.overpayment missedInstalmentGraceMonths) has run out: chased' }),
        workings: z.array(z.string()),
      })
      .nullable(),
    legalAction: z
      .object({ at: z.string(), by: z.string(), note: z.string() })
      .nullable()
      .openapi({ description: 'Passed to legal action (移交司法) after missed instalments: chased no more; the payroll still withholds' }),
    chases: z
      .array(
        z.object({
          id: z.string(),
          missedMonth: z.string(),
          status: z.enum(['open', 'contacted', 'replanned', 'legalAction']),
          taskId: z.string().openapi({ description: 'The caseworker’s task (step recoveryChase) on the region’s worklist' }),
          openedAt: z.string(),
          note: z.string().nullable(),
          decidedBy: z.string().nullable(),
          decidedAt: z.string().nullable(),
        }),
      )
      .openapi({ description: 'The chasing of missed instalments (催收), oldest first; at most one open' }),
    recovered: z.string().openapi({ description: 'The sum of the ledger (offsets from paid lines, repayments, a write-off)' }),
    outstanding: z.string().openapi({ description: 'amount − recovered' }),
    withheldNotYetPaid: z.string().openapi({ description: 'Withheld by payroll lines the bank has not paid yet: booked when they are paid' }),
    repayable: z.string().openapi({ description: 'The most a repayment may be now: outstanding − withheldNotYetPaid' }),
    openedAt: z.string(),
    closedAt: z.string().nullable(),
    waiver: z
      .object({ by: z.string(), reason: z.string(), legalBasis: z.string() })
      .nullable()
      .openapi({ description: 'The write-off (核销) of a `waived` recovery: the supervisor, the reason and the legal basis' }),
    entries: z.array(
      z.object({
        kind: z.enum(['offset', 'repayment', 'waiver', 'writeOff']),
        amount: z.string(),
        source: z
          .string()
          .openapi({ description: '`line:<payroll line key>`, `repayment:<recorded by>:<Idempotency-Key>`, `waiver` or `write-off:<write-off id>`' }),
        note: z.string().nullable(),
        bookedAt: z.string(),
      }),
    ),
    writeOffs: z
      .array(
        z.object({
          id: z.string(),
          amount: z.string(),
          reason: z.string(),
          legalBasis: z.string(),
          status: z.enum(['proposed', 'approved', 'rejected']),
          proposedBy: z.string(),
          proposedAt: z.string(),
          decidedBy: z.string().nullable(),
          decidedAt: z.string().nullable(),
          comment: z.string().nullable(),
        }),
      )
      .openapi({ description: 'Partial write-offs (部分核销), oldest first: proposed by one supervisor, approved or rejected by another' }),
  })
  .openapi('OverpaymentRecovery');

/** The recovery of a path: `/overpayment-recoveries/{recoveryId}/…`. */
export const RecoveryParams = z.object({
  recoveryId: z
    .string()
    .regex(/^[1-9]\d{0,14}$/, { error: 'must be a recovery number' })
    .openapi({ param: { name: 'recoveryId', in: 'path' }, example: '12' }),
});
