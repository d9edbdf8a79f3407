// 督办: the supervisor's region at a glance — overdue tasks (with bulk reassignment and a result per task), stuck
// cases (no progress for N days), transfer legs an outside counterpart let run late, per-step deadline figures and caseworker workloads (GET /v1/reports/overview).
import { Hono } from 'hono';
import type { Problem } from '../api-client.js';
import { caseWords } from '../case-types/case-type-labels.js';
import { DataTable, type Column } from '../components/data-table.js';
import { DueAt } from '../components/due-date.js';
import { FilterBar } from '../components/filter-bar.js';
import { Answered, EmptyLine, RefusalNotice } from '../components/notice-box.js';
import { describeProblem } from '../i18n/problem-text.js';
import { Csrf, Layout } from '../layout.js';
import { callerFor, field, frameOf, safeBack, sessionOrSignIn, type WebContext, type WebDeps } from '../page-context.js';
import { daysSince, shanghaiClock, shanghaiMinute } from '../time-display.js';
import type { WebEnv } from '../web-env.js';
import type { TransferLegName } from '../../../domain/transfer/transfer-legs.js';
import { officeLabels, transferLegLabels } from '../case-types/transfer-labels.js';
import type { TaskItem } from './worklist.page.js';

interface Overview {
  /** When the figures were counted: the API serves a snapshot at most `refreshSeconds` old (services/reports/overview-snapshot.ts). */
  asOf: string;
  refreshSeconds: number;
  staleDays: number;
  steps: { caseType: string; step: string; open: number; overdue: number; escalated: number; decided30: number; onTime30: number }[];
  workloads: { assignee: string; claimed: number; waiting: number; overdue: number }[];
  stuckCases: { caseId: string; reference: string; type: string; status: string; lastProgressAt: string }[];
  overdueTransferLegs: OverdueLeg[];
}

/** A transfer leg the outside counterpart agency runs, past its due date (no task of this system holds it). */
interface OverdueLeg {
  caseId: string;
  reference: string;
  leg: TransferLegName;
  office: 'old' | 'new';
  counterpart: string;
  waitingRegion: string;
  dueDate: string;
  provisional: boolean;
  escalated: boolean;
  daysOverdue: number;
}

type Result = { taskId: string; ok: boolean; error?: { code: string; detail: string } };

/** A bulk result's error as the page's language words it (the item carries the same code as a problem would). */
const resultProblem = (result: Result): Problem => ({ status: 0, code: result.error?.code ?? 'ERROR', title: '', detail: result.error?.detail ?? '' });

async function renderOverview(c: WebContext, deps: WebDeps, results?: Result[], refusal?: Problem) {
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
  const overdueColumns: Column<TaskItem>[] = [
    {
      header: <input type="checkbox" data-select-all="taskIds" aria-label={t('select')} />,
      cell: (task) => (
        <input
          type="checkbox"
          name="taskIds"
          value={task.taskId}
          id={`pick-${task.taskId}`}
          aria-label={`${t('select')} ${task.caseReference ?? task.taskId}`}
        />
      ),
    },
    { header: t('reference'), cell: (task) => <a href={`/web/cases/${task.caseReference ?? task.caseId}`}>{task.caseReference ?? task.caseId}</a> },
    { header: t('step'), cell: (task) => `${words.type(task.caseType)} · ${words.step(task.caseType, task.step)}` },
    {
      header: t('dueAt'),
      cell: (task) => (
        <>
          <DueAt dueAt={task.dueAt} provisional={task.dueProvisional} t={t} /> {task.escalated && <span class="badge danger">{t('escalated')}</span>}
        </>
      ),
    },
    { header: t('daysWaiting'), cell: (task) => daysSince(task.createdAt, now) },
    { header: t('assignee'), cell: (task) => task.assignee ?? '—' },
  ];
  const legColumns: Column<OverdueLeg>[] = [
    { header: t('reference'), cell: (row) => <a href={`/web/cases/${row.reference}`}>{row.reference}</a> },
    { header: t('step'), cell: (row) => transferLegLabels[row.leg][lang] },
    { header: t('counterpartOffice'), cell: (row) => `${officeLabels[row.office][lang]} ${row.counterpart} · ${t('viaPlatform')}` },
    { header: t('waitingOffice'), cell: (row) => row.waitingRegion },
    { header: t('dueAt'), cell: (row) => `${row.dueDate}${row.provisional ? ` (${t('provisional')})` : ''}` },
    {
      header: t('daysOverdue'),
      cell: (row) => (
        <>
          {row.daysOverdue} {row.escalated && <span class="badge danger">{t('escalated')}</span>}
        </>
      ),
    },
  ];
  const stepColumns: Column<Overview['steps'][number]>[] = [
    { header: t('caseType'), cell: (row) => words.type(row.caseType) },
    { header: t('step'), cell: (row) => words.step(row.caseType, row.step) },
    { header: t('openCount'), cell: (row) => row.open },
    { header: t('overdueCount'), cell: (row) => row.overdue },
    { header: t('escalated'), cell: (row) => row.escalated },
    { header: t('completed30'), cell: (row) => row.decided30 },
    { header: t('onTimeRate'), cell: (row) => percent(row.onTime30, row.decided30) },
  ];
  const workloadColumns: Column<Overview['workloads'][number]>[] = [
    { header: t('assignee'), cell: (row) => row.assignee },
    { header: t('claimed'), cell: (row) => row.claimed },
    { header: t('waiting'), cell: (row) => row.waiting },
    { header: t('overdueCount'), cell: (row) => row.overdue },
  ];
  return c.html(
    <Layout frame={frameOf(c)} title={t('supervisorTitle')} current="navSupervisor">
      {refusal && <RefusalNotice problem={refusal} t={t} lang={lang} />}
      {results && (
        <section aria-labelledby="results" class="panel">
          <h2 id="results">{t('result')}</h2>
          <ul data-testid="reassign-results">
            {results.map((result) => (
              <li class={result.ok ? 'ok' : 'late'} data-task-id={result.taskId} data-ok={String(result.ok)} data-code={result.error?.code}>
                {result.taskId}: {result.ok ? t('ok') : describeProblem(resultProblem(result), lang)}
              </li>
            ))}
          </ul>
        </section>
      )}
      {!overview.ok && <RefusalNotice problem={overview.problem} t={t} lang={lang} />}
      <section aria-labelledby="overdue">
        <h2 id="overdue">{t('overdueTasks')}</h2>
        <Answered
          answer={overdue}
          t={t}
          lang={lang}
          render={(body) => (
            <form method="post" action="/web/supervisor/reassign" data-testid="bulk-reassign">
              <Csrf session={session} />
              <DataTable columns={overdueColumns} rows={body.items} rowAttributes={(task) => ({ 'data-task-id': task.taskId })} />
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
        />
      </section>
      {overview.ok && (
        <>
          <p data-testid="figures-as-of">
            <time datetime={overview.body.asOf}>{t('figuresAsOf', { at: shanghaiClock(overview.body.asOf), n: overview.body.refreshSeconds })}</time>
          </p>
          <section aria-labelledby="stuck">
            <h2 id="stuck">{t('stuckCases', { n: overview.body.staleDays })}</h2>
            <FilterBar action="/web/supervisor" t={t}>
              <label>
                {t('stuckDays')}
                <input type="number" name="staleDays" min={1} max={365} value={String(overview.body.staleDays)} />
              </label>
            </FilterBar>
            {overview.body.stuckCases.length === 0 ? (
              <EmptyLine text={t('noItems')} />
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
          <section aria-labelledby="counterpart-legs">
            <h2 id="counterpart-legs">{t('overdueCounterpartLegs')}</h2>
            <DataTable testId="overdue-counterpart-legs" columns={legColumns} rows={overview.body.overdueTransferLegs} />
          </section>
          <section aria-labelledby="sla">
            <h2 id="sla">{t('stepSla')}</h2>
            <DataTable testId="step-figures" columns={stepColumns} rows={overview.body.steps} />
          </section>
          <section aria-labelledby="workloads">
            <h2 id="workloads">{t('workloads')}</h2>
            <DataTable testId="workloads" columns={workloadColumns} rows={overview.body.workloads} />
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
      if (!answer.ok) return renderOverview(c, deps, undefined, answer.problem);
      return renderOverview(c, deps, answer.body.results);
    });
