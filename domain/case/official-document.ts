import { maskCitizenId } from '../identity/masking.js';

/**
 * The official documents (正式文书) of the notice outbox (issue 14 point 3): every notice a case sends is also a letter,
 * rendered as a PDF (services/documents) from what this module says it reads. Pure: the same notice always gives the
 * same content, so a document rendered twice is the same document.
 */

/** The title of each letter the processes send; a kind not listed is a plain 告知书. */
export const DOCUMENT_TITLES: Readonly<Record<string, string>> = {
  // Enrollment (rules §2)
  enrollment_under_review: '社会保险登记受理通知书',
  enrollment_approved: '社会保险登记核准通知书',
  enrollment_refused: '社会保险登记不予核准通知书',
  enrollment_rejected: '社会保险登记审核不通过通知书',
  enrollment_withdrawn: '社会保险登记撤回告知书',
  correction_requested: '补正材料通知书',
  // Arrears (rules §3)
  order_to_pay: '社会保险费限期缴纳通知书',
  fine_decision: '行政处罚决定书',
  deferral_approved: '缓缴申请批准通知书',
  deferral_refused: '缓缴申请不予批准通知书',
  guarantee_agreement: '担保缴纳告知书',
  transfer_decision: '划拨社会保险费决定书',
  court_application: '申请人民法院强制执行告知书',
  arrears_settled: '欠费清缴告知书',
  // Petitions (rules §7)
  petition_registered: '信访事项登记告知书',
  petition_accepted: '信访事项受理告知书',
  petition_not_accepted: '信访事项不予受理告知书',
  petition_forwarded: '信访事项转送告知书',
  petition_extended: '信访事项延期办理告知书',
  petition_reply: '信访事项处理意见书',
  petition_review_opinion: '信访事项复查意见书',
  petition_rereview_opinion: '信访事项复核意见书',
  // Benefits (rules §5)
  benefit_granted: '社会保险待遇核定通知书',
  benefit_refused: '社会保险待遇不予核准决定书',
  benefit_rejected: '社会保险待遇申请不予受理通知书',
  benefit_stopped: '停止发放社会保险待遇通知书',
  injury_not_recognized: '不予认定工伤决定书',
  injury_suspended: '工伤认定中止通知书',
  assessment_concluded: '劳动能力鉴定结论通知书',
  assessment_no_grade: '劳动能力鉴定结论通知书',
  // Transfers (rules §6)
  transfer_received: '转移接续申请受理通知书',
  transfer_out_sent: '基本养老保险关系转出通知书',
  acceptance_letter_sent: '基本养老保险关系转移接续联系函',
  funds_received: '转移资金到账通知书',
  temporary_account_opened: '临时基本养老保险缴费账户建立通知书',
  temporary_account_collected: '临时基本养老保险缴费账户归集通知书',
  transfer_completed: '社会保险关系转移接续办结通知书',
  transfer_refused: '社会保险关系转移接续不予办理通知书',
};

/** The labels of the payload fields the letters carry; any other field is printed under its own name. */
const LABELS: Readonly<Record<string, string>> = {
  reference: '案件编号',
  status: '办理状态',
  reason: '理由',
  refusals: '不予办理的理由',
  orderDue: '限期缴纳至',
  balance: '欠缴金额（元）',
  fine: '罚款',
  deferral: '缓缴',
  deadlines: '办理期限',
  letter: '决定',
  outcome: '结论',
  decidedOn: '决定日期',
  reasons: '理由',
  options: '可选择的办理方式',
  lines: '待遇项目',
  figures: '计算数据',
  legalBasis: '法律依据',
  rights: '救济途径',
  claimType: '待遇类别',
  insurance: '险种',
  fromRegion: '转出地',
  toRegion: '转入地',
  amount: '金额（元）',
  name: '名称',
  dueDate: '期限',
  dueAt: '截止时间',
  // The collection of a temporary pension account (归集, rules §6.1)
  collectedOn: '归集日期',
  from: '临时账户所在地',
  into: '归集至',
  throughMonth: '计至月份',
  months: '缴费月数',
  trigger: '归集原因',
  pooledFund: '统筹基金（元）',
  personalAccount: '个人账户（元）',
};

/** What a letter says: its title, who it is addressed to, its number, and its lines in order. */
export interface OfficialDocumentContent {
  title: string;
  /** 文书编号: the case reference and the notice's own short id, unique per letter. */
  number: string;
  addressee: string;
  issuedOn: string;
  lines: string[];
}

export interface NoticeForDocument {
  id: string;
  kind: string;
  recipientKind: 'citizen' | 'employer';
  recipientId: string;
  payload: Record<string, unknown>;
  /** The Asia/Shanghai date the notice was written (the letter's date). */
  issuedOn: string;
}

export function documentTitle(kind: string): string {
  return DOCUMENT_TITLES[kind] ?? '告知书';
}

/**
 * The content of the letter a notice is. The addressee's ID number is masked (the letter travels by SMS link and
 * portal); an employer is named by its credit code. Payload fields are printed in their order, nested ones indented,
 * so nothing the case told the recipient is left out of the letter.
 */
export function officialDocumentContent(notice: NoticeForDocument): OfficialDocumentContent {
  const reference = typeof notice.payload.reference === 'string' ? notice.payload.reference : '';
  const addressee = notice.recipientKind === 'citizen' ? `公民身份号码 ${maskCitizenId(notice.recipientId)}` : `统一社会信用代码 ${notice.recipientId}`;
  const lines: string[] = [];
  for (const [key, value] of Object.entries(notice.payload)) lines.push(...fieldLines(key, value, 0));
  return {
    title: documentTitle(notice.kind),
    number: `${reference || 'DOC'}-${notice.id.replace(/-/g, '').slice(0, 8).toUpperCase()}`,
    addressee,
    issuedOn: notice.issuedOn,
    lines,
  };
}

function fieldLines(key: string, value: unknown, depth: number): string[] {
  const indent = '　'.repeat(depth);
  const label = LABELS[key] ?? key;
  if (value === null || value === undefined || value === '') return [];
  if (Array.isArray(value)) {
    if (value.length === 0) return [];
    return [`${indent}${label}：`, ...value.flatMap((item, index) => fieldLines(String(index + 1), item, depth + 1))];
  }
  if (typeof value === 'object') {
    const nested = Object.entries(value as Record<string, unknown>).flatMap(([k, v]) => fieldLines(k, v, depth + 1));
    return nested.length === 0 ? [] : [`${indent}${label}：`, ...nested];
  }
  if (typeof value === 'string' && /^\d{17}[\dX]$/.test(value)) return [`${indent}${label}：${maskCitizenId(value)}`];
  const text = typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? String(value) : JSON.stringify(value);
  return [`${indent}${label}：${text}`];
}
