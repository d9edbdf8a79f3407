// The transfer's own part of its case page (转移接续, rules §6), for the person and the staff of both offices:
// each leg with the office, the due date, the working days left and its state; the amounts and whether they reconcile;
// where the pension will be paid; a temporary account (with its collection, which the staff of its region start here),
// medical continuity or carried-over months where they apply. Everything comes from GET /v1/transfers/{reference}.
import { Money } from '../../../domain/money.js';
import { ProvisionalBadge } from '../components/due-date.js';
import { labelOf } from '../i18n/enum-labels.js';
import { Csrf } from '../layout.js';
import type { ApplicantFollowUp } from './filings.js';
import {
  officeLabels,
  paymentPlaceRuleLabels,
  temporaryAccountRuleLabels,
  transferLegLabels,
  medicalContinuityLabels,
  transferLegStatusLabels,
} from './transfer-labels.js';

interface TransferView {
  reference: string;
  insurance: string;
  legs: {
    name: string;
    office: 'old' | 'new';
    region: string;
    served: boolean;
    dueDate: string | null;
    daysLeft: number | null;
    provisional: boolean;
    status: string;
  }[];
  amounts: { pooledFund: string; personalAccount: string } | null;
  months: number | null;
  reconciliation: { balanced: boolean } | null;
  pensionPaymentPlace?: { paymentPlace: string; rule: string } | null;
  temporaryAccount?: { temporaryAccount: boolean; rule: string } | null;
  temporaryPensionAccount?: {
    poolingArea: string;
    region: string;
    keptInPoolingArea: string;
    openedOn: string;
    months: number;
    throughMonth: string;
    amounts: { pooledFund: string; personalAccount: string };
    collection: { collectedOn: string; collectedInto: string; trigger: 'nextTransfer' | 'caseworker'; reconciliation: { balanced: boolean } | null } | null;
  } | null;
  medicalContinuity?: { outcome?: string; breakMonths?: number; waitingMonths?: number; benefitsFrom?: string } | null;
  unemploymentCarryOver?: { contributionMonths?: number } | null;
  refusal: { office: string; reason: string } | null;
}

const words = {
  title: { zh: '转移接续进度', en: 'Transfer progress' },
  leg: { zh: '环节', en: 'Leg' },
  office: { zh: '办理机构', en: 'Office' },
  due: { zh: '办理时限', en: 'Due' },
  left: { zh: '剩余', en: 'Left' },
  state: { zh: '状态', en: 'State' },
  platform: { zh: '经全国转移平台', en: 'through the national platform' },
  workingDaysLeft: { zh: '剩余 {n} 个工作日', en: '{n} working days left' },
  workingDaysLate: { zh: '已超期 {n} 个工作日', en: '{n} working days late' },
  dueToday: { zh: '今日到期', en: 'Due today' },
  amounts: { zh: '转移金额', en: 'Amounts that move' },
  pooledFund: { zh: '统筹基金', en: 'Pooled fund' },
  personalAccount: { zh: '个人账户', en: 'Personal account' },
  total: { zh: '合计', en: 'Total' },
  months: { zh: '缴费月数', en: 'Contribution months' },
  pending: { zh: '待转出地提供参保缴费信息表', en: 'Waiting for the old office’s information table' },
  reconciled: { zh: '转出与转入金额核对一致', en: 'What left the old fund entered the new one, to the fen' },
  notReconciled: { zh: '转出与转入金额不一致，待核查', en: 'The amounts out and in differ: to be checked' },
  paymentPlace: { zh: '待遇领取地', en: 'Where the pension will be paid' },
  temporaryAccount: { zh: '临时缴费账户', en: 'Temporary account' },
  heldAccount: { zh: '临时基本养老保险缴费账户', en: 'Temporary pension contribution account' },
  keptIn: { zh: '关系保留地', en: 'Relationship kept in' },
  accountMonths: { zh: '记录缴费月数（截至 {month}）', en: 'Contribution months recorded (through {month})' },
  pooledPart: { zh: '统筹部分（12%）', en: 'Pooled part (12 %)' },
  notCollected: {
    zh: '未归集：转移到下一地或达到待遇领取地时归集至关系保留地',
    en: 'Not collected yet: collected into the relationship’s place at the next move or where the pension is paid',
  },
  collected: { zh: '已于 {on} 归集至 {into}', en: 'Collected into {into} on {on}' },
  byNextTransfer: { zh: '（因再次转移）', en: ' (set off by the next transfer)' },
  byCaseworker: { zh: '（经办人员归集）', en: ' (by a caseworker)' },
  collect: { zh: '归集至关系保留地', en: 'Collect into the relationship’s place' },
  continuity: { zh: '医保待遇衔接', en: 'Continuity of medical cover' },
  carriedOver: { zh: '累计失业保险缴费月数', en: 'Unemployment months carried over' },
  refusal: { zh: '不予转移原因', en: 'Why the transfer was refused' },
} as const;

const STAFF = new Set(['caseworker', 'reviewer', 'supervisor']);

const total = (a: { pooledFund: string; personalAccount: string }) => Money.of(a.pooledFund).plus(Money.of(a.personalAccount)).toString();

export const transferFollowUp: ApplicantFollowUp = {
  load: async (call, reference) => {
    const answer = await call<TransferView>('GET', `/v1/transfers/${encodeURIComponent(reference)}`);
    return answer.ok ? answer.body : null;
  },
  Panel({ data, lang, t, reference, session }) {
    const view = data as TransferView;
    // Offered to the staff of the region keeping the account; the API still decides (403 for anyone else).
    const collects =
      view.temporaryPensionAccount?.collection === null && STAFF.has(session.actor.role) && session.actor.region === view.temporaryPensionAccount.region;
    const [colon, open, close] = lang === 'zh' ? ['：', '（', '）'] : [': ', ' (', ')'];
    const fill = (template: string, n: number) => template.replace('{n}', String(n));
    const left = (days: number | null) =>
      days === null ? '—' : days > 0 ? fill(words.workingDaysLeft[lang], days) : days === 0 ? words.dueToday[lang] : fill(words.workingDaysLate[lang], -days);
    return (
      <section aria-labelledby="transfer-progress" class="panel" data-testid="transfer-panel">
        <h2 id="transfer-progress">{words.title[lang]}</h2>
        <table data-testid="transfer-legs">
          <thead>
            <tr>
              <th>{words.leg[lang]}</th>
              <th>{words.office[lang]}</th>
              <th>{words.due[lang]}</th>
              <th>{words.left[lang]}</th>
              <th>{words.state[lang]}</th>
            </tr>
          </thead>
          <tbody>
            {view.legs.map((leg) => (
              <tr data-leg={leg.name} data-status={leg.status} class={leg.status === 'overdue' ? 'late' : undefined}>
                <td>{labelOf(transferLegLabels, leg.name, lang)}</td>
                <td>
                  {officeLabels[leg.office][lang]} {leg.region}
                  {!leg.served && ` (${words.platform[lang]})`}
                </td>
                <td>
                  {leg.dueDate ?? '—'} <ProvisionalBadge provisional={leg.provisional} t={t} />
                </td>
                <td>{left(leg.daysLeft)}</td>
                <td>{labelOf(transferLegStatusLabels, leg.status, lang)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <h3>{words.amounts[lang]}</h3>
        {view.amounts === null ? (
          <p data-testid="transfer-amounts">{words.pending[lang]}</p>
        ) : (
          <dl class="facts" data-testid="transfer-amounts">
            <dt>{words.pooledFund[lang]}</dt>
            <dd data-amount="pooledFund">{view.amounts.pooledFund}</dd>
            <dt>{words.personalAccount[lang]}</dt>
            <dd data-amount="personalAccount">{view.amounts.personalAccount}</dd>
            <dt>{words.total[lang]}</dt>
            <dd>{total(view.amounts)}</dd>
            {view.months !== null && (
              <>
                <dt>{words.months[lang]}</dt>
                <dd>{view.months}</dd>
              </>
            )}
          </dl>
        )}
        {view.reconciliation && <p data-testid="transfer-reconciled">{view.reconciliation.balanced ? words.reconciled[lang] : words.notReconciled[lang]}</p>}
        {view.pensionPaymentPlace && (
          <p data-testid="transfer-payment-place">
            {words.paymentPlace[lang]}
            {colon}
            <strong>{view.pensionPaymentPlace.paymentPlace}</strong>
            {open}
            {labelOf(paymentPlaceRuleLabels, view.pensionPaymentPlace.rule, lang)}
            {close}
          </p>
        )}
        {view.temporaryAccount?.temporaryAccount && (
          <p data-testid="transfer-temporary-account">
            {words.temporaryAccount[lang]}
            {colon}
            {labelOf(temporaryAccountRuleLabels, view.temporaryAccount.rule, lang)}
          </p>
        )}
        {view.temporaryPensionAccount && (
          <section data-testid="temporary-pension-account">
            <h3>{words.heldAccount[lang]}</h3>
            <dl class="facts">
              <dt>{words.office[lang]}</dt>
              <dd>
                {view.temporaryPensionAccount.poolingArea} · {view.temporaryPensionAccount.openedOn}
              </dd>
              <dt>{words.keptIn[lang]}</dt>
              <dd>{view.temporaryPensionAccount.keptInPoolingArea}</dd>
              <dt>{words.accountMonths[lang].replace('{month}', view.temporaryPensionAccount.throughMonth)}</dt>
              <dd data-amount="months">{view.temporaryPensionAccount.months}</dd>
              <dt>{words.pooledPart[lang]}</dt>
              <dd data-amount="pooledPart">{view.temporaryPensionAccount.amounts.pooledFund}</dd>
              <dt>{words.personalAccount[lang]}</dt>
              <dd data-amount="personalPart">{view.temporaryPensionAccount.amounts.personalAccount}</dd>
              <dt>{words.total[lang]}</dt>
              <dd>{total(view.temporaryPensionAccount.amounts)}</dd>
            </dl>
            {view.temporaryPensionAccount.collection === null ? (
              <p data-testid="temporary-account-collection">{words.notCollected[lang]}</p>
            ) : (
              <p data-testid="temporary-account-collection">
                {words.collected[lang]
                  .replace('{on}', view.temporaryPensionAccount.collection.collectedOn)
                  .replace('{into}', view.temporaryPensionAccount.collection.collectedInto)}
                {view.temporaryPensionAccount.collection.trigger === 'nextTransfer' ? words.byNextTransfer[lang] : words.byCaseworker[lang]}
                {view.temporaryPensionAccount.collection.reconciliation &&
                  ` · ${view.temporaryPensionAccount.collection.reconciliation.balanced ? words.reconciled[lang] : words.notReconciled[lang]}`}
              </p>
            )}
            {collects && (
              <form
                method="post"
                action={`/web/cases/${encodeURIComponent(reference)}/follow-up/collection`}
                data-testid="collect-temporary-account"
                class="inline"
              >
                <Csrf session={session} />
                <button type="submit">{words.collect[lang]}</button>
              </form>
            )}
          </section>
        )}
        {view.medicalContinuity && (
          <p>
            {words.continuity[lang]}
            {colon}
            {labelOf(medicalContinuityLabels, view.medicalContinuity.outcome ?? '', lang)} · {view.medicalContinuity.benefitsFrom}
          </p>
        )}
        {view.unemploymentCarryOver && (
          <p>
            {words.carriedOver[lang]}
            {colon}
            {view.unemploymentCarryOver.contributionMonths}
          </p>
        )}
        {view.refusal && (
          <p data-testid="transfer-refusal" class="danger">
            {words.refusal[lang]}
            {open}
            {officeLabels[view.refusal.office === 'old' ? 'old' : 'new'][lang]}
            {close}
            {colon}
            {view.refusal.reason}
          </p>
        )}
      </section>
    );
  },
  actions: {
    // 归集 (rules §6.1): one JSON API call; a repeat answers the same.
    collection: (_form, call, reference) => call('POST', `/v1/transfers/${encodeURIComponent(reference)}/temporary-account/collection`),
  },
};
