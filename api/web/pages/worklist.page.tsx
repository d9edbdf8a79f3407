// 待办 / 我的任务 / 团队 / 逾期: the caseworker's queues, most urgent first (the API orders them), with days waiting,
// filters by case type and step, and claim / release buttons that go through the task routes.
import { Hono } from 'hono';
import { describeProblem } from '../api-client.js';
import { caseWords, knownCaseTypes } from '../case-types/case-type-labels.js';
import type { MessageKey } from '../i18n/messages.js';
import { Csrf, Layout, Notice } from '../layout.js';
import { callerFor, field, frameOf, safeBack, sessionOrSignIn, type WebContext, type WebDeps } from '../page-context.js';
import { daysSince, shanghaiMinute } from '../time-display.js';
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
  escalated: boolean;
  createdAt: string;
}

async function renderWorklist(c: WebContext, deps: WebDeps, here: URL, notice?: { kind: 'ok' | 'error'; text: string }) {
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

  return c.html(
    <Layout frame={{ ...frameOf(c), url: here }} title={t(titles[view])} current={titles[view]}>
      {notice && <Notice kind={notice.kind} title={notice.kind === 'error' ? t('refused') : undefined} text={notice.text} />}
      <form method="get" action="/web/tasks" class="filters">
        <input type="hidden" name="view" value={view} />
        <label>
          {t('caseType')}
          <select name="caseType">
            <option value="">{t('any')}</option>
            {knownCaseTypes.map((type) => (
              <option value={type} selected={type === caseType}>
                {words.type(type)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('step')}
          <input name="step" value={step} maxlength={32} />
        </label>
        <button type="submit">{t('filter')}</button>
      </form>
      {!page.ok ? (
        <Notice kind="error" title={t('refused')} text={describeProblem(page.problem)} />
      ) : page.body.items.length === 0 ? (
        <p>{t('noItems')}</p>
      ) : (
        <div class="table-wrap">
          <table data-testid="worklist">
            <thead>
              <tr>
                <th scope="col">{t('reference')}</th>
                <th scope="col">{t('caseType')}</th>
                <th scope="col">{t('step')}</th>
                <th scope="col">{t('dueAt')}</th>
                <th scope="col">{t('daysWaiting')}</th>
                <th scope="col">{t('assignee')}</th>
                <th scope="col">{t('actions')}</th>
              </tr>
            </thead>
            <tbody>
              {page.body.items.map((task) => {
                const late = new Date(task.dueAt) < now;
                return (
                  <tr data-task-id={task.taskId} class={task.escalated || late ? 'urgent' : undefined}>
                    <td>
                      <a href={`/web/cases/${task.caseReference ?? task.caseId}`}>{task.caseReference ?? task.caseId}</a>
                    </td>
                    <td>{words.type(task.caseType)}</td>
                    <td>{words.step(task.caseType, task.step)}</td>
                    <td>
                      {shanghaiMinute(task.dueAt)} {task.escalated && <span class="badge danger">{t('escalated')}</span>}{' '}
                      {late && <span class="badge danger">{t('overdue')}</span>}
                    </td>
                    <td>{daysSince(task.createdAt, now)}</td>
                    <td>{task.assignee ?? '—'}</td>
                    <td>
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
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {next && (
        <p>
          <a href={`/web/tasks?${next.toString()}`}>{t('nextPage')}</a>
        </p>
      )}
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
        return renderWorklist(c, deps, new URL(back, c.req.url), { kind: 'error', text: describeProblem(answer.problem) });
      }
      // A claimed task is worked on its case page; a released one leaves the caller on their list.
      return c.redirect(command === 'claim' ? `/web/cases/${answer.body.caseReference ?? answer.body.caseId}` : back, 303);
    });
