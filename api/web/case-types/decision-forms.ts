// What a decision on each case type's steps looks like on the case page: the outcome's button label and the `data`
// fields that outcome needs (the domain's decision mapping refuses it without them). Outcomes come from the case
// JSON's `allowedActions`; anything without an entry here is a plain button named by its machine name, so a new case
// type works before its words land.
import { notAcceptedRouteLabels } from '../i18n/enum-labels.js';
import type { Label } from '../i18n/messages.js';

export interface DecisionField {
  /** The key in the decision's `data`. */
  name: string;
  label: Label;
  kind: 'text' | 'textarea' | 'number' | 'date' | 'select';
  /** For `select`: value and label of each option. */
  options?: readonly (readonly [string, Label])[];
  pattern?: string;
}

export interface OutcomeForm {
  label: Label;
  fields?: readonly DecisionField[];
  /** The comment is the reason the law asks for (a refusal, a return, a not-accepted notice). */
  needsReason?: boolean;
}

const opinionFields: readonly DecisionField[] = [
  { name: 'facts', label: { zh: '认定的事实', en: 'Facts found' }, kind: 'textarea' },
  { name: 'reasons', label: { zh: '理由', en: 'Reasons' }, kind: 'textarea' },
  { name: 'legalBasis', label: { zh: '法律依据', en: 'Legal basis' }, kind: 'textarea' },
];

/** Every route of domain NOT_ACCEPTED_ROUTES, with its words. */
const NOT_ACCEPTED_ROUTES = Object.entries(notAcceptedRouteLabels);

/** 信访工作条例 arts. 23, 32, 35, 36 (rules §7); petition-decision.ts names the data each outcome needs. */
const petition: Record<string, OutcomeForm> = {
  accept: { label: { zh: '受理', en: 'Accept' } },
  notAccept: {
    label: { zh: '不予受理', en: 'Do not accept' },
    needsReason: true,
    fields: [{ name: 'route', label: { zh: '告知的途径', en: 'Route the petitioner must follow' }, kind: 'select', options: NOT_ACCEPTED_ROUTES }],
  },
  forward: {
    label: { zh: '转送有权机关', en: 'Forward' },
    needsReason: true,
    fields: [{ name: 'toRegion', label: { zh: '转送至（地区代码）', en: 'To region (code)' }, kind: 'text', pattern: '\\d{6}' }],
  },
  object: { label: { zh: '提出异议', en: 'Object to the transfer' }, needsReason: true },
  support: { label: { zh: '予以支持', en: 'Support' }, fields: opinionFields },
  explain: { label: { zh: '解释说明', en: 'Explain' }, fields: opinionFields },
  notSupport: { label: { zh: '不予支持', en: 'Do not support' }, fields: opinionFields },
  extend: {
    label: { zh: '申请延期', en: 'Request an extension' },
    needsReason: true,
    fields: [{ name: 'days', label: { zh: '延长天数（≤30）', en: 'Days (≤ 30)' }, kind: 'number' }],
  },
  approve: { label: { zh: '批准延期', en: 'Approve extension' } },
  reject: { label: { zh: '不批准延期', en: 'Refuse extension' }, needsReason: true },
};

/** 社会保险法 arts. 63, 86 (rules §4); arrears-decision.ts names the data each outcome needs. */
const arrears: Record<string, OutcomeForm> = {
  propose: {
    label: { zh: '提出罚款', en: 'Propose fine' },
    fields: [{ name: 'multiple', label: { zh: '罚款倍数（1–3）', en: 'Fine multiple (1–3)' }, kind: 'text', pattern: '\\d(\\.\\d{1,2})?' }],
  },
  fundsFound: { label: { zh: '查有存款', en: 'Funds found' } },
  noFunds: { label: { zh: '无可划拨存款', en: 'No funds' } },
  transfer: { label: { zh: '划拨', en: 'Transfer' } },
  court: { label: { zh: '申请法院强制执行', en: 'Apply to court' } },
  guarantee: {
    label: { zh: '担保缓缴协议', en: 'Guarantee agreement' },
    fields: [
      { name: 'until', label: { zh: '协议截止日', en: 'Agreement ends on' }, kind: 'date' },
      { name: 'instalments', label: { zh: '分期数（1–36）', en: 'Instalments (1–36)' }, kind: 'number' },
    ],
  },
};

/**
 * 国办发〔2009〕66号 art. 8, 医保办发〔2021〕43号 (rules §6): each leg's decision in its own words — the new office
 * accepts or refuses in writing, the old office sends or says why it cannot, the new office completes. Keyed by
 * `transfer:<step>`; transfer-decision.ts names the outcomes each step takes.
 */
const transferSteps: Record<string, Record<string, OutcomeForm>> = {
  'transfer:acceptanceLetter': {
    approve: { label: { zh: '同意接收，出具联系函', en: 'Accept and send the letter of acceptance' } },
    reject: { label: { zh: '不予接收（书面说明理由）', en: 'Refuse (reason in writing)' }, needsReason: true },
  },
  'transfer:transferOut': {
    approve: { label: { zh: '转出：发送信息表并划转资金', en: 'Send the information table and the money' } },
    reject: { label: { zh: '不能转出（书面说明理由）', en: 'Cannot transfer out (reason in writing)' }, needsReason: true },
  },
  'transfer:completion': { approve: { label: { zh: '办结转入并告知参保人', en: 'Complete and inform the person' } } },
  'transfer:load': { approve: { label: { zh: '接续转入，记入账户余额', en: 'Load and credit the balance' } } },
};
/** 工伤保险条例 arts. 20, 25–26 (rules §5.5); benefit-claim-decision.ts names the data each outcome needs. */
const benefit: Record<string, OutcomeForm> = {
  recognize: { label: { zh: '认定为工伤', en: 'Recognise as a work injury' } },
  notRecognize: { label: { zh: '不予认定工伤', en: 'Do not recognise' }, needsReason: true },
  suspend: { label: { zh: '中止认定（等待司法或行政结论）', en: 'Suspend (awaiting a judicial conclusion)' }, needsReason: true },
  resume: {
    label: { zh: '恢复认定', en: 'Resume recognition' },
    fields: [{ name: 'receivedOn', label: { zh: '收到结论日期', en: 'Conclusion received on' }, kind: 'date' }],
  },
  conclude: {
    label: { zh: '录入鉴定结论', en: 'Record the conclusion' },
    fields: [{ name: 'grade', label: { zh: '伤残等级（1–10 级）', en: 'Disability grade (1–10)' }, kind: 'number' }],
  },
  extend: { label: { zh: '鉴定延期 30 日', en: 'Extend by 30 days' } },
};

/** 稽核调查 (rules §8): investigation-steps.ts names the data each outcome needs; amounts and multiples stay strings. */
const investigation: Record<string, OutcomeForm> = {
  assign: {
    label: { zh: '指派调查人', en: 'Assign an investigator' },
    fields: [{ name: 'investigatorId', label: { zh: '调查人（工号）', en: 'Investigator (staff id)' }, kind: 'text' }],
  },
  fraudFound: {
    label: { zh: '认定骗取基金', en: 'Fraud found' },
    needsReason: true,
    fields: [
      { name: 'amount', label: { zh: '骗取金额（元）', en: 'Amount obtained (yuan)' }, kind: 'text', pattern: '\\d+(\\.\\d{1,2})?' },
      { name: 'multiple', label: { zh: '罚款倍数（2–5）', en: 'Fine multiple (2–5)' }, kind: 'text', pattern: '[2-5](\\.\\d{1,2})?' },
    ],
  },
  noFraud: { label: { zh: '未发现骗取', en: 'No fraud' }, needsReason: true },
  approve: { label: { zh: '复核结案', en: 'Close (second supervisor)' } },
  return: { label: { zh: '退回重新调查', en: 'Return to the investigator' }, needsReason: true },
};

const forms: Record<string, Record<string, OutcomeForm>> = { petition, arrears, benefit, investigation, ...transferSteps };

/**
 * The form of one outcome of a case type — the step's own when the type words its steps apart (`<type>:<step>`) —
 * or undefined to fall back to the generic words.
 */
export const outcomeFormFor = (caseType: string, outcome: string, step?: string): OutcomeForm | undefined =>
  (step === undefined ? undefined : forms[`${caseType}:${step}`]?.[outcome]) ?? forms[caseType]?.[outcome];

/** Outcomes every case type may take (domain/task.ts `TaskOutcome`, enrollment REVIEW_OUTCOMES and the like). */
const genericOutcomes: Record<string, Label> = {
  approve: { zh: '批准', en: 'Approve' },
  reject: { zh: '不予批准', en: 'Reject' },
  return: { zh: '退回补正', en: 'Return for correction' },
  accept: { zh: '受理', en: 'Accept' },
  decline: { zh: '不予受理', en: 'Decline' },
  reply: { zh: '答复', en: 'Reply' },
};

/** An outcome's button label: the step's or the case type's own words, else the generic ones, else undefined. */
export const outcomeLabel = (caseType: string, outcome: string, step?: string): Label | undefined =>
  outcomeFormFor(caseType, outcome, step)?.label ?? genericOutcomes[outcome];

/**
 * The posted `data.*` fields of a decision as the domain wants them: numbers as numbers, only the chosen outcome's
 * fields, blanks left out so the domain names what is missing.
 */
export function decisionData(caseType: string, outcome: string, form: Record<string, unknown>): Record<string, unknown> {
  const data: Record<string, unknown> = {};
  for (const field of outcomeFormFor(caseType, outcome)?.fields ?? []) {
    const value = form[`data.${field.name}`];
    if (typeof value !== 'string' || value.trim() === '') continue;
    data[field.name] = field.kind === 'number' ? Number(value) : value.trim();
  }
  return data;
}
