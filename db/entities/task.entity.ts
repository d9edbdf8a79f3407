import { defineEntity, type InferEntity } from '@mikro-orm/core';

const p = defineEntity.properties;

export type TaskStatus = 'open' | 'claimed' | 'waiting' | 'completed' | 'cancelled';

/**
 * A human task (待办): one step of a case that needs a person. The workflow opens it and waits for the decision;
 * claiming is an atomic conditional UPDATE with a lease (db/queries/task-commands.ts). `version` grows with every
 * change so the API can answer 409 on a stale write. `pausedWorkingDays` holds the SLA time left while the case
 * waits on the applicant (补正材料): the clock is paused, not reset.
 */
export const Task = defineEntity({
  name: 'Task',
  tableName: 'task',
  properties: {
    id: p.uuid().primary(),
    caseId: p.string().length(64).index(),
    caseType: p.string().length(16),
    step: p.string().length(32),
    permission: p.string().length(16),
    region: p.string().length(6),
    status: p.string().length(16).$type<TaskStatus>(),
    assignee: p.string().length(64).nullable(),
    leaseExpiresAt: p.datetime().nullable(),
    preparedBy: p.string().length(64).nullable(),
    /** Staff the case accuses (whistle-blowing petitions): CASL and the worklist scope hide the task from them. */
    accusedStaff: p.array().defaultRaw(`'{}'`),
    /** Who acted at an earlier tier of a graded decision (benefit claims): CASL and the worklist scope keep them off it. */
    earlierDeciders: p.array().defaultRaw(`'{}'`),
    priority: p.integer().default(0),
    dueAt: p.datetime(),
    /** Counted over a year without its holiday calendar; computed again when the year is loaded. */
    dueProvisional: p.boolean().default(false),
    slaUnit: p.string().length(8).$type<'working' | 'calendar'>(),
    slaDays: p.integer(),
    pausedWorkingDays: p.integer().nullable(),
    escalated: p.boolean().default(false),
    escalatedAt: p.datetime().nullable(),
    outcome: p.string().length(16).nullable(),
    decidedBy: p.string().length(64).nullable(),
    createdAt: p.datetime(),
    completedAt: p.datetime().nullable(),
    version: p.integer().default(1),
  },
  indexes: [
    // The worklists: open work of a region ordered by urgency (escalated first, then due date).
    // Column order and directions match the ORDER BY (escalated desc, due_at, id), so a page is an index range scan
    // that stops after `limit` rows instead of sorting the region's whole backlog.
    {
      name: 'task_worklist',
      properties: ['region', 'escalated', 'dueAt', 'id'],
      columns: [{ name: 'region' }, { name: 'escalated', sort: 'desc' }, { name: 'due_at' }, { name: 'id' }],
      where: "status in ('open', 'claimed', 'waiting')",
    },
    { name: 'task_assignee', properties: ['assignee', 'status', 'dueAt'], where: "status in ('claimed', 'waiting')" },
  ],
});
export type ITask = InferEntity<typeof Task>;
