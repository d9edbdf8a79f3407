// What the pages call each case type, status, step, deadline and timeline action. Pages never branch on a case type:
// a new type adds an entry here (and, if the public files it, a filing form in filings.ts). Tables are typed by the
// domain's own lists where they exist, so a new status, step or clock of those types does not compile until it has
// words; anything still missing falls back to the machine name, so a type that lands before its labels still renders.
import type { ArrearsStep } from '../../../domain/arrears/arrears-effects.js';
import type { EnrollmentStatus } from '../../../domain/enrollment/enrollment.machine.js';
import type { PetitionClock } from '../../../domain/petition/petition-clocks.js';
import type { PetitionStep } from '../../../domain/petition/petition-decision.js';
import type { PetitionStatus } from '../../../domain/petition/petition.machine.js';
import { labelOf } from '../i18n/enum-labels.js';
import type { Label, Lang } from '../i18n/messages.js';
import { benefitDeadlineLabels, benefitStatusLabels, benefitStepLabels } from './benefit-labels.js';
import { outcomeLabel } from './decision-forms.js';
import { recordLines } from './record-fields.js';
import { transferDeadlineLabels, transferLegLabels, transferStatusLabels, transferTimelineLabels } from './transfer-labels.js';

export type { Label } from '../i18n/messages.js';

export interface CaseTypeLabels {
  name: Label;
  statuses: Record<string, Label>;
  steps: Record<string, Label>;
  deadlines: Record<string, Label>;
  /** `summary` keys worth showing on the case page, in order (labels and value words: record-fields.ts). */
  summary: readonly string[];
}

/** Every case is "submitted" between its start route's 202 and its workflow's first projection. */
const SUBMITTED: Label = { zh: '已提交', en: 'Submitted' };

const enrollmentStatuses: Record<EnrollmentStatus | 'submitted', Label> = {
  submitted: SUBMITTED,
  checking: { zh: '校验中', en: 'Checking' },
  underReview: { zh: '审核中', en: 'Under review' },
  awaitingCorrection: { zh: '待补正', en: 'Awaiting correction' },
  approved: { zh: '已核准', en: 'Approved' },
  insured: { zh: '已参保', en: 'Insured' },
  rejected: { zh: '不予登记', en: 'Rejected' },
  refused: { zh: '不予受理', en: 'Refused' },
  withdrawn: { zh: '已撤回', en: 'Withdrawn' },
};

const enrollment: CaseTypeLabels = {
  name: { zh: '参保登记', en: 'Enrollment' },
  statuses: enrollmentStatuses,
  steps: { review: { zh: '审核', en: 'Review' }, approve: { zh: '复核', en: 'Approval' } },
  deadlines: {
    registration: { zh: '用工之日起 30 日内登记', en: 'Registration within 30 days of hire' },
    agencyReview: { zh: '经办机构审核时限', en: 'Agency review' },
    correction: { zh: '补正期限', en: 'Correction due' },
  },
  summary: [
    'personName',
    'employerCreditCode',
    'hireDate',
    'insuranceTypes',
    'monthlyWage',
    'lateDays',
    'reviewReasons',
    'refusals',
    'returns',
    'reason',
    'decidedBy',
  ],
};

const petitionStatuses: Record<PetitionStatus | 'submitted', Label> = {
  submitted: SUBMITTED,
  registered: { zh: '已登记', en: 'Registered' },
  forwarded: { zh: '已转送', en: 'Forwarded' },
  inProgress: { zh: '办理中', en: 'In handling' },
  extensionRequested: { zh: '申请延期', en: 'Extension requested' },
  opinionIssued: { zh: '已出具处理意见', en: 'Opinion issued' },
  reviewRequested: { zh: '复查申请中', en: 'Review requested' },
  reviewed: { zh: '已复查', en: 'Reviewed' },
  rereviewRequested: { zh: '复核申请中', en: 'Re-review requested' },
  rereviewed: { zh: '已复核', en: 'Re-reviewed' },
  concluded: { zh: '已办结', en: 'Concluded' },
  notAccepted: { zh: '不予受理', en: 'Not accepted' },
};

const petitionSteps: Record<PetitionStep, Label> = {
  acceptance: { zh: '登记受理', en: 'Acceptance' },
  transferReceipt: { zh: '转送接收', en: 'Transfer receipt' },
  handling: { zh: '办理答复', en: 'Handling' },
  extension: { zh: '延期审批', en: 'Extension' },
  review: { zh: '复查', en: 'Review' },
  rereview: { zh: '复核', en: 'Re-review' },
};

/** 信访工作条例 arts. 21–36 (rules §7); a step without a statutory clock shows its task's own (`<step>Decision`). */
const petitionDeadlines: Record<PetitionClock | 'extensionDecision', Label> = {
  acceptanceDecision: { zh: '受理告知（15 日）', en: 'Acceptance notice (15 days)' },
  transferObjection: { zh: '转送异议期限', en: 'Objection to the transfer' },
  handling: { zh: '办理答复（60 日）', en: 'Reply (60 days)' },
  reviewRequest: { zh: '请求复查期限（30 日）', en: 'Ask for review by (30 days)' },
  reviewOpinion: { zh: '复查意见（30 日）', en: 'Review opinion (30 days)' },
  rereviewRequest: { zh: '请求复核期限（30 日）', en: 'Ask for re-review by (30 days)' },
  rereviewOpinion: { zh: '复核意见（30 日）', en: 'Re-review opinion (30 days)' },
  extensionDecision: { zh: '延期审批时限', en: 'Extension decision' },
};

const petition: CaseTypeLabels = {
  name: { zh: '信访', en: 'Petition' },
  statuses: petitionStatuses,
  steps: petitionSteps,
  deadlines: petitionDeadlines,
  summary: [
    'channel',
    'receivedOn',
    'acceptedOn',
    'anonymous',
    'representatives',
    'request',
    'facts',
    'reasons',
    'concerns',
    'handlingRegion',
    'forwardedTo',
    'notAccepted',
    'extension',
    'opinion',
    'reviewRequestedOn',
    'review',
    'rereviewRequestedOn',
    'rereview',
    'rating',
    'decidedBy',
  ],
};

const arrearsSteps: Record<ArrearsStep, Label> = {
  proposeFine: { zh: '拟定罚款', en: 'Propose fine' },
  approveFine: { zh: '审批罚款', en: 'Approve fine' },
  bankInquiry: { zh: '查询账户', en: 'Bank inquiry' },
  enforcement: { zh: '强制措施', en: 'Enforcement' },
  deferralReview: { zh: '缓缴审核', en: 'Deferral review' },
};

const arrears: CaseTypeLabels = {
  name: { zh: '欠费追缴', en: 'Arrears recovery' },
  statuses: {
    submitted: { zh: '已立案', en: 'Opened' },
    ordered: { zh: '责令限期缴纳', en: 'Ordered to pay' },
    fineProposal: { zh: '拟处罚款', en: 'Fine proposal' },
    fineApproval: { zh: '罚款审批', en: 'Fine approval' },
    accountInquiry: { zh: '查询存款账户', en: 'Bank inquiry' },
    enforcementDecision: { zh: '强制措施决定', en: 'Enforcement decision' },
    transferDecided: { zh: '已决定划拨', en: 'Transfer decided' },
    guaranteeAgreement: { zh: '担保缴纳', en: 'Guarantee agreement' },
    courtEnforcement: { zh: '申请法院强制执行', en: 'Court enforcement' },
    deferralReview: { zh: '缓缴审核中', en: 'Deferral under review' },
    hardshipDeferral: { zh: '困难缓缴', en: 'Hardship deferral' },
    settled: { zh: '已结清', en: 'Settled' },
  },
  steps: arrearsSteps,
  // 社会保险法 art. 86 (rules §4): the order's period, a deferral's end, and the open step's own deadline.
  deadlines: {
    orderToPay: { zh: '责令限期缴纳期限', en: 'Pay by (order to pay)' },
    hardshipDeferral: { zh: '困难缓缴截止日', en: 'Hardship deferral ends' },
    deferredPaymentAgreement: { zh: '担保缓缴协议截止日', en: 'Deferred-payment agreement ends' },
    ...Object.fromEntries(Object.entries(arrearsSteps).map(([step, label]) => [step, { zh: `${label.zh}时限`, en: `${label.en} due` }])),
  },
  summary: ['employerCreditCode', 'periods', 'orders', 'fineProposal', 'fine', 'deferral'],
};

/** 待遇审批 (rules §5): the claim's facts on the case page; amounts, letter and entitlements are its own panel. */
const benefit: CaseTypeLabels = {
  name: { zh: '待遇审批', en: 'Benefit claim' },
  statuses: benefitStatusLabels,
  steps: benefitStepLabels,
  deadlines: benefitDeadlineLabels,
  summary: [
    'claimType',
    'retirementDate',
    'deemedMonths',
    'leaveDate',
    'registeredOn',
    'eventType',
    'eventDate',
    'babies',
    'difficultBirth',
    'accidentDate',
    'description',
    'applicant',
    'deathDate',
    'cause',
    'injuryReference',
    'employerCreditCode',
    'filedOn',
    'returns',
  ],
};

/** The review every grass-roots declaration shares (domain/declarations/declaration-review.machine.ts); `approved` says where the money went. */
const declarationLabels = (approved: Label) => ({
  statuses: {
    submitted: SUBMITTED,
    reviewing: { zh: '审核中', en: 'Under review' },
    approving: { zh: '复核中', en: 'Awaiting approval' },
    supervising: { zh: '审批中', en: 'Awaiting the supervisor' },
    booking: { zh: '记账中', en: 'Booking' },
    approved,
    rejected: { zh: '不予核准', en: 'Rejected' },
  },
  steps: {
    review: { zh: '审核', en: 'Review' },
    approval: { zh: '复核', en: 'Approval' },
    supervision: { zh: '审批', en: 'Supervisor approval' },
  },
  deadlines: { stepDecision: { zh: '本环节办理时限', en: 'This step is due' } },
});

const caseTypes: Record<string, CaseTypeLabels> = {
  enrollment,
  petition,
  arrears,
  benefit,
  transfer: {
    name: { zh: '转移接续', en: 'Transfer' },
    statuses: transferStatusLabels,
    steps: transferLegLabels,
    deadlines: transferDeadlineLabels,
    summary: ['personName', 'insurance', 'fromRegion', 'toRegion', 'amounts', 'months', 'refusal', 'acceptedBy', 'sentBy', 'completedBy'],
  },
  // 离休 / 二乙 医疗费申报 (rules §5.6): the amounts and workings; the medical details only where the role sees them.
  medicalExpense: {
    name: { zh: '离休 / 二乙医疗费申报', en: 'Special medical expenses' },
    ...declarationLabels({ zh: '已核准，待支付', en: 'Approved, to the payroll' }),
    summary: ['category', 'declaredOn', 'total', 'reimbursable', 'invoices', 'workings', 'medical', 'decision'],
  },
  // 医疗帐户补助金申报 (rules §5.6): the rule, period, number of persons and total; the persons on its own page.
  accountSubsidy: {
    name: { zh: '医疗帐户补助金申报', en: 'Medical account subsidy' },
    ...declarationLabels({ zh: '已核准，已记入医疗帐户', en: 'Approved, credited to the accounts' }),
    summary: ['ruleId', 'period', 'basis', 'declaredOn', 'persons', 'total', 'decision'],
  },
  // 稽核调查 (rules §8): opened by a fund-supervision control; supervisors and auditors only.
  investigation: {
    name: { zh: '稽核调查', en: 'Investigation' },
    statuses: {
      submitted: SUBMITTED,
      assigning: { zh: '待指派', en: 'To be assigned' },
      investigating: { zh: '调查中', en: 'Under investigation' },
      closing: { zh: '待复核结案', en: 'Awaiting closure' },
      closed: { zh: '已结案', en: 'Closed' },
    },
    steps: {
      assign: { zh: '指派', en: 'Assignment' },
      findings: { zh: '调查结论', en: 'Findings' },
      close: { zh: '复核结案', en: 'Closure' },
    },
    deadlines: { stepDecision: { zh: '本环节办理时限', en: 'This step is due' } },
    summary: ['control', 'reason', 'amount', 'sourceCaseId', 'investigatorId', 'findings', 'closedBy'],
  },
  // 无记录补缴 (rules §3, §4, §6.1): the span, the amounts with each month's workings, the supervision check.
  backPayment: {
    name: { zh: '无记录补缴', en: 'Back-payment' },
    statuses: {
      submitted: SUBMITTED,
      reviewing: { zh: '审核中', en: 'Under review' },
      approving: { zh: '复核中', en: 'Awaiting approval' },
      supervising: { zh: '主管审批中', en: 'Awaiting the supervisor' },
      booking: { zh: '生成缴费单', en: 'Billing' },
      approved: { zh: '已核准，待缴费', en: 'Approved, to be paid' },
      rejected: { zh: '不予核准', en: 'Rejected' },
    },
    steps: {
      review: { zh: '审核', en: 'Review' },
      approval: { zh: '复核', en: 'Approval' },
      supervision: { zh: '主管审批', en: 'Supervisor approval' },
    },
    deadlines: { stepDecision: { zh: '本环节办理时限', en: 'This step is due' } },
    summary: ['firstMonth', 'lastMonth', 'monthCount', 'appliedOn', 'insuranceTypes', 'totals', 'supervision', 'workings', 'decision'],
  },
};

/** Case types the filters offer, in the order the agency lists them. */
export const knownCaseTypes = Object.keys(caseTypes);

const caseTypeNames: Record<string, Label> = Object.fromEntries(Object.entries(caseTypes).map(([type, labels]) => [type, labels.name]));

const timelineActions: Record<string, Label> = {
  'case.submitted': { zh: '提交申请', en: 'Submitted' },
  'case.status': { zh: '状态变更', en: 'Status changed' },
  'case.resubmitted': { zh: '补正后重新提交', en: 'Resubmitted with corrections' },
  'case.shared': { zh: '案件信息已共享', en: 'Case shared' },
  'checks.passed': { zh: '自动校验通过', en: 'Automatic checks passed' },
  'checks.failed': { zh: '自动校验未通过', en: 'Automatic checks failed' },
  'task.created': { zh: '生成待办', en: 'Task opened' },
  'task.claimed': { zh: '认领', en: 'Claimed' },
  'task.released': { zh: '退回待办', en: 'Released' },
  'task.reassigned': { zh: '改派', en: 'Reassigned' },
  'task.escalated': { zh: '超时升级', en: 'Escalated' },
  'task.cancelled': { zh: '任务取消', en: 'Task cancelled' },
  'task.lease_expired': { zh: '认领超时，退回待办', en: 'Claim expired' },
  'task.held': { zh: '等待申请人补正，时限暂停', en: 'Waiting on the applicant (clock paused)' },
  'task.resumed': { zh: '申请人已答复，时限恢复', en: 'Applicant answered (clock resumed)' },
  'task.retimed': { zh: '时限重新计算', en: 'Deadline counted again' },
  'task.approve': { zh: '批准', en: 'Approved' },
  'task.reject': { zh: '不予批准', en: 'Rejected' },
  'task.return': { zh: '退回补正', en: 'Returned for correction' },
  'task.accept': { zh: '受理', en: 'Accepted' },
  'task.notAccept': { zh: '不予受理', en: 'Not accepted' },
  'task.forward': { zh: '转送', en: 'Forwarded' },
  'task.support': { zh: '出具意见：予以支持', en: 'Opinion: supported' },
  'task.explain': { zh: '出具意见：解释说明', en: 'Opinion: explained' },
  'task.notSupport': { zh: '出具意见：不予支持', en: 'Opinion: not supported' },
  'task.extend': { zh: '申请延期', en: 'Extension requested' },
  'insurance.opened': { zh: '开通参保', en: 'Insurance opened' },
  'petition.rated': { zh: '信访人评价答复', en: 'Reply rated' },
  'petition.reviewWindowClosed': { zh: '请求复查期限届满', en: 'Review window closed' },
  'petition.rereviewWindowClosed': { zh: '请求复核期限届满', en: 'Re-review window closed' },
  'petition.delivered': { zh: '登记送达', en: 'Delivery recorded' },
  'arrears.order': { zh: '发出责令限期缴纳通知', en: 'Order to pay issued' },
  'arrears.fine': { zh: '作出罚款决定', en: 'Fine decided' },
  'arrears.deferral': { zh: '批准缓缴', en: 'Deferral approved' },
  ...transferTimelineLabels,
  'benefit.entitlements': { zh: '待遇已核定入账，待发放', en: 'Entitlements recorded for payment' },
  'benefit.reemployed': { zh: '已重新就业（新单位参保）', en: 'Re-employed (insured by a new employer)' },
  // audit-only actions (GET /v1/audit-entries)
  'enrollment.submitted': { zh: '参保登记申请', en: 'Enrollment filed' },
  'petition.submitted': { zh: '信访登记', en: 'Petition filed' },
  'petition.reviewRequested': { zh: '请求复查', en: 'Review requested' },
  'petition.rereviewRequested': { zh: '请求复核', en: 'Re-review requested' },
  'arrears.submitted': { zh: '欠费追缴立案', en: 'Arrears case opened' },
  'benefit.submitted': { zh: '待遇申请', en: 'Benefit claim filed' },
  'benefit.stopped': { zh: '停发待遇', en: 'Benefit stopped' },
  'benefitParameters.recorded': { zh: '登记待遇计发参数', en: 'Benefit figures recorded' },
  'benefitParameters.replaced': { zh: '更正待遇计发参数', en: 'Benefit figures replaced' },
  'declaration.recorded': { zh: '缴费申报', en: 'Wage declaration' },
  'payment.recorded': { zh: '缴款入账', en: 'Payment recorded' },
  'attachment.uploaded': { zh: '上传附件', en: 'Attachment uploaded' },
  'employer.registered': { zh: '用人单位登记', en: 'Employer registered' },
  'employer.closed': { zh: '用人单位注销', en: 'Employer closed' },
  'parameters.recorded': { zh: '登记地区参数', en: 'Region parameters recorded' },
  'parameters.replaced': { zh: '更正地区参数', en: 'Region parameters replaced' },
};

/** Timeline keys, for the audit page's action filter. */
export const knownActions = Object.keys(timelineActions);

const pick = (labels: Record<string, Label> | undefined, key: string, lang: Lang): string => (labels ? labelOf(labels, key, lang) : key);

/**
 * A timeline or audit action. Held / resumed / retimed lines carry an occurrence (`task.held.2`); a decision line is
 * `task.<outcome>`, named like the outcome's button when the table has no entry for it.
 */
function actionLabel(action: string, lang: Lang, type?: string): string {
  const direct = timelineActions[action] ?? timelineActions[action.replace(/\.\d+$/, '')];
  if (direct) return direct[lang];
  const outcome = action.startsWith('task.') ? outcomeLabel(type ?? '', action.slice('task.'.length)) : undefined;
  return outcome ? outcome[lang] : action;
}

/** Words for one language; every lookup falls back to the machine name. */
export function caseWords(lang: Lang) {
  const status = (type: string, value: string) => pick(caseTypes[type]?.statuses, value, lang);
  return {
    type: (type: string) => pick(caseTypeNames, type, lang),
    status,
    step: (type: string, step: string) => pick(caseTypes[type]?.steps, step, lang),
    deadline: (type: string, name: string) => pick(caseTypes[type]?.deadlines, name, lang),
    action: (action: string, type?: string) => actionLabel(action, lang, type),
    /** [value, label] of every status / step a type names, for the filter selects. */
    statuses: (type: string): [string, string][] => Object.entries(caseTypes[type]?.statuses ?? {}).map(([key, label]) => [key, label[lang]]),
    steps: (type: string): [string, string][] => Object.entries(caseTypes[type]?.steps ?? {}).map(([key, label]) => [key, label[lang]]),
    /** The case page's facts from `summary`: the type's chosen keys, in order, with labels and readable values. */
    summaryLines: (type: string, summary: Record<string, unknown>): [string, string][] => {
      const chosen = Object.fromEntries((caseTypes[type]?.summary ?? []).filter((key) => key in summary).map((key) => [key, summary[key]]));
      return recordLines(chosen, lang, (value) => status(type, value));
    },
  };
}

export type CaseWords = ReturnType<typeof caseWords>;
