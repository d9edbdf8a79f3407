// What the pages call everything a benefit claim (待遇审批) shows: its statuses, steps, clocks, claim types, benefit
// lines, refusal codes, options and figures. Typed by the domain's own lists, so a new status, step, benefit or clock
// does not compile until it has words in both languages.
import type { BenefitClock } from '../../../domain/benefit/benefit-claim-clocks.js';
import type { BenefitStep } from '../../../domain/benefit/benefit-claim-decision.js';
import type { BenefitClaimStatus, BenefitNotice } from '../../../domain/benefit/benefit-claim.machine.js';
import type { BenefitClaimType } from '../../../domain/benefit/claim-processing.js';
import type { EntitlementBenefit, EntitlementKind, EntitlementPayer } from '../../../domain/benefit/entitlement.js';
import type { ShortfallOption } from '../../../domain/benefit/pension-eligibility.js';
import type { DependantRelation } from '../../../domain/benefit/survivor-dependants.js';
import type { Label } from '../i18n/messages.js';

export const benefitStatusLabels: Record<BenefitClaimStatus | 'submitted', Label> = {
  submitted: { zh: '已提交', en: 'Submitted' },
  checking: { zh: '校验中', en: 'Checking' },
  recognition: { zh: '工伤认定中', en: 'Injury recognition' },
  recognitionSuspended: { zh: '工伤认定中止（等待司法结论）', en: 'Recognition suspended (awaiting a judicial conclusion)' },
  assessment: { zh: '劳动能力鉴定中', en: 'Disability assessment' },
  assessed: { zh: '已作出鉴定结论', en: 'Assessment concluded' },
  reassessment: { zh: '再次鉴定中', en: 'Re-assessment' },
  preparing: { zh: '待遇核定中', en: 'Being prepared' },
  reviewing: { zh: '复核中', en: 'Under review' },
  supervisorApproval: { zh: '待领导审批', en: 'Awaiting supervisor approval' },
  approved: { zh: '已核准', en: 'Approved' },
  paying: { zh: '待遇发放期', en: 'Being paid' },
  granted: { zh: '已核定发放', en: 'Granted' },
  stopped: { zh: '已停发', en: 'Stopped' },
  completed: { zh: '享受期满', en: 'Period completed' },
  rejected: { zh: '不予核准', en: 'Rejected' },
  refused: { zh: '不符合条件', en: 'Refused' },
  notRecognized: { zh: '不予认定工伤', en: 'Not recognised as a work injury' },
  noDisabilityGrade: { zh: '未达伤残等级', en: 'No disability grade' },
};

export const benefitStepLabels: Record<BenefitStep, Label> = {
  recognition: { zh: '工伤认定', en: 'Injury recognition' },
  judicialConclusion: { zh: '等待司法结论', en: 'Awaiting judicial conclusion' },
  assessment: { zh: '劳动能力鉴定', en: 'Disability assessment' },
  reassessment: { zh: '再次鉴定', en: 'Re-assessment' },
  prepare: { zh: '待遇核定（经办）', en: 'Prepare' },
  review: { zh: '复核', en: 'Review' },
  approval: { zh: '审批', en: 'Supervisor approval' },
};

export const benefitDeadlineLabels: Record<BenefitClock | 'stepDecision', Label> = {
  agencyDecision: { zh: '经办机构办结时限', en: 'Agency decides by' },
  recognitionDecision: { zh: '工伤认定决定时限（60 日，中止期间不计）', en: 'Recognition decision (60 days, suspensions not counted)' },
  assessmentConclusion: { zh: '鉴定结论时限（60 日，可延长 30 日）', en: 'Assessment conclusion (60 days, +30)' },
  reassessmentRequest: { zh: '申请再次鉴定期限（15 日）', en: 'Ask for a re-assessment by (15 days)' },
  stepDecision: { zh: '本环节办理时限', en: 'This step due' },
};

export const claimTypeLabels: Record<BenefitClaimType, Label> = {
  pension: { zh: '养老金申领', en: 'Pension' },
  unemployment: { zh: '失业保险金', en: 'Unemployment benefit' },
  maternity: { zh: '生育津贴', en: 'Maternity allowance' },
  workInjury: { zh: '工伤待遇', en: 'Work injury' },
  funeral: { zh: '丧葬补助金', en: 'Funeral grant' },
  survivor: { zh: '遗属待遇', en: 'Survivor benefits' },
};

export const entitlementBenefitLabels: Record<EntitlementBenefit, Label> = {
  basicPension: { zh: '基础养老金', en: 'Basic pension' },
  accountPension: { zh: '个人账户养老金', en: 'Account pension' },
  transitionalPension: { zh: '过渡性养老金', en: 'Transitional pension' },
  unemploymentBenefit: { zh: '失业保险金', en: 'Unemployment benefit' },
  medicalPremium: { zh: '代缴基本医疗保险费', en: 'Medical premium paid' },
  maternityAllowance: { zh: '生育津贴', en: 'Maternity allowance' },
  disabilitySubsidy: { zh: '一次性伤残补助金', en: 'One-off disability subsidy' },
  disabilityAllowance: { zh: '伤残津贴', en: 'Disability allowance' },
  funeralGrant: { zh: '丧葬补助金', en: 'Funeral grant' },
  dependantPension: { zh: '供养亲属抚恤金', en: 'Dependant’s pension' },
  deathGrant: { zh: '一次性工亡补助金', en: 'One-off death grant' },
  survivorLumpSum: { zh: '抚恤金', en: 'Survivor lump sum' },
  accountInheritance: { zh: '个人账户继承额', en: 'Personal account to the heirs' },
  lixiuMedical: { zh: '离休人员医疗费', en: 'Retired cadre’s medical expenses' },
  erYiMedical: { zh: '二乙医疗费', en: 'Disabled serviceman’s medical expenses' },
};

export const entitlementKindLabels: Record<EntitlementKind, Label> = {
  monthly: { zh: '按月', en: 'Monthly' },
  oneOff: { zh: '一次性', en: 'One-off' },
  medicalPremium: { zh: '按月代缴', en: 'Monthly, paid to the medical fund' },
};

export const payerLabels: Record<EntitlementPayer, Label> = {
  fund: { zh: '基金支付', en: 'Fund' },
  employer: { zh: '用人单位支付', en: 'Employer' },
};

export const shortfallOptionLabels: Record<ShortfallOption, Label> = {
  extendContributions: { zh: '延长缴费至满足最低缴费年限', en: 'Keep contributing until the minimum is met' },
  lumpSum: { zh: '一次性补缴', en: 'Pay the shortfall in a lump sum' },
  transferToResidentScheme: { zh: '转入城乡居民基本养老保险', en: 'Transfer to the urban-rural resident scheme' },
};

/** Every refusal code a claim's checks give (domain/benefit/*): the reason sentence follows on English pages. */
export const claimRefusalLabels: Record<string, Label> = {
  SHORT_OF_MINIMUM_YEARS: { zh: '累计缴费不足最低缴费年限', en: 'Short of the minimum contribution years' },
  BEFORE_EARLIEST_DATE: { zh: '早于弹性提前退休的最早日期', en: 'Before the earliest flexible retirement date' },
  AFTER_LATEST_DATE: { zh: '晚于弹性延迟退休的最晚日期', en: 'After the latest flexible retirement date' },
  LATE_RETIREMENT_NOT_AGREED: { zh: '延迟退休须经用人单位同意', en: 'Late retirement needs the employer’s agreement' },
  EARLY_RETIREMENT_SHORT_OF_MINIMUM_YEARS: { zh: '提前退休须先满足最低缴费年限', en: 'Early retirement needs the minimum years first' },
  SHORT_OF_CONTRIBUTION_MONTHS: { zh: '失业保险缴费不满一年', en: 'Less than a year of unemployment premiums' },
  VOLUNTARY_LEAVE: { zh: '非因本人意愿中断就业的条件不符（本人辞职）', en: 'Employment ended voluntarily' },
  NOT_UNEMPLOYED: { zh: '不属于失业人员（退休、死亡或已领取养老金）', en: 'Not unemployed (retired, died or draws a pension)' },
  NOT_REGISTERED: { zh: '未进行失业登记', en: 'Not registered as unemployed' },
  LEAVER_NOT_REPORTED: { zh: '用人单位尚未办理减员', en: 'The employer has not reported the leave' },
  CURRENTLY_EMPLOYED: { zh: '仍有用人单位为其参保，不属于失业', en: 'Still insured by an employer: not unemployed' },
  NOT_INSURED_WITH_EMPLOYER: { zh: '事件发生时未在该单位参加生育（医疗）保险', en: 'Not insured with the employer at the event' },
  NOT_INSURED_FOR_WORK_INJURY: { zh: '事故发生时未参加工伤保险，由用人单位支付', en: 'Not insured for work injury: the employer pays' },
  APPLICATION_OUT_OF_TIME: { zh: '超过工伤认定申请时限', en: 'Recognition applied for too late' },
  INJURY_NOT_RECOGNISED: { zh: '所涉工伤未经认定', en: 'The work injury was not recognised' },
  NO_PARAMETERS: { zh: '缺少该日期生效的计发参数', en: 'No figures in force for the date' },
  NO_CONTRIBUTION_YEARS: { zh: '没有可计算缴费指数的缴费年度', en: 'No contribution year to index' },
  FIGURES_INVALID: { zh: '计发数据不符合规则', en: 'Figures the rules refuse' },
};

export const benefitNoticeLabels: Record<BenefitNotice, Label> = {
  benefit_refused: { zh: '待遇申请不予受理决定书', en: 'Claim refused' },
  benefit_granted: { zh: '待遇核定决定书', en: 'Benefit granted' },
  benefit_rejected: { zh: '不予核准决定书', en: 'Claim rejected' },
  benefit_stopped: { zh: '停发待遇通知书', en: 'Benefit stopped' },
  injury_not_recognized: { zh: '不予认定工伤决定书', en: 'Not recognised as a work injury' },
  injury_suspended: { zh: '工伤认定中止通知书', en: 'Recognition suspended' },
  assessment_concluded: { zh: '劳动能力鉴定结论通知书', en: 'Assessment concluded' },
  assessment_no_grade: { zh: '未达伤残等级通知书', en: 'No disability grade' },
};

/** The figures a claim's amounts show (pension-claim.ts, unemployment-claim.ts, … `figures`). */
export const figureLabels: Record<string, Label> = {
  retirementAge: { zh: '退休年龄', en: 'Age at retirement' },
  contributionMonths: { zh: '缴费月数', en: 'Contribution months' },
  calculationBase: { zh: '计发基数', en: 'Calculation base' },
  averageIndex: { zh: '平均缴费指数', en: 'Average contribution index' },
  accountBalance: { zh: '个人账户储存额', en: 'Account balance' },
  divisor: { zh: '计发月数', en: 'Divisor (months)' },
  basicPension: { zh: '基础养老金', en: 'Basic pension' },
  accountPension: { zh: '个人账户养老金', en: 'Account pension' },
  transitionalPension: { zh: '过渡性养老金', en: 'Transitional pension' },
  monthlyTotal: { zh: '月养老金合计', en: 'Monthly total' },
  maxMonths: { zh: '最长领取月数', en: 'Maximum months' },
  unusedMonths: { zh: '上次未领月数', en: 'Unused months carried' },
  months: { zh: '领取月数', en: 'Months' },
  monthlyAmount: { zh: '月发放标准', en: 'Monthly amount' },
  medicalPremium: { zh: '月代缴医疗保险费', en: 'Monthly medical premium' },
  total: { zh: '合计', en: 'Total' },
  firstMonth: { zh: '起始月', en: 'First month' },
  lastMonth: { zh: '终止月', en: 'Last month' },
  employerAverageBase: { zh: '单位月平均缴费基数', en: 'Employer average base' },
  days: { zh: '津贴天数', en: 'Days paid' },
  leaveDays: { zh: '产假天数', en: 'Leave days' },
  dailyRate: { zh: '日津贴标准', en: 'Daily rate' },
  allowance: { zh: '生育津贴', en: 'Allowance' },
  grade: { zh: '伤残等级', en: 'Disability grade' },
  ownWageUsed: { zh: '本人工资（计发）', en: 'Own wage used' },
  oneOffMonths: { zh: '补助月数', en: 'Months of subsidy' },
  oneOffSubsidy: { zh: '一次性伤残补助金', en: 'One-off subsidy' },
  monthlyAllowance: { zh: '伤残津贴（月）', en: 'Monthly allowance' },
  monthlyAllowancePayer: { zh: '津贴支付方', en: 'Allowance paid by' },
  funeralGrant: { zh: '丧葬补助金', en: 'Funeral grant' },
  survivorLumpSum: { zh: '抚恤金', en: 'Survivor lump sum' },
  accountInheritance: { zh: '个人账户继承额', en: 'Account to the heirs' },
  dependantPensionTotal: { zh: '供养亲属抚恤金合计', en: 'Dependants’ pensions' },
  capped: { zh: '按本人工资封顶', en: 'Capped at own wage' },
  deathGrant: { zh: '一次性工亡补助金', en: 'Death grant' },
  incomeYear: { zh: '可支配收入年度', en: 'Income year' },
  dependantsQualified: { zh: '符合条件的供养亲属', en: 'Dependants who qualify' },
};

/** The relatives a work-injury survivor claim names (供养亲属范围规定 art. 2), as the filing form offers them. */
export const dependantRelationLabels: Record<DependantRelation, Label> = {
  spouse: { zh: '配偶', en: 'Spouse' },
  child: { zh: '子女', en: 'Child' },
  parent: { zh: '父母', en: 'Parent' },
  grandparent: { zh: '祖父母、外祖父母', en: 'Grandparent' },
  grandchild: { zh: '孙子女、外孙子女', en: 'Grandchild' },
  sibling: { zh: '兄弟姐妹', en: 'Sibling' },
};
