// 稽核调查: the investigations the fund-supervision controls opened in the region (GET /v1/investigations), for its
// supervisors and auditors, each with the control that found it and a link to the case it came from (rules §8). The
// API answers anyone else with an empty list; the steps are decided on the case page through the task desk.
import { Hono } from 'hono';
import type { presentInvestigationSummary } from '../../presenters/investigation.presenter.js';
import { labelOf } from '../i18n/enum-labels.js';
import { DataTable } from '../components/data-table.js';
import { Answered } from '../components/notice-box.js';
import { Layout } from '../layout.js';
import { callerFor, frameOf, sessionOrSignIn, type WebDeps } from '../page-context.js';
import type { WebEnv } from '../web-env.js';

type InvestigationLine = ReturnType<typeof presentInvestigationSummary>;

const words = {
  title: { zh: '稽核调查', en: 'Investigations' },
  reference: { zh: '调查编号', en: 'Investigation' },
  control: { zh: '监管规则', en: 'Control' },
  reason: { zh: '发现情况', en: 'What was found' },
  amount: { zh: '涉及金额', en: 'Amount' },
  status: { zh: '状态', en: 'Status' },
  source: { zh: '来源案件', en: 'Source case' },
  openedAt: { zh: '立案时间', en: 'Opened' },
  empty: { zh: '没有稽核调查。', en: 'No investigations.' },
} as const;

/** The controls of rules §8 in the agency's words. */
const controlLabels = {
  DECEASED_ACTIVE_BENEFIT: { zh: '死亡人员待遇未停发', en: 'Benefit after death' },
  IMPRISONED_ACTIVE_BENEFIT: { zh: '服刑期间领取待遇', en: 'Benefit during a prison term' },
  DUPLICATE_PENSION: { zh: '重复领取养老金', en: 'Two pensions' },
  ENROLLEES_WITHOUT_WAGES: { zh: '参保人多而无工资申报', en: 'Enrollees without wages' },
  LONG_BACK_PAYMENT_WITHOUT_DOCUMENTS: { zh: '无依据补缴三年以上', en: 'Long back-payment without documents' },
  IDENTITY_CHANGE_BEFORE_RETIREMENT: { zh: '退休前变更身份信息', en: 'Identity change before retirement' },
  SELF_DEALING: { zh: '经办人员办理本人业务', en: 'Staff deciding their own case' },
};

const statusLabels = {
  submitted: { zh: '已立案', en: 'Opened' },
  assigning: { zh: '待指派', en: 'To be assigned' },
  investigating: { zh: '调查中', en: 'Under investigation' },
  closing: { zh: '待复核结案', en: 'Awaiting closure' },
  closed: { zh: '已结案', en: 'Closed' },
};

export const investigationPages = (deps: WebDeps) =>
  new Hono<WebEnv>().get('/investigations', async (c) => {
    const session = sessionOrSignIn(c);
    if (session instanceof Response) return session;
    const { t, lang } = c.var;
    const answer = await callerFor(deps, session)<{ items: InvestigationLine[] }>('GET', '/v1/investigations?limit=100');
    return c.html(
      <Layout frame={frameOf(c)} title={words.title[lang]} current="navInvestigations">
        <Answered
          answer={answer}
          t={t}
          lang={lang}
          isEmpty={(body) => body.items.length === 0}
          empty={words.empty[lang]}
          render={(body) => (
            <DataTable
              testId="investigations"
              rows={body.items}
              rowAttributes={(i) => ({ 'data-reference': i.reference, 'data-status': i.status })}
              columns={[
                { header: words.reference[lang], cell: (i) => <a href={`/web/cases/${i.reference}`}>{i.reference}</a> },
                { header: words.control[lang], cell: (i) => labelOf(controlLabels, i.control, lang), field: 'control' },
                { header: words.reason[lang], cell: (i) => i.reason },
                { header: words.amount[lang], cell: (i) => i.amount ?? '—', field: 'amount' },
                { header: words.status[lang], cell: (i) => labelOf(statusLabels, i.status, lang), field: 'status' },
                {
                  header: words.source[lang],
                  cell: (i) => (i.sourceCaseId ? <a href={`/web/cases/${i.sourceCaseId}`}>{i.sourceCaseId}</a> : '—'),
                  field: 'source',
                },
                { header: words.openedAt[lang], cell: (i) => i.openedAt.slice(0, 10) },
              ]}
            />
          )}
        />
      </Layout>,
    );
  });
