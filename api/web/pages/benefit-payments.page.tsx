// 我的待遇发放: the signed-in citizen's own benefit payments (GET /v1/benefit-payments), paid, failed or held, with a
// hold explained in plain words (payroll-labels.ts) and the account masked as the API sends it. The API answers only
// the caller's own lines; staff get its refusal here and follow lines on the payroll page. Above them, the citizen's
// eligibility verification (待遇资格认证, GET /v1/persons/{me}/verification): when the next one is due, any suspension,
// and the self-service check-in button (POST /v1/persons/{me}/verifications). Below them, any overpayment the citizen
// must repay (待遇多发追回, GET /v1/overpayment-recoveries answers their own): the amount, the months, what was withheld
// from which payment or repaid, and what is outstanding; each opens its recovery page (recoveries.page.tsx).
import { Hono } from 'hono';
import type { presentOwnPayment } from '../../presenters/payroll.presenter.js';
import type { presentVerification } from '../../presenters/verification.presenter.js';
import { DataTable } from '../components/data-table.js';
import { Answered, FlashNotice, type Flash } from '../components/notice-box.js';
import { Csrf, Layout } from '../layout.js';
import { callerFor, frameOf, sessionOrSignIn, type WebContext, type WebDeps } from '../page-context.js';
import type { Session, WebEnv } from '../web-env.js';
import { LedgerTable, type Recovery } from './recoveries.page.js';
import { recoveryStatusLabels, recoveryWords as rw } from './recovery-labels.js';
import { benefitLabels, holdCodeLabels, lineKindLabels, payrollStatusLabels, payrollWords as w, verificationStatusLabels, wordOf } from './payroll-labels.js';

/** A line as the API answers it (the presenter's shape, declared once). */
type OwnPayment = ReturnType<typeof presentOwnPayment>;
type Verification = ReturnType<typeof presentVerification>;

/** The line's state as the citizen reads it; a held line is "held" until someone decides it. */
const stateOf = (p: OwnPayment) => (p.holds.length > 0 && p.status === 'due' ? 'held' : p.status);

function VerificationPanel(props: { v: Verification; session: Session; lang: 'zh' | 'en' }) {
  const { v, lang } = props;
  const open = v.suspensions.filter((s) => s.resumedIn === null);
  return (
    <section data-testid="verification" data-status={v.status}>
      <h2>{w.verificationTitle[lang]}</h2>
      <p data-testid="verification-status">{wordOf(verificationStatusLabels, v.status, lang)}</p>
      {v.status !== 'none' && (
        <dl>
          <dt>{w.verifiedOn[lang]}</dt>
          <dd data-testid="verified-on">{v.lastVerifiedOn}</dd>
          <dt>{w.verificationDue[lang]}</dt>
          <dd data-testid="verification-due">{v.dueOn}</dd>
          <dt>{w.suspendFrom[lang]}</dt>
          <dd>{v.suspendFrom}</dd>
        </dl>
      )}
      {open.map((s) => (
        <p data-testid="suspension">{`${wordOf(benefitLabels, s.benefit, lang)}: ${w.suspendedSince[lang].replace('{month}', s.fromMonth)}`}</p>
      ))}
      {v.status !== 'none' && (
        <form method="post" action="/web/payments/verification" data-testid="check-in">
          <Csrf session={props.session} />
          <button type="submit">{w.checkIn[lang]}</button>
        </form>
      )}
    </section>
  );
}

/** The citizen's own recoveries, each with its ledger: what was withheld from which payment, and what is still owed. */
function OwnRecoveries(props: { items: Recovery[]; lang: 'zh' | 'en' }) {
  const { lang } = props;
  return (
    <section aria-labelledby="my-recoveries" data-testid="my-recoveries">
      <h2 id="my-recoveries">{rw.mineTitle[lang]}</h2>
      <p>{rw.mineIntro[lang]}</p>
      {props.items.map((r) => (
        <article data-testid="my-recovery" data-recovery={r.id} data-status={r.status}>
          <dl class="facts">
            <dt>{rw.amount[lang]}</dt>
            <dd data-field="amount">{r.amount}</dd>
            <dt>{rw.months[lang]}</dt>
            <dd data-field="months">{r.months.join('、')}</dd>
            <dt>{rw.recovered[lang]}</dt>
            <dd data-field="recovered">{r.recovered}</dd>
            <dt>{rw.outstanding[lang]}</dt>
            <dd data-field="outstanding">{r.outstanding}</dd>
            <dt>{rw.status[lang]}</dt>
            <dd data-field="status">{wordOf(recoveryStatusLabels, r.status, lang)}</dd>
          </dl>
          <LedgerTable recovery={r} lang={lang} testId="my-recovery-ledger" />
          <p>
            <a href={`/web/recoveries/${encodeURIComponent(r.id)}`}>{rw.open[lang]}</a>
          </p>
        </article>
      ))}
    </section>
  );
}

async function renderPayments(c: WebContext, deps: WebDeps, session: Session, flash?: Flash) {
  const { t, lang } = c.var;
  const call = callerFor(deps, session);
  const citizen = session.actor.role === 'citizen';
  const [answer, verification, recoveries] = await Promise.all([
    call<{ items: OwnPayment[] }>('GET', '/v1/benefit-payments'),
    citizen ? call<Verification>('GET', `/v1/persons/${encodeURIComponent(session.actor.id)}/verification`) : null,
    citizen ? call<{ items: Recovery[] }>('GET', '/v1/overpayment-recoveries?limit=50') : null,
  ]);
  return c.html(
    <Layout frame={frameOf(c)} title={w.paymentsTitle[lang]} current="navPayments">
      {flash && <FlashNotice flash={flash} t={t} lang={lang} />}
      {verification?.ok && <VerificationPanel v={verification.body} session={session} lang={lang} />}
      {recoveries?.ok && recoveries.body.items.length > 0 && <OwnRecoveries items={recoveries.body.items} lang={lang} />}
      <Answered
        answer={answer}
        t={t}
        lang={lang}
        empty={w.noPayments[lang]}
        render={(body) => (
          <DataTable
            testId="payments"
            rows={body.items}
            rowAttributes={(p) => ({ 'data-period': p.period, 'data-status': stateOf(p), 'data-kind': p.kind })}
            columns={[
              { header: w.period[lang], cell: (p) => p.period },
              { header: w.benefit[lang], cell: (p) => `${wordOf(benefitLabels, p.benefit, lang)} · ${wordOf(lineKindLabels, p.kind, lang)}` },
              { header: w.amount[lang], cell: (p) => p.amount, field: 'amount' },
              { header: w.status[lang], cell: (p) => wordOf(payrollStatusLabels, stateOf(p), lang), field: 'status' },
              { header: w.account[lang], cell: (p) => (p.bankAccount ? `${p.bankCode ?? ''} ${p.bankAccount}` : '—'), field: 'account' },
              {
                header: w.holdExplained[lang],
                field: 'why',
                cell: (p) =>
                  p.holds.length > 0
                    ? p.holds.map((h) => wordOf(holdCodeLabels, h.code, lang)).join('；')
                    : p.bankReason
                      ? `${p.bankReason.code}${p.bankReason.text ? ` ${p.bankReason.text}` : ''}`
                      : '',
              },
              // A back-pay line says how its amount came about (the months a suspension held back).
              { header: w.workings[lang], field: 'workings', cell: (p) => (p.workings ?? []).join('；') },
              { header: w.paidOn[lang], cell: (p) => p.payroll },
            ]}
          />
        )}
      />
    </Layout>,
  );
}

export const benefitPaymentPages = (deps: WebDeps) =>
  new Hono<WebEnv>()
    .get('/payments', async (c) => {
      const session = sessionOrSignIn(c);
      if (session instanceof Response) return session;
      return renderPayments(c, deps, session);
    })
    .post('/payments/verification', async (c) => {
      const session = sessionOrSignIn(c);
      if (session instanceof Response) return session;
      const { lang } = c.var;
      const answer = await callerFor(deps, session)<Verification>('POST', `/v1/persons/${encodeURIComponent(session.actor.id)}/verifications`);
      if (!answer.ok) return renderPayments(c, deps, session, { kind: 'error', problem: answer.problem });
      return renderPayments(c, deps, session, { kind: 'ok', text: answer.status === 201 ? w.checkedIn[lang] : w.alreadyCheckedIn[lang] });
    });
