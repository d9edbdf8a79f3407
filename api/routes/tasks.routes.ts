import { ForbiddenError, subject } from '@casl/ability';
import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import { claimTask, reassignTask, releaseTask } from '../../db/queries/task-commands.js';
import { findTask, listWorklist, taskSubjectOf, type TaskView } from '../../db/queries/task.query.js';
import { caseSubjectOf, findCase } from '../../db/queries/case.query.js';
import { DomainError } from '../../domain/errors.js';
import { explainRefusal, type Action, type Actor, type AppAbility } from '../../policies/abilities.js';
import { accessibleFilter } from '../../policies/sql-scope.js';
import type { AppEnv } from '../env.js';
import { decodeCursorOf, encodeCursor, PageQuery, pageOf } from '../pagination.js';
import type { CaseWorkflows } from '../ports.js';
import { problemResponse } from '../problem.js';
import { TaskOut } from '../schemas/case.schemas.js';

const TaskParams = z.object({ taskId: z.uuid({ error: 'must be a task ID (UUID)' }) });
const StaffId = z.string().trim().min(1).max(64).regex(/^[\w.@-]+$/, { error: 'must be a staff user id such as cw-002' });

const present = (task: TaskView) => ({
  taskId: task.taskId,
  caseId: task.caseId,
  caseReference: task.caseReference,
  caseType: task.caseType,
  step: task.step,
  permission: task.permission,
  region: task.region,
  status: task.status,
  assignee: task.assignee,
  priority: task.priority,
  dueAt: task.dueAt,
  escalated: task.escalated,
  createdAt: task.createdAt,
  version: task.version,
});

/** Loads a task the caller may see (404 otherwise, like an unknown one) and checks `action` on it (403 with the reason). */
async function authorizedTask(c: { var: AppEnv['Variables'] }, taskId: string, action: Action): Promise<TaskView> {
  const task = await visibleTask(c, taskId);
  requireAbility(c.var.ability, c.var.actor, action, task);
  return task;
}

/**
 * A task the caller may read, and whose case they may read too: a whistle-blowing petition stays invisible to the staff
 * member it accuses down to its tasks (信访工作条例 art. 36). Anything else answers 404, like an unknown task.
 */
async function visibleTask(c: { var: AppEnv['Variables'] }, taskId: string): Promise<TaskView> {
  const { em, ability } = c.var;
  const task = await findTask(em, taskId);
  if (!task || ability.cannot('read', subject('Task', taskSubjectOf(task)))) throw new DomainError('TASK_NOT_FOUND', `No task ${taskId}`);
  const owner = await findCase(em, task.caseId);
  if (owner && ability.cannot('read', subject('Case', caseSubjectOf(owner)))) throw new DomainError('TASK_NOT_FOUND', `No task ${taskId}`);
  return task;
}

function requireAbility(ability: AppAbility, actor: Actor, action: Action, task: TaskView): void {
  const taskSubject = taskSubjectOf(task);
  if (ability.can(action, subject('Task', taskSubject))) return;
  const reason = explainRefusal(ability, actor, action, 'Task', taskSubject);
  if (action === 'claim' && task.status !== 'open') {
    throw new DomainError(task.status === 'completed' || task.status === 'cancelled' ? 'TASK_ALREADY_DECIDED' : 'TASK_ALREADY_CLAIMED', reason);
  }
  if (reason.startsWith('four-eyes')) throw new DomainError('FOUR_EYES', reason);
  if (reason.startsWith('holder')) throw new DomainError('NOT_TASK_HOLDER', reason);
  throw new ForbiddenError(ability).setMessage(reason);
}

/** Cases that name the caller as the accused staff member: their tasks never show in the caller's worklists. */
async function casesAccusing(em: AppEnv['Variables']['em'], actorId: string): Promise<string[]> {
  const rows = await em.execute<{ id: string }[]>('select id from case_record where accused_staff @> array[?]::text[]', [actorId]);
  return rows.map((row) => row.id);
}

const listRoute = createRoute({
  method: 'get',
  path: '/tasks',
  tags: ['Tasks'],
  summary: 'Worklists (待办, 我的任务, 团队, 逾期), most urgent first',
  request: {
    query: PageQuery.extend({
      view: z.enum(['available', 'mine', 'team', 'overdue']).default('available'),
      caseType: z.enum(['enrollment', 'arrears', 'petition', 'benefit', 'transfer']).optional(),
      step: z.string().max(32).optional(),
    }),
  },
  responses: {
    200: { content: { 'application/json': { schema: pageOf(TaskOut) } }, description: 'A page of tasks' },
    400: problemResponse('Bad query'),
    401: problemResponse('No or bad token'),
  },
});

const getRoute = createRoute({
  method: 'get',
  path: '/tasks/{taskId}',
  tags: ['Tasks'],
  request: { params: TaskParams },
  responses: {
    200: { content: { 'application/json': { schema: TaskOut } }, description: 'The task' },
    404: problemResponse('Unknown, or not visible to the caller'),
  },
});

const claimRoute = createRoute({
  method: 'post',
  path: '/tasks/{taskId}/claim',
  tags: ['Tasks'],
  summary: 'Claim a task (atomic; exactly one of two simultaneous claims wins)',
  request: { params: TaskParams },
  responses: {
    200: { content: { 'application/json': { schema: TaskOut } }, description: 'Claimed by the caller' },
    403: problemResponse('Not allowed, with the reason (region, role, four eyes)'),
    404: problemResponse('Unknown task, or not visible'),
    409: problemResponse('Someone else holds it, or it is decided'),
  },
});

const releaseRoute = createRoute({
  method: 'post',
  path: '/tasks/{taskId}/release',
  tags: ['Tasks'],
  request: { params: TaskParams },
  responses: {
    200: { content: { 'application/json': { schema: TaskOut } }, description: 'Back in the pool' },
    403: problemResponse('Not the holder'),
    404: problemResponse('Unknown task, or not visible'),
    409: problemResponse('Not claimed'),
  },
});

const CompletionBody = z
  .object({
    outcome: z.string().regex(/^[a-z][a-zA-Z]{1,31}$/, { error: 'must be an outcome such as approve, reject or return' }),
    comment: z.string().trim().max(2_000).default(''),
    data: z.record(z.string(), z.unknown()).default({}),
  })
  .openapi('TaskCompletion');

const completeRoute = createRoute({
  method: 'post',
  path: '/tasks/{taskId}/complete',
  tags: ['Tasks'],
  summary: 'Decide a task you hold; answers after the case workflow accepted the decision',
  request: { params: TaskParams, body: { required: true, content: { 'application/json': { schema: CompletionBody } } } },
  responses: {
    200: {
      content: {
        'application/json': {
          schema: z.object({ task: TaskOut, case: z.object({ caseId: z.string(), reference: z.string(), status: z.string(), version: z.number() }) }),
        },
      },
      description: 'The workflow accepted the decision',
    },
    400: problemResponse('Body does not match the schema'),
    403: problemResponse('Not allowed, with the reason (four eyes, holder, step)'),
    404: problemResponse('Unknown task, or not visible'),
    409: problemResponse('Already decided'),
    422: problemResponse('Refused by a business rule (outcome not possible now, reason missing)'),
  },
});

const ReassignBody = z.object({ assignee: StaffId, reason: z.string().trim().min(1, { error: 'say why the task moves' }).max(500) });

const reassignRoute = createRoute({
  method: 'post',
  path: '/tasks/{taskId}/reassign',
  tags: ['Tasks'],
  summary: 'Supervisor: move a task to another person; its due date stays',
  request: { params: TaskParams, body: { required: true, content: { 'application/json': { schema: ReassignBody } } } },
  responses: {
    200: { content: { 'application/json': { schema: TaskOut } }, description: 'Reassigned' },
    403: problemResponse('Not a supervisor of the region'),
    404: problemResponse('Unknown task, or not visible'),
    409: problemResponse('Already decided'),
  },
});

const bulkReassignRoute = createRoute({
  method: 'post',
  path: '/tasks/reassign',
  tags: ['Tasks'],
  summary: 'Supervisor: move many tasks at once, with a result per task',
  request: {
    body: {
      required: true,
      content: { 'application/json': { schema: ReassignBody.extend({ taskIds: z.array(z.uuid()).min(1).max(500) }) } },
    },
  },
  responses: {
    200: {
      content: {
        'application/json': {
          schema: z.object({ results: z.array(z.object({ taskId: z.string(), ok: z.boolean(), error: z.object({ code: z.string(), detail: z.string() }).optional() })) }),
        },
      },
      description: 'One result per task, in the order given',
    },
    400: problemResponse('Body does not match the schema'),
  },
});

export const taskRoutes = (cases: CaseWorkflows, clock: () => Date) =>
  new OpenAPIHono<AppEnv>()
    .openapi(listRoute, async (c) => {
      const { em, ability, actor } = c.var;
      const q = c.req.valid('query');
      const after = q.cursor ? decodeCursorOf(q.cursor, ['number', 'string', 'string']) : null;
      const action: Action = q.view === 'available' ? 'claim' : 'read';
      const page = await listWorklist(em, {
        hiddenCaseIds: await casesAccusing(em, actor.id),
        view: q.view,
        scope: accessibleFilter(ability, action, 'Task'),
        actorId: actor.id,
        caseType: q.caseType,
        step: q.step,
        limit: q.limit,
        now: clock(),
        after: after ? { escalated: after[0] === 1, dueAt: String(after[1]), id: String(after[2]) } : undefined,
      });
      const last = page.last;
      return c.json(
        {
          items: page.items.map(present),
          nextCursor: page.more && last ? encodeCursor([last.escalated ? 1 : 0, last.dueAt.toISOString(), last.id]) : null,
        },
        200,
      );
    })
    .openapi(getRoute, async (c) => c.json(present(await authorizedTask(c, c.req.valid('param').taskId, 'read')), 200))
    .openapi(claimRoute, async (c) => {
      const { taskId } = c.req.valid('param');
      const task = await visibleTask(c, taskId);
      // A claim on a task already held is decided by the atomic update (409), not by the stale row read above.
      if (task.status === 'open') requireAbility(c.var.ability, c.var.actor, 'claim', task);
      else requireAbility(c.var.ability, c.var.actor, 'claim', { ...task, status: 'open', assignee: null });
      const claimed = await claimTask(c.var.em, taskId, { ...c.var.actor, requestId: c.get('requestId') }, clock());
      return c.json(present(claimed), 200);
    })
    .openapi(releaseRoute, async (c) => {
      const task = await authorizedTask(c, c.req.valid('param').taskId, 'release');
      const anyHolder = c.var.ability.can('reassign', subject('Task', taskSubjectOf(task)));
      const released = await releaseTask(c.var.em, task.taskId, { ...c.var.actor, requestId: c.get('requestId') }, clock(), anyHolder);
      return c.json(present(released), 200);
    })
    .openapi(completeRoute, async (c) => {
      const { actor } = c.var;
      const task = await authorizedTask(c, c.req.valid('param').taskId, 'complete');
      if (task.status !== 'claimed') {
        throw new DomainError(task.status === 'open' ? 'TASK_NOT_CLAIMED' : 'TASK_ALREADY_DECIDED', `task ${task.taskId} is ${task.status}; claim it first`);
      }
      const body = c.req.valid('json');
      const view = await cases.completeTask(
        task.caseId,
        { taskId: task.taskId, outcome: body.outcome, comment: body.comment, data: body.data, actorId: actor.id, actorRole: actor.role },
        task.version,
      );
      // The workflow has applied the decision to the task row; answer from what we know rather than reading it back.
      const decided = { ...task, status: body.outcome === 'return' ? ('waiting' as const) : ('completed' as const), version: task.version + 1 };
      return c.json({ task: present(decided), case: { caseId: view.caseId, reference: task.caseReference ?? '', status: view.status, version: view.version } }, 200);
    })
    .openapi(reassignRoute, async (c) => {
      const task = await authorizedTask(c, c.req.valid('param').taskId, 'reassign');
      const { assignee, reason } = c.req.valid('json');
      const moved = await reassignTask(c.var.em, task.taskId, assignee, reason, { ...c.var.actor, requestId: c.get('requestId') }, clock());
      return c.json(present(moved), 200);
    })
    .openapi(bulkReassignRoute, async (c) => {
      const { taskIds, assignee, reason } = c.req.valid('json');
      const results: { taskId: string; ok: boolean; error?: { code: string; detail: string } }[] = [];
      for (const taskId of taskIds) {
        try {
          const task = await authorizedTask(c, taskId, 'reassign');
          await reassignTask(c.var.em, task.taskId, assignee, reason, { ...c.var.actor, requestId: c.get('requestId') }, clock());
          results.push({ taskId, ok: true });
        } catch (error) {
          if (error instanceof DomainError) results.push({ taskId, ok: false, error: { code: error.code, detail: error.message } });
          else if (error instanceof ForbiddenError) results.push({ taskId, ok: false, error: { code: 'FORBIDDEN', detail: error.message } });
          else throw error;
        }
      }
      return c.json({ results }, 200);
    });
