import { z } from '@hono/zod-openapi';

export const Deadline = z
  .object({
    name: z.string(),
    dueDate: z.string(),
    dueAt: z.string(),
    unit: z.enum(['working', 'calendar']),
    provisional: z.boolean().optional(),
    remainingDays: z.number().int().optional(),
  })
  .openapi('Deadline');

export const CaseSubjectOut = z.object({
  citizenId: z.string().nullable().openapi({ description: 'Masked (110105********002X) unless the caller may see it whole' }),
  name: z.string().nullable(),
  employerCreditCode: z.string().nullable(),
});

export const CaseDetail = z
  .object({
    caseId: z.string(),
    reference: z.string(),
    type: z.string(),
    status: z.string(),
    region: z.string(),
    subject: CaseSubjectOut,
    openedAt: z.string(),
    closedAt: z.string().nullable(),
    lastProgressAt: z.string(),
    deadlines: z.array(Deadline),
    timeline: z.array(z.object({ at: z.string(), actor: z.string(), action: z.string(), detail: z.record(z.string(), z.unknown()) })),
    tasks: z.array(
      z.object({
        taskId: z.string(),
        step: z.string(),
        status: z.string(),
        assignee: z.string().nullable(),
        dueAt: z.string(),
        dueProvisional: z.boolean().optional().openapi({ description: 'Counted without a loaded holiday calendar (as on GET /v1/tasks)' }),
        escalated: z.boolean(),
      }),
    ),
    allowedActions: z.array(z.string()),
    summary: z.record(z.string(), z.unknown()),
    settled: z.boolean().optional().openapi({
      description: 'Asked for with wait=settled: true once the follow-up of the last decision has run, false if it still ran when the wait ended',
    }),
  })
  .openapi('Case');

export const CaseSummary = z
  .object({
    caseId: z.string(),
    reference: z.string(),
    type: z.string(),
    status: z.string(),
    region: z.string(),
    subject: CaseSubjectOut,
    openedAt: z.string(),
    closedAt: z.string().nullable(),
    deadlines: z.array(Deadline),
  })
  .openapi('CaseSummary');

/** 202 answer of every case-starting route (docs/api.md, Case types). */
export const CaseAccepted = z
  .object({
    caseId: z.string(),
    reference: z.string(),
    status: z.string(),
    links: z.object({ self: z.string() }),
  })
  .openapi('CaseAccepted');

export const TaskOut = z
  .object({
    taskId: z.string(),
    caseId: z.string(),
    caseReference: z.string().nullable(),
    caseType: z.string(),
    step: z.string(),
    permission: z.string(),
    region: z.string(),
    status: z.string(),
    assignee: z.string().nullable(),
    priority: z.number().int(),
    dueAt: z.string(),
    dueProvisional: z.boolean().optional().openapi({ description: 'Counted without a loaded holiday calendar; computed again when the year is loaded' }),
    escalated: z.boolean(),
    createdAt: z.string(),
    version: z.number().int(),
  })
  .openapi('Task');
