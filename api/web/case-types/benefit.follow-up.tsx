// A benefit claim as its claimant (and the staff deciding it) follow it (rules §5; GET /v1/benefit-claims/{ref}):
// each deadline with the days left in its own unit, the refusal reasons and what a person short of the minimum may do,
// the amounts with every line of their workings, the decision letter, the entitlements and payments, and the
// re-assessment request a work-injury claimant may make within 15 days.
import { Csrf } from '../layout.js';
import { labelOf } from '../i18n/enum-labels.js';
import type { Lang } from '../i18n/messages.js';
import {
  benefitDeadlineLabels,
  benefitNoticeLabels,
  claimRefusalLabels,
  entitlementBenefitLabels,
  entitlementKindLabels,
  figureLabels,
  payerLabels,
  shortfallOptionLabels,
} from './benefit-labels.js';
import type { ApplicantFollowUp } from './filings.js';

interface Line {
  benefit: string;
  kind: string;
  payer: string;
  amount: string;
  startMonth: string;
  endMonth: string | null;
  beneficiary: string | null;
  status?: string;
  monthsUnused?: number | null;
}

interface ClaimView {
  reference: string;
  status: string;
  deadlines: { name: string; dueDate: string; unit: 'working' | 'calendar'; remainingDays: number; provisional?: boolean }[];
  amounts: { lines: Line[]; figures: Record<string, unknown>; workings: string[] } | null;
  refusals: { code: string; reason: string }[];
  options: string[];
  decision: { outcome: string; reason: string | null; decidedOn: string } | null;
  letter: { kind: string; reasons: string[]; legalBasis: string[]; rights: string; decidedOn: string | null } | null;
  entitlements: Line[];
  payments: unknown[];
  allowedActions: string[];
}

const words = {
  title: { zh: '待遇核定', en: 'Benefit decision' },
  deadlines: { zh: '办理时限', en: 'Deadlines' },
  working: { zh: '个工作日', en: 'working days' },
  calendar: { zh: '天', en: 'days' },
  left: { zh: '还剩', en: 'left:' },
  provisional: { zh: '（暂定）', en: ' (provisional)' },
  refusals: { zh: '不符合条件的原因', en: 'Why the claim cannot be granted' },
  options: { zh: '您可以选择', en: 'What you may do' },
  amounts: { zh: '核定金额', en: 'Amounts' },
  benefit: { zh: '项目', en: 'Benefit' },
  kind: { zh: '方式', en: 'Paid' },
  payer: { zh: '支付方', en: 'Payer' },
  amount: { zh: '金额（元）', en: 'Amount (CNY)' },
  period: { zh: '期间', en: 'Months' },
  onwards: { zh: '起长期', en: 'onwards' },
  workings: { zh: '计算过程', en: 'Workings' },
  letter: { zh: '决定书', en: 'Decision letter' },
  decidedOn: { zh: '决定日期', en: 'Decided on' },
  reasons: { zh: '理由', en: 'Reasons' },
  basis: { zh: '依据', en: 'Legal basis' },
  rights: {
    zh: '对本决定不服的，可以依法申请行政复议或者提起行政诉讼（《社会保险法》第八十三条）。',
    en: 'If you disagree with this decision you may apply for administrative review or bring an administrative suit (社会保险法 art. 83).',
  },
  entitlements: { zh: '待遇享受记录', en: 'Entitlements' },
  status: { zh: '状态', en: 'Status' },
  active: { zh: '发放中', en: 'Active' },
  stopped: { zh: '已停发', en: 'Stopped' },
  unused: { zh: '未领月数', en: 'Months unused' },
  payments: { zh: '发放记录', en: 'Payments' },
  noPayments: { zh: '暂无（按月由待遇发放批次支付）', en: 'None yet (paid by the monthly payroll)' },
  reassess: { zh: '对鉴定结论不服，申请再次鉴定（15 日内）', en: 'Ask for a re-assessment (within 15 days)' },
} as const;

const slug = (reference: string) => encodeURIComponent(reference);
const period = (line: Line, lang: Lang) =>
  line.kind === 'oneOff' ? line.startMonth : line.endMonth ? `${line.startMonth} – ${line.endMonth}` : `${line.startMonth} ${words.onwards[lang]}`;

function LinesTable(props: { lines: Line[]; lang: Lang; withStatus?: boolean; testId: string }) {
  const { lines, lang, withStatus, testId } = props;
  return (
    <table data-testid={testId}>
      <thead>
        <tr>
          <th>{words.benefit[lang]}</th>
          <th>{words.kind[lang]}</th>
          <th>{words.payer[lang]}</th>
          <th>{words.amount[lang]}</th>
          <th>{words.period[lang]}</th>
          {withStatus && <th>{words.status[lang]}</th>}
        </tr>
      </thead>
      <tbody>
        {lines.map((line) => (
          <tr data-benefit={line.benefit}>
            <td>
              {labelOf(entitlementBenefitLabels, line.benefit, lang)}
              {line.beneficiary ? ` · ${line.beneficiary}` : ''}
            </td>
            <td>{labelOf(entitlementKindLabels, line.kind, lang)}</td>
            <td>{labelOf(payerLabels, line.payer, lang)}</td>
            <td class="amount">{line.amount}</td>
            <td>{period(line, lang)}</td>
            {withStatus && (
              <td>
                {line.status === 'stopped' ? words.stopped[lang] : words.active[lang]}
                {typeof line.monthsUnused === 'number' ? ` · ${words.unused[lang]} ${line.monthsUnused}` : ''}
              </td>
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export const benefitFollowUp: ApplicantFollowUp = {
  load: async (call, reference) => {
    const answer = await call<ClaimView>('GET', `/v1/benefit-claims/${slug(reference)}`);
    return answer.ok ? answer.body : null;
  },
  Panel({ data, reference, session, lang }) {
    const view = data as ClaimView;
    const letter = view.letter;
    return (
      <section aria-labelledby="benefit-follow-up" class="panel" data-testid="benefit-follow-up">
        <h2 id="benefit-follow-up">{words.title[lang]}</h2>
        {view.deadlines.length > 0 && (
          <ul class="deadlines" data-testid="benefit-deadlines">
            {view.deadlines.map((d) => (
              <li>
                {labelOf(benefitDeadlineLabels, d.name, lang)}: {d.dueDate}
                {d.provisional ? words.provisional[lang] : ''} — {words.left[lang]} <strong>{d.remainingDays}</strong> {words[d.unit][lang]}
              </li>
            ))}
          </ul>
        )}
        {view.refusals.length > 0 && (
          <>
            <h3>{words.refusals[lang]}</h3>
            <ul data-testid="benefit-refusals">
              {view.refusals.map((r) => (
                <li>
                  {labelOf(claimRefusalLabels, r.code, lang)}
                  {lang === 'en' || !(r.code in claimRefusalLabels) ? `: ${r.reason}` : ''}
                </li>
              ))}
            </ul>
          </>
        )}
        {view.options.length > 0 && (
          <>
            <h3>{words.options[lang]}</h3>
            <ul>
              {view.options.map((o) => (
                <li>{labelOf(shortfallOptionLabels, o, lang)}</li>
              ))}
            </ul>
          </>
        )}
        {view.amounts && view.amounts.lines.length > 0 && (
          <>
            <h3>{words.amounts[lang]}</h3>
            <LinesTable lines={view.amounts.lines} lang={lang} testId="benefit-amounts" />
            <dl class="facts">
              {Object.entries(view.amounts.figures)
                .filter(([, value]) => value !== null && value !== undefined)
                .map(([key, value]) => (
                  <>
                    <dt>{labelOf(figureLabels, key, lang)}</dt>
                    <dd>{String(value as string | number)}</dd>
                  </>
                ))}
            </dl>
            <details open>
              <summary>{words.workings[lang]}</summary>
              <ol class="workings" data-testid="benefit-workings">
                {view.amounts.workings.map((line) => (
                  <li>{line}</li>
                ))}
              </ol>
            </details>
          </>
        )}
        {letter && (
          <article class="letter" data-testid="benefit-letter" data-kind={letter.kind}>
            <h3>
              {words.letter[lang]}: {labelOf(benefitNoticeLabels, letter.kind, lang)}
            </h3>
            {letter.decidedOn && (
              <p>
                {words.decidedOn[lang]}: {letter.decidedOn}
              </p>
            )}
            {letter.reasons.length > 0 && (
              <p>
                {words.reasons[lang]}: {letter.reasons.join(lang === 'zh' ? '；' : '; ')}
              </p>
            )}
            <p>
              {words.basis[lang]}: {letter.legalBasis.join(lang === 'zh' ? '；' : '; ')}
            </p>
            <p>{words.rights[lang]}</p>
          </article>
        )}
        {view.entitlements.length > 0 && (
          <>
            <h3>{words.entitlements[lang]}</h3>
            <LinesTable lines={view.entitlements} lang={lang} withStatus testId="benefit-entitlements" />
            <h3>{words.payments[lang]}</h3>
            <p>{view.payments.length === 0 ? words.noPayments[lang] : view.payments.length}</p>
          </>
        )}
        {view.allowedActions.includes('requestReassessment') && (
          <form method="post" action={`/web/cases/${slug(reference)}/follow-up/reassessment`} data-testid="benefit-reassessment" class="inline">
            <Csrf session={session} />
            <button type="submit">{words.reassess[lang]}</button>
          </form>
        )}
      </section>
    );
  },
  actions: {
    reassessment: (_form, call, reference) => call('POST', `/v1/benefit-claims/${slug(reference)}/reassessment-requests`),
  },
};
