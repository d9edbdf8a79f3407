// 离休 / 二乙医疗费台账: a category's ledger of the region with its total (GET /v1/medical-ledgers/{category}), read-only
// as the API is; auditors, administrators and staff (rules §5.6). The personal medical account credits (医疗帐户补助金,
// GET /v1/medical-account-ledger) are the third ledger offered, with the payments from the accounts (个人账户支付, negative
// amounts, a receipt number rather than a case). The API masks the ID numbers for the roles it must.
import { Hono } from 'hono';
import { FilterBar } from '../components/filter-bar.js';
import { Answered } from '../components/notice-box.js';
import { Layout } from '../layout.js';
import { callerFor, frameOf, sessionOrSignIn, type WebDeps } from '../page-context.js';
import type { WebEnv } from '../web-env.js';

interface Ledger {
  items: { id: number; reference: string; citizenId: string; amount: string; decidedBy: string; bookedAt: string; source?: string }[];
  total: string;
  count: number;
}

const words = {
  title: { zh: '离休 / 二乙医疗费台账', en: 'Special medical expense ledgers' },
  category: { zh: '类别', en: 'Category' },
  lixiu: { zh: '离休人员医疗费', en: 'Retired cadres (离休)' },
  erYi: { zh: '二乙医疗费', en: 'Disabled servicemen (二乙)' },
  account: { zh: '个人医疗帐户（补助金划入与个人账户支付）', en: 'Personal medical accounts (subsidy credits and payments)' },
  show: { zh: '查看', en: 'Show' },
  reference: { zh: '申报编号', en: 'Declaration' },
  citizenId: { zh: '公民身份号码', en: 'Citizen ID' },
  amount: { zh: '核准金额', en: 'Approved amount' },
  decidedBy: { zh: '复核人', en: 'Approved by' },
  bookedAt: { zh: '记账时间', en: 'Booked at' },
  total: { zh: '合计', en: 'Total' },
  entries: { zh: '笔数', en: 'Entries' },
  empty: { zh: '台账中还没有记录。', en: 'No entries in this ledger yet.' },
} as const;

export const medicalLedgerPages = (deps: WebDeps) =>
  new Hono<WebEnv>().get('/medical-ledgers', async (c) => {
    const session = sessionOrSignIn(c);
    if (session instanceof Response) return session;
    const { t, lang } = c.var;
    const asked = c.req.query('category');
    const category = asked === 'erYi' || asked === 'account' ? asked : 'lixiu';
    const path = category === 'account' ? '/v1/medical-account-ledger?limit=100' : `/v1/medical-ledgers/${category}?limit=100`;
    const ledger = await callerFor(deps, session)<Ledger>('GET', path);
    return c.html(
      <Layout frame={frameOf(c)} title={words.title[lang]} current="navMedicalLedgers">
        <FilterBar action="/web/medical-ledgers" t={t} submitLabel={words.show[lang]}>
          <label>
            {words.category[lang]}
            <select name="category">
              {(['lixiu', 'erYi', 'account'] as const).map((c2) => (
                <option value={c2} selected={c2 === category}>
                  {words[c2][lang]}
                </option>
              ))}
            </select>
          </label>
        </FilterBar>
        <Answered
          answer={ledger}
          t={t}
          lang={lang}
          isEmpty={(body) => body.items.length === 0}
          empty={words.empty[lang]}
          render={(body) => (
            <section aria-labelledby="ledger">
              <h2 id="ledger">{words[category][lang]}</h2>
              <dl class="facts">
                <dt>{words.total[lang]}</dt>
                <dd data-testid="ledger-total">{body.total}</dd>
                <dt>{words.entries[lang]}</dt>
                <dd>{body.count}</dd>
              </dl>
              <table data-testid="medical-ledger">
                <thead>
                  <tr>
                    <th>{words.reference[lang]}</th>
                    <th>{words.citizenId[lang]}</th>
                    <th class="num">{words.amount[lang]}</th>
                    <th>{words.decidedBy[lang]}</th>
                    <th>{words.bookedAt[lang]}</th>
                  </tr>
                </thead>
                <tbody>
                  {body.items.map((e) => (
                    <tr>
                      <td>{e.source === 'spending' ? e.reference : <a href={`/web/cases/${e.reference}`}>{e.reference}</a>}</td>
                      <td>{e.citizenId}</td>
                      <td class="num">{e.amount}</td>
                      <td>{e.decidedBy}</td>
                      <td>{e.bookedAt}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </section>
          )}
        />
      </Layout>,
      200,
    );
  });
