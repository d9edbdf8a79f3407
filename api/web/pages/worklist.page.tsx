// 待办 / 我的任务 / 团队 / 逾期: the caseworker's queues, most urgent first (the API orders them), with days waiting,
// filters by case type and step, and claim / release buttons that go through the task routes.
import { Hono } from 'hono';
import { recoveryOfChaseCase } from '../../../domain/payroll/missed-instalments.js';
import { caseWords } from '../case-types/case-type-labels.js';
import { DataTable, NextPage, type Column } from '../components/data-table.js';
import { DueAt } from '../components/due-date.js';
import { CaseTypeSelect, FilterBar, StepSelect } from '../components/filter-bar.js';
import { Answered, FlashNotice, type Flash } from '../components/notice-box.js';
import type { MessageKey } from '../i18n/messages.js';
import { Csrf, Layout } from '../layout.js';
import { callerFor, field, frameOf, safeBack, sessionOrSignIn, type WebContext, type WebDeps } from '../page-context.js';
import { daysSince } from '../time-display.js';
import type { WebEnv } from '../web-env.js';

export const views = ['available', 'mine', 'team', 'overdue'] as const;
type View = (typeof views)[number];

const titles: Record<View, MessageKey> = { available: 'navAvailable', mine: 'navMine', team: 'navTeam', overdue: 'navOverdue' };

export interface TaskItem {
  taskId: string;
  caseId: string;
  caseReference: string | null;
  caseType: string;
  step: string;
  status: string;
  assignee: string | null;
  priority: number;
  dueAt: string;
  /** Counted without the year's holiday calendar (GET /v1/tasks sends it only when true). */
  dueProvisional?: boolean;
  escalated: boolean;
  createdAt: string;
}

/** Where a task's case is shown: its case page, or for the chase of a missed instalment (催收) the recovery's page. */
function caseHref(task: TaskItem): string {
  const recovery = recoveryOfChaseCase(task.caseId);
  return recovery === null ? `/web/cases/${task.caseReference ?? task.caseId}` : `/web/recoveries/${recovery}`;
}

async function renderWorklist(c: WebContext, deps: WebDeps, here: URL, flash?: Flash) {
  const session = sessionOrSignIn(c);
  if (session instanceof Response) return session;
  const { t, lang } = c.var;
  const words = caseWords(lang);
  const param = (name: string) => here.searchParams.get(name) ?? '';
  const asked = param('view');
  const view: View = (views as readonly string[]).includes(asked) ? (asked as View) : 'available';
  const caseType = param('caseType');
  const step = param('step');
  const cursor = param('cursor');
  const query = new URLSearchParams({ view, limit: '50' });
  if (caseType) query.set('caseType', caseType);
  if (step) query.set('step', step);
  if (cursor) query.set('cursor', cursor);
  const page = await callerFor(deps, session)<{ items: TaskItem[]; nextCursor: string | null }>('GET', `/v1/tasks?${query.toString()}`);
  const now = deps.clock();
  const back = here.pathname + here.search;
  const next = page.ok && page.body.nextCursor ? new URLSearchParams({ view, caseType, step, cursor: page.body.nextCursor }) : null;

  const columns: Column<TaskItem>[] = [
    { header: t('reference'), cell: (task) => <a href={caseHref(task)}>{task.caseReference ?? task.caseId}</a> },
    { header: t('caseType'), cell: (task) => words.type(task.caseType) },
    { header: t('step'), cell: (task) => words.step(task.caseType, task.step) },
    {
      header: t('dueAt'),
      cell: (task) => (
        <>
          <DueAt dueAt={task.dueAt} provisional={task.dueProvisional} t={t} /> {task.escalated && <span class="badge danger">{t('escalated')}</span>}{' '}
          {new Date(task.dueAt) < now && <span class="badge danger">{t('overdue')}</span>}
        </>
      ),
    },
    { header: t('daysWaiting'), cell: (task) => daysSince(task.createdAt, now) },
    { header: t('assignee'), cell: (task) => task.assignee ?? '—' },
    {
      header: t('actions'),
      cell: (task) => (
        <>
          {task.status === 'open' && view === 'available' && (
            <form method="post" action={`/web/tasks/${task.taskId}/claim`} class="inline">
              <Csrf session={session} />
              <input type="hidden" name="back" value={back} />
              <button type="submit">{t('claim')}</button>
            </form>
          )}
          {task.status === 'claimed' && task.assignee === session.actor.id && (
            <form method="post" action={`/web/tasks/${task.taskId}/release`} class="inline">
              <Csrf session={session} />
              <input type="hidden" name="back" value={back} />
              <button type="submit" class="secondary">
                {t('release')}
              </button>
            </form>
          )}
        </>
      ),
    },
  ];

  return c.html(
    <Layout frame={{ ...frameOf(c), url: here }} title={t(titles[view])} current={titles[view]}>
      {flash && <FlashNotice flash={flash} t={t} lang={lang} />}
      <FilterBar action="/web/tasks" t={t}>
        <input type="hidden" name="view" value={view} />
        <CaseTypeSelect name="caseType" value={caseType} t={t} lang={lang} />
        <StepSelect name="step" value={step} t={t} lang={lang} />
      </FilterBar>
      <Answered
        answer={page}
        t={t}
        lang={lang}
        render={(body) => (
          <DataTable
            testId="worklist"
            columns={columns}
            rows={body.items}
            rowAttributes={(task) => ({ 'data-task-id': task.taskId, class: task.escalated || new Date(task.dueAt) < now ? 'urgent' : undefined })}
          />
        )}
      />
      <NextPage href={next ? `/web/tasks?${next.toString()}` : null} t={t} />
    </Layout>,
  );
}

export const worklistPages = (deps: WebDeps) =>
  new Hono<WebEnv>()
    .get('/tasks', (c) => renderWorklist(c, deps, new URL(c.req.url)))
    .post('/tasks/:taskId/:command{claim|release}', async (c) => {
      const session = sessionOrSignIn(c);
      if (session instanceof Response) return session;
      const form = await c.req.parseBody();
      const command = c.req.param('command');
      const answer = await callerFor(deps, session)<TaskItem>('POST', `/v1/tasks/${encodeURIComponent(c.req.param('taskId'))}/${command}`);
      const back = safeBack(field(form, 'back'), '/web/tasks');
      if (!answer.ok) {
        // Re-render the list the button was on, with the API's reason (e.g. someone else claimed it first).
        return renderWorklist(c, deps, new URL(back, c.req.url), { kind: 'error', problem: answer.problem });
      }
      // A claimed task is worked on its case page; a released one leaves the caller on their list.
      return c.redirect(command === 'claim' ? `/web/cases/${answer.body.caseReference ?? answer.body.caseId}` : back, 303);
    });
