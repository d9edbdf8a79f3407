// The words for the machine values the pages show: roles, task states, insurances, petition channels, opinion kinds,
// not-accepted routes, enrollment refusals and the like. Each table is typed by the domain's own list where one exists,
// so a new value does not compile until it has both a Chinese and an English label. Case types, statuses, steps,
// deadlines and timeline actions are in case-types/case-type-labels.ts.
import type { Deferral } from '../../../domain/arrears/arrears.machine.js';
import type { InsuranceType } from '../../../domain/contribution/regional-parameters.js';
import type { RefusalCode } from '../../../domain/enrollment/enrollment-checks.js';
import type { NotAcceptedRoute, OpinionKind, PetitionChannel } from '../../../domain/petition/petition-submission.js';
import type { TaskPermission } from '../../../domain/task.js';
import type { Role } from '../../../policies/abilities.js';
import type { TaskStatus } from '../../../db/entities/task.entity.js';
import type { Label, Lang } from './messages.js';

/** A value's label, or the value itself when the table has none (a value that lands before its words still renders). */
export const labelOf = (table: Readonly<Record<string, Label>>, value: string, lang: Lang): string => table[value]?.[lang] ?? value;

export const roleLabels: Record<Role, Label> = {
  citizen: { zh: '参保人', en: 'citizen' },
  employer: { zh: '单位经办人', en: 'employer agent' },
  caseworker: { zh: '经办员', en: 'caseworker' },
  reviewer: { zh: '复核员', en: 'reviewer' },
  supervisor: { zh: '科长', en: 'supervisor' },
  auditor: { zh: '审计员', en: 'auditor' },
  admin: { zh: '管理员', en: 'administrator' },
};

export const taskStatusLabels: Record<TaskStatus, Label> = {
  open: { zh: '待认领', en: 'Open' },
  claimed: { zh: '办理中', en: 'Claimed' },
  waiting: { zh: '等待补正', en: 'Waiting on applicant' },
  completed: { zh: '已办结', en: 'Completed' },
  cancelled: { zh: '已取消', en: 'Cancelled' },
};

/** The permission a step needs (domain/task.ts). */
export const permissionLabels: Record<TaskPermission, Label> = {
  review: { zh: '审核', en: 'Review' },
  approve: { zh: '审批', en: 'Approval' },
  supervise: { zh: '督办', en: 'Supervision' },
};

export const insuranceLabels: Record<InsuranceType, Label> = {
  pension: { zh: '养老保险', en: 'Pension' },
  medical: { zh: '医疗保险', en: 'Medical' },
  unemployment: { zh: '失业保险', en: 'Unemployment' },
  workInjury: { zh: '工伤保险', en: 'Work injury' },
};

/** The four insurances in the order the forms list them. */
export const INSURANCE_CHOICES = Object.entries(insuranceLabels) as [InsuranceType, Label][];

/** 信访工作条例 art. 17: how a petition reached the agency. */
export const petitionChannelLabels: Record<PetitionChannel, Label> = {
  online: { zh: '网上信访', en: 'Online' },
  letter: { zh: '来信', en: 'Letter' },
  fax: { zh: '传真', en: 'Fax' },
  visit: { zh: '来访', en: 'Visit' },
  phone: { zh: '电话', en: 'Phone' },
};

export const opinionKindLabels: Record<OpinionKind, Label> = {
  support: { zh: '予以支持', en: 'Supported' },
  explain: { zh: '解释说明', en: 'Explained' },
  notSupport: { zh: '不予支持', en: 'Not supported' },
};

/** Where a matter not taken as a petition belongs (arts. 19, 22, 31): the route the petitioner is told. */
export const notAcceptedRouteLabels: Record<NotAcceptedRoute, Label> = {
  court: { zh: '向人民法院起诉', en: 'Court' },
  arbitration: { zh: '申请劳动人事争议仲裁', en: 'Labour arbitration' },
  administrativeReview: { zh: '申请行政复议', en: 'Administrative review' },
  administrativeProcedure: { zh: '依法定行政程序办理', en: 'Statutory administrative procedure' },
  disciplinaryBody: { zh: '向纪检监察机关反映', en: 'Disciplinary body' },
  rereviewConcluded: { zh: '已复核终结，不再受理', en: 'Re-review already concluded' },
  other: { zh: '其他途径', en: 'Other route' },
};

export const deferralKindLabels: Record<Deferral['kind'], Label> = {
  hardship: { zh: '困难缓缴', en: 'Hardship deferral' },
  guarantee: { zh: '担保缓缴', en: 'Guaranteed deferral' },
};

/** Enrollment checks that end a case (domain/enrollment/enrollment-checks.ts; rules §2). */
export const enrollmentRefusalLabels: Record<RefusalCode, Label> = {
  INVALID_CITIZEN_ID: { zh: '公民身份号码无效', en: 'Invalid citizen ID number' },
  HIRE_BEFORE_BIRTH: { zh: '用工日期早于出生日期', en: 'Hire date before the birth date' },
  UNDER_MINIMUM_AGE: { zh: '未达到最低就业年龄', en: 'Under the minimum working age' },
  AT_RETIREMENT_AGE: { zh: '已达到法定退休年龄', en: 'At statutory retirement age' },
  EMPLOYER_NOT_REGISTERED: { zh: '用人单位未在经办机构登记', en: 'Employer not registered' },
  EMPLOYER_INACTIVE: { zh: '用人单位登记状态异常', en: 'Employer registration not active' },
  EMPLOYER_OTHER_REGION: { zh: '用人单位登记在其他地区', en: 'Employer registered in another region' },
  INSURANCE_NOT_ALLOWED: { zh: '灵活就业人员不能参加该险种', en: 'Insurance not open to flexible workers' },
  PENSION_ACTIVE_ELSEWHERE: { zh: '已在其他统筹地区参加养老保险，应办理转移接续', en: 'Pension active in another pooling area: apply for a transfer' },
  PENSION_ACTIVE_WITH_OTHER_EMPLOYER: {
    zh: '仍由本统筹地区其他单位参保，须原单位先办理减员',
    en: 'Still insured by another employer here: that employer must report the leaver first',
  },
  ALREADY_INSURED: { zh: '已由本单位参保', en: 'Already insured through this employer' },
  OPEN_ENROLLMENT_EXISTS: { zh: '此人另有参保登记正在办理', en: 'Another enrollment of this person is open' },
  NO_PARAMETERS: { zh: '参保地没有生效的缴费参数', en: 'No contribution parameters in force in the region' },
};

/** Who wrote a timeline line when it was not a named person (the API shows the public "agency" for staff). */
export const actorLabels: Record<string, Label> = {
  system: { zh: '系统', en: 'System' },
  agency: { zh: '经办机构', en: 'Agency' },
  petitioner: { zh: '信访人', en: 'Petitioner' },
};

/** What an audit entry is about. */
export const objectTypeLabels: Record<string, Label> = {
  Case: { zh: '案件', en: 'Case' },
  Task: { zh: '任务', en: 'Task' },
  Bill: { zh: '账单', en: 'Bill' },
  Payment: { zh: '缴款', en: 'Payment' },
  Employer: { zh: '用人单位', en: 'Employer' },
  Attachment: { zh: '附件', en: 'Attachment' },
  RegionParameters: { zh: '地区参数', en: 'Region parameters' },
};

export const yesNo: Record<Lang, readonly [string, string]> = { zh: ['是', '否'], en: ['Yes', 'No'] };

/**
 * The sentences the workflows and task writer put in a system line's `reason` (task-store, human-task, the case
 * classes). They are constants of this code base, matched whole; anything else (a person's own words) shows as written.
 */
const systemReasons: Record<string, Label> = {
  'SLA breached': { zh: '超过办理时限', en: 'Deadline passed' },
  'holiday calendar loaded': { zh: '节假日安排已载入，时限重新计算', en: 'Holiday calendar loaded: deadline counted again' },
  'case closed': { zh: '案件已办结', en: 'Case closed' },
  'arrears settled': { zh: '欠费已结清', en: 'Arrears settled' },
  'superseded by a deferral request': { zh: '已申请缓缴，原任务取消', en: 'Superseded by a deferral request' },
};

export const systemReasonText = (reason: string, lang: Lang): string => systemReasons[reason]?.[lang] ?? reason;

/**
 * Why an enrollment went to a person (domain/enrollment/enrollment-checks.ts `reviewReasons`). The domain writes them
 * as English sentences of fixed shapes; Chinese pages get the same facts in Chinese, and a sentence of an unknown shape
 * shows as written. test/api/web/web-labels.test.ts runs the checks, so a changed sentence fails there first.
 */
const reviewReasonShapes: readonly { shape: RegExp; zh: (m: RegExpExecArray) => string }[] = [
  { shape: /^registered (\d+) days after the (\d+)-day deadline$/, zh: (m) => `超过用工之日起 ${m[2]} 日的登记期限 ${m[1]} 天` },
  { shape: /^sampled for quality review$/, zh: () => '随机抽中质量复核' },
  {
    shape: /^no holiday calendar loaded for (\d{4}): the deadline is provisional \(weekends only\)$/,
    zh: (m) => `${m[1]} 年节假日安排尚未载入，登记期限暂按周末计算`,
  },
  { shape: /^no holiday calendar loaded for (\d{4}): deadline counted without rollover$/, zh: (m) => `${m[1]} 年节假日安排尚未载入，期限未顺延计算` },
  {
    shape: /^past the statutory retirement age with (\d+) of (\d+) contribution months: extended contributions \(延长缴费\)$/,
    zh: (m) => `已达法定退休年龄，累计缴费 ${m[1]} 个月（最低 ${m[2]} 个月），申请延长缴费`,
  },
];

export function reviewReasonText(reason: string, lang: Lang): string {
  if (lang === 'en') return reason.charAt(0).toUpperCase() + reason.slice(1);
  for (const { shape, zh } of reviewReasonShapes) {
    const match = shape.exec(reason);
    if (match) return zh(match);
  }
  return reason;
}
