// What the employer pages (缴费申报, 账单, 欠费) call things, zh and en, and how a refused roster's error paths read.
import { INSURANCE_CHOICES } from '../i18n/enum-labels.js';
import type { Label, Lang } from '../i18n/messages.js';

/** The four insurances a declaration line may name, in the form's order. */
export const INSURANCES = INSURANCE_CHOICES;

export const contributionWords = {
  declarationsTitle: { zh: '缴费申报', en: 'Wage declarations' },
  declareOne: { zh: '申报一名职工', en: 'Declare one employee' },
  declareFile: { zh: '上传花名册（CSV）', en: 'Upload a roster (CSV)' },
  fileHint: {
    zh: '首行为列名：身份证号,姓名,月工资[,险种,工伤类别,工伤浮动档]；UTF-8 或 GBK。任何一行有误则整份退回，不写入任何数据。',
    en: 'Header row: citizenId,name,monthlyWage[,insuranceTypes,workInjuryClass,workInjuryTier]; UTF-8 or GBK. One bad row refuses the whole file; nothing is written.',
  },
  file: { zh: '花名册文件', en: 'Roster file' },
  period: { zh: '所属期（年月）', en: 'Period (month)' },
  employer: { zh: '用人单位统一社会信用代码', en: 'Employer credit code' },
  citizenId: { zh: '身份证号', en: 'Citizen ID number' },
  name: { zh: '姓名', en: 'Name' },
  monthlyWage: { zh: '月工资（元）', en: 'Monthly wage (CNY)' },
  insurances: { zh: '险种', en: 'Insurances' },
  declare: { zh: '申报', en: 'Declare' },
  upload: { zh: '上传并申报', en: 'Upload and declare' },
  declared: { zh: '申报成功', en: 'Declared' },
  duplicate: { zh: '该申报此前已受理（重复提交），以下为原申报结果。', en: 'Already declared (a repeat); this is the first declaration.' },
  refusedFile: { zh: '申报被退回，请按下表逐行修改后重新上传', en: 'Refused: correct each row below and upload again' },
  row: { zh: '行（文件中）', en: 'Row (in the file)' },
  field: { zh: '字段', en: 'Field' },
  problem: { zh: '问题', en: 'Problem' },
  lineCount: { zh: '人数', en: 'Employees' },
  base: { zh: '缴费基数', en: 'Base' },
  employerPart: { zh: '单位缴纳', en: 'Employer' },
  employeePart: { zh: '个人缴纳', en: 'Employee' },
  total: { zh: '合计', en: 'Total' },
  dueDate: { zh: '缴费期限', en: 'Due date' },
  paymentDueOn: { zh: '补缴缴费期限', en: 'Back-payment due' },
  adjustment: { zh: '较暂估账单调整', en: 'Adjustment to the provisional bill' },
  firstLines: { zh: '（列出前 {n} 人）', en: '(first {n} listed)' },
  billsTitle: { zh: '账单', en: 'Bills' },
  arrearsTitle: { zh: '欠费', en: 'Arrears' },
  asOf: { zh: '计算至', en: 'As of' },
  show: { zh: '查看', en: 'Show' },
  principal: { zh: '欠缴本金', en: 'Principal' },
  lateFeeDays: { zh: '滞纳天数', en: 'Late days' },
  lateFee: { zh: '滞纳金', en: 'Late fee' },
  lateFeePaid: { zh: '已缴滞纳金', en: 'Late fee paid' },
  fine: { zh: '罚款', en: 'Fine' },
  owed: { zh: '应缴合计', en: 'Total owed' },
  credit: { zh: '预缴余额', en: 'Credit' },
  provisional: { zh: '暂估（未申报，按上月 110%）', en: 'Provisional (undeclared: 110 % of last month)' },
  noBills: { zh: '没有账单。', en: 'No bills.' },
  noArrears: { zh: '没有欠费案件。', en: 'No arrears cases.' },
  caseStatus: { zh: '案件状态', en: 'Case status' },
  lateFeeRule: {
    zh: '滞纳金按日万分之五计收（社会保险法第八十六条），自缴费期限次日起算至计算日。',
    en: 'Late fee 0.05 % a day (Social Insurance Law art. 86), from the day after the due date up to the as-of date.',
  },
} satisfies Record<string, Label>;

export type ContributionWord = keyof typeof contributionWords;

const fieldWords: Record<string, Label> = {
  citizenId: contributionWords.citizenId,
  name: contributionWords.name,
  monthlyWage: contributionWords.monthlyWage,
  insuranceTypes: contributionWords.insurances,
  workInjuryClass: { zh: '工伤类别', en: 'Work-injury class' },
  workInjuryTier: { zh: '工伤浮动档', en: 'Work-injury tier' },
  columns: { zh: '列名', en: 'Columns' },
  period: contributionWords.period,
  file: contributionWords.file,
  employerCreditCode: contributionWords.employer,
};

/**
 * One error of a refused declaration as the employer reads it: the roster row as it appears in the file (docs/
 * contributions.md: `rows[0]` is the first data row, so the header makes it line 2) and the field's name.
 */
export function rowProblem(path: string, lang: Lang, source: 'file' | 'form'): { row: string; field: string } {
  const match = /^rows\[(\d+)\]\.?(.*)$/.exec(path);
  if (!match) return { row: '—', field: fieldWords[path]?.[lang] ?? path };
  const index = Number(match[1]);
  const name = match[2] ?? '';
  // A file's row counts its header line; the form declares one employee, its line 1.
  const row = String(source === 'file' ? index + 2 : index + 1);
  return { row, field: name ? (fieldWords[name]?.[lang] ?? name) : '—' };
}

/** What a roster field needs, in Chinese, for the row report of a Chinese page (the API words its problems in English). */
const fieldHints: Record<string, string> = {
  citizenId: '身份证号有误（18 位、出生日期和校验位须正确），或同一人在文件中重复出现',
  name: '姓名不能为空',
  monthlyWage: '月工资须为大于零、最多两位小数的金额',
  insuranceTypes: '险种须为“养老、医疗、失业、工伤”中的一个或几个（用分号或顿号分隔）',
  workInjuryClass: '工伤行业类别须为 1–8',
  workInjuryTier: '工伤浮动档不在本地区的档次内',
  columns: '列名须与模板一致（见上方说明），且不能重复',
  period: '所属期有误（不能是将来的月份），或该月没有生效的缴费参数',
  file: '文件须为 UTF-8 或 GBK 编码的 CSV',
  employerCreditCode: '统一社会信用代码有误，或没有此用人单位',
};

/** The Chinese hint for one `errors[].path` of a refused declaration. */
export function rowHint(path: string): string {
  const match = /^(?:rows|lines)\[\d+\]\.?(.*)$/.exec(path);
  const name = (match ? (match[1] ?? '') : path).replace(/\[\d+\]$/, '');
  if (match && name === '') return '该行的列数与表头不一致';
  return fieldHints[name] ?? '内容不符合要求';
}
