import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import type { TaskView } from '../../db/queries/task.query.js';
import { claimTask } from '../../services/tasks/claim-task.js';
import { completeTask } from '../../services/tasks/complete-task.js';
import { readTask, readWorklist } from '../../services/tasks/read-tasks.js';
import { reassignTask, reassignTasks } from '../../services/tasks/reassign-task.js';
import { releaseTask } from '../../services/tasks/release-task.js';
import type { AppEnv } from '../env.js';
import { decodeCursorOf, encodeCursor, PageQuery, pageOf } from '../pagination.js';
import { problemResponse } from '../problem.js';
import { TaskOut } from '../schemas/case.schemas.js';
import { CASE_TYPES } from '../../domain/case/case-type.js';

// Routes parse, call the command in services/tasks, and present; every rule lives in the command or below it.

const TaskParams = z.object({ taskId: z.uuid({ error: 'must be a task ID (UUID)' }) });
const StaffId = z
  .string()
  .trim()
  .min(1)
  .max(64)
  .regex(/^[\w.@-]+$/, { error: 'must be a staff user id such as cw-002' });

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
  ...(task.dueProvisional ? { dueProvisional: true } : {}),
  escalated: task.escalated,
  createdAt: task.createdAt,
  version: task.version,
});

const listRoute = createRoute({
  method: 'get',
  path: '/tasks',
  tags: ['Tasks'],
  summary: 'Worklists (待办, 我的任务, 团队, 逾期), most urgent first',
  request: {
    query: PageQuery.extend({
      view: z.enum(['available', 'mine', 'team', 'overdue']).default('available'),
      // Every kind of case has tasks: a worklist may be narrowed to any of them (the payroll's approval, a declaration's review…).
      caseType: z.enum(CASE_TYPES).optional(),
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
          schema: z.object({
            task: TaskOut,
            case: z.object({
              caseId: z.string(),
              reference: z.string(),
              status: z.string(),
              version: z.number(),
              settled: z.boolean().optional().openapi({
                description:
                  'false: the decision is applied and its follow-up (records, notices, the next task) runs on; GET /v1/cases/{caseId}?wait=settled answers once it has',
              }),
            }),
          }),
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
          schema: z.object({
            results: z.array(z.object({ taskId: z.string(), ok: z.boolean(), error: z.object({ code: z.string(), detail: z.string() }).optional() })),
          }),
        },
      },
      description: 'One result per task, in the order given',
    },
    400: problemResponse('Body does not match the schema'),
  },
});

export const taskRoutes = () =>
  new OpenAPIHono<AppEnv>()
    .openapi(listRoute, async (c) => {
      const q = c.req.valid('query');
      const after = q.cursor ? decodeCursorOf(q.cursor, ['number', 'string', 'string']) : null;
      const page = await readWorklist(c.var.ctx, {
        view: q.view,
        caseType: q.caseType,
        step: q.step,
        limit: q.limit,
        after: after ? { escalated: after[0] === 1, dueAt: String(after[1]), id: String(after[2]) } : undefined,
      });
      const last = page.last;
      const nextCursor = page.more && last ? encodeCursor([last.escalated ? 1 : 0, last.dueAt, last.taskId]) : null;
      return c.json({ items: page.items.map(present), nextCursor }, 200);
    })
    .openapi(getRoute, async (c) => c.json(present(await readTask(c.var.ctx, c.req.valid('param').taskId)), 200))
    .openapi(claimRoute, async (c) => c.json(present(await claimTask(c.var.ctx, c.req.valid('param').taskId)), 200))
    .openapi(releaseRoute, async (c) => c.json(present(await releaseTask(c.var.ctx, c.req.valid('param').taskId)), 200))
    .openapi(completeRoute, async (c) => {
      const { task, case: view } = await completeTask(c.var.ctx, c.req.valid('param').taskId, c.req.valid('json'));
      return c.json(
        {
          task: present(task),
          case: {
            caseId: view.caseId,
            reference: task.caseReference ?? '',
            status: view.status,
            version: view.version,
            ...(view.settled === undefined ? {} : { settled: view.settled }),
          },
        },
        200,
      );
    })
    .openapi(reassignRoute, async (c) => c.json(present(await reassignTask(c.var.ctx, c.req.valid('param').taskId, c.req.valid('json'))), 200))
    .openapi(bulkReassignRoute, async (c) => {
      const { taskIds, assignee, reason } = c.req.valid('json');
      return c.json({ results: await reassignTasks(c.var.ctx, taskIds, { assignee, reason }) }, 200);
    });
