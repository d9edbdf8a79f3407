// The words of the overpayment recovery pages (待遇多发追回, 社会保险经办条例 art. 46; docs/payroll.md), zh/en.
import type { Label } from '../i18n/messages.js';

export const recoveryWords = {
  listTitle: { zh: '多发待遇追回', en: 'Overpayment recoveries' },
  recoveryTitle: { zh: '追回记录', en: 'Recovery' },
  mineTitle: { zh: '多领待遇追回', en: 'Overpaid benefits to repay' },
  mineIntro: {
    zh: '以下月份的待遇已多发。追回从之后的待遇中按比例抵扣，或按退还协议分期抵扣，也可到经办窗口退还。',
    en: 'These months were paid in excess. They are withheld from later payments (a share, or the instalments agreed), or repaid at the counter.',
  },
  filter: { zh: '筛选', en: 'Filter' },
  show: { zh: '显示', en: 'Show' },
  all: { zh: '全部', en: 'All' },
  id: { zh: '编号', en: 'No.' },
  citizen: { zh: '公民身份号码', en: 'ID number' },
  cause: { zh: '原因', en: 'Cause' },
  amount: { zh: '多发金额（元）', en: 'Overpaid (yuan)' },
  months: { zh: '多发月份', en: 'Months overpaid' },
  recovered: { zh: '已追回（元）', en: 'Recovered (yuan)' },
  outstanding: { zh: '尚欠（元）', en: 'Outstanding (yuan)' },
  pending: { zh: '待银行回盘的抵扣（元）', en: 'Withheld, awaiting the bank (yuan)' },
  repayable: { zh: '现可退还（元）', en: 'May be repaid now (yuan)' },
  method: { zh: '追回方式', en: 'Method' },
  plan: { zh: '退还协议', en: 'Instalment agreement' },
  planText: { zh: '自{month}起每月抵扣 {amount} 元', en: '{amount} a month from {month}' },
  status: { zh: '状态', en: 'Status' },
  openedAt: { zh: '立案时间', en: 'Opened' },
  closedAt: { zh: '结案时间', en: 'Closed' },
  ledger: { zh: '追回台账', en: 'Ledger' },
  noEntries: { zh: '尚未追回任何金额。', en: 'Nothing recovered yet.' },
  kind: { zh: '类别', en: 'Kind' },
  entryAmount: { zh: '金额（元）', en: 'Amount (yuan)' },
  entrySource: { zh: '来源', en: 'From' },
  bookedAt: { zh: '入账时间', en: 'Booked' },
  repayment: { zh: '登记退还', en: 'Record a repayment' },
  repaymentAmount: { zh: '退还金额（元）', en: 'Amount repaid (yuan)' },
  note: { zh: '凭证（如转账或收据号）', en: 'Receipt or transfer number' },
  record: { zh: '登记', en: 'Record' },
  repaid: { zh: '已登记退还', en: 'Repayment recorded' },
  duplicate: { zh: '这笔退还已登记过，未重复入账', en: 'This repayment was already recorded; booked once' },
  instalments: { zh: '签订退还协议（分期抵扣）', en: 'Agree instalments' },
  monthlyAmount: { zh: '每月抵扣（元）', en: 'Monthly amount (yuan)' },
  firstMonth: { zh: '起始月份', en: 'First month' },
  agree: { zh: '签订', en: 'Agree' },
  agreed: { zh: '已签订退还协议', en: 'Instalments agreed' },
  waiver: { zh: '核销（无法追回）', en: 'Write off (cannot be recovered)' },
  waiverRule: {
    zh: '仅科长可核销：如遗产不足以清偿。核销尚欠的全部金额，结案并通知本人。',
    en: 'Supervisors only, e.g. when the estate has nothing: writes off all that is outstanding, closes the recovery and notifies the person.',
  },
  reason: { zh: '核销原因', en: 'Reason' },
  legalBasis: { zh: '核销依据', en: 'Legal basis' },
  waive: { zh: '核销', en: 'Write off' },
  waived: { zh: '已核销', en: 'Written off' },
  waivedBy: { zh: '核销人', en: 'Written off by' },
  writeOffs: { zh: '部分核销（两名科长）', en: 'Write off part (two supervisors)' },
  writeOffRule: {
    zh: '一名科长提出核销部分尚欠金额，另一名科长审批；批准后记入台账并通知本人。',
    en: 'One supervisor proposes writing off part of what is outstanding, another approves it; approved, it is booked and the person notified.',
  },
  writeOffAmount: { zh: '核销金额（元）', en: 'Amount written off (yuan)' },
  propose: { zh: '提出', en: 'Propose' },
  proposed: { zh: '已提出部分核销，待另一名科长审批', en: 'Write-off proposed: another supervisor decides it' },
  proposedBy: { zh: '提出人', en: 'Proposed by' },
  decidedBy: { zh: '审批人', en: 'Decided by' },
  approve: { zh: '批准', en: 'Approve' },
  reject: { zh: '不予批准', en: 'Reject' },
  decided: { zh: '已审批部分核销', en: 'Write-off decided' },
  back: { zh: '返回列表', en: 'Back to the list' },
  toPayments: { zh: '返回我的待遇发放', en: 'Back to my payments' },
  open: { zh: '查看', en: 'Open' },
} satisfies Record<string, Label>;

export const recoveryStatusLabels: Record<string, Label> = {
  open: { zh: '追回中', en: 'Being recovered' },
  closed: { zh: '已追回结案', en: 'Recovered in full' },
  waived: { zh: '已核销', en: 'Written off' },
};

export const writeOffStatusLabels: Record<string, Label> = {
  proposed: { zh: '待审批', en: 'Awaiting decision' },
  approved: { zh: '已批准', en: 'Approved' },
  rejected: { zh: '不予批准', en: 'Rejected' },
};

export const recoveryCauseLabels: Record<string, Label> = {
  death: { zh: '死亡后多发', en: 'Paid after a death' },
  payrollStop: { zh: '停发后追回', en: 'Stopped and recovered' },
};

export const recoveryMethodLabels: Record<string, Label> = {
  offset: { zh: '从后续待遇中按比例抵扣', en: 'A share of later payments' },
  instalments: { zh: '按退还协议分期抵扣', en: 'Agreed instalments' },
};

export const entryKindLabels: Record<string, Label> = {
  offset: { zh: '待遇中抵扣', en: 'Withheld from a payment' },
  repayment: { zh: '本人退还', en: 'Repaid' },
  waiver: { zh: '核销', en: 'Written off' },
  writeOff: { zh: '部分核销', en: 'Part written off' },
};

/** The follow-up of an instalment agreement and its chasing (催收, docs/payroll.md "Missed instalments"). */
export const chaseWords = {
  standing: { zh: '分期退还情况', en: 'Instalments' },
  number: { zh: '期数', en: 'No.' },
  month: { zh: '月份', en: 'Month' },
  instalmentAmount: { zh: '应还（元）', en: 'Due (yuan)' },
  covered: { zh: '已还（元）', en: 'Repaid (yuan)' },
  state: { zh: '状态', en: 'State' },
  collected: { zh: '协议以来已收回（元）', en: 'Collected under the agreement (yuan)' },
  missed: { zh: '逾期未还月份', en: 'Months missed' },
  toChase: { zh: '宽限期已过，待催收', en: 'Past its grace: to be chased' },
  chases: { zh: '催收记录', en: 'Chasing' },
  missedMonth: { zh: '逾期月份', en: 'Missed month' },
  openedAt: { zh: '催收时间', en: 'Opened' },
  note: { zh: '情况说明', en: 'Note' },
  decidedBy: { zh: '办理人', en: 'Done by' },
  legalAction: { zh: '已移交司法', en: 'Passed to legal action' },
  decide: { zh: '催收办理', en: 'Act on the chase' },
  decideRule: {
    zh: '记录与本人或继承人的联系，或移交司法；重新约定分期请用上方的退还协议表单。',
    en: 'Record the contact with the person or the heirs, or pass it to legal action; to re-plan, agree new instalments above.',
  },
  outcome: { zh: '办理结果', en: 'Outcome' },
  chaseNote: { zh: '联系情况或移交理由', en: 'Contact made, or the reason for legal action' },
  submit: { zh: '提交', en: 'Submit' },
  chased: { zh: '已办理催收', en: 'Chase recorded' },
} satisfies Record<string, Label>;

export const instalmentStateLabels: Record<string, Label> = {
  paid: { zh: '已还清', en: 'Paid' },
  partlyPaid: { zh: '部分还款', en: 'Partly paid' },
  missed: { zh: '逾期未还', en: 'Missed' },
  due: { zh: '本月应还', en: 'Due this month' },
  upcoming: { zh: '未到期', en: 'Upcoming' },
};

export const chaseStatusLabels: Record<string, Label> = {
  open: { zh: '待办理', en: 'Open' },
  contacted: { zh: '已联系', en: 'Contacted' },
  replanned: { zh: '已重新约定', en: 'Re-planned' },
  legalAction: { zh: '已移交司法', en: 'Passed to legal action' },
};
