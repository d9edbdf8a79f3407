// 个人权益记录: the signed-in citizen's record (GET /v1/persons/{id}/record) and the 参保证明 download (POST
// …/certificates, streamed back as the PDF); and 证明核验, the public check of a certificate's code.
import { Hono } from 'hono';
import { publicRateLimit } from '../../middleware/rate-limit.js';
import { Csrf, Layout } from '../layout.js';
import { callerFor, field, frameOf, sessionOrSignIn, type WebDeps } from '../page-context.js';
import { Answered } from '../components/notice-box.js';
import type { WebEnv } from '../web-env.js';

interface RecordAnswer {
  citizenId: string;
  name: string | null;
  asOf: string;
  periods: {
    insuranceType: string;
    employerCreditCode: string | null;
    startMonth: string;
    endMonth: string | null;
    contributionBase: string;
    paidMonths: number;
    status: string;
  }[];
  contributionMonths: Record<string, number>;
  personalAccount: {
    years: { year: number; opening: string; contributions: string; rate: string | null; interest: string; closing: string }[];
    balance: string;
    interestTotal: string;
  };
  benefits: { reference: string; benefit: string; amount: string; startMonth: string; endMonth: string | null; status: string }[];
}

const INSURANCE: Record<string, string> = {
  pension: '基本养老保险',
  medical: '基本医疗保险',
  unemployment: '失业保险',
  workInjury: '工伤保险',
  maternity: '生育保险',
};

export const recordPages = (deps: WebDeps) =>
  new Hono<WebEnv>()
    .get('/record', async (c) => {
      const session = sessionOrSignIn(c);
      if (session instanceof Response) return session;
      const { t, lang } = c.var;
      const id = session.actor.role === 'citizen' ? session.actor.id : (c.req.query('citizenId') ?? '');
      const answer = await callerFor(deps, session)<RecordAnswer>('GET', `/v1/persons/${encodeURIComponent(id)}/record`);
      return c.html(
        <Layout frame={frameOf(c)} title="个人权益记录">
          <Answered
            answer={answer}
            t={t}
            lang={lang}
            render={(r) => (
              <>
                <p>
                  {r.name} · {r.citizenId} · 截至 {r.asOf}
                </p>
                <form method="post" action="/web/record/certificate">
                  <Csrf session={session} />
                  <input type="hidden" name="citizenId" value={id} />
                  <button type="submit" data-testid="certificate-download">
                    下载参保证明（PDF）
                  </button>
                </form>
                <h2>参保缴费记录</h2>
                <table data-testid="record-periods">
                  <thead>
                    <tr>
                      <th>险种</th>
                      <th>单位</th>
                      <th>起止</th>
                      <th>缴费基数</th>
                      <th>已缴月数</th>
                    </tr>
                  </thead>
                  <tbody>
                    {r.periods.map((p) => (
                      <tr>
                        <td>{INSURANCE[p.insuranceType] ?? p.insuranceType}</td>
                        <td>{p.employerCreditCode ?? '灵活就业'}</td>
                        <td>
                          {p.startMonth} — {p.endMonth ?? '至今'}
                        </td>
                        <td>{p.contributionBase}</td>
                        <td>{p.paidMonths}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
                <h2>基本养老保险个人账户</h2>
                <table data-testid="record-account">
                  <thead>
                    <tr>
                      <th>年度</th>
                      <th>年初</th>
                      <th>当年记账</th>
                      <th>记账利率</th>
                      <th>利息</th>
                      <th>年末</th>
                    </tr>
                  </thead>
                  <tbody>
                    {r.personalAccount.years.map((y) => (
                      <tr>
                        <td>{y.year}</td>
                        <td>{y.opening}</td>
                        <td>{y.contributions}</td>
                        <td>{y.rate ?? '—'}</td>
                        <td>{y.interest}</td>
                        <td>{y.closing}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
                <p>
                  储存额 {r.personalAccount.balance} 元，其中利息 {r.personalAccount.interestTotal} 元。
                </p>
                <h2>待遇核定</h2>
                <ul>
                  {r.benefits.map((b) => (
                    <li>
                      {b.reference} · {b.benefit} · {b.amount} · {b.startMonth} — {b.endMonth ?? '长期'} · {b.status}
                    </li>
                  ))}
                </ul>
              </>
            )}
          />
        </Layout>,
      );
    })
    .post('/record/certificate', async (c) => {
      const session = sessionOrSignIn(c);
      if (session instanceof Response) return session;
      const id = session.actor.role === 'citizen' ? session.actor.id : field(await c.req.parseBody(), 'citizenId');
      const response = await deps.api.request(`/v1/persons/${encodeURIComponent(id)}/certificates`, {
        method: 'POST',
        headers: { authorization: `Bearer ${session.token}` },
      });
      if (!response.ok) return c.text(`参保证明未能出具（HTTP ${response.status}）`, response.status as 403);
      return c.body(await response.arrayBuffer(), 200, {
        'content-type': 'application/pdf',
        'content-disposition': response.headers.get('content-disposition') ?? 'attachment',
        'x-verification-code': response.headers.get('x-verification-code') ?? '',
      });
    })
    .get('/verify', publicRateLimit({ limit: 20, windowSeconds: 60 }), async (c) => {
      const code = (c.req.query('code') ?? '').trim().slice(0, 40);
      let result: { valid: boolean; maskedName: string | null } | null = null;
      if (code) {
        const response = await deps.api.request(`/v1/certificates/${encodeURIComponent(code)}`, { headers: { accept: 'application/json' } });
        if (response.ok) result = (await response.json()) as { valid: boolean; maskedName: string | null };
      }
      return c.html(
        <Layout frame={frameOf(c)} title="参保证明核验">
          <form method="get" action="/web/verify" class="filters" role="search">
            <label>
              验证码 <input name="code" value={code} maxlength={40} data-testid="verify-code" />
            </label>
            <button type="submit">核验</button>
          </form>
          {result && (
            <p class={`notice ${result.valid ? 'ok' : 'error'}`} data-testid="verify-result" data-valid={String(result.valid)}>
              {result.valid ? `有效：本证明出具给 ${result.maskedName ?? ''}` : '无效：系统中没有这个验证码，证明可能是伪造的。'}
            </p>
          )}
        </Layout>,
      );
    });
