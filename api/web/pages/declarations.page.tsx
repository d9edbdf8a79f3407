// 缴费申报: an employer agent (or front-office staff for an employer) declares one employee's wage or uploads a roster
// CSV (POST /v1/declarations, /v1/declarations/files). A refused roster is refused whole; the page lists every row and
// field the API names, with the row as it appears in the file, so the agent can fix them all in one go.
import { Hono } from 'hono';
import type { ApiAnswer, Problem } from '../api-client.js';
import { DataTable, type Column } from '../components/data-table.js';
import { RefusalNotice } from '../components/notice-box.js';
import { contributionWords as w, INSURANCES, rowHint, rowProblem } from '../contributions/contribution-labels.js';
import type { PostedForm } from '../case-types/filings.js';
import type { Lang } from '../i18n/messages.js';
import { Csrf, Layout } from '../layout.js';
import { callerFor, field, frameOf, sessionOrSignIn, type WebContext, type WebDeps } from '../page-context.js';
import type { Session, WebEnv } from '../web-env.js';

/** The parts of the API's DeclarationAnswer the page shows. */
interface Declared {
  declarationId: string;
  period: string;
  dueDate: string;
  duplicate: boolean;
  adjustment: string | null;
  lineCount: number;
  totals: { employer: string; employee: string; total: string };
  lines: { citizenId: string; name: string; base: string; employerTotal: string; employeeTotal: string; total: string }[];
}

type Outcome = { source: 'file' | 'form'; answer: ApiAnswer<Declared> };

// The month before this one: the period an employer normally declares (a future month is refused by the API).
const lastMonth = (now: Date): string => {
  const [year = 0, month = 1] = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit' })
    .format(now)
    .split('-')
    .map(Number);
  return month === 1 ? `${year - 1}-12` : `${year}-${String(month - 1).padStart(2, '0')}`;
};

function RowReport(props: { problem: Problem; source: 'file' | 'form'; lang: Lang }) {
  const { lang } = props;
  const columns: Column<{ path: string; message: string }>[] = [
    { header: w.row[lang], cell: (error) => rowProblem(error.path, lang, props.source).row },
    { header: w.field[lang], cell: (error) => rowProblem(error.path, lang, props.source).field },
    // The API words each problem in English; a Chinese page says what the field needs (rowHint) instead.
    { header: w.problem[lang], cell: (error) => (lang === 'en' ? error.message : rowHint(error.path)) },
  ];
  return (
    <section class="panel" aria-labelledby="row-report">
      <h2 id="row-report">{w.refusedFile[lang]}</h2>
      {lang === 'en' && <p>{props.problem.detail}</p>}
      <DataTable testId="row-report" columns={columns} rows={props.problem.errors ?? []} rowAttributes={(error) => ({ 'data-path': error.path })} />
    </section>
  );
}

function DeclaredSummary(props: { body: Declared; lang: Lang }) {
  const { body, lang } = props;
  const columns: Column<Declared['lines'][number]>[] = [
    { header: w.name[lang], cell: (line) => line.name },
    { header: w.citizenId[lang], cell: (line) => line.citizenId },
    { header: w.base[lang], cell: (line) => line.base },
    { header: w.employerPart[lang], cell: (line) => line.employerTotal },
    { header: w.employeePart[lang], cell: (line) => line.employeeTotal },
    { header: w.total[lang], cell: (line) => line.total },
  ];
  return (
    <section class="panel" aria-labelledby="declared" data-testid="declared">
      <h2 id="declared">
        {w.declared[lang]} · {body.period}
      </h2>
      {body.duplicate && <p>{w.duplicate[lang]}</p>}
      <dl class="facts">
        <dt>{w.lineCount[lang]}</dt>
        <dd>{body.lineCount}</dd>
        <dt>{w.employerPart[lang]}</dt>
        <dd>{body.totals.employer}</dd>
        <dt>{w.employeePart[lang]}</dt>
        <dd>{body.totals.employee}</dd>
        <dt>{w.total[lang]}</dt>
        <dd data-testid="declared-total">{body.totals.total}</dd>
        <dt>{w.dueDate[lang]}</dt>
        <dd>{body.dueDate}</dd>
        {body.adjustment && (
          <>
            <dt>{w.adjustment[lang]}</dt>
            <dd>{body.adjustment}</dd>
          </>
        )}
      </dl>
      <p>
        <a href={`/web/bills`}>{w.billsTitle[lang]}</a>
        {body.lines.length < body.lineCount && ` ${w.firstLines[lang].replace('{n}', String(body.lines.length))}`}
      </p>
      <DataTable columns={columns} rows={body.lines} />
    </section>
  );
}

function renderPage(c: WebContext, deps: WebDeps, session: Session, values: Record<string, string>, outcome?: Outcome) {
  const { t, lang } = c.var;
  const staff = session.actor.role !== 'employer';
  const period = values.period || lastMonth(deps.clock());
  const EmployerField = () =>
    staff ? (
      <label>
        {w.employer[lang]}
        <input name="employerCreditCode" required pattern="[0-9A-HJ-NPQRTUWXY]{18}" value={values.employerCreditCode ?? ''} />
      </label>
    ) : null;
  const refused = outcome && !outcome.answer.ok ? outcome.answer.problem : null;
  return c.html(
    <Layout frame={frameOf(c)} title={w.declarationsTitle[lang]} current="navDeclarations">
      {refused &&
        (refused.errors?.length ? (
          <RowReport problem={refused} source={outcome?.source ?? 'file'} lang={lang} />
        ) : (
          <RefusalNotice problem={refused} t={t} lang={lang} />
        ))}
      {outcome?.answer.ok && <DeclaredSummary body={outcome.answer.body} lang={lang} />}
      <div class="grid">
        <section aria-labelledby="declare-file">
          <h2 id="declare-file">{w.declareFile[lang]}</h2>
          <p>{w.fileHint[lang]}</p>
          <form method="post" action="/web/declarations/file" enctype="multipart/form-data" class="stack" data-testid="declare-file">
            <Csrf session={session} />
            <EmployerField />
            <label>
              {w.period[lang]}
              <input name="period" type="month" required value={period} />
            </label>
            <label>
              {w.file[lang]}
              <input name="file" type="file" required accept=".csv,text/csv" />
            </label>
            <button type="submit">{w.upload[lang]}</button>
          </form>
        </section>
        <section aria-labelledby="declare-one">
          <h2 id="declare-one">{w.declareOne[lang]}</h2>
          <form method="post" action="/web/declarations" class="stack" data-testid="declare-one">
            <Csrf session={session} />
            <EmployerField />
            <label>
              {w.period[lang]}
              <input name="period" type="month" required value={period} />
            </label>
            <label>
              {w.name[lang]}
              <input name="name" required maxlength={50} value={values.name ?? ''} />
            </label>
            <label>
              {w.citizenId[lang]}
              <input name="citizenId" required pattern="\d{17}[\dXx]" value={values.citizenId ?? ''} />
            </label>
            <label>
              {w.monthlyWage[lang]}
              <input name="monthlyWage" required inputmode="decimal" pattern="\d+(\.\d{1,2})?" value={values.monthlyWage ?? ''} />
            </label>
            <fieldset>
              <legend>{w.insurances[lang]}</legend>
              {INSURANCES.map(([type, label]) => (
                <label class="check">
                  <input
                    type="checkbox"
                    name="insuranceTypes"
                    value={type}
                    checked={values.insuranceTypes ? values.insuranceTypes.split(',').includes(type) : true}
                  />{' '}
                  {label[lang]}
                </label>
              ))}
            </fieldset>
            <button type="submit">{w.declare[lang]}</button>
          </form>
        </section>
      </div>
    </Layout>,
    outcome && !outcome.answer.ok ? 400 : 200,
  );
}

const listOf = (form: PostedForm, name: string): string[] => {
  const value = form[name] ?? [];
  return (Array.isArray(value) ? value : [value]).filter((item): item is string => typeof item === 'string');
};

const employerOf = (form: PostedForm, session: Session) =>
  session.actor.role === 'employer' ? {} : { employerCreditCode: field(form, 'employerCreditCode').toUpperCase() };

export const declarationPages = (deps: WebDeps) =>
  new Hono<WebEnv>()
    .get('/declarations', (c) => {
      const session = sessionOrSignIn(c);
      if (session instanceof Response) return session;
      return renderPage(c, deps, session, {});
    })
    .post('/declarations', async (c) => {
      const session = sessionOrSignIn(c);
      if (session instanceof Response) return session;
      const form = await c.req.parseBody({ all: true });
      const insuranceTypes = listOf(form, 'insuranceTypes');
      const answer = await callerFor(deps, session)<Declared>('POST', '/v1/declarations', {
        ...employerOf(form, session),
        period: field(form, 'period'),
        lines: [{ citizenId: field(form, 'citizenId').toUpperCase(), name: field(form, 'name'), monthlyWage: field(form, 'monthlyWage'), insuranceTypes }],
      });
      const values = {
        period: field(form, 'period'),
        employerCreditCode: field(form, 'employerCreditCode'),
        name: field(form, 'name'),
        citizenId: field(form, 'citizenId'),
        monthlyWage: field(form, 'monthlyWage'),
        insuranceTypes: insuranceTypes.join(','),
      };
      return renderPage(c, deps, session, answer.ok ? { period: values.period, employerCreditCode: values.employerCreditCode } : values, {
        source: 'form',
        answer,
      });
    })
    .post('/declarations/file', async (c) => {
      const session = sessionOrSignIn(c);
      if (session instanceof Response) return session;
      const form = await c.req.parseBody({ all: true });
      const file = form.file;
      const upload = new FormData();
      upload.set('period', field(form, 'period'));
      const employer = employerOf(form, session).employerCreditCode;
      if (employer) upload.set('employerCreditCode', employer);
      // The file goes on unread: the API decodes it (UTF-8 or GBK) and reports its rows.
      if (file instanceof File) upload.set('file', file, file.name);
      const answer = await callerFor(deps, session)<Declared>('POST', '/v1/declarations/files', upload);
      return renderPage(c, deps, session, { period: field(form, 'period'), employerCreditCode: employer ?? '' }, { source: 'file', answer });
    });
