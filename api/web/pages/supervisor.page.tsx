// 督办: the supervisor's region at a glance — overdue tasks (with bulk reassignment and a result per task), stuck
// cases (no progress for N days), per-step deadline figures and caseworker workloads (GET /v1/reports/overview).
import { Hono } from 'hono';
import { describeProblem } from '../api-client.js';
import { caseWords } from '../case-types/case-type-labels.js';
import { Csrf, Layout, Notice } from '../layout.js';
import { callerFor, field, frameOf, safeBack, sessionOrSignIn, type WebContext, type WebDeps } from '../page-context.js';
import { daysSince, shanghaiClock, shanghaiMinute } from '../time-display.js';
import type { WebEnv } from '../web-env.js';
import type { TaskItem } from './worklist.page.js';

interface Overview {
  /** When the figures were counted: the API serves a snapshot at most `refreshSeconds` old (api/overview-snapshot.ts). */
  asOf: string;
  refreshSeconds: number;
  staleDays: number;
  steps: { caseType: string; step: string; open: number; overdue: number; escalated: number; decided30: number; onTime30: number }[];
  workloads: { assignee: string; claimed: number; waiting: number; overdue: number }[];
  stuckCases: { caseId: string; reference: string; type: string; status: string; lastProgressAt: string }[];
}

type Result = { taskId: string; ok: boolean; error?: { code: string; detail: string } };

async function renderOverview(c: WebContext, deps: WebDeps, results?: Result[], error?: string) {
  const session = sessionOrSignIn(c);
  if (session instanceof Response) return session;
  const { t, lang } = c.var;
  const words = caseWords(lang);
  const call = callerFor(deps, session);
  const staleDays = Number(c.req.query('staleDays') ?? deps.staleDays) || deps.staleDays;
  const [overview, overdue] = await Promise.all([
    call<Overview>('GET', `/v1/reports/overview?staleDays=${staleDays}`),
    call<{ items: TaskItem[] }>('GET', '/v1/tasks?view=overdue&limit=100'),
  ]);
  const now = deps.clock();
  const percent = (part: number, whole: number) => (whole === 0 ? '—' : `${Math.round((part / whole) * 100)}%`);
  return c.html(
    <Layout frame={frameOf(c)} title={t('supervisorTitle')} current="navSupervisor">
      {error && <Notice kind="error" title={t('refused')} text={error} />}
      {results && (
        <section aria-labelledby="results" class="panel">
          <h2 id="results">{t('result')}</h2>
          <ul data-testid="reassign-results">
            {results.map((result) => (
              <li class={result.ok ? 'ok' : 'late'} data-task-id={result.taskId} data-ok={String(result.ok)}>
                {result.taskId}: {result.ok ? t('ok') : `${result.error?.code ?? ''} ${result.error?.detail ?? ''}`}
              </li>
            ))}
          </ul>
        </section>
      )}
      {!overview.ok && <Notice kind="error" title={t('refused')} text={describeProblem(overview.problem)} />}
      <section aria-labelledby="overdue">
        <h2 id="overdue">{t('overdueTasks')}</h2>
        {!overdue.ok ? (
          <Notice kind="error" title={t('refused')} text={describeProblem(overdue.problem)} />
        ) : overdue.body.items.length === 0 ? (
          <p>{t('noItems')}</p>
        ) : (
          <form method="post" action="/web/supervisor/reassign" data-testid="bulk-reassign">
            <Csrf session={session} />
            <div class="table-wrap">
              <table>
                <thead>
                  <tr>
                    <th scope="col">
                      <input type="checkbox" data-select-all="taskIds" aria-label={t('select')} />
                    </th>
                    <th scope="col">{t('reference')}</th>
                    <th scope="col">{t('step')}</th>
                    <th scope="col">{t('dueAt')}</th>
                    <th scope="col">{t('daysWaiting')}</th>
                    <th scope="col">{t('assignee')}</th>
                  </tr>
                </thead>
                <tbody>
                  {overdue.body.items.map((task) => (
                    <tr data-task-id={task.taskId}>
                      <td>
                        <input type="checkbox" name="taskIds" value={task.taskId} id={`pick-${task.taskId}`} aria-label={`${t('select')} ${task.caseReference ?? task.taskId}`} />
                      </td>
                      <td>
                        <a href={`/web/cases/${task.caseReference ?? task.caseId}`}>{task.caseReference ?? task.caseId}</a>
                      </td>
                      <td>
                        {words.type(task.caseType)} · {words.step(task.caseType, task.step)}
                      </td>
                      <td>
                        {shanghaiMinute(task.dueAt)} {task.escalated && <span class="badge danger">{t('escalated')}</span>}
                      </td>
                      <td>{daysSince(task.createdAt, now)}</td>
                      <td>{task.assignee ?? '—'}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <div class="filters">
              <label>
                {t('reassignTo')}
                <input name="assignee" required pattern="[\w.@-]+" />
              </label>
              <label>
                {t('reassignReason')}
                <input name="reason" required maxlength={500} />
              </label>
              <button type="submit">{t('reassign')}</button>
            </div>
          </form>
        )}
      </section>
      {overview.ok && (
        <>
          <p data-testid="figures-as-of">
            <time datetime={overview.body.asOf}>{t('figuresAsOf', { at: shanghaiClock(overview.body.asOf), n: overview.body.refreshSeconds })}</time>
          </p>
          <section aria-labelledby="stuck">
            <h2 id="stuck">{t('stuckCases', { n: overview.body.staleDays })}</h2>
            <form method="get" action="/web/supervisor" class="filters">
              <label>
                {t('stuckDays')}
                <input type="number" name="staleDays" min={1} max={365} value={String(overview.body.staleDays)} />
              </label>
              <button type="submit">{t('filter')}</button>
            </form>
            {overview.body.stuckCases.length === 0 ? (
              <p>{t('noItems')}</p>
            ) : (
              <ul data-testid="stuck-cases">
                {overview.body.stuckCases.map((item) => (
                  <li>
                    <a href={`/web/cases/${item.reference}`}>{item.reference}</a> {words.type(item.type)} · {words.status(item.type, item.status)} ·{' '}
                    {t('lastProgress')} {shanghaiMinute(item.lastProgressAt)}
                  </li>
                ))}
              </ul>
            )}
          </section>
          <section aria-labelledby="sla">
            <h2 id="sla">{t('stepSla')}</h2>
            <div class="table-wrap">
              <table data-testid="step-figures">
                <thead>
                  <tr>
                    <th scope="col">{t('caseType')}</th>
                    <th scope="col">{t('step')}</th>
                    <th scope="col">{t('openCount')}</th>
                    <th scope="col">{t('overdueCount')}</th>
                    <th scope="col">{t('escalated')}</th>
                    <th scope="col">{t('completed30')}</th>
                    <th scope="col">{t('onTimeRate')}</th>
                  </tr>
                </thead>
                <tbody>
                  {overview.body.steps.map((row) => (
                    <tr>
                      <td>{words.type(row.caseType)}</td>
                      <td>{words.step(row.caseType, row.step)}</td>
                      <td>{row.open}</td>
                      <td>{row.overdue}</td>
                      <td>{row.escalated}</td>
                      <td>{row.decided30}</td>
                      <td>{percent(row.onTime30, row.decided30)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </section>
          <section aria-labelledby="workloads">
            <h2 id="workloads">{t('workloads')}</h2>
            <div class="table-wrap">
              <table data-testid="workloads">
                <thead>
                  <tr>
                    <th scope="col">{t('assignee')}</th>
                    <th scope="col">{t('claimed')}</th>
                    <th scope="col">{t('waiting')}</th>
                    <th scope="col">{t('overdueCount')}</th>
                  </tr>
                </thead>
                <tbody>
                  {overview.body.workloads.map((row) => (
                    <tr>
                      <td>{row.assignee}</td>
                      <td>{row.claimed}</td>
                      <td>{row.waiting}</td>
                      <td>{row.overdue}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </section>
        </>
      )}
    </Layout>,
  );
}

export const supervisorPages = (deps: WebDeps) =>
  new Hono<WebEnv>()
    .get('/supervisor', (c) => renderOverview(c, deps))
    .post('/supervisor/reassign', async (c) => {
      const session = sessionOrSignIn(c);
      if (session instanceof Response) return session;
      const form = await c.req.parseBody({ all: true });
      const picked = form.taskIds ?? [];
      const taskIds = (Array.isArray(picked) ? picked : [picked]).filter((id): id is string => typeof id === 'string');
      const answer = await callerFor(deps, session)<{ results: Result[] }>('POST', '/v1/tasks/reassign', {
        taskIds,
        assignee: field(form, 'assignee'),
        reason: field(form, 'reason'),
      });
      const back = safeBack(field(form, 'back'), '');
      if (back && answer.ok && answer.body.results.every((result) => result.ok)) return c.redirect(`${back}?done=reassigned`, 303);
      if (!answer.ok) return renderOverview(c, deps, undefined, describeProblem(answer.problem));
      return renderOverview(c, deps, answer.body.results);
    });
