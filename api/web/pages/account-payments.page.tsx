// 个人账户支付: the personal medical account pays an outpatient visit or a designated pharmacy's sale (rules §5.6) —
// the person for their own account, or the counter of the region where the account is kept for them. The form posts
// to POST /v1/medical-account-spendings, the same command the API offers, with an Idempotency-Key made when the form
// is drawn: a form sent twice (a double click, a reload) pays once. A refusal comes back with the API's reason.
import { randomUUID } from 'node:crypto';
import { Hono } from 'hono';
import { SPENDING_KINDS } from '../../../domain/declarations/medical-account-spending.js';
import type { ApiAnswer } from '../api-client.js';
import { RefusalNotice } from '../components/notice-box.js';
import { Csrf, Layout } from '../layout.js';
import { callerFor, field, frameOf, sessionOrSignIn, type WebContext, type WebDeps } from '../page-context.js';
import type { Session, WebEnv } from '../web-env.js';

/** The parts of the API's MedicalAccountSpending answer the page shows. */
interface Paid {
  spendingId: string;
  citizenId: string;
  kind: string;
  amount: string;
  receiptNo: string;
  period: string;
  balanceAfter: string;
}

const words = {
  title: { zh: '个人账户支付', en: 'Medical account payment' },
  citizenId: { zh: '公民身份号码', en: 'Citizen ID' },
  kind: { zh: '支付类别', en: 'Kind' },
  amount: { zh: '支付金额（元）', en: 'Amount (yuan)' },
  receiptNo: { zh: '结算单 / 票据号', en: 'Settlement or receipt number' },
  spentOn: { zh: '就诊 / 购药日期（默认今天）', en: 'Day of the visit or sale (today if empty)' },
  pay: { zh: '从个人账户支付', en: 'Pay from the account' },
  paid: { zh: '已从个人账户支付', en: 'Paid from the account' },
  balanceAfter: { zh: '支付后余额', en: 'Balance after' },
  hint: {
    zh: '个人账户足额支付或不支付，余额不足的部分由本人另行支付；同一表单重复提交只支付一次。',
    en: 'The account pays the whole amount or nothing; the person pays a shortfall otherwise. The same form sent twice pays once.',
  },
  outpatient: { zh: '门诊', en: 'Outpatient visit' },
  pharmacy: { zh: '定点药店购药', en: 'Designated pharmacy' },
} as const;

type Values = Record<string, string>;

function renderPage(c: WebContext, session: Session, values: Values, answer?: ApiAnswer<Paid>) {
  const { t, lang } = c.var;
  const own = session.actor.role === 'citizen';
  const refused = answer && !answer.ok ? answer.problem : null;
  // A refused form keeps its key (nothing was written); a new form gets a new one.
  const key = refused && values.idempotencyKey ? values.idempotencyKey : randomUUID();
  return c.html(
    <Layout frame={frameOf(c)} title={words.title[lang]} current="navAccountPayments">
      {refused && (
        <>
          <RefusalNotice problem={refused} t={t} lang={lang} />
          {refused.errors && refused.errors.length > 0 && (
            <ul data-testid="spending-errors">
              {refused.errors.map((e) => (
                <li data-path={e.path}>
                  {e.path}: {e.message}
                </li>
              ))}
            </ul>
          )}
        </>
      )}
      {answer?.ok && (
        <section class="panel" aria-labelledby="paid" data-testid="spending-paid">
          <h2 id="paid">{words.paid[lang]}</h2>
          <dl class="facts">
            <dt>{words.citizenId[lang]}</dt>
            <dd>{answer.body.citizenId}</dd>
            <dt>{words.kind[lang]}</dt>
            <dd>{answer.body.kind === 'pharmacy' ? words.pharmacy[lang] : words.outpatient[lang]}</dd>
            <dt>{words.amount[lang]}</dt>
            <dd data-testid="spending-amount">{answer.body.amount}</dd>
            <dt>{words.receiptNo[lang]}</dt>
            <dd>{answer.body.receiptNo}</dd>
            <dt>{words.balanceAfter[lang]}</dt>
            <dd data-testid="spending-balance">{answer.body.balanceAfter}</dd>
          </dl>
        </section>
      )}
      <section aria-labelledby="pay">
        <h2 id="pay">{words.title[lang]}</h2>
        <p>{words.hint[lang]}</p>
        <form method="post" action="/web/medical-account-spendings" class="stack" data-testid="spending-form">
          <Csrf session={session} />
          <input type="hidden" name="idempotencyKey" value={key} />
          {own ? null : (
            <label>
              {words.citizenId[lang]}
              <input name="citizenId" required pattern="\d{17}[\dXx]" value={values.citizenId ?? ''} data-testid="citizenId" />
            </label>
          )}
          <label>
            {words.kind[lang]}
            <select name="kind" data-testid="kind">
              {SPENDING_KINDS.map((kind) => (
                <option value={kind} selected={kind === (values.kind ?? 'outpatient')}>
                  {words[kind][lang]}
                </option>
              ))}
            </select>
          </label>
          <label>
            {words.amount[lang]}
            <input name="amount" required inputmode="decimal" value={values.amount ?? ''} data-testid="amount" />
          </label>
          <label>
            {words.receiptNo[lang]}
            <input name="receiptNo" required maxlength={20} value={values.receiptNo ?? ''} data-testid="receiptNo" />
          </label>
          <label>
            {words.spentOn[lang]}
            <input name="spentOn" type="date" value={values.spentOn ?? ''} data-testid="spentOn" />
          </label>
          <button type="submit">{words.pay[lang]}</button>
        </form>
      </section>
    </Layout>,
    refused ? (refused.status === 404 ? 404 : refused.status === 422 ? 422 : refused.status === 403 ? 403 : 400) : 200,
  );
}

export const accountPaymentPages = (deps: WebDeps) =>
  new Hono<WebEnv>()
    .get('/medical-account-spendings', (c) => {
      const session = sessionOrSignIn(c);
      if (session instanceof Response) return session;
      return renderPage(c, session, {});
    })
    .post('/medical-account-spendings', async (c) => {
      const session = sessionOrSignIn(c);
      if (session instanceof Response) return session;
      const form = await c.req.parseBody();
      const values: Values = Object.fromEntries(
        ['citizenId', 'kind', 'amount', 'receiptNo', 'spentOn', 'idempotencyKey'].map((name) => [name, field(form, name)]),
      );
      const spentOn = values.spentOn;
      const answer = await callerFor(deps, session)<Paid>(
        'POST',
        '/v1/medical-account-spendings',
        {
          citizenId: session.actor.role === 'citizen' ? session.actor.id : (values.citizenId ?? '').toUpperCase(),
          kind: values.kind,
          amount: values.amount,
          receiptNo: values.receiptNo,
          ...(spentOn ? { spentOn } : {}),
        },
        { 'idempotency-key': values.idempotencyKey || randomUUID() },
      );
      return renderPage(c, session, answer.ok ? {} : values, answer);
    });
