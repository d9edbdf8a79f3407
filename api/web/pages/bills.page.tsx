// 账单: an employer's bills with what is owed on each as of a chosen day (GET /v1/bills), read-only as the API is.
// Staff of the region may look at one employer with ?employer=; the API decides who sees which account.
import { Hono } from 'hono';
import { shanghaiDateOf } from '../../../domain/calendar/local-date.js';
import { FilterBar } from '../components/filter-bar.js';
import { Answered, EmptyLine } from '../components/notice-box.js';
import { contributionWords as w } from '../contributions/contribution-labels.js';
import { PeriodTable, type OwedPeriod } from '../contributions/period-table.js';
import { Layout } from '../layout.js';
import { callerFor, frameOf, sessionOrSignIn, type WebDeps } from '../page-context.js';
import type { WebEnv } from '../web-env.js';

interface Bills {
  employerCreditCode: string;
  asOf: string;
  items: OwedPeriod[];
  principal: string;
  lateFee: string;
  total: string;
  credit: string;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const CREDIT_CODE = /^[0-9A-Z]{18}$/;

export const billPages = (deps: WebDeps) =>
  new Hono<WebEnv>().get('/bills', async (c) => {
    const session = sessionOrSignIn(c);
    if (session instanceof Response) return session;
    const { t, lang } = c.var;
    const asked = c.req.query('asOf') ?? '';
    const asOf = ISO_DATE.test(asked) ? asked : shanghaiDateOf(deps.clock().getTime());
    const employer = (c.req.query('employer') ?? '').toUpperCase();
    const query = new URLSearchParams({ asOf });
    if (CREDIT_CODE.test(employer)) query.set('employerCreditCode', employer);
    const bills = await callerFor(deps, session)<Bills>('GET', `/v1/bills?${query.toString()}`);
    return c.html(
      <Layout frame={frameOf(c)} title={w.billsTitle[lang]} current="navBills">
        <FilterBar action="/web/bills" t={t} submitLabel={w.show[lang]}>
          {session.actor.role !== 'employer' && (
            <label>
              {w.employer[lang]}
              <input name="employer" value={employer} pattern="[0-9A-Za-z]{18}" />
            </label>
          )}
          <label>
            {w.asOf[lang]}
            <input name="asOf" type="date" value={asOf} />
          </label>
        </FilterBar>
        <Answered
          answer={bills}
          t={t}
          lang={lang}
          isEmpty={() => false}
          render={(body) => (
            <section aria-labelledby="bills">
              <h2 id="bills">
                {body.employerCreditCode} · {w.asOf[lang]} {body.asOf}
              </h2>
              {body.items.length === 0 ? <EmptyLine text={w.noBills[lang]} /> : <PeriodTable periods={body.items} lang={lang} testId="bills" />}
              <dl class="facts">
                <dt>{w.principal[lang]}</dt>
                <dd>{body.principal}</dd>
                <dt>{w.lateFee[lang]}</dt>
                <dd>{body.lateFee}</dd>
                <dt>{w.owed[lang]}</dt>
                <dd data-testid="bills-total">{body.total}</dd>
                <dt>{w.credit[lang]}</dt>
                <dd>{body.credit}</dd>
              </dl>
              <p>{w.lateFeeRule[lang]}</p>
            </section>
          )}
        />
      </Layout>,
      bills.ok ? 200 : bills.status === 404 ? 404 : 200,
    );
  });
