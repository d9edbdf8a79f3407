// 审计: read-only search of the audit log of the caller's region (GET /v1/audit-entries). Nothing on this page
// changes anything; case search is on 案件.
import { Hono } from 'hono';
import { caseWords, knownActions } from '../case-types/case-type-labels.js';
import { recordLines } from '../case-types/record-fields.js';
import { DataTable, NextPage, type Column } from '../components/data-table.js';
import { FilterBar } from '../components/filter-bar.js';
import { Answered } from '../components/notice-box.js';
import { actorLabels, labelOf, objectTypeLabels, roleLabels } from '../i18n/enum-labels.js';
import { Layout } from '../layout.js';
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
    const { t, lang } = c.var;
    const words = caseWords(lang);
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
    const columns: Column<AuditItem>[] = [
      { header: t('at'), cell: (item) => shanghaiMinute(item.at) },
      {
        header: t('actor'),
        cell: (item) => `${labelOf(actorLabels, item.actorId, lang)} (${labelOf({ ...roleLabels, ...actorLabels }, item.actorRole, lang)})`,
      },
      { header: t('action'), cell: (item) => <span title={item.action}>{words.action(item.action)}</span> },
      { header: t('object'), cell: (item) => `${labelOf(objectTypeLabels, item.objectType, lang)} ${item.objectId}` },
      {
        header: t('detail'),
        // Readable lines, and the record exactly as written for the auditor who needs the evidence itself.
        cell: (item) => (
          <>
            {recordLines(item.detail, lang, (status) => status)
              .map(([label, value]) => (lang === 'zh' ? `${label}：${value}` : `${label}: ${value}`))
              .join(lang === 'zh' ? '；' : '; ')}
            <details>
              <summary>{t('rawRecord')}</summary>
              <code>{JSON.stringify(item.detail)}</code>
            </details>
          </>
        ),
      },
    ];
    return c.html(
      <Layout frame={frameOf(c)} title={t('auditTitle')} current="navAudit">
        <p>
          <a href="/web/audit/chain" data-testid="verify-audit-chain">
            {t('verifyAuditChain')}
          </a>
        </p>
        <FilterBar action="/web/audit" t={t}>
          {FILTERS.map((name) => (
            <label>
              {labels[name]}
              <input
                name={name}
                value={values[name]}
                type={name === 'from' || name === 'to' ? 'date' : 'text'}
                maxlength={64}
                list={name === 'action' ? 'audit-actions' : undefined}
              />
            </label>
          ))}
          <datalist id="audit-actions">
            {knownActions.map((action) => (
              <option value={action}>{words.action(action)}</option>
            ))}
          </datalist>
        </FilterBar>
        <Answered answer={page} t={t} lang={lang} render={(body) => <DataTable testId="audit-log" columns={columns} rows={body.items} />} />
        <NextPage href={next ? `/web/audit?${next.toString()}` : null} t={t} />
      </Layout>,
    );
  });
