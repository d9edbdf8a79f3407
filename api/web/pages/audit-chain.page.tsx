// 审计链校验: the auditor's check that nobody edited the audit log behind the application's back (GET
// /v1/audit-entries/verification). One row per region the caller audits; a broken chain names its first broken link —
// the entry, its place in the chain, when it was written and what no longer holds. Read-only.
import { Hono } from 'hono';
import { DataTable, type Column } from '../components/data-table.js';
import { Answered, Notice } from '../components/notice-box.js';
import { Layout } from '../layout.js';
import { callerFor, frameOf, sessionOrSignIn, type WebDeps } from '../page-context.js';
import { shanghaiMinute } from '../time-display.js';
import type { WebEnv } from '../web-env.js';

interface ChainVerdict {
  chain: string;
  checked: number;
  intact: boolean;
  lastGoodSeq: number;
  firstBroken: { entryId: number; chainSeq: number; at: string; reason: 'hash' | 'link' | 'gap'; explanation: string } | null;
}

export const auditChainPages = (deps: WebDeps) =>
  new Hono<WebEnv>().get('/audit/chain', async (c) => {
    const session = sessionOrSignIn(c);
    if (session instanceof Response) return session;
    const { t, lang } = c.var;
    const answer = await callerFor(deps, session)<{ verifiedAt: string; anchored: boolean; chains: ChainVerdict[] }>('GET', '/v1/audit-entries/verification');
    const columns: Column<ChainVerdict>[] = [
      { header: t('chainRegion'), cell: (v) => v.chain, field: 'chain' },
      { header: t('chainChecked'), cell: (v) => String(v.checked), field: 'checked' },
      { header: t('result'), cell: (v) => (v.intact ? t('chainIntact') : <strong>{t('chainBroken')}</strong>), field: 'verdict' },
      {
        header: t('chainFirstBroken'),
        field: 'first-broken',
        cell: (v) =>
          v.firstBroken === null ? (
            '—'
          ) : (
            <span data-entry-id={String(v.firstBroken.entryId)}>
              #{v.firstBroken.chainSeq} (id {v.firstBroken.entryId}, {shanghaiMinute(v.firstBroken.at)}) — {t(`chainReason.${v.firstBroken.reason}`)}:{' '}
              {v.firstBroken.explanation}
            </span>
          ),
      },
    ];
    return c.html(
      <Layout frame={frameOf(c)} title={t('auditChainTitle')} current="navAudit">
        <p>{t('auditChainHint')}</p>
        <Answered
          answer={answer}
          t={t}
          lang={lang}
          isEmpty={(body) => body.chains.length === 0}
          render={(body) => (
            <>
              {body.chains.every((v) => v.intact) ? <Notice kind="ok" text={t('chainAllIntact')} /> : <Notice kind="error" text={t('chainSomeBroken')} />}
              <DataTable
                testId="audit-chains"
                columns={columns}
                rows={body.chains}
                rowAttributes={(v) => ({ 'data-chain': v.chain, 'data-intact': String(v.intact) })}
              />
              <p data-anchored={String(body.anchored)}>{body.anchored ? t('chainAnchored') : t('chainNotAnchored')}</p>
              <p>
                {t('at')}: {shanghaiMinute(body.verifiedAt)}
              </p>
            </>
          )}
        />
        <p>
          <a href="/web/audit">{t('auditTitle')}</a>
        </p>
      </Layout>,
    );
  });
