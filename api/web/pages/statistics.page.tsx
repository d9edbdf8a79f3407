// 统计: the monthly figures of the caller's region for the director (supervisor), the auditor and the administrator
// (GET /v1/statistics/monthly; docs/statistics.md) — charts drawn on the server as SVG, each chart's figures in a
// table under it, a drill-down link from each figure to the list of cases behind it, and the CSV download.
import { Hono } from 'hono';
import type { Decimal as DecimalType } from 'decimal.js';
import { Decimal } from 'decimal.js';
import { caseWords } from '../case-types/case-type-labels.js';
import { entitlementBenefitLabels } from '../case-types/benefit-labels.js';
import { BarChart } from '../components/bar-chart.js';
import { DataTable, type Column } from '../components/data-table.js';
import { FilterBar } from '../components/filter-bar.js';
import { RefusalNotice } from '../components/notice-box.js';
import { insuranceLabels, labelOf } from '../i18n/enum-labels.js';
import { Layout } from '../layout.js';
import { callerFor, frameOf, sessionOrSignIn, type WebDeps } from '../page-context.js';
import type { WebEnv } from '../web-env.js';

interface Month {
  month: string;
  insured: { insuranceType: string; insured: number; joined: number; left: number }[];
  contributions: { billed: string; received: string; arrears: string; lateFees: string };
  benefits: { benefit: string; granted: number; paidLines: number; paid: string }[];
  cases: { caseType: string; opened: number; closed: number; decided: number; onTime: number }[];
  fund: { income: string; expenditure: string; net: string };
}

interface Report {
  region: string;
  from: string;
  to: string;
  asOf: string;
  months: Month[];
}

const PARAMS = ['region', 'from', 'to'] as const;

/** The query of the page, passed on unchanged to the API (which checks it) and to the CSV link. */
function queryOf(get: (name: string) => string | undefined): URLSearchParams {
  const query = new URLSearchParams();
  for (const name of PARAMS) {
    const value = (get(name) ?? '').trim();
    if (value) query.set(name, value);
  }
  return query;
}

const sum = (values: readonly string[]): string => values.reduce((total: DecimalType, v) => total.plus(v), new Decimal(0)).toFixed(2);
const percent = (part: number, whole: number) => (whole === 0 ? '—' : `${Math.round((part / whole) * 100)}%`);

export const statisticsPages = (deps: WebDeps) =>
  new Hono<WebEnv>()
    .get('/statistics', async (c) => {
      const session = sessionOrSignIn(c);
      if (session instanceof Response) return session;
      const { t, lang } = c.var;
      const words = caseWords(lang);
      const query = queryOf((name) => c.req.query(name));
      const answer = await callerFor(deps, session)<Report>('GET', `/v1/statistics/monthly?${query.toString()}`);
      const values = Object.fromEntries(PARAMS.map((name) => [name, query.get(name) ?? ''])) as Record<(typeof PARAMS)[number], string>;
      const filters = (
        <FilterBar action="/web/statistics" t={t} testId="statistics-filters">
          <label>
            {t('statsRegion')}
            <input name="region" pattern="\d{6}" value={values.region} placeholder={session.actor.region ?? ''} />
          </label>
          <label>
            {t('statsFrom')}
            <input type="month" name="from" value={values.from} />
          </label>
          <label>
            {t('statsTo')}
            <input type="month" name="to" value={values.to} />
          </label>
        </FilterBar>
      );
      if (!answer.ok) {
        return c.html(
          <Layout frame={frameOf(c)} title={t('statisticsTitle')} current="navStatistics">
            {filters}
            <RefusalNotice problem={answer.problem} t={t} lang={lang} />
          </Layout>,
          answer.status === 403 ? 403 : 200,
        );
      }
      const report = answer.body;
      const months = report.months.map((m) => m.month);
      const insuranceTypes = report.months[0]?.insured.map((i) => i.insuranceType) ?? [];
      const insuredOf = (m: Month, type: string) => m.insured.find((i) => i.insuranceType === type);
      // The lists behind the figures: the existing case list, filtered by type (and overdue), in the caller's scope.
      const casesLink = (type: string, overdue = false) => `/web/cases?type=${type}${overdue ? '&overdue=true' : ''}`;

      const insuredColumns: Column<Month>[] = [
        { header: t('statsMonth'), cell: (m) => m.month },
        ...insuranceTypes.map((type): Column<Month> => ({
          header: labelOf(insuranceLabels, type, lang),
          field: type,
          cell: (m) => {
            const row = insuredOf(m, type);
            return `${row?.insured ?? 0}（+${row?.joined ?? 0} / −${row?.left ?? 0}）`;
          },
        })),
      ];
      const contributionColumns: Column<Month>[] = [
        { header: t('statsMonth'), cell: (m) => m.month },
        { header: t('statsBilled'), field: 'billed', cell: (m) => m.contributions.billed },
        { header: t('statsReceived'), field: 'received', cell: (m) => m.contributions.received },
        {
          header: t('statsArrears'),
          field: 'arrears',
          cell: (m) => (m.contributions.arrears === '0.00' ? m.contributions.arrears : <a href={casesLink('arrears')}>{m.contributions.arrears}</a>),
        },
        { header: t('statsLateFees'), field: 'lateFees', cell: (m) => m.contributions.lateFees },
      ];
      const fundColumns: Column<Month>[] = [
        { header: t('statsMonth'), cell: (m) => m.month },
        { header: t('statsIncome'), field: 'income', cell: (m) => m.fund.income },
        { header: t('statsExpenditure'), field: 'expenditure', cell: (m) => m.fund.expenditure },
        { header: t('statsNet'), field: 'net', cell: (m) => m.fund.net },
      ];

      // Benefits and cases over the whole period, one row per benefit and per case type.
      const benefits = [...new Set(report.months.flatMap((m) => m.benefits.map((b) => b.benefit)))].map((benefit) => {
        const rows = report.months.flatMap((m) => m.benefits.filter((b) => b.benefit === benefit));
        return {
          benefit,
          granted: rows.reduce((n, b) => n + b.granted, 0),
          paidLines: rows.reduce((n, b) => n + b.paidLines, 0),
          paid: sum(rows.map((b) => b.paid)),
        };
      });
      const caseTypes = [...new Set(report.months.flatMap((m) => m.cases.map((x) => x.caseType)))].map((caseType) => {
        const rows = report.months.flatMap((m) => m.cases.filter((x) => x.caseType === caseType));
        const total = (key: 'opened' | 'closed' | 'decided' | 'onTime') => rows.reduce((n, x) => n + x[key], 0);
        return { caseType, opened: total('opened'), closed: total('closed'), decided: total('decided'), onTime: total('onTime') };
      });
      type CaseTotal = (typeof caseTypes)[number];
      const caseColumns: Column<CaseTotal>[] = [
        { header: t('caseType'), cell: (row) => words.type(row.caseType) },
        { header: t('statsOpened'), field: 'opened', cell: (row) => <a href={casesLink(row.caseType)}>{row.opened}</a> },
        { header: t('statsClosed'), field: 'closed', cell: (row) => row.closed },
        { header: t('statsDecided'), field: 'decided', cell: (row) => row.decided },
        { header: t('statsOnTime'), field: 'onTime', cell: (row) => `${row.onTime}（${percent(row.onTime, row.decided)}）` },
        { header: t('statsOverdue'), cell: (row) => <a href={casesLink(row.caseType, true)}>{t('statsDrillDown')}</a> },
      ];
      type BenefitTotal = (typeof benefits)[number];
      const benefitColumns: Column<BenefitTotal>[] = [
        { header: t('statsBenefit'), cell: (row) => labelOf(entitlementBenefitLabels, row.benefit, lang) },
        { header: t('statsGranted'), field: 'granted', cell: (row) => <a href={casesLink('benefit')}>{row.granted}</a> },
        { header: t('statsPaidLines'), field: 'paidLines', cell: (row) => row.paidLines },
        { header: t('statsPaid'), field: 'paid', cell: (row) => row.paid },
      ];
      const csvQuery = new URLSearchParams({ region: report.region, from: report.from, to: report.to });

      return c.html(
        <Layout frame={frameOf(c)} title={t('statisticsTitle')} current="navStatistics">
          {filters}
          <p data-testid="statistics-scope">
            {t('statsAsOf', { day: report.asOf, region: report.region })} ·{' '}
            <a href={`/web/statistics.csv?${csvQuery.toString()}`} data-testid="statistics-csv" download>
              {t('statsDownloadCsv')}
            </a>
          </p>
          <section aria-labelledby="stats-insured">
            <h2 id="stats-insured">{t('statsInsured')}</h2>
            <BarChart
              testId="chart-insured"
              title={t('statsInsuredChart')}
              categories={months}
              series={insuranceTypes.map((type) => ({
                name: labelOf(insuranceLabels, type, lang),
                values: report.months.map((m) => String(insuredOf(m, type)?.insured ?? 0)),
              }))}
            />
            <DataTable testId="table-insured" columns={insuredColumns} rows={report.months} rowAttributes={(m) => ({ 'data-month': m.month })} />
          </section>
          <section aria-labelledby="stats-contributions">
            <h2 id="stats-contributions">{t('statsContributions')}</h2>
            <BarChart
              testId="chart-contributions"
              title={t('statsContributionsChart')}
              categories={months}
              series={[
                { name: t('statsBilled'), values: report.months.map((m) => m.contributions.billed) },
                { name: t('statsReceived'), values: report.months.map((m) => m.contributions.received) },
                { name: t('statsArrears'), values: report.months.map((m) => m.contributions.arrears), href: casesLink('arrears') },
              ]}
            />
            <DataTable testId="table-contributions" columns={contributionColumns} rows={report.months} rowAttributes={(m) => ({ 'data-month': m.month })} />
          </section>
          <section aria-labelledby="stats-benefits">
            <h2 id="stats-benefits">{t('statsBenefits')}</h2>
            <DataTable testId="table-benefits" columns={benefitColumns} rows={benefits} rowAttributes={(row) => ({ 'data-benefit': row.benefit })} />
          </section>
          <section aria-labelledby="stats-cases">
            <h2 id="stats-cases">{t('statsCases')}</h2>
            <DataTable testId="table-cases" columns={caseColumns} rows={caseTypes} rowAttributes={(row) => ({ 'data-case-type': row.caseType })} />
          </section>
          <section aria-labelledby="stats-fund">
            <h2 id="stats-fund">{t('statsFund')}</h2>
            <BarChart
              testId="chart-fund"
              title={t('statsFundChart')}
              categories={months}
              series={[
                { name: t('statsIncome'), values: report.months.map((m) => m.fund.income) },
                { name: t('statsExpenditure'), values: report.months.map((m) => m.fund.expenditure) },
              ]}
            />
            <DataTable testId="table-fund" columns={fundColumns} rows={report.months} rowAttributes={(m) => ({ 'data-month': m.month })} />
          </section>
        </Layout>,
      );
    })
    .get('/statistics.csv', async (c) => {
      const session = sessionOrSignIn(c);
      if (session instanceof Response) return session;
      // The API's own CSV, passed through: the page adds nothing and can show nothing the API would refuse.
      const query = queryOf((name) => c.req.query(name));
      query.set('format', 'csv');
      const response = await deps.api.request(`/v1/statistics/monthly?${query.toString()}`, {
        headers: { authorization: `Bearer ${session.token}`, accept: 'text/csv' },
      });
      if (!response.ok) return c.redirect(`/web/statistics?${queryOf((name) => c.req.query(name)).toString()}`, 303);
      return c.body(await response.text(), 200, {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': response.headers.get('content-disposition') ?? 'attachment; filename="statistics.csv"',
      });
    });
