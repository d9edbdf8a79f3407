// How an API refusal reads on a page. English pages show the API's own detail (and the fields it names); Chinese pages
// show a Chinese sentence chosen by the problem's stable `code` and, for invalid input, the Chinese names of the fields
// in `errors[].path`. The words of `detail` are never parsed: the code decides the sentence.
import type { DomainErrorCode } from '../../../domain/errors.js';
import type { Problem } from '../api-client.js';
import type { Label, Lang } from './messages.js';

/** Every domain code's Chinese sentence; a new code does not compile until it has one (as api/errors.ts `statusFor`). */
const domainSentences = {
  CASE_NOT_FOUND: '没有此案件，或您无权查看。',
  TASK_NOT_FOUND: '没有此任务，或您无权查看。',
  ACCUSED_STAFF: '没有此任务，或您无权查看。',
  REGION_NOT_FOUND: '没有此地区。',
  EMPLOYER_NOT_FOUND: '没有此用人单位，或您无权查看。',
  PARAMETERS_NOT_FOUND: '该地区在此日期没有生效的缴费参数。',
  PERSON_NOT_FOUND: '没有此人员的记录，或您无权查看。',
  ATTACHMENT_NOT_FOUND: '没有此附件，或您无权查看。',
  RECOVERY_NOT_FOUND: '没有此待遇追回记录，或您无权查看。',
  DOCUMENT_NOT_FOUND: '没有此文书，或您无权查看。',
  STAFF_LINK_NOT_FOUND: '没有此工作人员关联记录。',
  TASK_ALREADY_CLAIMED: '该任务已被认领，不能再认领。',
  TASK_NOT_CLAIMED: '该任务尚未认领，请先认领。',
  TASK_ALREADY_DECIDED: '该任务已经办结，不能再次办理。',
  EMPLOYER_EXISTS: '该统一社会信用代码的用人单位已经登记。',
  STALE_VERSION: '数据已被他人更新，请刷新页面后重试。',
  NOT_ALLOWED_NOW: '案件当前的状态下不能进行此操作。',
  CASE_UNAVAILABLE: '案件正在恢复处理，暂时无法接收决定，请稍后重新提交（同一决定只会生效一次）。',
  FOUR_EYES: '“四眼原则”：准备此决定的人不能再批准它，须由另一人办理。',
  NOT_TASK_HOLDER: '只有认领该任务的人才能办理或退回它。',
  FORBIDDEN: '您无权进行此操作（身份、所属地区或单位不符）。',
  OUTCOME_NOT_ALLOWED: '此环节现在不能作出该决定，或缺少该决定必需的内容。',
  INVALID_AMOUNT: '金额无效：须为不小于零、最多两位小数的金额。',
  CURRENCY_MISMATCH: '币种不一致。',
  INVALID_CITIZEN_ID: '公民身份号码无效（位数、出生日期或校验位不符）。',
  INVALID_CREDIT_CODE: '统一社会信用代码无效。',
  INVALID_REGION_CODE: '行政区划代码无效。',
  INVALID_DATE: '日期无效。',
  CALENDAR_NOT_LOADED: '该年度的节假日安排尚未载入。',
  ENROLLMENT_REFUSED: '参保登记不予受理。',
  EMPLOYER_INACTIVE: '该用人单位不是正常登记状态，不能办理此业务。',
  REVIEW_WINDOW_CLOSED: '请求复查（复核）的期限已过。',
  VALIDATION_FAILED: '提交的内容有误，请检查后重试。',
  NOT_INSURED: '此人在该单位没有正在参保的记录。',
  DRAWING_PENSION: '此人已领取基本养老金，养老保险关系不再转移。',
  SAME_POOLING_AREA: '转出地与转入地属于同一统筹地区：在同一统筹地区内更换单位应办理减员和增员，不办理转移。',
  NOT_INSURED_IN_NEW_AREA: '此人尚未在转入地参保缴费，请先在新就业地参保后再申请转移。',
  NOT_INSURED_IN_OLD_AREA: '此人在转出地没有可转移的参保记录。',
  TRANSFER_ALREADY_OPEN: '此人同一险种已有正在办理的转移申请，须待其办结后再申请。',
  CLAIM_ALREADY_OPEN: '此人同一事项的待遇申请已在办理中，不能重复申请。',
  SAME_PERSON_AT_TWO_TIERS: '同一人不能在同一决定的两个审批层级办理（经办、复核、审批须由不同的人办理）。',
  REASSESSMENT_OUT_OF_TIME: '申请再次鉴定的期限（收到鉴定结论之日起 15 日内）已过。',
  IDEMPOTENCY_KEY_REUSED: '该请求标识已用于另一笔不同的到账登记：原登记有效，本次未登记。请使用新的请求标识。',
  NOT_ELIGIBLE: '此人不符合申报条件（不在该类别的名单上，或不属于该补助规则的对象），不能申报。',
  DUPLICATE_INVOICE: '该发票已在其他申报中使用，不能重复申报。',
  UNKNOWN_HOSPITAL: '该医院不是定点医院。',
  ALREADY_CREDITED: '此人本期已按该补助规则记入医疗帐户（或已在其他申报中），不能重复申报。',
  INSUFFICIENT_BALANCE: '个人医疗帐户余额不足，未支付。',
  MONTH_ALREADY_RECORDED: '所选月份已有缴费记录或已在其他补缴申请中，不能补缴。',
  FUTURE_MONTH: '补缴月份不能晚于本月。',
  NO_PARAMETERS: '所选月份没有缴费参数，无法计算补缴金额。',
} as const satisfies Record<DomainErrorCode, string>;

/** The codes the HTTP edge adds (api/errors.ts, authentication, readiness). */
const edgeSentences: Record<string, string> = {
  MALFORMED_JSON: '提交的内容无法解析。',
  BAD_REQUEST: '请求无效。',
  UNAUTHENTICATED: '请先登录。',
  TOKEN_EXPIRED: '登录已过期，请重新登录。',
  INVALID_CLAIMS: '令牌缺少必需的身份信息（角色、地区或单位）。',
  NOT_FOUND: '没有找到，或您无权查看。',
  METHOD_NOT_ALLOWED: '不支持此操作。',
  PAYLOAD_TOO_LARGE: '提交的文件或内容过大。',
  UNSUPPORTED_MEDIA_TYPE: '不支持此文件格式。',
  RATE_LIMITED: '操作过于频繁，请稍后再试。',
  INTERNAL: '系统出错，已记录，请稍后再试或联系管理员。',
  NOT_READY: '系统暂时不可用，请稍后再试。',
};

/** A code this table does not know yet still gets a Chinese sentence, by its status. */
const byStatus = (status: number): string =>
  status === 401
    ? '请先登录。'
    : status === 403
      ? '您无权进行此操作。'
      : status === 404
        ? '没有找到，或您无权查看。'
        : status === 409
          ? '此操作与当前状态冲突，请刷新页面后重试。'
          : status === 422
            ? '不符合业务规则，未能办理。'
            : status >= 500
              ? '系统出错，请稍后再试。'
              : '请求无效，请检查后重试。';

const chineseSentence = (problem: Problem): string =>
  (domainSentences as Record<string, string>)[problem.code] ?? edgeSentences[problem.code] ?? byStatus(problem.status);

/** The request fields the pages post, by the last named part of an `errors[].path`. */
const fieldNames: Record<string, Label> = {
  citizenId: { zh: '公民身份号码', en: 'citizen ID number' },
  name: { zh: '姓名', en: 'name' },
  phone: { zh: '手机号码', en: 'mobile phone' },
  hukouRegion: { zh: '户籍地', en: 'hukou region' },
  employerCreditCode: { zh: '用人单位统一社会信用代码', en: 'employer credit code' },
  hireDate: { zh: '用工日期', en: 'hire date' },
  leaveDate: { zh: '离职日期', en: 'leave date' },
  insuranceTypes: { zh: '参保险种', en: 'insurances' },
  monthlyWage: { zh: '月工资（元）', en: 'monthly wage' },
  workInjuryClass: { zh: '工伤类别', en: 'work-injury class' },
  workInjuryTier: { zh: '工伤浮动档', en: 'work-injury tier' },
  region: { zh: '地区', en: 'region' },
  channel: { zh: '信访渠道', en: 'channel' },
  request: { zh: '信访请求', en: 'request' },
  facts: { zh: '事实', en: 'facts' },
  reasons: { zh: '理由', en: 'reasons' },
  legalBasis: { zh: '法律依据', en: 'legal basis' },
  caseReference: { zh: '涉及的案件编号', en: 'case reference' },
  attachmentIds: { zh: '附件', en: 'attachments' },
  file: { zh: '文件', en: 'file' },
  period: { zh: '所属期', en: 'period' },
  lines: { zh: '申报明细', en: 'lines' },
  columns: { zh: '列名', en: 'columns' },
  outcome: { zh: '办理决定', en: 'outcome' },
  comment: { zh: '意见', en: 'comment' },
  route: { zh: '告知的途径', en: 'route' },
  toRegion: { zh: '转送地区', en: 'region forwarded to' },
  days: { zh: '天数', en: 'days' },
  multiple: { zh: '罚款倍数', en: 'fine multiple' },
  until: { zh: '截止日期', en: 'end date' },
  instalments: { zh: '分期数', en: 'instalments' },
  assignee: { zh: '改派给', en: 'assignee' },
  reason: { zh: '原因', en: 'reason' },
  taskIds: { zh: '所选任务', en: 'selected tasks' },
  score: { zh: '满意度', en: 'score' },
  asOf: { zh: '计算至', en: 'as of' },
  body: { zh: '提交的内容', en: 'the request' },
  query: { zh: '查询条件', en: 'the query' },
  params: { zh: '地址', en: 'the address' },
  // A benefit claim's death and dependant fields (the survivor form's rows: `dependants.1.birthDate`).
  deathDate: { zh: '死亡日期', en: 'date of death' },
  injuryReference: { zh: '工伤认定案件编号', en: 'work-injury claim reference' },
  dependants: { zh: '供养亲属', en: 'dependants' },
  relation: { zh: '与逝者关系', en: 'relation' },
  sex: { zh: '性别', en: 'sex' },
  birthDate: { zh: '出生日期', en: 'date of birth' },
  monthlyIncome: { zh: '本人月收入', en: 'own income a month' },
};

/** The lists whose items a page numbers by what they are (第 2 位供养亲属), not as a generic 第 2 项. */
const itemNames: Record<string, Label> = { dependants: { zh: '位供养亲属', en: 'dependant' } };

/**
 * `person.citizenId` → 公民身份号码; `lines[1].monthlyWage` → 第 2 项 月工资（元）; `dependants.1.birthDate` →
 * 第 2 位供养亲属 出生日期; an unknown name shows as sent.
 */
export function fieldName(path: string, lang: Lang): string {
  const parts = path.split('.').filter(Boolean);
  const last = (parts.at(-1) ?? path).replace(/\[\d+\]$/, '');
  const label = fieldNames[last]?.[lang] ?? last;
  const item = /\[(\d+)\]/.exec(path) ?? /(?:^|\.)(\d+)(?=\.|$)/.exec(path);
  if (!item) return label;
  const n = Number(item[1]) + 1;
  const list = /(\w+)(?:\[\d+\]|\.\d+)/.exec(path)?.[1];
  const kind = list === undefined ? undefined : itemNames[list];
  if (kind) return lang === 'zh' ? `第 ${n} ${kind.zh} ${label}` : `${label} (${kind.en} ${n})`;
  return lang === 'zh' ? `第 ${n} 项 ${label}` : `${label} (item ${n})`;
}

/**
 * One line for the user: on an English page the API's detail with the fields it names; on a Chinese page the sentence
 * for the code and the Chinese names of the fields. `row` is a roster line the page itself was importing.
 */
export function describeProblem(problem: Problem, lang: Lang): string {
  const where = problem.row === undefined ? '' : lang === 'zh' ? `第 ${problem.row} 行：` : `line ${problem.row}: `;
  const errors = problem.errors ?? [];
  if (lang === 'en') {
    const fields = errors.map((error) => `${error.path}: ${error.message}`);
    return `${where}${problem.detail}${fields.length > 0 ? ` (${fields.join('; ')})` : ''}`;
  }
  const sentence = chineseSentence(problem);
  if (errors.length === 0) return `${where}${sentence}`;
  const fields = [...new Set(errors.map((error) => fieldName(error.path, 'zh')))];
  // A field-level refusal of a business rule (e.g. INVALID_CITIZEN_ID on person.citizenId) keeps its own sentence.
  return problem.code === 'VALIDATION_FAILED' ? `${where}以下内容有误：${fields.join('、')}。` : `${where}${sentence}（${fields.join('、')}）`;
}
