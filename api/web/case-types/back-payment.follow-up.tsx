// The bill part of a back-payment's case page (无记录补缴, rules §3, §4, §9): where the money stands, the bill's own
// due date (paymentDueOn, the approval day + backPayment.policy paymentDueDays) and whether the months bear the late
// fee before it, with each month's figures. Everything comes from GET /v1/back-payments/{reference}.
import type { ApplicantFollowUp } from './filings.js';

interface BackPaymentBill {
  billing: string;
  paymentDueOn: string | null;
  chargeLateFee: boolean | null;
  totals: Record<string, string>;
  months: { period: string; dueDate: string; contribution: string; lateFee: string; total: string }[];
}

const words = {
  title: { zh: '补缴缴费单', en: 'Back-payment bill' },
  billing: { zh: '缴费状态', en: 'Bill' },
  paymentDueOn: { zh: '缴费期限', en: 'Pay by' },
  notYet: { zh: '核准后确定', en: 'Set on approval' },
  lateFee: { zh: '滞纳金', en: 'Late fee' },
  charged: { zh: '自各月法定缴费期限起计收', en: 'From each month’s own due date' },
  waived: { zh: '缴费期限内不计收（逾期后起计）', en: 'None before the pay-by date (runs after it)' },
  period: { zh: '所属期', en: 'Month' },
  dueDate: { zh: '原缴费期限', en: 'Original due date' },
  contribution: { zh: '应缴费额', en: 'Contribution' },
  total: { zh: '合计', en: 'Total' },
  states: {
    applied: { zh: '审核中', en: 'Under review' },
    billed: { zh: '已开单，待缴费', en: 'Billed, to be paid' },
    paid: { zh: '已缴清，已记入缴费记录', en: 'Paid, in the insurance history' },
    rejected: { zh: '不予核准', en: 'Rejected' },
  } as Record<string, { zh: string; en: string }>,
} as const;

export const backPaymentFollowUp: ApplicantFollowUp = {
  load: async (call, reference) => {
    const answer = await call<BackPaymentBill>('GET', `/v1/back-payments/${encodeURIComponent(reference)}`);
    return answer.ok ? answer.body : null;
  },
  Panel({ data, lang }) {
    const view = data as BackPaymentBill;
    return (
      <section aria-labelledby="back-payment-bill" class="panel" data-testid="back-payment-bill">
        <h2 id="back-payment-bill">{words.title[lang]}</h2>
        <dl class="facts">
          <dt>{words.billing[lang]}</dt>
          <dd data-testid="back-payment-billing">{words.states[view.billing]?.[lang] ?? view.billing}</dd>
          <dt>{words.paymentDueOn[lang]}</dt>
          <dd data-testid="back-payment-due">{view.paymentDueOn ?? words.notYet[lang]}</dd>
          {view.chargeLateFee !== null && (
            <>
              <dt>{words.lateFee[lang]}</dt>
              <dd data-testid="back-payment-late-fee">{view.chargeLateFee ? words.charged[lang] : words.waived[lang]}</dd>
            </>
          )}
        </dl>
        <table data-testid="back-payment-months">
          <thead>
            <tr>
              <th>{words.period[lang]}</th>
              <th>{words.dueDate[lang]}</th>
              <th>{words.contribution[lang]}</th>
              <th>{words.lateFee[lang]}</th>
              <th>{words.total[lang]}</th>
            </tr>
          </thead>
          <tbody>
            {view.months.map((m) => (
              <tr data-period={m.period}>
                <td>{m.period}</td>
                <td>{m.dueDate}</td>
                <td>{m.contribution}</td>
                <td>{m.lateFee}</td>
                <td>{m.total}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    );
  },
  actions: {},
};
