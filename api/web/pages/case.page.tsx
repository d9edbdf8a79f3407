// 案件: one case as its viewer may see it (GET /v1/cases/{id}): status, deadlines with the time left, timeline,
// documents, the calculation workings from `summary`, and only the actions `allowedActions` lists. Every button
// posts to a page handler that calls the same JSON route, so a refusal (four eyes, wrong region, already decided)
// comes back with the API's reason.
import { Hono } from 'hono';
import type { ApiAnswer } from '../api-client.js';
import { caseWords } from '../case-types/case-type-labels.js';
import { filingFor } from '../case-types/filings.js';
import { decisionData } from '../case-types/decision-forms.js';
import { DueAt, ProvisionalBadge } from '../components/due-date.js';
import { FlashNotice, type Flash } from '../components/notice-box.js';
import { labelOf, taskStatusLabels } from '../i18n/enum-labels.js';
import { describeProblem } from '../i18n/problem-text.js';
import { Csrf, Layout } from '../layout.js';
import { callerFor, field, frameOf, sessionOrSignIn, type WebContext, type WebDeps } from '../page-context.js';
import { timeLeft } from '../time-display.js';
import type { WebEnv } from '../web-env.js';
import { CaseFacts, Timeline } from './case-parts.js';
import { DecisionForms } from './decision-form.js';

export interface CaseView {
  caseId: string;
  reference: string;
  type: string;
  status: string;
  region: string;
  subject: { citizenId: string | null; name: string | null; employerCreditCode: string | null };
  openedAt: string;
  closedAt: string | null;
  lastProgressAt: string;
  deadlines: { name: string; dueDate: string; dueAt: string; unit: string; provisional?: boolean }[];
  timeline: { at: string; actor: string; action: string; detail: Record<string, unknown> }[];
  tasks: { taskId: string; step: string; status: string; assignee: string | null; dueAt: string; dueProvisional?: boolean; escalated: boolean }[];
  allowedActions: string[];
  summary: Record<string, unknown>;
  /** Read with `wait=settled`: false while the follow-up of the last decision still ran. */
  settled?: boolean;
}

/** Actions that are not a decision on the held task. */
const NOT_OUTCOMES = new Set(['claim', 'release', 'reassign', 'resubmit', 'withdraw']);

/** A case the caller may not read: unknown and not-yours read the same, as in the API (no probing of references). */
function caseNotFound(c: WebContext, answer: Extract<ApiAnswer<unknown>, { ok: false }>) {
  const { t, lang } = c.var;
  return c.html(
    <Layout frame={frameOf(c)} title={t('notFoundTitle')}>
      <p data-testid="case-not-found">{answer.status === 404 ? t('notFoundBody') : describeProblem(answer.problem, lang)}</p>
    </Layout>,
    answer.status === 404 ? 404 : 400,
  );
}

async function renderCase(c: WebContext, deps: WebDeps, id: string, flash?: Flash) {
  const session = sessionOrSignIn(c);
  if (session instanceof Response) return session;
  const { t, lang } = c.var;
  const words = caseWords(lang);
  // Right after a decision the page waits (briefly, on the server) for the case's follow-up, so it shows the next task.
  const afterDecision = c.req.query('done') === 'decision';
  const answer = await callerFor(deps, session)<CaseView>('GET', `/v1/cases/${encodeURIComponent(id)}${afterDecision ? '?wait=settled' : ''}`);
  if (!answer.ok) {
    return caseNotFound(c, answer);
  }
  const view = answer.body;
  const now = deps.clock();
  const actions = new Set(view.allowedActions);
  const outcomes = view.allowedActions.filter((action) => !NOT_OUTCOMES.has(action));
  const mine = view.tasks.find((task) => task.status === 'claimed' && task.assignee === session.actor.id);
  const open = view.tasks.find((task) => task.status === 'open');
  const active = view.tasks.filter((task) => ['open', 'claimed', 'waiting'].includes(task.status));
  const filing = filingFor(view.type);
  // The applicant's own panel (a petitioner's documents and follow-up); staff are not offered it, and the API would 404.
  const followUp = filing?.followUp && filing.roles.includes(session.actor.role) ? filing.followUp : undefined;
  const followUpData = followUp ? await followUp.load(callerFor(deps, session), view.reference) : null;
  const flashFromQuery: Flash | undefined = c.req.query('done')
    ? { kind: 'ok', text: afterDecision && view.settled === false ? t('decisionProcessing') : t('done') }
    : undefined;
  const shown = flash ?? flashFromQuery;

  return c.html(
    <Layout frame={frameOf(c)} title={`${words.type(view.type)} ${view.reference}`}>
      {shown && <FlashNotice flash={shown} t={t} lang={lang} />}
      <p class="status-line">
        {t('status')}: <strong data-testid="case-status">{words.status(view.type, view.status)}</strong>
      </p>
      <div class="grid">
        <section aria-labelledby="deadlines">
          <h2 id="deadlines">{t('deadlines')}</h2>
          {view.deadlines.length === 0 ? (
            <p>—</p>
          ) : (
            <ul class="deadlines">
              {view.deadlines.map((deadline) => {
                const left = timeLeft(deadline.dueDate, now, t);
                return (
                  <li class={left.late ? 'late' : undefined}>
                    {words.deadline(view.type, deadline.name)}: {deadline.dueDate} <ProvisionalBadge provisional={deadline.provisional} t={t} /> —{' '}
                    <strong>{left.text}</strong>
                  </li>
                );
              })}
            </ul>
          )}
        </section>
        <CaseFacts view={view} t={t} lang={lang} />
      </div>

      {(outcomes.length > 0 || actions.has('claim') || actions.has('release')) && (
        <section aria-labelledby="decision" class="panel">
          <h2 id="decision">{t('decision')}</h2>
          {actions.has('claim') && open && (
            <form method="post" action={`/web/tasks/${open.taskId}/claim`} class="inline">
              <Csrf session={session} />
              <input type="hidden" name="back" value={`/web/cases/${view.reference}`} />
              <button type="submit">{t('claim')}</button>
            </form>
          )}
          {mine && outcomes.length > 0 && (
            <DecisionForms
              caseType={view.type}
              reference={view.reference}
              taskId={mine.taskId}
              step={mine.step}
              outcomes={outcomes}
              session={session}
              t={t}
              lang={lang}
            />
          )}
          {actions.has('release') && mine && (
            <form method="post" action={`/web/tasks/${mine.taskId}/release`} class="inline">
              <Csrf session={session} />
              <input type="hidden" name="back" value={`/web/cases/${view.reference}`} />
              <button type="submit" class="secondary">
                {t('release')}
              </button>
            </form>
          )}
        </section>
      )}

      {followUp && followUpData !== null && <followUp.Panel data={followUpData} reference={view.reference} session={session} t={t} lang={lang} now={now} />}

      {actions.has('resubmit') && filing?.correctionPath && (
        <section aria-labelledby="correction" class="panel">
          <h2 id="correction">{t('correction')}</h2>
          <form method="post" action={`/web/cases/${view.reference}/correction`} data-testid="correction-form">
            <Csrf session={session} />
            <label>
              {t('correctionComment')}
              <textarea name="comment" required rows={3} maxlength={2000}></textarea>
            </label>
            <button type="submit">{t('submitCorrection')}</button>
          </form>
        </section>
      )}
      {actions.has('withdraw') && filing?.withdrawalPath && (
        <details class="panel">
          <summary>{t('withdraw')}</summary>
          <form method="post" action={`/web/cases/${view.reference}/withdrawal`}>
            <Csrf session={session} />
            <label>
              {t('withdrawReason')}
              <input name="reason" required maxlength={500} />
            </label>
            <button type="submit" class="danger">
              {t('withdraw')}
            </button>
          </form>
        </details>
      )}
      {actions.has('reassign') && active.length > 0 && (
        <section aria-labelledby="reassign" class="panel">
          <h2 id="reassign">{t('reassign')}</h2>
          <form method="post" action="/web/supervisor/reassign">
            <Csrf session={session} />
            {active.map((task) => (
              <input type="hidden" name="taskIds" value={task.taskId} />
            ))}
            <input type="hidden" name="back" value={`/web/cases/${view.reference}`} />
            <label>
              {t('reassignTo')}
              <input name="assignee" required pattern="[\w.@-]+" />
            </label>
            <label>
              {t('reassignReason')}
              <input name="reason" required maxlength={500} />
            </label>
            <button type="submit">{t('reassign')}</button>
          </form>
        </section>
      )}

      {view.tasks.length > 0 && (
        <section aria-labelledby="tasks">
          <h2 id="tasks">{t('tasks')}</h2>
          <ul>
            {view.tasks.map((task) => (
              <li>
                {words.step(view.type, task.step)} · {labelOf(taskStatusLabels, task.status, lang)} · {task.assignee ?? '—'} · {t('dueAt')}{' '}
                <DueAt dueAt={task.dueAt} provisional={task.dueProvisional} t={t} />
                {task.escalated && <span class="badge danger">{t('escalated')}</span>}
              </li>
            ))}
          </ul>
        </section>
      )}
      <p>
        <a href={`/web/cases/${encodeURIComponent(view.reference)}/documents`} data-testid="case-documents-link">
          {t('officialDocuments')}
        </a>
      </p>
      <Timeline view={view} t={t} lang={lang} />
    </Layout>,
  );
}

interface DocumentItem {
  documentId: string;
  kind: string;
  title: string;
  issuedOn: string;
  sha256: string;
  byteSize: number;
}

/** 正式文书: the case's letters the caller may read (GET /v1/cases/{id}/documents), each a PDF to download. */
async function renderDocuments(c: WebContext, deps: WebDeps, id: string) {
  const session = sessionOrSignIn(c);
  if (session instanceof Response) return session;
  const { t } = c.var;
  const answer = await callerFor(deps, session)<{ items: DocumentItem[] }>('GET', `/v1/cases/${encodeURIComponent(id)}/documents`);
  if (!answer.ok) {
    return caseNotFound(c, answer);
  }
  const items = answer.body.items;
  return c.html(
    <Layout frame={frameOf(c)} title={`${t('officialDocuments')} ${id}`}>
      {items.length === 0 ? (
        <p>{t('noOfficialDocuments')}</p>
      ) : (
        <ul data-testid="official-documents">
          {items.map((d) => (
            <li>
              {d.issuedOn} · <strong>{d.title}</strong> · <a href={`/web/cases/${encodeURIComponent(id)}/documents/${d.documentId}`}>{t('downloadPdf')}</a> ·
              SHA-256 <code>{d.sha256.slice(0, 16)}…</code>
            </li>
          ))}
        </ul>
      )}
      <p>
        <a href={`/web/cases/${encodeURIComponent(id)}`}>← {id}</a>
      </p>
    </Layout>,
  );
}

export const casePages = (deps: WebDeps) =>
  new Hono<WebEnv>()
    .get('/cases/:caseId', (c) => renderCase(c, deps, c.req.param('caseId')))
    .get('/cases/:caseId/documents', (c) => renderDocuments(c, deps, c.req.param('caseId')))
    .get('/cases/:caseId/documents/:documentId', async (c) => {
      const session = sessionOrSignIn(c);
      if (session instanceof Response) return session;
      const path = `/v1/cases/${encodeURIComponent(c.req.param('caseId'))}/documents/${encodeURIComponent(c.req.param('documentId'))}`;
      const response = await deps.api.request(path, { headers: { authorization: `Bearer ${session.token}` } });
      if (!response.ok) return c.text(c.var.t('notFoundBody'), response.status === 400 ? 400 : 404);
      return c.body(await response.arrayBuffer(), 200, {
        'content-type': 'application/pdf',
        'content-disposition': response.headers.get('content-disposition') ?? 'attachment',
        'x-content-sha256': response.headers.get('x-content-sha256') ?? '',
      });
    })
    .post('/cases/:caseId/follow-up/:name', async (c) => {
      const session = sessionOrSignIn(c);
      if (session instanceof Response) return session;
      const id = c.req.param('caseId');
      const call = callerFor(deps, session);
      const current = await call<CaseView>('GET', `/v1/cases/${encodeURIComponent(id)}`);
      const act = current.ok ? filingFor(current.body.type)?.followUp?.actions[c.req.param('name')] : undefined;
      const answer = !current.ok ? current : act ? await act(await c.req.parseBody(), call, current.body.reference) : null;
      if (!answer) return c.notFound();
      if (!answer.ok) return renderCase(c, deps, id, { kind: 'error', problem: answer.problem });
      return c.redirect(`/web/cases/${encodeURIComponent(id)}?done=${encodeURIComponent(c.req.param('name'))}`, 303);
    })
    .post('/cases/:caseId/:command{decision|correction|withdrawal}', async (c) => {
      const session = sessionOrSignIn(c);
      if (session instanceof Response) return session;
      const id = c.req.param('caseId');
      const form = await c.req.parseBody();
      const call = callerFor(deps, session);
      const command = c.req.param('command');
      let answer;
      if (command === 'decision') {
        const taskId = encodeURIComponent(field(form, 'taskId'));
        const outcome = field(form, 'outcome');
        const data = decisionData(field(form, 'caseType'), outcome, form);
        answer = await call('POST', `/v1/tasks/${taskId}/complete`, {
          outcome,
          comment: field(form, 'comment'),
          ...(Object.keys(data).length > 0 ? { data } : {}),
        });
      } else {
        const current = await call<CaseView>('GET', `/v1/cases/${encodeURIComponent(id)}`);
        const filing = current.ok ? filingFor(current.body.type) : undefined;
        const path =
          command === 'correction'
            ? filing?.correctionPath?.(current.ok ? current.body.caseId : id)
            : filing?.withdrawalPath?.(current.ok ? current.body.caseId : id);
        answer =
          !current.ok || !path
            ? current
            : await call('POST', path, command === 'correction' ? { comment: field(form, 'comment') } : { reason: field(form, 'reason') });
      }
      if (!answer.ok) return renderCase(c, deps, id, { kind: 'error', problem: answer.problem });
      return c.redirect(`/web/cases/${encodeURIComponent(id)}?done=${command}`, 303);
    });
