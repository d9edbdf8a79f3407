// 案件 (staff search, read-only for auditors) and 我的案件 (a citizen's or employer's own cases): the same list, scoped
// by the API to what the caller may see, with status and the time left on the nearest deadline.
import { Hono } from 'hono';
import { caseWords } from '../case-types/case-type-labels.js';
import { NextPage } from '../components/data-table.js';
import { ProvisionalBadge } from '../components/due-date.js';
import { CaseTypeSelect, FilterBar, StatusSelect } from '../components/filter-bar.js';
import { Answered } from '../components/notice-box.js';
import { Layout } from '../layout.js';
import { callerFor, frameOf, sessionOrSignIn, type WebDeps } from '../page-context.js';
import { shanghaiMinute, timeLeft } from '../time-display.js';
import type { WebEnv } from '../web-env.js';

interface CaseSummary {
  caseId: string;
  reference: string;
  type: string;
  status: string;
  region: string;
  subject: { citizenId: string | null; name: string | null; employerCreditCode: string | null };
  openedAt: string;
  closedAt: string | null;
  deadlines: { name: string; dueDate: string; provisional?: boolean }[];
}

export const casesPages = (deps: WebDeps) =>
  new Hono<WebEnv>().get('/cases', async (c) => {
    const session = sessionOrSignIn(c);
    if (session instanceof Response) return session;
    const { t, lang } = c.var;
    const words = caseWords(lang);
    const publicUser = session.actor.role === 'citizen' || session.actor.role === 'employer';
    const type = c.req.query('type') ?? '';
    const status = c.req.query('status') ?? '';
    const overdue = c.req.query('overdue') === 'true';
    const cursor = c.req.query('cursor') ?? '';
    const query = new URLSearchParams({ limit: '50' });
    if (type) query.set('type', type);
    if (status) query.set('status', status);
    if (overdue) query.set('overdue', 'true');
    if (cursor) query.set('cursor', cursor);
    const page = await callerFor(deps, session)<{ items: CaseSummary[]; nextCursor: string | null }>('GET', `/v1/cases?${query.toString()}`);
    const now = deps.clock();
    const next =
      page.ok && page.body.nextCursor ? new URLSearchParams({ type, status, ...(overdue ? { overdue: 'true' } : {}), cursor: page.body.nextCursor }) : null;
    return c.html(
      <Layout frame={frameOf(c)} title={publicUser ? t('navMyCases') : t('searchCases')} current={publicUser ? 'navMyCases' : 'navCases'}>
        <FilterBar action="/web/cases" t={t}>
          <CaseTypeSelect name="type" value={type} t={t} lang={lang} />
          <StatusSelect name="status" value={status} t={t} lang={lang} />
          {!publicUser && (
            <label class="check">
              <input type="checkbox" name="overdue" value="true" checked={overdue} /> {t('overdue')}
            </label>
          )}
        </FilterBar>
        <Answered
          answer={page}
          t={t}
          lang={lang}
          render={(body) => (
            <ul class="cards" data-testid="case-list">
              {body.items.map((item) => {
                const nearest = [...item.deadlines].sort((a, b) => a.dueDate.localeCompare(b.dueDate))[0];
                const left = nearest && item.closedAt === null ? timeLeft(nearest.dueDate, now, t) : null;
                return (
                  <li class="card">
                    <a href={`/web/cases/${item.reference}`}>
                      <strong>{words.type(item.type)}</strong> {item.reference}
                    </a>
                    <span class="badge">{words.status(item.type, item.status)}</span>
                    <div>
                      {item.subject.name ?? ''} {item.subject.citizenId ?? ''} · {t('openedAt')} {shanghaiMinute(item.openedAt)}
                    </div>
                    {nearest && left && (
                      <div class={left.late ? 'late' : undefined}>
                        {words.deadline(item.type, nearest.name)}: {left.text} <ProvisionalBadge provisional={nearest.provisional} t={t} />
                      </div>
                    )}
                  </li>
                );
              })}
            </ul>
          )}
        />
        <NextPage href={next ? `/web/cases?${next.toString()}` : null} t={t} />
      </Layout>,
    );
  });
