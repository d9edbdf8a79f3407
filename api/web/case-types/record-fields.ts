// How a record's fields read: a case's `summary` on the case page and a notice's payload on the 通知 page and in a
// petitioner's documents. Each field has a label in both languages; values that are machine names (insurances, the
// petition channel, an opinion's kind, a route, a status, refusal codes) read as words; nested records are flattened
// one level; lists of records that other parts of the page show (deadlines) are left out; nothing reads
// "[object Object]".
import {
  deferralKindLabels,
  enrollmentRefusalLabels,
  insuranceLabels,
  labelOf,
  notAcceptedRouteLabels,
  opinionKindLabels,
  petitionChannelLabels,
  permissionLabels,
  reviewReasonText,
  yesNo,
} from '../i18n/enum-labels.js';
import type { Label, Lang } from '../i18n/messages.js';
import { shanghaiMinute } from '../time-display.js';
import { officeLabels, transferInsuranceLabels, transferLegLabels } from './transfer-labels.js';
import { benefitNoticeLabels, claimTypeLabels, figureLabels, shortfallOptionLabels } from './benefit-labels.js';

/** An ISO instant (`2026-12-16T16:00:00.000Z`), shown as Shanghai time like every instant on the pages. */
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

const fieldLabels: Record<string, Label> = {
  // benefit claims: the figures of the amounts first, so the fields below keep their own words where they share a key
  ...figureLabels,
  claimType: { zh: '待遇类型', en: 'Claim type' },
  retirementDate: { zh: '退休日期', en: 'Retirement date' },
  deemedMonths: { zh: '视同缴费月数', en: 'Deemed months' },
  leaveDate: { zh: '离职日期', en: 'Leave date' },
  registeredOn: { zh: '失业登记日期', en: 'Registered unemployed on' },
  eventType: { zh: '生育事件', en: 'Event' },
  eventDate: { zh: '事件日期', en: 'Event date' },
  babies: { zh: '胎数', en: 'Babies' },
  difficultBirth: { zh: '难产', en: 'Difficult birth' },
  accidentDate: { zh: '事故日期', en: 'Accident date' },
  description: { zh: '事故经过', en: 'What happened' },
  applicant: { zh: '申请人', en: 'Applicant' },
  deathDate: { zh: '死亡日期', en: 'Date of death' },
  cause: { zh: '死亡原因', en: 'Cause' },
  injuryReference: { zh: '工伤认定案件', en: 'Work-injury claim' },
  filedOn: { zh: '申请日期', en: 'Filed on' },
  options: { zh: '可选择的办法', en: 'What you may do' },
  rights: { zh: '救济途径', en: 'Your rights' },
  figures: { zh: '核定数据', en: 'Figures' },
  // back-payments (无记录补缴)
  firstMonth: { zh: '补缴起始月', en: 'First month' },
  lastMonth: { zh: '补缴截止月', en: 'Last month' },
  monthCount: { zh: '补缴月数', en: 'Months back-paid' },
  appliedOn: { zh: '申请日期', en: 'Applied on' },
  totals: { zh: '补缴金额', en: 'Amounts' },
  contribution: { zh: '社会保险费', en: 'Contributions' },
  supervision: { zh: '基金监督', en: 'Fund supervision' },
  needsSupervisor: { zh: '须经主管审批', en: 'Needs a supervisor' },
  // enrollment
  personName: { zh: '姓名', en: 'Name' },
  employerCreditCode: { zh: '用人单位', en: 'Employer' },
  hireDate: { zh: '用工日期', en: 'Hire date' },
  insuranceTypes: { zh: '险种', en: 'Insurances' },
  monthlyWage: { zh: '月工资（元）', en: 'Monthly wage (CNY)' },
  lateDays: { zh: '逾期登记天数', en: 'Days registered late' },
  reviewReasons: { zh: '转人工审核原因', en: 'Why it went to review' },
  refusals: { zh: '不予受理原因', en: 'Refusal reasons' },
  returns: { zh: '退回补正次数', en: 'Times returned for correction' },
  decidedBy: { zh: '决定人', en: 'Decided by' },
  // petitions
  channel: { zh: '信访渠道', en: 'Channel' },
  anonymous: { zh: '匿名', en: 'Anonymous' },
  request: { zh: '信访请求', en: 'Request' },
  facts: { zh: '事实', en: 'Facts' },
  reasons: { zh: '理由', en: 'Reasons' },
  legalBasis: { zh: '法律依据', en: 'Legal basis' },
  concerns: { zh: '涉及的案件', en: 'Case concerned' },
  caseReference: { zh: '案件编号', en: 'Case reference' },
  representatives: { zh: '代表人', en: 'Representatives' },
  whistleblowing: { zh: '举报工作人员', en: 'Whistle-blowing' },
  handlingRegion: { zh: '办理地区', en: 'Handling region' },
  receivedOn: { zh: '收到日期', en: 'Received on' },
  acceptedOn: { zh: '受理日期', en: 'Accepted on' },
  forwardedTo: { zh: '转送至', en: 'Forwarded to' },
  notAccepted: { zh: '不予受理', en: 'Not accepted' },
  concludedReference: { zh: '已终结的信访编号', en: 'Concluded petition' },
  route: { zh: '告知的途径', en: 'Route' },
  extension: { zh: '延期', en: 'Extension' },
  approved: { zh: '已批准', en: 'Approved' },
  opinion: { zh: '处理意见', en: 'Opinion' },
  review: { zh: '复查意见', en: 'Review opinion' },
  rereview: { zh: '复核意见', en: 'Re-review opinion' },
  reviewRequestedOn: { zh: '请求复查日期', en: 'Review requested on' },
  rereviewRequestedOn: { zh: '请求复核日期', en: 'Re-review requested on' },
  kind: { zh: '意见类型', en: 'Kind' },
  issuedOn: { zh: '出具日期', en: 'Issued on' },
  issuedBy: { zh: '出具人', en: 'Issued by' },
  deliveredOn: { zh: '送达日期', en: 'Delivered on' },
  rating: { zh: '评价', en: 'Rating' },
  score: { zh: '满意度', en: 'Score' },
  comment: { zh: '意见', en: 'Comment' },
  // arrears
  periods: { zh: '所属期', en: 'Periods' },
  orders: { zh: '已发责令缴纳通知', en: 'Orders to pay issued' },
  fineProposal: { zh: '拟处罚款', en: 'Fine proposal' },
  multiple: { zh: '罚款倍数', en: 'Fine multiple' },
  proposedBy: { zh: '提出人', en: 'Proposed by' },
  deferral: { zh: '缓缴', en: 'Deferral' },
  instalments: { zh: '分期数', en: 'Instalments' },
  orderDue: { zh: '限期缴纳至', en: 'Pay by' },
  principal: { zh: '欠缴本金', en: 'Principal' },
  lateFee: { zh: '滞纳金', en: 'Late fee' },
  fine: { zh: '罚款', en: 'Fine' },
  total: { zh: '合计', en: 'Total' },
  amount: { zh: '金额', en: 'Amount' },
  settled: { zh: '已结清', en: 'Settled' },
  // transfers
  insurance: { zh: '险种', en: 'Insurance' },
  fromRegion: { zh: '转出地', en: 'From' },
  toRegion: { zh: '转入地', en: 'To' },
  amounts: { zh: '转移金额', en: 'Amounts' },
  pooledFund: { zh: '统筹基金', en: 'Pooled fund' },
  personalAccount: { zh: '个人账户', en: 'Personal account' },
  months: { zh: '转移缴费月数', en: 'Contribution months' },
  refusal: { zh: '不予转移', en: 'Refusal' },
  office: { zh: '办理机构', en: 'Office' },
  by: { zh: '办理人', en: 'By' },
  acceptedBy: { zh: '出具联系函', en: 'Letter sent by' },
  sentBy: { zh: '办理转出', en: 'Sent by' },
  completedBy: { zh: '办结转入', en: 'Completed by' },
  leg: { zh: '环节', en: 'Leg' },
  region: { zh: '地区', en: 'Region' },
  // audit details and task lines
  step: { zh: '环节', en: 'Step' },
  dueAt: { zh: '办理时限', en: 'Due' },
  permission: { zh: '所需权限', en: 'Permission' },
  outcome: { zh: '决定', en: 'Outcome' },
  to: { zh: '改派给', en: 'Reassigned to' },
  holder: { zh: '原认领人', en: 'Held by' },
  workingDaysLeft: { zh: '剩余工作日', en: 'Working days left' },
  provisional: { zh: '暂定', en: 'Provisional' },
  lines: { zh: '人数', en: 'Employees' },
  firstId: { zh: '首行身份证号', en: 'First ID number' },
  creditSpent: { zh: '抵扣预缴余额', en: 'Credit used' },
  adjustment: { zh: '调整金额', en: 'Adjustment' },
  period: { zh: '所属期', en: 'Period' },
  // shared
  reference: { zh: '案件编号', en: 'Reference' },
  status: { zh: '状态', en: 'Status' },
  reason: { zh: '理由', en: 'Reason' },
  days: { zh: '天数', en: 'Days' },
  from: { zh: '起始日', en: 'From' },
  until: { zh: '截至', en: 'Until' },
  asOf: { zh: '计算至', en: 'As of' },
};

/** A nested field whose meaning depends on its parent (a deferral's kind is not an opinion's). */
const nestedLabels: Record<string, Label> = {
  'deferral.kind': { zh: '缓缴方式', en: 'Deferral type' },
  'deferral.reason': { zh: '缓缴理由', en: 'Reason for deferral' },
  'extension.reason': { zh: '延期理由', en: 'Reason for extension' },
  'notAccepted.reason': { zh: '不予受理理由', en: 'Reason not accepted' },
  'rating.comment': { zh: '评价意见', en: 'Comment' },
};

export const fieldLabel = (key: string, lang: Lang, parent?: string): string =>
  (parent ? nestedLabels[`${parent}.${key}`]?.[lang] : undefined) ?? fieldLabels[key]?.[lang] ?? key;

/** Values that are machine names, by the field that holds them. */
const valueTables: Record<string, Readonly<Record<string, Label>>> = {
  insuranceTypes: insuranceLabels,
  permission: permissionLabels,
  channel: petitionChannelLabels,
  kind: { ...opinionKindLabels, ...deferralKindLabels, ...benefitNoticeLabels },
  insurance: transferInsuranceLabels,
  office: officeLabels,
  leg: transferLegLabels,
  route: notAcceptedRouteLabels,
  claimType: claimTypeLabels,
  options: shortfallOptionLabels,
  cause: { workInjury: { zh: '因工死亡', en: 'Work injury' }, other: { zh: '非因工死亡', en: 'Other causes' } },
  eventType: { birth: { zh: '生育', en: 'Birth' }, miscarriage: { zh: '流产', en: 'Miscarriage' } },
  applicant: {
    employer: { zh: '用人单位', en: 'Employer' },
    worker: { zh: '职工本人', en: 'The worker' },
    family: { zh: '近亲属', en: 'Close relatives' },
    union: { zh: '工会组织', en: 'Trade union' },
  },
};

/** How a record names its case status: the status words of its case type. */
export type StatusWords = (status: string) => string;

type Refusal = { code?: unknown; message?: unknown };

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** An enrollment refusal: its label by code, and on English pages the domain's own sentence after it. */
function refusalText(refusal: Refusal, lang: Lang): string {
  const code = typeof refusal.code === 'string' ? refusal.code : '';
  const label = labelOf(enrollmentRefusalLabels, code, lang);
  const message = typeof refusal.message === 'string' ? refusal.message : '';
  return lang === 'en' && message ? `${label}: ${message}` : label;
}

/** One value as text, or null when it is empty or shown elsewhere on the page. */
export function valueText(key: string, value: unknown, lang: Lang, statusWords: StatusWords, parent?: string): string | null {
  if (value === null || value === undefined || value === '') return null;
  // A count of returns only matters once there was one.
  if (key === 'returns' && value === 0) return null;
  if (typeof value === 'boolean') return yesNo[lang][value ? 0 : 1];
  if (key === 'status' && typeof value === 'string') return statusWords(value);
  if (key === 'refusals' && Array.isArray(value))
    return value.length === 0 ? null : value.map((item) => refusalText(isRecord(item) ? item : {}, lang)).join(lang === 'zh' ? '；' : '; ');
  if (key === 'reviewReasons' && Array.isArray(value))
    return value.length === 0 ? null : value.map((item) => reviewReasonText(String(item as string), lang)).join(lang === 'zh' ? '；' : '; ');
  if (Array.isArray(value)) {
    // Lists of records (deadlines, balances) have their own place on the page.
    if (value.length === 0 || value.some((item) => typeof item === 'object' && item !== null)) return null;
    return value.map((item) => valueText(key, item, lang, statusWords, parent) ?? '').join(lang === 'zh' ? '；' : '; ');
  }
  if (isRecord(value)) {
    const [colon, separator] = lang === 'zh' ? ['：', '；'] : [': ', '; '];
    const parts = recordLines(value, lang, statusWords, key).map(([label, text]) => `${label}${colon}${text}`);
    return parts.length === 0 ? null : parts.join(separator);
  }
  const table = valueTables[key];
  if (table && typeof value === 'string') return labelOf(table, value, lang);
  if (typeof value === 'string' && INSTANT.test(value) && !Number.isNaN(Date.parse(value))) return shanghaiMinute(value);
  return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : JSON.stringify(value);
}

/**
 * A record as label/value lines, in its own key order. Nested records (an opinion, a deferral) are flattened one level
 * when `flatten` is set, as a notice reads; otherwise each nested record is one line of `label：value` pairs.
 */
export function recordLines(record: Record<string, unknown>, lang: Lang, statusWords: StatusWords, parent?: string, flatten = false): [string, string][] {
  const lines: [string, string][] = [];
  for (const [key, value] of Object.entries(record)) {
    if (flatten && isRecord(value)) {
      lines.push(...recordLines(value, lang, statusWords, key));
      continue;
    }
    const text = valueText(key, value, lang, statusWords, parent);
    if (text !== null) lines.push([fieldLabel(key, lang, parent), text]);
  }
  return lines;
}
