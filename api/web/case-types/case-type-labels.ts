// What the pages call each case type, status, step, deadline and timeline action. Pages never branch on a case type:
// a new type adds an entry here (and, if the public files it, a filing form in filings.ts). Anything missing falls
// back to the machine name, so a type that lands before its labels still renders.
import type { Lang } from '../i18n/messages.js';

export type Label = Record<Lang, string>;

export interface CaseTypeLabels {
  name: Label;
  statuses: Record<string, Label>;
  steps: Record<string, Label>;
  deadlines: Record<string, Label>;
  /** `summary` keys worth showing on the case page, in order, with their labels ("calculation workings"). */
  summary: Record<string, Label>;
}

const enrollment: CaseTypeLabels = {
  name: { zh: '参保登记', en: 'Enrollment' },
  statuses: {
    checking: { zh: '校验中', en: 'Checking' },
    underReview: { zh: '审核中', en: 'Under review' },
    awaitingCorrection: { zh: '待补正', en: 'Awaiting correction' },
    approved: { zh: '已核准', en: 'Approved' },
    insured: { zh: '已参保', en: 'Insured' },
    rejected: { zh: '不予登记', en: 'Rejected' },
    refused: { zh: '不予受理', en: 'Refused' },
    withdrawn: { zh: '已撤回', en: 'Withdrawn' },
  },
  steps: { review: { zh: '审核', en: 'Review' }, approve: { zh: '复核', en: 'Approval' } },
  deadlines: {
    registration: { zh: '用工之日起 30 日内登记', en: 'Registration within 30 days of hire' },
    agencyReview: { zh: '经办机构审核时限', en: 'Agency review' },
    correction: { zh: '补正期限', en: 'Correction due' },
  },
  summary: {
    personName: { zh: '姓名', en: 'Name' },
    employerCreditCode: { zh: '用人单位', en: 'Employer' },
    hireDate: { zh: '用工日期', en: 'Hire date' },
    insuranceTypes: { zh: '险种', en: 'Insurances' },
    monthlyWage: { zh: '月工资（元）', en: 'Monthly wage (CNY)' },
    lateDays: { zh: '逾期登记天数', en: 'Days registered late' },
    reviewReasons: { zh: '转人工审核原因', en: 'Why it went to review' },
    refusals: { zh: '不予受理原因', en: 'Refusal reasons' },
    reason: { zh: '决定理由', en: 'Reason' },
    decidedBy: { zh: '决定人', en: 'Decided by' },
  },
};

const petition: CaseTypeLabels = {
  name: { zh: '信访', en: 'Petition' },
  statuses: {
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
  },
  steps: {
    acceptance: { zh: '登记受理', en: 'Acceptance' },
    transferReceipt: { zh: '转送接收', en: 'Transfer receipt' },
    handling: { zh: '办理答复', en: 'Handling' },
    extension: { zh: '延期审批', en: 'Extension' },
    review: { zh: '复查', en: 'Review' },
    rereview: { zh: '复核', en: 'Re-review' },
  },
  deadlines: {
    acceptance: { zh: '受理告知（15 日）', en: 'Acceptance notice (15 days)' },
    handling: { zh: '办理答复（60 日）', en: 'Reply (60 days)' },
    reviewRequest: { zh: '请求复查期限（30 日）', en: 'Ask for review by (30 days)' },
    rereviewRequest: { zh: '请求复核期限（30 日）', en: 'Ask for re-review by (30 days)' },
    reviewOpinion: { zh: '复查意见（30 日）', en: 'Review opinion (30 days)' },
    rereviewOpinion: { zh: '复核意见（30 日）', en: 'Re-review opinion (30 days)' },
  },
  summary: { request: { zh: '信访请求', en: 'Request' }, reply: { zh: '答复意见', en: 'Reply' } },
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
  steps: {
    proposeFine: { zh: '拟定罚款', en: 'Propose fine' },
    approveFine: { zh: '审批罚款', en: 'Approve fine' },
    bankInquiry: { zh: '查询账户', en: 'Bank inquiry' },
    enforcement: { zh: '强制措施', en: 'Enforcement' },
    deferralReview: { zh: '缓缴审核', en: 'Deferral review' },
  },
  deadlines: {},
  summary: {
    principal: { zh: '欠费本金（元）', en: 'Principal (CNY)' },
    lateFee: { zh: '滞纳金（元）', en: 'Late fee (CNY)' },
    workings: { zh: '计算过程', en: 'Workings' },
  },
};

const caseTypes: Record<string, CaseTypeLabels> = {
  enrollment,
  petition,
  arrears,
  benefit: { name: { zh: '待遇审批', en: 'Benefit claim' }, statuses: {}, steps: {}, deadlines: {}, summary: {} },
  transfer: { name: { zh: '转移接续', en: 'Transfer' }, statuses: {}, steps: {}, deadlines: {}, summary: {} },
};

/** Case types the filters offer, in the order the agency lists them. */
export const knownCaseTypes = Object.keys(caseTypes);

const timelineActions: Record<string, Label> = {
  'case.submitted': { zh: '提交申请', en: 'Submitted' },
  'case.status': { zh: '状态变更', en: 'Status changed' },
  'case.resubmitted': { zh: '补正后重新提交', en: 'Resubmitted with corrections' },
  'task.created': { zh: '生成待办', en: 'Task opened' },
  'task.claimed': { zh: '认领', en: 'Claimed' },
  'task.released': { zh: '退回待办', en: 'Released' },
  'task.reassigned': { zh: '改派', en: 'Reassigned' },
  'task.escalated': { zh: '超时升级', en: 'Escalated' },
  'task.cancelled': { zh: '任务取消', en: 'Task cancelled' },
  'task.approve': { zh: '批准', en: 'Approved' },
  'task.reject': { zh: '不予批准', en: 'Rejected' },
  'task.return': { zh: '退回补正', en: 'Returned for correction' },
  'insurance.opened': { zh: '开通参保', en: 'Insurance opened' },
  'task.accept': { zh: '受理', en: 'Accepted' },
  'task.notAccept': { zh: '不予受理', en: 'Not accepted' },
  'task.forward': { zh: '转送', en: 'Forwarded' },
  'task.support': { zh: '出具意见：予以支持', en: 'Opinion: supported' },
  'task.explain': { zh: '出具意见：解释说明', en: 'Opinion: explained' },
  'task.notSupport': { zh: '出具意见：不予支持', en: 'Opinion: not supported' },
  'task.extend': { zh: '申请延期', en: 'Extension requested' },
};

const pick = (labels: Record<string, Label> | undefined, key: string, lang: Lang): string => labels?.[key]?.[lang] ?? key;

/** Words for one language; every lookup falls back to the machine name. */
export function caseWords(lang: Lang) {
  return {
    type: (type: string) => pick(Object.fromEntries(Object.entries(caseTypes).map(([k, v]) => [k, v.name])), type, lang),
    status: (type: string, status: string) => pick(caseTypes[type]?.statuses, status, lang),
    step: (type: string, step: string) => pick(caseTypes[type]?.steps, step, lang),
    deadline: (type: string, name: string) => pick(caseTypes[type]?.deadlines, name, lang),
    action: (action: string) => pick(timelineActions, action, lang),
    summaryFields: (type: string): [string, string][] => Object.entries(caseTypes[type]?.summary ?? {}).map(([key, label]) => [key, label[lang]]),
  };
}

export type CaseWords = ReturnType<typeof caseWords>;
