// The words of the payroll pages (待遇拨付, docs/payroll.md), zh/en. Hold codes and line statuses are typed by the
// lists the controls and the lines use, so a new value does not compile until it has both labels.
import type { HoldCode } from '../../../domain/payroll/pre-payment-controls.js';
import type { Label } from '../i18n/messages.js';

export const payrollWords = {
  payrollsTitle: { zh: '待遇拨付', en: 'Benefit payroll' },
  paymentsTitle: { zh: '我的待遇发放', en: 'My benefit payments' },
  region: { zh: '统筹区', en: 'Region' },
  period: { zh: '发放月份', en: 'Month' },
  start: { zh: '发起本月拨付', en: 'Run the payroll' },
  started: { zh: '已发起拨付', en: 'Payroll started' },
  existing: { zh: '该统筹区本月已有拨付，已打开', en: 'This region and month already has its payroll' },
  status: { zh: '状态', en: 'Status' },
  startedBy: { zh: '发起人', en: 'Run by' },
  approvedBy: { zh: '审批人', en: 'Approved by' },
  progress: { zh: '进度', en: 'Progress' },
  refreshing: { zh: '汇总与检查中，本页每 5 秒刷新。', en: 'Gathering and checking; this page refreshes every 5 s.' },
  entitlements: { zh: '待遇记录', en: 'Entitlements' },
  gathered: { zh: '已汇总', en: 'Gathered' },
  checked: { zh: '已检查', en: 'Checked' },
  held: { zh: '已暂停', en: 'Held' },
  approved: { zh: '已审批', en: 'Approved' },
  totals: { zh: '金额', en: 'Totals' },
  dueTotal: { zh: '应发合计（元）', en: 'Due (yuan)' },
  heldTotal: { zh: '暂停合计（元）', en: 'Held (yuan)' },
  byStatus: { zh: '按状态', en: 'By status' },
  lines: { zh: '笔数', en: 'Lines' },
  amount: { zh: '金额（元）', en: 'Amount (yuan)' },
  heldLines: { zh: '暂停发放的明细', en: 'Held lines' },
  failedLines: { zh: '银行退回的明细', en: 'Lines the bank failed' },
  citizen: { zh: '公民身份号码', en: 'ID number' },
  benefit: { zh: '待遇项目', en: 'Benefit' },
  reasons: { zh: '原因', en: 'Reasons' },
  decision: { zh: '处理', en: 'Decision' },
  decidedBy: { zh: '已由 {by} 处理', en: 'Decided by {by}' },
  comment: { zh: '说明（停发必填）', en: 'Comment (needed to stop)' },
  decide: { zh: '提交处理', en: 'Decide' },
  decided: { zh: '已处理', en: 'Decided' },
  approval: { zh: '科长审批（双人复核）', en: 'Supervisor approval (four eyes)' },
  approvalRule: {
    zh: '发起拨付的人不能审批本批次；另一位科长认领并审批。',
    en: 'Whoever ran the payroll may not approve it; another supervisor claims and approves.',
  },
  approve: { zh: '认领并审批通过', en: 'Claim and approve' },
  approvedOk: { zh: '已审批，银行盘可下载', en: 'Approved; the bank files can be downloaded' },
  noApproval: { zh: '没有待审批的任务。', en: 'No approval task is open.' },
  bankFile: { zh: '银行发放盘', en: 'Bank payment file' },
  download: { zh: '下载', en: 'Download' },
  bank: { zh: '银行代码', en: 'Bank code' },
  bankReturn: { zh: '导入银行回盘', en: 'Import a bank return file' },
  file: { zh: '回盘文件（CSV）', en: 'Return file (CSV)' },
  upload: { zh: '上传', en: 'Upload' },
  report: { zh: '回盘导入结果', en: 'Return import report' },
  applied: { zh: '本次入账', en: 'Applied' },
  failed: { zh: '其中失败', en: 'Of which failed' },
  outstanding: { zh: '尚未回盘', en: 'Still outstanding' },
  reconciled: { zh: '发放 = 成功 + 失败（到分）', en: 'Sent = paid + failed (to the fen)' },
  yes: { zh: '是', en: 'yes' },
  no: { zh: '否', en: 'no' },
  issues: { zh: '未入账的行', en: 'Rows not applied' },
  noIssues: { zh: '每一行都已入账。', en: 'Every row was applied.' },
  row: { zh: '行', en: 'Row' },
  open: { zh: '打开', en: 'Open' },
  paidOn: { zh: '发放批次', en: 'Batch' },
  account: { zh: '发放账户', en: 'Account' },
  holdExplained: { zh: '暂停原因', en: 'Why it is held' },
  noPayments: { zh: '还没有待遇发放记录。', en: 'No benefit payments yet.' },
  verificationTitle: { zh: '待遇资格认证', en: 'Eligibility verification' },
  verifiedOn: { zh: '上次认证', en: 'Last verified' },
  verificationDue: { zh: '下次认证截止', en: 'Next verification due' },
  suspendFrom: { zh: '逾期未认证暂停发放日', en: 'Payment suspended from' },
  checkIn: { zh: '自助认证', en: 'Verify now' },
  checkedIn: {
    zh: '认证成功；如有暂停发放的待遇，已恢复，暂停期间的待遇将在下次发放时补发。',
    en: 'Verified. A suspended benefit is resumed; the held months are paid back with the next payment.',
  },
  alreadyCheckedIn: { zh: '今天已认证。', en: 'Already verified today.' },
  suspended: { zh: '暂停发放', en: 'Suspended' },
  suspendedSince: { zh: '因逾期未认证自{month}起暂停发放', en: 'Suspended from {month}: verification overdue' },
  workings: { zh: '补发说明', en: 'How it is worked out' },
} satisfies Record<string, Label>;

/** The payroll's status, and each line's. */
export const payrollStatusLabels: Record<string, Label> = {
  gathering: { zh: '汇总检查中', en: 'Gathering' },
  approval: { zh: '待审批', en: 'Awaiting approval' },
  paying: { zh: '发放中', en: 'Paying' },
  paid: { zh: '已发放', en: 'Paid' },
  failed: { zh: '发放失败（银行退回）', en: 'Failed (returned by the bank)' },
  due: { zh: '应发', en: 'Due' },
  held: { zh: '暂停发放', en: 'Held' },
  stopped: { zh: '停发', en: 'Stopped' },
  sent: { zh: '已送银行', en: 'Sent to the bank' },
  carried: { zh: '转下月发放', en: 'Carried to next month' },
};

/** A citizen-facing explanation of each control (rules §8), in plain words. */
export const holdCodeLabels: Record<HoldCode, Label> = {
  DECEASED: { zh: '登记有死亡信息，待核实', en: 'A death is on record; it is being checked' },
  IMPRISONED: { zh: '本月有服刑记录，服刑期间暂停发放', en: 'A prison term overlaps this month; payment is held meanwhile' },
  DUPLICATE_PENSION: { zh: '发现另一笔基本养老金，不能重复领取', en: 'Another basic pension was found; a pension is paid once' },
  REEMPLOYED: { zh: '领取失业金期间已重新就业', en: 'Re-employed while receiving unemployment benefit' },
  SUSPENDED: { zh: '待遇已暂停或终止', en: 'The benefit is suspended or stopped' },
  UNVERIFIED: { zh: '领取资格认证已过期或未做', en: 'The yearly eligibility check is overdue or was never made' },
  NO_ACCOUNT: { zh: '没有登记发放账户（银行卡或社保卡）', en: 'No bank or social security card account on record' },
};

export const holdOutcomeLabels: Record<string, Label> = {
  release: { zh: '核实无误，发放', en: 'Release (pay)' },
  stop: { zh: '停发', en: 'Stop' },
  stopAndRecover: { zh: '停发并追回多发', en: 'Stop and recover' },
  retry: { zh: '更正后下月重发', en: 'Retry next month' },
};

export const benefitLabels: Record<string, Label> = {
  basicPension: { zh: '基本养老金', en: 'Basic pension' },
  unemploymentBenefit: { zh: '失业保险金', en: 'Unemployment benefit' },
  medicalReimbursement: { zh: '医疗费报销', en: 'Medical reimbursement' },
};

export const lineKindLabels: Record<string, Label> = {
  monthly: { zh: '按月', en: 'Monthly' },
  oneOff: { zh: '一次性', en: 'One-off' },
  backPay: { zh: '补发', en: 'Back pay' },
};

/** A label, or the value itself when no table knows it. */
/** A person's verification status (GET /v1/persons/{citizenId}/verification). */
export const verificationStatusLabels: Record<string, Label> = {
  verified: { zh: '已认证', en: 'Verified' },
  dueSoon: { zh: '即将到期，请尽快认证', en: 'Due soon: please verify' },
  overdue: { zh: '已逾期，待遇暂停发放', en: 'Overdue: payment suspended' },
  none: { zh: '无需认证', en: 'Nothing to verify' },
};

export const wordOf = (table: Record<string, Label>, value: string, lang: 'zh' | 'en'): string => table[value]?.[lang] ?? value;
