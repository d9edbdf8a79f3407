// 审计: read-only search of the audit log of the caller's region (GET /v1/audit-entries). Nothing on this page
// changes anything; case search is on 案件.
import { Hono } from 'hono';
import { describeProblem } from '../api-client.js';
import { Layout, Notice } from '../layout.js';
import { callerFor, frameOf, sessionOrSignIn, type WebDeps } from '../page-context.js';
import { shanghaiMinute } from '../time-display.js';
import type { WebEnv } from '../web-env.js';

interface AuditItem {
  id: number;
  at: string;
  actorId: string;
  actorRole: string;
  action: string;
  objectType: string;
  objectId: string;
  detail: Record<string, unknown>;
}

const FILTERS = ['actorId', 'action', 'objectId', 'from', 'to'] as const;

export const auditPages = (deps: WebDeps) =>
  new Hono<WebEnv>().get('/audit', async (c) => {
    const session = sessionOrSignIn(c);
    if (session instanceof Response) return session;
    const { t } = c.var;
    const query = new URLSearchParams({ limit: '50' });
    const values: Record<string, string> = {};
    for (const name of [...FILTERS, 'cursor'] as const) {
      const value = (c.req.query(name) ?? '').trim();
      values[name] = value;
      if (value) query.set(name, value);
    }
    const page = await callerFor(deps, session)<{ items: AuditItem[]; nextCursor: string | null }>('GET', `/v1/audit-entries?${query.toString()}`);
    const labels: Record<(typeof FILTERS)[number], string> = {
      actorId: t('actor'),
      action: t('action'),
      objectId: t('object'),
      from: `${t('at')} ≥`,
      to: `${t('at')} ≤`,
    };
    const next = page.ok && page.body.nextCursor ? new URLSearchParams({ ...values, cursor: page.body.nextCursor }) : null;
    return c.html(
      <Layout frame={frameOf(c)} title={t('auditTitle')} current="navAudit">
        <form method="get" action="/web/audit" class="filters">
          {FILTERS.map((name) => (
            <label>
              {labels[name]}
              <input name={name} value={values[name]} type={name === 'from' || name === 'to' ? 'date' : 'text'} maxlength={64} />
            </label>
          ))}
          <button type="submit">{t('filter')}</button>
        </form>
        {!page.ok ? (
          <Notice kind="error" title={t('refused')} text={describeProblem(page.problem)} />
        ) : page.body.items.length === 0 ? (
          <p>{t('noItems')}</p>
        ) : (
          <div class="table-wrap">
            <table data-testid="audit-log">
              <thead>
                <tr>
                  <th scope="col">{t('at')}</th>
                  <th scope="col">{t('actor')}</th>
                  <th scope="col">{t('action')}</th>
                  <th scope="col">{t('object')}</th>
                  <th scope="col">detail</th>
                </tr>
              </thead>
              <tbody>
                {page.body.items.map((item) => (
                  <tr>
                    <td>{shanghaiMinute(item.at)}</td>
                    <td>
                      {item.actorId} ({item.actorRole})
                    </td>
                    <td>{item.action}</td>
                    <td>
                      {item.objectType} {item.objectId}
                    </td>
                    <td>
                      <code>{JSON.stringify(item.detail)}</code>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {next && (
          <p>
            <a href={`/web/audit?${next.toString()}`}>{t('nextPage')}</a>
          </p>
        )}
      </Layout>,
    );
  });
