// 待遇多发追回 (社会保险经办条例 art. 46, docs/payroll.md "Recovering an overpayment"): the region's recoveries for the
// counter, open or closed, with what is outstanding (GET /v1/overpayment-recoveries, the person masked as the API sends
// it); one recovery with its ledger and the counter's forms — a repayment (POST …/repayments, an Idempotency-Key per
// form so a second click books once), an instalment agreement (POST …/instalment-plan) and, for a supervisor, the
// write-off (核销, POST …/waiver); under an agreement, each instalment (paid, missed) and the chasing of missed ones (催收,
// recovery-instalments.tsx). The person reads their own recovery here too, without the forms; their payments
// page lists it (benefit-payments.page.tsx, `OwnRecoveries`).
import { randomUUID } from 'node:crypto';
import { Hono } from 'hono';
import type { presentRecovery } from '../../presenters/overpayment-recovery.presenter.js';
import type { ApiAnswer } from '../api-client.js';
import { DataTable, NextPage } from '../components/data-table.js';
import { Answered, EmptyLine, FlashNotice, type Flash } from '../components/notice-box.js';
import type { Lang } from '../i18n/messages.js';
import { Csrf, Layout } from '../layout.js';
import { callerFor, field, frameOf, sessionOrSignIn, type WebContext, type WebDeps } from '../page-context.js';
import { shanghaiMinute } from '../time-display.js';
import type { Session, WebEnv } from '../web-env.js';
import { wordOf } from './payroll-labels.js';
import { InstalmentFollowUp } from './recovery-instalments.js';
import {
  chaseWords,
  entryKindLabels,
  recoveryCauseLabels,
  recoveryMethodLabels,
  recoveryStatusLabels,
  recoveryWords as w,
  writeOffStatusLabels,
} from './recovery-labels.js';

/** A recovery as the API answers it (the presenter's shape, declared once). */
export type Recovery = ReturnType<typeof presentRecovery>;
type Entry = Recovery['entries'][number];

const enc = encodeURIComponent;

/** Who gets the counter's forms; the API still decides each request (an auditor or the person would get its 403). */
const COUNTER: ReadonlySet<string> = new Set(['caseworker', 'reviewer', 'supervisor']);

/** Where an entry's money came from, in the page's words: the payroll month a line was withheld in, a receipt, a reason. */
export function entrySource(e: Entry, lang: Lang): string {
  if (e.kind === 'offset') {
    const month = /(\d{4}-\d{2})$/.exec(e.note ?? '')?.[1];
    return month ? (lang === 'zh' ? `${month} 待遇发放` : `the ${month} payroll`) : (e.note ?? '');
  }
  return e.note ?? '';
}

/** The ledger (追回台账): offsets from paid lines, repayments, a write-off — each with its source and when it was booked. */
export function LedgerTable(props: { recovery: Recovery; lang: Lang; testId: string }) {
  const { recovery, lang } = props;
  if (recovery.entries.length === 0) return <EmptyLine text={w.noEntries[lang]} />;
  return (
    <DataTable
      testId={props.testId}
      rows={recovery.entries}
      rowAttributes={(e) => ({ 'data-kind': e.kind })}
      columns={[
        { header: w.kind[lang], cell: (e) => wordOf(entryKindLabels, e.kind, lang), field: 'kind' },
        { header: w.entryAmount[lang], cell: (e) => e.amount, field: 'amount' },
        { header: w.entrySource[lang], cell: (e) => entrySource(e, lang), field: 'source' },
        { header: w.bookedAt[lang], cell: (e) => shanghaiMinute(e.bookedAt) },
      ]}
    />
  );
}

const STATUSES = ['open', 'closed', ''] as const;

async function renderList(c: WebContext, deps: WebDeps, session: Session) {
  const { t, lang } = c.var;
  const asked = c.req.query('status') ?? 'open';
  const status = (STATUSES as readonly string[]).includes(asked) ? asked : 'open';
  const cursor = c.req.query('cursor') ?? '';
  const query = new URLSearchParams({ limit: '50' });
  if (status) query.set('status', status);
  if (cursor) query.set('cursor', cursor);
  const answer = await callerFor(deps, session)<{ items: Recovery[]; nextCursor: string | null }>('GET', `/v1/overpayment-recoveries?${query.toString()}`);
  const next = answer.ok && answer.body.nextCursor ? new URLSearchParams({ status, cursor: answer.body.nextCursor }) : null;
  return c.html(
    <Layout frame={frameOf(c)} title={w.listTitle[lang]} current="navRecoveries">
      <form method="get" action="/web/recoveries" class="filters" data-testid="recovery-filter">
        <label>
          {w.status[lang]}
          <select name="status">
            {STATUSES.map((s) => (
              <option value={s} selected={s === status}>
                {s === '' ? w.all[lang] : wordOf(recoveryStatusLabels, s, lang)}
              </option>
            ))}
          </select>
        </label>
        <button type="submit">{w.show[lang]}</button>
      </form>
      <Answered
        answer={answer}
        t={t}
        lang={lang}
        render={(body) => (
          <DataTable
            testId="recoveries"
            rows={body.items}
            rowAttributes={(r) => ({ 'data-recovery': r.id, 'data-status': r.status })}
            columns={[
              { header: w.id[lang], cell: (r) => <a href={`/web/recoveries/${enc(r.id)}`}>{r.id}</a> },
              { header: w.citizen[lang], cell: (r) => r.citizenId, field: 'citizenId' },
              { header: w.cause[lang], cell: (r) => wordOf(recoveryCauseLabels, r.cause, lang) },
              { header: w.amount[lang], cell: (r) => r.amount, field: 'amount' },
              { header: w.months[lang], cell: (r) => r.months.join('、') },
              { header: w.recovered[lang], cell: (r) => r.recovered, field: 'recovered' },
              { header: w.outstanding[lang], cell: (r) => r.outstanding, field: 'outstanding' },
              { header: w.method[lang], cell: (r) => wordOf(recoveryMethodLabels, r.method, lang) },
              { header: w.status[lang], cell: (r) => wordOf(recoveryStatusLabels, r.status, lang), field: 'status' },
            ]}
          />
        )}
      />
      <NextPage href={next ? `/web/recoveries?${next.toString()}` : null} t={t} />
    </Layout>,
  );
}

/** The counter's forms on an open recovery: repayment and instalments for the front office, the write-off for a supervisor. */
function CounterForms(props: { r: Recovery; session: Session; lang: Lang; month: string }) {
  const { r, session, lang } = props;
  const base = `/web/recoveries/${enc(r.id)}`;
  return (
    <>
      <section aria-labelledby="repayment">
        <h2 id="repayment">{w.repayment[lang]}</h2>
        <form method="post" action={`${base}/repayments`} data-testid="repayment">
          <Csrf session={session} />
          {/* One key per rendered form: a second click or a retried post books the repayment once. */}
          <input type="hidden" name="key" value={randomUUID()} />
          <label>
            {w.repaymentAmount[lang]}
            <input name="amount" value={r.repayable} required inputmode="decimal" pattern="\d+(\.\d{1,2})?" />
          </label>
          <label>
            {w.note[lang]}
            <input name="note" maxlength={200} />
          </label>
          <button type="submit">{w.record[lang]}</button>
        </form>
      </section>
      <section aria-labelledby="instalments">
        <h2 id="instalments">{w.instalments[lang]}</h2>
        <form method="post" action={`${base}/instalment-plan`} data-testid="instalment-plan">
          <Csrf session={session} />
          <label>
            {w.monthlyAmount[lang]}
            <input name="monthlyAmount" value={r.instalmentPlan?.monthlyAmount ?? ''} required inputmode="decimal" pattern="\d+(\.\d{1,2})?" />
          </label>
          <label>
            {w.firstMonth[lang]}
            {/* A new agreement starts this month at the earliest (a re-plan after missed instalments, 催收). */}
            <input
              name="firstMonth"
              type="month"
              value={r.instalmentPlan && r.instalmentPlan.firstMonth > props.month ? r.instalmentPlan.firstMonth : props.month}
              required
            />
          </label>
          <button type="submit">{w.agree[lang]}</button>
        </form>
      </section>
      {session.actor.role === 'supervisor' && (
        <section aria-labelledby="waiver">
          <h2 id="waiver">{w.waiver[lang]}</h2>
          <p>{w.waiverRule[lang]}</p>
          <form method="post" action={`${base}/waiver`} data-testid="waiver">
            <Csrf session={session} />
            <input type="hidden" name="amount" value={r.outstanding} />
            <label>
              {w.reason[lang]}
              <input name="reason" required maxlength={500} />
            </label>
            <label>
              {w.legalBasis[lang]}
              <input name="legalBasis" required maxlength={200} />
            </label>
            <button type="submit">{w.waive[lang]}</button>
          </form>
        </section>
      )}
      {session.actor.role === 'supervisor' && <WriteOffForms r={r} session={session} lang={lang} />}
    </>
  );
}

/** 部分核销, four eyes: the proposals with their decisions, a decision form on the waiting one, a form to propose one. */
function WriteOffForms(props: { r: Recovery; session: Session; lang: Lang }) {
  const { r, session, lang } = props;
  const base = `/web/recoveries/${enc(r.id)}/write-offs`;
  const waiting = r.writeOffs.find((x) => x.status === 'proposed');
  return (
    <section aria-labelledby="write-offs">
      <h2 id="write-offs">{w.writeOffs[lang]}</h2>
      <p>{w.writeOffRule[lang]}</p>
      {r.writeOffs.length > 0 && (
        <DataTable
          testId="write-offs"
          rows={r.writeOffs}
          rowAttributes={(x) => ({ 'data-status': x.status })}
          columns={[
            { header: w.writeOffAmount[lang], cell: (x) => x.amount, field: 'amount' },
            { header: w.reason[lang], cell: (x) => x.reason },
            { header: w.legalBasis[lang], cell: (x) => x.legalBasis },
            { header: w.proposedBy[lang], cell: (x) => x.proposedBy },
            { header: w.decidedBy[lang], cell: (x) => x.decidedBy ?? '' },
            { header: w.status[lang], cell: (x) => wordOf(writeOffStatusLabels, x.status, lang), field: 'status' },
          ]}
        />
      )}
      {waiting ? (
        <form method="post" action={`${base}/${enc(waiting.id)}/decision`} data-testid="write-off-decision">
          <Csrf session={session} />
          <label>
            {w.note[lang]}
            <input name="comment" maxlength={500} />
          </label>
          <button type="submit" name="approve" value="true">
            {w.approve[lang]}
          </button>
          <button type="submit" name="approve" value="false">
            {w.reject[lang]}
          </button>
        </form>
      ) : (
        <form method="post" action={base} data-testid="write-off">
          <Csrf session={session} />
          <label>
            {w.writeOffAmount[lang]}
            <input name="amount" required inputmode="decimal" pattern="\d+(\.\d{1,2})?" />
          </label>
          <label>
            {w.reason[lang]}
            <input name="reason" required maxlength={500} />
          </label>
          <label>
            {w.legalBasis[lang]}
            <input name="legalBasis" required maxlength={200} />
          </label>
          <button type="submit">{w.propose[lang]}</button>
        </form>
      )}
    </section>
  );
}

const flashOf = (done: string | undefined, lang: Lang): Flash | undefined => {
  const words: Record<string, string> = {
    repaid: w.repaid[lang],
    duplicate: w.duplicate[lang],
    agreed: w.agreed[lang],
    waived: w.waived[lang],
    proposed: w.proposed[lang],
    decided: w.decided[lang],
    chased: chaseWords.chased[lang],
  };
  return done && words[done] ? { kind: 'ok', text: words[done] } : undefined;
};

async function renderRecovery(c: WebContext, deps: WebDeps, session: Session, id: string, flash?: Flash) {
  const { t, lang } = c.var;
  const answer: ApiAnswer<Recovery> = await callerFor(deps, session)<Recovery>('GET', `/v1/overpayment-recoveries/${enc(id)}`);
  const shown = flash ?? flashOf(c.req.query('done'), lang);
  const month = new Date(deps.clock().getTime() + 8 * 3600_000).toISOString().slice(0, 7);
  const citizen = session.actor.role === 'citizen';
  return c.html(
    <Layout frame={frameOf(c)} title={`${w.recoveryTitle[lang]} ${id}`} current={citizen ? 'navPayments' : 'navRecoveries'}>
      {shown && <FlashNotice flash={shown} t={t} lang={lang} />}
      <Answered
        answer={answer}
        t={t}
        lang={lang}
        isEmpty={() => false}
        render={(r) => (
          <>
            <dl class="facts">
              <dt>{w.citizen[lang]}</dt>
              <dd data-testid="recovery-citizen">{r.citizenId}</dd>
              <dt>{w.cause[lang]}</dt>
              <dd>{wordOf(recoveryCauseLabels, r.cause, lang)}</dd>
              <dt>{w.amount[lang]}</dt>
              <dd data-testid="recovery-amount">{r.amount}</dd>
              <dt>{w.months[lang]}</dt>
              <dd data-testid="recovery-months">{r.months.join('、')}</dd>
              <dt>{w.status[lang]}</dt>
              <dd data-testid="recovery-status" data-status={r.status}>
                {wordOf(recoveryStatusLabels, r.status, lang)}
              </dd>
              <dt>{w.method[lang]}</dt>
              <dd>{wordOf(recoveryMethodLabels, r.method, lang)}</dd>
              {r.instalmentPlan && (
                <>
                  <dt>{w.plan[lang]}</dt>
                  <dd data-testid="recovery-plan">
                    {w.planText[lang].replace('{month}', r.instalmentPlan.firstMonth).replace('{amount}', r.instalmentPlan.monthlyAmount)}
                  </dd>
                </>
              )}
              <dt>{w.recovered[lang]}</dt>
              <dd data-testid="recovery-recovered">{r.recovered}</dd>
              <dt>{w.outstanding[lang]}</dt>
              <dd data-testid="recovery-outstanding">{r.outstanding}</dd>
              <dt>{w.pending[lang]}</dt>
              <dd>{r.withheldNotYetPaid}</dd>
              <dt>{w.openedAt[lang]}</dt>
              <dd>{shanghaiMinute(r.openedAt)}</dd>
              {r.closedAt && (
                <>
                  <dt>{w.closedAt[lang]}</dt>
                  <dd>{shanghaiMinute(r.closedAt)}</dd>
                </>
              )}
              {r.waiver && (
                <>
                  <dt>{w.waivedBy[lang]}</dt>
                  <dd>{r.waiver.by}</dd>
                  <dt>{w.reason[lang]}</dt>
                  <dd data-testid="waiver-reason">{r.waiver.reason}</dd>
                  <dt>{w.legalBasis[lang]}</dt>
                  <dd>{r.waiver.legalBasis}</dd>
                </>
              )}
            </dl>
            <section aria-labelledby="ledger">
              <h2 id="ledger">{w.ledger[lang]}</h2>
              <LedgerTable recovery={r} lang={lang} testId="recovery-ledger" />
            </section>
            {r.status === 'open' && COUNTER.has(session.actor.role) && <CounterForms r={r} session={session} lang={lang} month={month} />}
            <InstalmentFollowUp r={r} session={session} lang={lang} counter={COUNTER.has(session.actor.role)} />
          </>
        )}
      />
      <p>{citizen ? <a href="/web/payments">{w.toPayments[lang]}</a> : <a href="/web/recoveries">{w.back[lang]}</a>}</p>
    </Layout>,
    answer.ok ? 200 : answer.status === 404 ? 404 : 200,
  );
}

export const recoveryPages = (deps: WebDeps) =>
  new Hono<WebEnv>()
    .get('/recoveries', async (c) => {
      const session = sessionOrSignIn(c);
      if (session instanceof Response) return session;
      return renderList(c, deps, session);
    })
    .get('/recoveries/:id', async (c) => {
      const session = sessionOrSignIn(c);
      if (session instanceof Response) return session;
      return renderRecovery(c, deps, session, c.req.param('id'));
    })
    .post('/recoveries/:id/repayments', (c) =>
      postForm(c, deps, {
        path: 'repayments',
        body: (form) => ({ amount: field(form, 'amount'), ...optional(form, 'note') }),
        headers: (form) => ({ 'idempotency-key': field(form, 'key') }),
        done: (status) => (status === 201 ? 'repaid' : 'duplicate'),
      }),
    )
    .post('/recoveries/:id/instalment-plan', (c) =>
      postForm(c, deps, {
        path: 'instalment-plan',
        body: (form) => ({ monthlyAmount: field(form, 'monthlyAmount'), firstMonth: field(form, 'firstMonth') }),
        done: () => 'agreed',
      }),
    )
    .post('/recoveries/:id/waiver', (c) =>
      postForm(c, deps, {
        path: 'waiver',
        body: (form) => ({ reason: field(form, 'reason'), legalBasis: field(form, 'legalBasis'), ...optional(form, 'amount') }),
        done: () => 'waived',
      }),
    )
    .post('/recoveries/:id/write-offs', (c) =>
      postForm(c, deps, {
        path: 'write-offs',
        body: (form) => ({ amount: field(form, 'amount'), reason: field(form, 'reason'), legalBasis: field(form, 'legalBasis') }),
        done: () => 'proposed',
      }),
    )
    .post('/recoveries/:id/chase', (c) =>
      postForm(c, deps, {
        path: 'chase',
        body: (form) => ({ outcome: field(form, 'outcome'), note: field(form, 'note') }),
        done: () => 'chased',
      }),
    )
    .post('/recoveries/:id/write-offs/:writeOffId/decision', (c) =>
      postForm(c, deps, {
        path: `write-offs/${enc(c.req.param('writeOffId'))}/decision`,
        body: (form) => ({ approve: field(form, 'approve') === 'true', ...optional(form, 'comment') }),
        done: () => 'decided',
      }),
    );

type Form = Awaited<ReturnType<WebContext['req']['parseBody']>>;

/** A form field sent only when filled in (the API treats an absent field as "none"). */
const optional = (form: Form, name: string): Record<string, string> => {
  const value = field(form, name);
  return value ? { [name]: value } : {};
};

/**
 * One of the recovery page's forms, posted to the same command over the API: on a refusal the page again with the
 * problem, on success back to the recovery with what was done (post/redirect/get).
 */
async function postForm(
  c: WebContext,
  deps: WebDeps,
  action: { path: string; body: (form: Form) => Record<string, unknown>; headers?: (form: Form) => Record<string, string>; done: (status: number) => string },
): Promise<Response> {
  const session = sessionOrSignIn(c);
  if (session instanceof Response) return session;
  const id = c.req.param('id') ?? '';
  const form = await c.req.parseBody();
  const answer = await callerFor(deps, session)('POST', `/v1/overpayment-recoveries/${enc(id)}/${action.path}`, action.body(form), action.headers?.(form));
  if (!answer.ok) return renderRecovery(c, deps, session, id, { kind: 'error', problem: answer.problem });
  return c.redirect(`/web/recoveries/${enc(id)}?done=${action.done(answer.status)}`, 303);
}
