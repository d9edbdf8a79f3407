// 欠费: the arrears cases an employer (or staff of the region) may see, each with its statement as of a chosen day —
// principal, late fee with the days counted, fine and total (GET /v1/arrears-cases/{id}?asOf=, 社会保险法 art. 86).
// Read-only here; decisions on a case are tasks on its case page.
import { Hono } from 'hono';
import { shanghaiDateOf } from '../../../domain/calendar/local-date.js';
import type { ApiAnswer } from '../api-client.js';
import { caseWords } from '../case-types/case-type-labels.js';
import { contributionWords as w } from '../contributions/contribution-labels.js';
import { FilterBar } from '../components/filter-bar.js';
import { Answered } from '../components/notice-box.js';
import { PeriodTable, type OwedPeriod } from '../contributions/period-table.js';
import { Layout } from '../layout.js';
import { callerFor, frameOf, sessionOrSignIn, type WebDeps } from '../page-context.js';
import type { WebEnv } from '../web-env.js';

interface Statement {
  caseId: string;
  reference: string;
  status: string;
  employerCreditCode: string;
  asOf: string;
  periods: OwedPeriod[];
  principal: string;
  lateFee: string;
  fine: string;
  total: string;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
// Each case costs one statement call; a page of the most recent ones is what an employer or a desk reads at once.
const CASES_SHOWN = 20;

export const arrearsPages = (deps: WebDeps) =>
  new Hono<WebEnv>().get('/arrears', async (c) => {
    const session = sessionOrSignIn(c);
    if (session instanceof Response) return session;
    const { t, lang } = c.var;
    const words = caseWords(lang);
    const asked = c.req.query('asOf') ?? '';
    const asOf = ISO_DATE.test(asked) ? asked : shanghaiDateOf(deps.clock().getTime());
    const call = callerFor(deps, session);
    const cases = await call<{ items: { caseId: string }[] }>('GET', `/v1/cases?type=arrears&limit=${CASES_SHOWN}`);
    const statements: ApiAnswer<Statement>[] = cases.ok
      ? await Promise.all(cases.body.items.map((item) => call<Statement>('GET', `/v1/arrears-cases/${encodeURIComponent(item.caseId)}?asOf=${asOf}`)))
      : [];
    return c.html(
      <Layout frame={frameOf(c)} title={w.arrearsTitle[lang]} current="navArrears">
        <FilterBar action="/web/arrears" t={t} submitLabel={w.show[lang]}>
          <label>
            {w.asOf[lang]}
            <input name="asOf" type="date" value={asOf} />
          </label>
        </FilterBar>
        {/* The case list itself only says why nothing is shown; each case's statement follows. */}
        <Answered answer={cases} t={t} lang={lang} empty={w.noArrears[lang]} render={() => null} />
        {statements.map((answer) => (
          <Answered
            answer={answer}
            t={t}
            lang={lang}
            isEmpty={() => false}
            render={(statement) => (
              <section aria-labelledby={`arrears-${statement.caseId}`} data-testid="arrears-case" data-reference={statement.reference}>
                <h2 id={`arrears-${statement.caseId}`}>
                  <a href={`/web/cases/${statement.reference}`}>{statement.reference}</a> · {statement.employerCreditCode}
                </h2>
                <p>
                  {w.caseStatus[lang]}: {words.status('arrears', statement.status)} · {w.asOf[lang]} {statement.asOf}
                </p>
                <PeriodTable periods={statement.periods} lang={lang} testId="arrears-periods" />
                <dl class="facts">
                  <dt>{w.principal[lang]}</dt>
                  <dd data-field="principal">{statement.principal}</dd>
                  <dt>{w.lateFee[lang]}</dt>
                  <dd data-field="lateFee">{statement.lateFee}</dd>
                  <dt>{w.fine[lang]}</dt>
                  <dd data-field="fine">{statement.fine}</dd>
                  <dt>{w.owed[lang]}</dt>
                  <dd data-field="total">{statement.total}</dd>
                </dl>
              </section>
            )}
          />
        ))}
        <p>{w.lateFeeRule[lang]}</p>
      </Layout>,
    );
  });
