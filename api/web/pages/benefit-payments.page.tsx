// 我的待遇发放: the signed-in citizen's own benefit payments (GET /v1/benefit-payments), paid, failed or held, with a
// hold explained in plain words (payroll-labels.ts) and the account masked as the API sends it. The API answers only
// the caller's own lines; staff get its refusal here and follow lines on the payroll page.
import { Hono } from 'hono';
import type { presentOwnPayment } from '../../presenters/payroll.presenter.js';
import { DataTable } from '../components/data-table.js';
import { Answered } from '../components/notice-box.js';
import { Layout } from '../layout.js';
import { callerFor, frameOf, sessionOrSignIn, type WebDeps } from '../page-context.js';
import type { WebEnv } from '../web-env.js';
import { benefitLabels, holdCodeLabels, lineKindLabels, payrollStatusLabels, payrollWords as w, wordOf } from './payroll-labels.js';

/** A line as the API answers it (the presenter's shape, declared once). */
type OwnPayment = ReturnType<typeof presentOwnPayment>;

/** The line's state as the citizen reads it; a held line is "held" until someone decides it. */
const stateOf = (p: OwnPayment) => (p.holds.length > 0 && p.status === 'due' ? 'held' : p.status);

export const benefitPaymentPages = (deps: WebDeps) =>
  new Hono<WebEnv>().get('/payments', async (c) => {
    const session = sessionOrSignIn(c);
    if (session instanceof Response) return session;
    const { t, lang } = c.var;
    const answer = await callerFor(deps, session)<{ items: OwnPayment[] }>('GET', '/v1/benefit-payments');
    return c.html(
      <Layout frame={frameOf(c)} title={w.paymentsTitle[lang]} current="navPayments">
        <Answered
          answer={answer}
          t={t}
          lang={lang}
          empty={w.noPayments[lang]}
          render={(body) => (
            <DataTable
              testId="payments"
              rows={body.items}
              rowAttributes={(p) => ({ 'data-period': p.period, 'data-status': stateOf(p) })}
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
                { header: w.paidOn[lang], cell: (p) => p.payroll },
              ]}
            />
          )}
        />
      </Layout>,
    );
  });
