// 待遇拨付: the region's monthly payrolls (docs/payroll.md). Every action is the JSON API's: start (POST /v1/payrolls),
// the payroll with its progress and held lines (GET /v1/payrolls/{reference}), a held line decided with the task
// commands (claim + complete), the supervisor approval (the payroll's approval task, four eyes as the API checks it),
// the bank file (GET …/bank-file) and the bank return import (POST …/bank-returns) with its row report.
import { Hono } from 'hono';
import type { presentPayroll, presentPayrollSummary } from '../../presenters/payroll.presenter.js';
import type { ApiAnswer, Problem } from '../api-client.js';
import { DataTable } from '../components/data-table.js';
import { Answered, EmptyLine, FlashNotice, type Flash } from '../components/notice-box.js';
import type { Lang } from '../i18n/messages.js';
import { Csrf, Layout } from '../layout.js';
import { callerFor, field, frameOf, sessionOrSignIn, type WebContext, type WebDeps } from '../page-context.js';
import type { Session, WebEnv } from '../web-env.js';
import { benefitLabels, holdCodeLabels, holdOutcomeLabels, lineKindLabels, payrollStatusLabels, payrollWords as w, wordOf } from './payroll-labels.js';

// The page reads the API's own answers, so their types are the presenters' (one shape, declared once).
type PayrollSummary = ReturnType<typeof presentPayrollSummary>;
type PayrollView = ReturnType<typeof presentPayroll>;
type Line = PayrollView['failed'][number];

interface CaseTasks {
  tasks: { taskId: string; step: string; status: string; assignee: string | null }[];
}

export interface BankReturnReport {
  bank: string | null;
  applied: number;
  failed: number;
  outstanding: number;
  issues: { path: string; code: string; message: string }[];
  totals: { reconciled: boolean };
}

const enc = encodeURIComponent;

/** Lines the bank got: the approved part of the batch. */
const approvedCount = (p: PayrollView) => p.lines.filter((l) => ['sent', 'paid', 'failed'].includes(l.status)).reduce((n, l) => n + l.count, 0);

/**
 * The progress as bars (people read a chart faster than a table of numbers): entitlements looked at, lines gathered,
 * checked, held and approved — entitlements against their total, lines against the largest figure. The numbers stay beside the bars for screen readers.
 */
function ProgressChart(props: { payroll: PayrollView; lang: Lang }) {
  const { payroll: p, lang } = props;
  const bars = [
    { key: 'entitlements', label: w.entitlements[lang], value: p.progress.entitlementsSeen, of: p.progress.entitlementsTotal, color: '#8aa4c8' },
    { key: 'gathered', label: w.gathered[lang], value: p.progress.linesGathered, color: '#4a78b5' },
    { key: 'checked', label: w.checked[lang], value: p.progress.linesChecked, color: '#2f9e6f' },
    { key: 'held', label: w.held[lang], value: p.progress.linesHeld, color: '#d08a1c' },
    { key: 'approved', label: w.approved[lang], value: approvedCount(p), color: '#1d6b45' },
  ];
  const max = Math.max(1, p.progress.entitlementsTotal, ...bars.map((b) => b.value));
  const rowHeight = 28;
  return (
    <svg
      role="img"
      aria-label={w.progress[lang]}
      data-testid="payroll-progress"
      viewBox={`0 0 520 ${bars.length * rowHeight}`}
      width="100%"
      style="max-width: 520px"
    >
      {bars.map((b, i) => (
        <g data-bar={b.key} data-value={String(b.value)}>
          <text x="0" y={i * rowHeight + 18} font-size="13">
            {b.label}
          </text>
          <rect x="90" y={i * rowHeight + 6} width="330" height="16" fill="#eef1f5" />
          <rect
            x="90"
            y={i * rowHeight + 6}
            width={String(Math.round((330 * b.value) / (b.of === undefined ? max : Math.max(1, b.of))))}
            height="16"
            fill={b.color}
          />
          <text x="428" y={i * rowHeight + 18} font-size="13">
            {b.of === undefined ? String(b.value) : `${b.value} / ${b.of}`}
          </text>
        </g>
      ))}
    </svg>
  );
}

/** One held line's decision, with the task commands the worklist uses (the API refuses what the user may not do). */
function LineDecision(props: { line: Line; reference: string; session: Session; lang: Lang }) {
  const { line, lang } = props;
  if (line.decidedBy) return <span data-testid="line-decided">{w.decidedBy[lang].replace('{by}', line.decidedBy)}</span>;
  if (!line.taskId) return <span>—</span>;
  const outcomes = line.status === 'failed' ? ['retry', 'stop'] : ['release', 'stop', 'stopAndRecover'];
  return (
    <form method="post" action={`/web/payrolls/${enc(props.reference)}/lines/${enc(line.taskId)}`} class="inline" data-testid="line-decision">
      <Csrf session={props.session} />
      <select name="outcome" aria-label={w.decision[lang]}>
        {outcomes.map((o) => (
          <option value={o}>{wordOf(holdOutcomeLabels, o, lang)}</option>
        ))}
      </select>
      <input name="comment" aria-label={w.comment[lang]} placeholder={w.comment[lang]} maxlength={500} />
      <button type="submit">{w.decide[lang]}</button>
    </form>
  );
}

function LineTable(props: { lines: Line[]; reference: string; session: Session; lang: Lang; testId: string }) {
  const { lang } = props;
  return (
    <DataTable
      testId={props.testId}
      rows={props.lines}
      rowAttributes={(l) => ({ 'data-line': l.lineKey, 'data-task-id': l.taskId ?? undefined })}
      columns={[
        { header: w.citizen[lang], cell: (l) => l.citizenId, field: 'citizenId' },
        { header: w.benefit[lang], cell: (l) => `${wordOf(benefitLabels, l.benefit, lang)} · ${wordOf(lineKindLabels, l.kind, lang)}` },
        { header: w.amount[lang], cell: (l) => l.amount, field: 'amount' },
        { header: w.status[lang], cell: (l) => wordOf(payrollStatusLabels, l.status, lang), field: 'status' },
        {
          header: w.reasons[lang],
          field: 'reasons',
          cell: (l) =>
            l.bankReason
              ? `${l.bankReason.code}${l.bankReason.text ? ` ${l.bankReason.text}` : ''}`
              : l.reasons.map((r) => wordOf(holdCodeLabels, r.code, lang)).join('；'),
        },
        { header: w.decision[lang], cell: (l) => <LineDecision line={l} reference={props.reference} session={props.session} lang={lang} /> },
      ]}
    />
  );
}

function ReturnReport(props: { report: BankReturnReport; lang: Lang }) {
  const { report, lang } = props;
  return (
    <section aria-labelledby="return-report" data-testid="return-report">
      <h2 id="return-report">{w.report[lang]}</h2>
      <dl class="facts">
        <dt>{w.bank[lang]}</dt>
        <dd>{report.bank ?? '—'}</dd>
        <dt>{w.applied[lang]}</dt>
        <dd data-testid="return-applied">{report.applied}</dd>
        <dt>{w.failed[lang]}</dt>
        <dd data-testid="return-failed">{report.failed}</dd>
        <dt>{w.outstanding[lang]}</dt>
        <dd data-testid="return-outstanding">{report.outstanding}</dd>
        <dt>{w.reconciled[lang]}</dt>
        <dd>{report.totals.reconciled ? w.yes[lang] : w.no[lang]}</dd>
      </dl>
      {report.issues.length === 0 ? (
        <EmptyLine text={w.noIssues[lang]} />
      ) : (
        <DataTable
          testId="return-issues"
          rows={report.issues}
          rowAttributes={(i) => ({ 'data-code': i.code })}
          columns={[
            { header: w.row[lang], cell: (i) => i.path },
            { header: 'code', cell: (i) => i.code, field: 'code' },
            { header: w.reasons[lang], cell: (i) => i.message },
          ]}
        />
      )}
    </section>
  );
}

async function renderList(c: WebContext, deps: WebDeps, session: Session, flash?: Flash) {
  const { t, lang } = c.var;
  const list = await callerFor(deps, session)<{ items: PayrollSummary[] }>('GET', '/v1/payrolls?limit=50');
  const month = new Date(deps.clock().getTime() + 8 * 3600_000).toISOString().slice(0, 7);
  return c.html(
    <Layout frame={frameOf(c)} title={w.payrollsTitle[lang]} current="navPayrolls">
      {flash && <FlashNotice flash={flash} t={t} lang={lang} />}
      {(session.actor.role === 'supervisor' || session.actor.role === 'admin') && (
        <form method="post" action="/web/payrolls" class="filters" data-testid="start-payroll">
          <Csrf session={session} />
          <label>
            {w.region[lang]}
            <input name="region" value={session.actor.region ?? ''} required pattern="\d{6}" />
          </label>
          <label>
            {w.period[lang]}
            <input name="period" type="month" value={month} required />
          </label>
          <button type="submit">{w.start[lang]}</button>
        </form>
      )}
      <Answered
        answer={list}
        t={t}
        lang={lang}
        render={(body) => (
          <DataTable
            testId="payrolls"
            rows={body.items}
            rowAttributes={(p) => ({ 'data-reference': p.reference })}
            columns={[
              { header: t('reference'), cell: (p) => <a href={`/web/payrolls/${enc(p.reference)}`}>{p.reference}</a> },
              { header: w.region[lang], cell: (p) => p.region },
              { header: w.period[lang], cell: (p) => p.period },
              { header: w.status[lang], cell: (p) => wordOf(payrollStatusLabels, p.status, lang), field: 'status' },
              { header: w.dueTotal[lang], cell: (p) => p.totals.due },
              { header: w.heldTotal[lang], cell: (p) => p.totals.held },
            ]}
          />
        )}
      />
    </Layout>,
  );
}

const flashOf = (done: string | undefined, lang: Lang): Flash | undefined => {
  const words: Record<string, string> = { started: w.started[lang], existing: w.existing[lang], decided: w.decided[lang], approved: w.approvedOk[lang] };
  return done && words[done] ? { kind: 'ok', text: words[done] } : undefined;
};

async function renderPayroll(c: WebContext, deps: WebDeps, session: Session, reference: string, extra: { flash?: Flash; report?: BankReturnReport } = {}) {
  const { t, lang } = c.var;
  const call = callerFor(deps, session);
  const answer: ApiAnswer<PayrollView> = await call<PayrollView>('GET', `/v1/payrolls/${enc(reference)}`);
  const flash = extra.flash ?? flashOf(c.req.query('done'), lang);
  const p = answer.ok ? answer.body : null;
  const staffTasks = p && p.status === 'approval' ? await call<CaseTasks>('GET', `/v1/cases/${enc(p.caseId)}`) : null;
  const approvalTask = staffTasks?.ok ? staffTasks.body.tasks.find((task) => task.step === 'payrollApproval' && task.status !== 'completed') : undefined;
  return c.html(
    <Layout frame={frameOf(c)} title={`${w.payrollsTitle[lang]} ${reference}`} current="navPayrolls">
      {p?.status === 'gathering' && <meta http-equiv="refresh" content="5" />}
      {flash && <FlashNotice flash={flash} t={t} lang={lang} />}
      <Answered
        answer={answer}
        t={t}
        lang={lang}
        isEmpty={() => false}
        render={(body) => (
          <>
            <dl class="facts">
              <dt>{w.region[lang]}</dt>
              <dd>{body.region}</dd>
              <dt>{w.period[lang]}</dt>
              <dd>{body.period}</dd>
              <dt>{w.status[lang]}</dt>
              <dd data-testid="payroll-status" data-status={body.status}>
                {wordOf(payrollStatusLabels, body.status, lang)}
              </dd>
              <dt>{w.startedBy[lang]}</dt>
              <dd data-testid="payroll-started-by">{body.startedBy}</dd>
              <dt>{w.approvedBy[lang]}</dt>
              <dd data-testid="payroll-approved-by">{body.approvedBy ?? '—'}</dd>
              <dt>{w.dueTotal[lang]}</dt>
              <dd data-testid="payroll-due">{body.totals.due}</dd>
              <dt>{w.heldTotal[lang]}</dt>
              <dd data-testid="payroll-held">{body.totals.held}</dd>
            </dl>
            <section aria-labelledby="progress">
              <h2 id="progress">{w.progress[lang]}</h2>
              {body.status === 'gathering' && <p>{w.refreshing[lang]}</p>}
              <ProgressChart payroll={body} lang={lang} />
              <DataTable
                testId="payroll-lines"
                rows={body.lines}
                columns={[
                  { header: w.byStatus[lang], cell: (l) => wordOf(payrollStatusLabels, l.status, lang) },
                  { header: w.lines[lang], cell: (l) => String(l.count) },
                  { header: w.amount[lang], cell: (l) => l.amount },
                ]}
              />
            </section>
            <section aria-labelledby="held-lines">
              <h2 id="held-lines">{w.heldLines[lang]}</h2>
              {body.held.length === 0 ? (
                <EmptyLine text={t('noItems')} />
              ) : (
                <LineTable lines={body.held} reference={body.reference} session={session} lang={lang} testId="held-lines" />
              )}
            </section>
            {body.failed.length > 0 && (
              <section aria-labelledby="failed-lines">
                <h2 id="failed-lines">{w.failedLines[lang]}</h2>
                <LineTable lines={body.failed} reference={body.reference} session={session} lang={lang} testId="failed-lines" />
              </section>
            )}
            {body.status === 'approval' && (
              <section aria-labelledby="approval" data-testid="approval">
                <h2 id="approval">{w.approval[lang]}</h2>
                <p>{w.approvalRule[lang]}</p>
                {approvalTask && session.actor.role === 'supervisor' ? (
                  <form method="post" action={`/web/payrolls/${enc(body.reference)}/approve`}>
                    <Csrf session={session} />
                    <input type="hidden" name="taskId" value={approvalTask.taskId} />
                    <button type="submit" data-testid="approve">
                      {w.approve[lang]}
                    </button>
                  </form>
                ) : (
                  <EmptyLine text={w.noApproval[lang]} />
                )}
              </section>
            )}
            {body.banks.length > 0 && (
              <section aria-labelledby="bank-files">
                <h2 id="bank-files">{w.bankFile[lang]}</h2>
                <ul>
                  {body.banks.map((bank) => (
                    <li>
                      <a
                        href={`/web/payrolls/${enc(body.reference)}/bank-file?bank=${enc(bank.bankCode)}`}
                        data-testid="bank-file"
                        data-bank={bank.bankCode}
                        download
                      >
                        {w.download[lang]} {body.reference}-{bank.bankCode}.csv
                      </a>{' '}
                      — {bank.lines} {w.lines[lang]} · {bank.total}
                    </li>
                  ))}
                </ul>
              </section>
            )}
            {body.status === 'paying' && (
              <section aria-labelledby="bank-return">
                <h2 id="bank-return">{w.bankReturn[lang]}</h2>
                <form method="post" action={`/web/payrolls/${enc(body.reference)}/bank-returns`} enctype="multipart/form-data" data-testid="bank-return">
                  <Csrf session={session} />
                  <label>
                    {w.file[lang]}
                    <input type="file" name="file" accept=".csv,text/csv" required />
                  </label>
                  <button type="submit">{w.upload[lang]}</button>
                </form>
              </section>
            )}
            {extra.report && <ReturnReport report={extra.report} lang={lang} />}
          </>
        )}
      />
    </Layout>,
    answer.ok ? 200 : answer.status === 404 ? 404 : 200,
  );
}

/** Claim the task (the API refuses the one who ran the payroll: FOUR_EYES), then complete it. */
async function decideTask(deps: WebDeps, session: Session, taskId: string, outcome: string, comment: string): Promise<Problem | null> {
  const call = callerFor(deps, session);
  const claim = await call('POST', `/v1/tasks/${enc(taskId)}/claim`);
  if (!claim.ok && claim.status !== 409) return claim.problem;
  const done = await call('POST', `/v1/tasks/${enc(taskId)}/complete`, { outcome, comment, data: {} });
  if (!done.ok) return claim.ok ? done.problem : claim.problem;
  return null;
}

export const payrollPages = (deps: WebDeps) =>
  new Hono<WebEnv>()
    .get('/payrolls', async (c) => {
      const session = sessionOrSignIn(c);
      if (session instanceof Response) return session;
      return renderList(c, deps, session);
    })
    .post('/payrolls', async (c) => {
      const session = sessionOrSignIn(c);
      if (session instanceof Response) return session;
      const form = await c.req.parseBody();
      const period = field(form, 'period');
      const answer = await callerFor(deps, session)<PayrollSummary>('POST', '/v1/payrolls', { region: field(form, 'region'), period });
      if (!answer.ok) return renderList(c, deps, session, { kind: 'error', problem: answer.problem });
      return c.redirect(`/web/payrolls/${enc(answer.body.reference)}?done=${answer.status === 202 ? 'started' : 'existing'}`, 303);
    })
    .get('/payrolls/:reference', async (c) => {
      const session = sessionOrSignIn(c);
      if (session instanceof Response) return session;
      return renderPayroll(c, deps, session, c.req.param('reference'));
    })
    .post('/payrolls/:reference/lines/:taskId', async (c) => {
      const session = sessionOrSignIn(c);
      if (session instanceof Response) return session;
      const reference = c.req.param('reference');
      const form = await c.req.parseBody();
      const problem = await decideTask(deps, session, c.req.param('taskId'), field(form, 'outcome'), field(form, 'comment'));
      if (problem) return renderPayroll(c, deps, session, reference, { flash: { kind: 'error', problem } });
      return c.redirect(`/web/payrolls/${enc(reference)}?done=decided`, 303);
    })
    .post('/payrolls/:reference/approve', async (c) => {
      const session = sessionOrSignIn(c);
      if (session instanceof Response) return session;
      const reference = c.req.param('reference');
      const form = await c.req.parseBody();
      const problem = await decideTask(deps, session, field(form, 'taskId'), 'approve', '');
      if (problem) return renderPayroll(c, deps, session, reference, { flash: { kind: 'error', problem } });
      return c.redirect(`/web/payrolls/${enc(reference)}?done=approved`, 303);
    })
    .get('/payrolls/:reference/bank-file', async (c) => {
      const session = sessionOrSignIn(c);
      if (session instanceof Response) return session;
      const reference = c.req.param('reference');
      const bank = c.req.query('bank');
      const query = bank ? `?bank=${enc(bank)}` : '';
      const response = await deps.api.request(`/v1/payrolls/${enc(reference)}/bank-file${query}`, { headers: { authorization: `Bearer ${session.token}` } });
      if (!response.ok) {
        const problem = (await response.json()) as Problem;
        return renderPayroll(c, deps, session, reference, { flash: { kind: 'error', problem: { ...problem, status: response.status } } });
      }
      return c.body(await response.text(), 200, {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': response.headers.get('content-disposition') ?? 'attachment',
      });
    })
    .post('/payrolls/:reference/bank-returns', async (c) => {
      const session = sessionOrSignIn(c);
      if (session instanceof Response) return session;
      const reference = c.req.param('reference');
      const form = await c.req.parseBody();
      const body = new FormData();
      if (form.file instanceof File) body.set('file', form.file, form.file.name);
      const answer = await callerFor(deps, session)<BankReturnReport>('POST', `/v1/payrolls/${enc(reference)}/bank-returns`, body);
      if (!answer.ok) return renderPayroll(c, deps, session, reference, { flash: { kind: 'error', problem: answer.problem } });
      return renderPayroll(c, deps, session, reference, { report: answer.body });
    });
