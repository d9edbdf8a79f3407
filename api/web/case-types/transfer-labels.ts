// The words of inter-region transfers (转移接续) on the pages: statuses, legs, their states and offices, the
// payment-place and temporary-account rules, and the timeline lines and notices. Tables are typed by the domain's own
// lists, so a new status, leg or rule does not compile until it has words in both languages.
import type { MedicalContinuityOutcome } from '../../../domain/transfer/medical-continuity.js';
import type { PaymentPlaceRule } from '../../../domain/transfer/payment-place.js';
import type { TemporaryAccountRule } from '../../../domain/transfer/temporary-account.js';
import type { TransferLegName } from '../../../domain/transfer/transfer-legs.js';
import type { TransferNotice, TransferStatus } from '../../../domain/transfer/transfer.machine.js';
import type { TransferLegStatus } from '../../../domain/transfer/transfer-progress.js';
import type { TransferInsurance } from '../../../domain/transfer/transfer-policy.js';
import type { Label } from '../i18n/messages.js';

export const transferStatusLabels: Record<TransferStatus | 'submitted', Label> = {
  submitted: { zh: '已提交', en: 'Submitted' },
  opening: { zh: '受理中', en: 'Opening' },
  acceptanceLetter: { zh: '转入地审核（联系函）', en: 'New office reviewing (letter of acceptance)' },
  transferOut: { zh: '转出地办理转出', en: 'Old office transferring out' },
  inTransit: { zh: '资金划转中', en: 'Money in transit' },
  completion: { zh: '转入地办结中', en: 'New office completing' },
  completed: { zh: '已办结', en: 'Completed' },
  refused: { zh: '不予转移', en: 'Refused' },
  temporaryAccount: { zh: '已建立临时缴费账户', en: 'Temporary account opened' },
};

export const transferLegLabels: Record<TransferLegName, Label> = {
  acceptanceLetter: { zh: '审核并出具联系函', en: 'Letter of acceptance' },
  transferOut: { zh: '转出信息表和资金', en: 'Information table and money' },
  completion: { zh: '办结转入', en: 'Completion' },
  load: { zh: '接续转入', en: 'Load' },
};

export const transferDeadlineLabels: Record<TransferLegName | 'overall', Label> = {
  acceptanceLetter: { zh: '出具联系函（15 个工作日）', en: 'Letter of acceptance (15 working days)' },
  transferOut: { zh: '转出（收到联系函后 15 个工作日）', en: 'Transfer-out (15 working days after the letter)' },
  completion: { zh: '办结（收到资金后 15 个工作日）', en: 'Completion (15 working days after receipt)' },
  load: { zh: '接续（收到后 5 个工作日）', en: 'Load (5 working days after receipt)' },
  overall: { zh: '全程时限（45 个工作日）', en: 'Whole transfer (45 working days)' },
};

export const transferLegStatusLabels: Record<TransferLegStatus, Label> = {
  waiting: { zh: '未开始', en: 'Not started' },
  open: { zh: '办理中', en: 'In progress' },
  overdue: { zh: '已超期', en: 'Overdue' },
  done: { zh: '已完成', en: 'Done' },
  refused: { zh: '不予办理', en: 'Refused' },
  cancelled: { zh: '未进行', en: 'Not reached' },
};

export const transferInsuranceLabels: Record<TransferInsurance, Label> = {
  pension: { zh: '基本养老保险', en: 'Basic pension' },
  medical: { zh: '基本医疗保险', en: 'Basic medical insurance' },
  unemployment: { zh: '失业保险', en: 'Unemployment insurance' },
};

export const officeLabels: Record<'old' | 'new', Label> = {
  old: { zh: '转出地', en: 'Old office' },
  new: { zh: '转入地', en: 'New office' },
};

export const paymentPlaceRuleLabels: Record<PaymentPlaceRule, Label> = {
  RELATIONSHIP_IN_HUKOU_PROVINCE: { zh: '关系在户籍所在省：在关系所在地领取', en: 'Relationship in the hukou province: paid there' },
  TEN_YEARS_IN_CURRENT_PLACE: { zh: '在现参保地累计缴费满 10 年：在现参保地领取', en: '10 years in the current place: paid there' },
  LAST_PLACE_WITH_TEN_YEARS: { zh: '现参保地不满 10 年：在最后一个满 10 年的参保地领取', en: 'Under 10 years here: the last place with 10 years' },
  HUKOU_PROVINCE_FALLBACK: { zh: '各地均不满 10 年：在户籍所在地领取', en: 'Under 10 years everywhere: the hukou place' },
};

export const temporaryAccountRuleLabels: Record<TemporaryAccountRule, Label> = {
  INTO_HUKOU_PROVINCE: { zh: '转入户籍所在省：正常转移', en: 'Moving into the hukou province: ordinary transfer' },
  BELOW_AGE_LIMIT: { zh: '未达年龄：正常转移', en: 'Below the age limit: ordinary transfer' },
  APPROVED_TRANSFER: { zh: '组织或人社部门批准调动：正常转移', en: 'Approved move: ordinary transfer' },
  TEMPORARY_ACCOUNT: {
    zh: '男满 50 周岁、女满 40 周岁跨省流动：保留原关系，建立临时缴费账户',
    en: 'Men from 50, women from 40 leaving the hukou province: temporary account',
  },
};

export const transferNoticeLabels: Record<TransferNotice, Label> = {
  transfer_received: { zh: '转移申请受理告知', en: 'Transfer application received' },
  acceptance_letter_sent: { zh: '已出具联系函', en: 'Letter of acceptance sent' },
  transfer_out_sent: { zh: '转出地已转出信息表和资金', en: 'Old office sent the information table and money' },
  funds_received: { zh: '转入地已收到转移资金', en: 'Money received by the new office' },
  transfer_completed: { zh: '转移接续办结通知', en: 'Transfer completed' },
  transfer_refused: { zh: '不予转移告知书', en: 'Transfer refused' },
  temporary_account_opened: { zh: '临时基本养老保险缴费账户建立告知', en: 'Temporary contribution account opened' },
  transfer_delayed: { zh: '转移办理超期告知', en: 'Transfer delayed' },
  temporary_account_collected: { zh: '临时基本养老保险缴费账户归集告知', en: 'Temporary contribution account collected' },
};

/** Timeline lines the transfer case writes. */
export const transferTimelineLabels: Record<string, Label> = {
  'transfer.leg.opened': { zh: '环节开始办理', en: 'Leg started' },
  'transfer.leg.escalated': { zh: '环节超期，已升级督办', en: 'Leg overdue, escalated' },
  'transfer.paidOut': { zh: '转出地划出资金', en: 'Money paid out by the old office' },
  'transfer.funds.received': { zh: '转入地收到资金', en: 'Money received by the new office' },
  'transfer.handedOver': { zh: '关系转入，原关系终止', en: 'Relationship taken over; the old one ended' },
  'transfer.message.sent': { zh: '经全国转移平台发出', en: 'Sent through the national platform' },
  'transfer.message.received': { zh: '经全国转移平台收到', en: 'Received through the national platform' },
  'transfer.message.ignored': { zh: '平台消息与当前环节不符，未处理', en: 'Platform message did not fit the case now' },
  'transfer.submitted': { zh: '转移接续申请', en: 'Transfer filed' },
  'transfer.escalated': { zh: '转移环节超期', en: 'Transfer leg overdue' },
  'transfer.temporaryAccount': { zh: '建立临时缴费账户', en: 'Temporary account opened' },
  'transfer.account.collected': { zh: '临时缴费账户归集至关系所在地', en: 'Temporary account collected into the relationship’s place' },
  'transfer.received': { zh: '收到转移资金', en: 'Money received' },
};

export const medicalContinuityLabels: Record<MedicalContinuityOutcome, Label> = {
  continuous: { zh: '连续参保：中断不超过 3 个月，可补缴，待遇连续', en: 'Continuous: a break of 3 months or less, back-paid' },
  waitingPeriod: { zh: '中断超过 3 个月：设置待遇等待期', en: 'Break over 3 months: a waiting period' },
  localRule: { zh: '按转入地规定', en: 'As the new place rules' },
};
