// 办理: the filing forms of the case types the caller's role may file (参保登记, 信访 …), from the registry in
// case-types/filings.tsx. A submission goes to the type's JSON route; a refusal re-renders the form with the reason;
// a post the type calls a redraw (an "add a row" button) re-renders it with what was typed and sends nothing.
import { Hono } from 'hono';
import type { ApiCall } from '../api-client.js';
import { filingFor, filings, type CaseTypeFiling } from '../case-types/filings.js';
import { FlashNotice, type Flash } from '../components/notice-box.js';
import { Csrf, Layout } from '../layout.js';
import { callerFor, frameOf, sessionOrSignIn, type WebContext, type WebDeps } from '../page-context.js';
import type { Session, WebEnv } from '../web-env.js';

const FALLBACK_REGIONS = [{ code: '330102', name: '' }];

async function regionsOf(call: ApiCall): Promise<{ code: string; name: string }[]> {
  const answer = await call<{ items: { code: string; name: string }[] }>('GET', '/v1/regions');
  return answer.ok && answer.body.items.length > 0 ? answer.body.items : FALLBACK_REGIONS;
}

async function renderForm(
  c: WebContext,
  deps: WebDeps,
  session: Session,
  filing: CaseTypeFiling,
  values: Record<string, string>,
  flash?: Flash,
  status: 200 | 400 | 404 = 200,
) {
  const { t, lang } = c.var;
  const regions = await regionsOf(callerFor(deps, session));
  return c.html(
    <Layout frame={frameOf(c)} title={filing.title[lang]} current="navFile">
      {flash && <FlashNotice flash={flash} t={t} lang={lang} />}
      <form method="post" action={`/web/file/${filing.type}`} enctype="multipart/form-data" class="stack" data-testid={`file-${filing.type}`}>
        <Csrf session={session} />
        <filing.Form t={t} lang={lang} session={session} values={values} regions={regions} />
        <button type="submit">{t('file')}</button>
      </form>
    </Layout>,
    status,
  );
}

export const filePages = (deps: WebDeps) =>
  new Hono<WebEnv>()
    .get('/file', (c) => {
      const session = sessionOrSignIn(c);
      if (session instanceof Response) return session;
      const { t, lang } = c.var;
      const offered = filings.filter((filing) => filing.roles.includes(session.actor.role));
      return c.html(
        <Layout frame={frameOf(c)} title={t('navFile')} current="navFile">
          {offered.length === 0 ? (
            <p>{t('cannotFile')}</p>
          ) : (
            <ul class="cards">
              {offered.map((filing) => (
                <li class="card">
                  <a href={`/web/file/${filing.type}`}>{filing.title[lang]}</a>
                </li>
              ))}
            </ul>
          )}
        </Layout>,
      );
    })
    .get('/file/:type', (c) => {
      const session = sessionOrSignIn(c);
      if (session instanceof Response) return session;
      const filing = filingFor(c.req.param('type'));
      if (!filing) return c.notFound();
      return renderForm(c, deps, session, filing, {});
    })
    .post('/file/:type', async (c) => {
      const session = sessionOrSignIn(c);
      if (session instanceof Response) return session;
      const filing = filingFor(c.req.param('type'));
      if (!filing) return c.notFound();
      const form = await c.req.parseBody({ all: true });
      const values = Object.fromEntries(
        Object.entries(form).map(([key, value]) => [
          key,
          Array.isArray(value) ? value.filter((v) => typeof v === 'string').join(',') : typeof value === 'string' ? value : '',
        ]),
      );
      if (filing.isRedraw?.(form)) return renderForm(c, deps, session, filing, values);
      const answer = await filing.submit(form, callerFor(deps, session), session.actor);
      if (answer.ok) return c.redirect(`/web/cases/${answer.body.reference}?done=filed`, 303);
      // The route of a case type that has not landed yet answers "No route": say the service is not open.
      const missing = answer.status === 404 && answer.problem.code === 'NOT_FOUND';
      return renderForm(
        c,
        deps,
        session,
        filing,
        values,
        missing ? { kind: 'error', text: c.var.t('notYetAvailable') } : { kind: 'error', problem: answer.problem },
        400,
      );
    });
