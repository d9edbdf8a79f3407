// 通知: the notices sent to the signed-in citizen or employer (GET /v1/notices), newest first, each with its case and
// what it says. Staff receive none; the API says so and the page shows its reason.
import { Hono } from 'hono';
import { caseWords } from '../case-types/case-type-labels.js';
import { noticeCaseType, noticeKindLabel, noticeLines } from '../case-types/notice-labels.js';
import { NextPage } from '../components/data-table.js';
import { Answered } from '../components/notice-box.js';
import { Layout } from '../layout.js';
import { callerFor, frameOf, sessionOrSignIn, type WebDeps } from '../page-context.js';
import { shanghaiMinute } from '../time-display.js';
import type { WebEnv } from '../web-env.js';

interface NoticeItem {
  id: string;
  caseId: string;
  kind: string;
  createdAt: string;
  payload: Record<string, unknown>;
}

// The reference is the card's link already.
const withoutReference = (payload: Record<string, unknown>) => Object.fromEntries(Object.entries(payload).filter(([key]) => key !== 'reference'));

export const noticePages = (deps: WebDeps) =>
  new Hono<WebEnv>().get('/notices', async (c) => {
    const session = sessionOrSignIn(c);
    if (session instanceof Response) return session;
    const { t, lang } = c.var;
    const words = caseWords(lang);
    const cursor = c.req.query('cursor') ?? '';
    const query = new URLSearchParams({ limit: '30' });
    if (cursor) query.set('cursor', cursor);
    const page = await callerFor(deps, session)<{ items: NoticeItem[]; nextCursor: string | null }>('GET', `/v1/notices?${query.toString()}`);
    return c.html(
      <Layout frame={frameOf(c)} title={t('notices')} current="navNotices">
        <Answered
          answer={page}
          t={t}
          lang={lang}
          render={(body) => (
            <ul class="cards" data-testid="notice-list">
              {body.items.map((item) => {
                const type = noticeCaseType(item.kind);
                const reference = typeof item.payload.reference === 'string' ? item.payload.reference : item.caseId;
                return (
                  <li class="card" data-kind={item.kind} data-reference={reference}>
                    <strong>{noticeKindLabel(item.kind, lang)}</strong> <time datetime={item.createdAt}>{shanghaiMinute(item.createdAt)}</time>
                    <p>
                      {words.type(type)} <a href={`/web/cases/${encodeURIComponent(reference)}`}>{reference}</a>
                    </p>
                    <dl class="facts">
                      {noticeLines(withoutReference(item.payload), lang, type).map(([label, value]) => (
                        <>
                          <dt>{label}</dt>
                          <dd>{value}</dd>
                        </>
                      ))}
                    </dl>
                  </li>
                );
              })}
            </ul>
          )}
        />
        <NextPage href={page.ok && page.body.nextCursor ? `/web/notices?cursor=${encodeURIComponent(page.body.nextCursor)}` : null} t={t} />
      </Layout>,
    );
  });
