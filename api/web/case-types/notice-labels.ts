// What the pages call each notice kind written to notice_outbox (the 通知 page and a petitioner's documents), and how
// a notice's payload reads (its fields: record-fields.ts). Unknown kinds fall back to the machine name.
import type { Lang } from '../i18n/messages.js';
import { benefitNoticeLabels } from './benefit-labels.js';
import { caseWords, type Label } from './case-type-labels.js';
import { recordLines } from './record-fields.js';
import { transferNoticeLabels } from './transfer-labels.js';

const kinds: Record<string, Label> = {
  petition_registered: { zh: '信访登记告知', en: 'Petition registered' },
  petition_accepted: { zh: '受理告知书', en: 'Acceptance notice' },
  petition_not_accepted: { zh: '不予受理告知书', en: 'Not-accepted notice' },
  petition_forwarded: { zh: '转送告知', en: 'Forwarding notice' },
  petition_extended: { zh: '延期告知', en: 'Extension notice' },
  petition_reply: { zh: '信访处理意见书', en: 'Written reply' },
  petition_review_opinion: { zh: '复查意见书', en: 'Review opinion' },
  petition_rereview_opinion: { zh: '复核意见书', en: 'Re-review opinion' },
  enrollment_received: { zh: '参保登记受理告知', en: 'Enrollment received' },
  enrollment_under_review: { zh: '参保登记审核中', en: 'Enrollment under review' },
  enrollment_approved: { zh: '参保登记核准通知', en: 'Enrollment approved' },
  enrollment_rejected: { zh: '不予登记通知', en: 'Enrollment rejected' },
  enrollment_refused: { zh: '不予受理通知', en: 'Enrollment refused' },
  enrollment_withdrawn: { zh: '撤回确认', en: 'Withdrawal confirmed' },
  correction_requested: { zh: '补正通知', en: 'Correction requested' },
  order_to_pay: { zh: '责令限期缴纳通知书', en: 'Order to pay' },
  fine_decision: { zh: '罚款决定书', en: 'Fine decision' },
  transfer_decision: { zh: '划拨决定书', en: 'Transfer decision' },
  guarantee_agreement: { zh: '担保协议', en: 'Guarantee agreement' },
  court_application: { zh: '申请人民法院强制执行告知', en: 'Court enforcement application' },
  deferral_approved: { zh: '缓缴批准通知', en: 'Deferral approved' },
  deferral_refused: { zh: '缓缴不予批准通知', en: 'Deferral refused' },
  arrears_settled: { zh: '欠费结清通知', en: 'Arrears settled' },
  // 待遇资格认证 (rules §8): written by the suspension sweep and by the verification that resumes the benefit.
  benefit_suspended: { zh: '逾期未认证暂停发放通知', en: 'Benefit suspended: verification overdue' },
  benefit_resumed: { zh: '恢复发放通知', en: 'Benefit resumed' },
  // 待遇多发追回 (经办条例 art. 46): written when what was overpaid has been withheld or repaid in full.
  overpayment_recovered: { zh: '多领待遇追回完毕通知', en: 'Overpayment fully recovered' },
  overpayment_waived: { zh: '多领待遇核销通知（不再追回）', en: 'Overpayment written off (no longer recovered)' },
  overpayment_written_off_part: { zh: '多领待遇部分核销通知', en: 'Part of an overpayment written off' },
  // 催收: an agreed instalment still missed after its grace (docs/payroll.md "Missed instalments").
  overpayment_instalment_missed: { zh: '多领待遇分期退还逾期催收通知', en: 'Missed instalment of an overpayment repayment' },
  ...transferNoticeLabels,
  ...benefitNoticeLabels,
};

// Which case type a notice kind belongs to, to name its `status` (the outbox row does not carry the case type).
const arrearsKinds = new Set([
  'order_to_pay',
  'fine_decision',
  'transfer_decision',
  'guarantee_agreement',
  'court_application',
  'deferral_approved',
  'deferral_refused',
  'arrears_settled',
]);

/** The case type whose words a notice of `kind` uses. */
export const noticeCaseType = (kind: string): string =>
  kind.startsWith('petition_')
    ? 'petition'
    : kind.startsWith('enrollment_') || kind === 'correction_requested'
      ? 'enrollment'
      : arrearsKinds.has(kind)
        ? 'arrears'
        : kind in benefitNoticeLabels
          ? 'benefit'
          : kind in transferNoticeLabels
            ? 'transfer'
            : kind;

export const noticeKindLabel = (kind: string, lang: Lang): string => kinds[kind]?.[lang] ?? kind;

/** A payload as label/value lines, nested records (an opinion, a deferral) flattened one level (record-fields.ts). */
export function noticeLines(payload: Record<string, unknown>, lang: Lang, caseType = 'petition'): [string, string][] {
  const words = caseWords(lang);
  return recordLines(payload, lang, (status) => words.status(caseType, status), undefined, true);
}
