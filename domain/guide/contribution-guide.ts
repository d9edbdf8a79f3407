import { Decimal } from 'decimal.js';
import type { AllocationRule } from '../contribution/allocation.js';
import type { ProcedureSection } from './guide.js';

const SETTING = 'contribution.policy';

/** 缴费申报, 缴费 and 欠费追缴 (rules §3.3, §4), with the figures of `ContributionPolicy`. */
export const contributionProcedures: ProcedureSection = ({ contribution: p }) => {
  const provisionalPercent = new Decimal(p.provisionalFactor).times(100).toString();
  const lateFeePercent = new Decimal(p.lateFee.dailyRate).times(100).toString();
  const deferral =
    p.hardshipMaxMonths !== undefined
      ? { value: p.hardshipMaxMonths, unit: 'months' as const, path: 'hardshipMaxMonths' }
      : { value: p.hardshipMaxDays, unit: 'days' as const, path: 'hardshipMaxDays' };
  return [
    {
      id: 'declaration',
      title: '工资总额申报（缴费申报）',
      titleEn: 'Monthly wage declaration',
      summary: '用人单位按月申报本单位职工工资总额，经办机构据此核定缴费基数并生成当月账单。',
      whoMayApply: ['用人单位经办人', '窗口经办人员（代未开通网上办理的单位录入）'],
      documents: ['当月职工工资明细（可上传CSV文件）'],
      steps: ['在线逐行填写或上传工资明细。', '系统按缴费基数上下限核定每人基数，计算单位和个人应缴金额。', '生成当月账单，列明缴费期限。'],
      deadlines: [
        {
          label: '未按时申报的，按上月缴费额的比例暂定应缴数额',
          value: provisionalPercent,
          unit: 'percent',
          kind: 'statutory',
          basis: '《社会保险法》第六十二条（按上月缴费额的110%确定）',
          setting: `${SETTING}#provisionalFactor`,
        },
      ],
      legalBasis: ['《中华人民共和国社会保险法》第六十条、第六十二条', '《社会保险费征缴暂行条例》第十条'],
      channel: { route: 'POST /v1/declarations', page: '/web/declarations' },
    },
    {
      id: 'payment',
      title: '社会保险费缴纳',
      titleEn: 'Paying contributions',
      summary: '用人单位按账单缴纳社会保险费；银行或税务的缴款文件由经办机构导入，逐笔入账。',
      whoMayApply: ['用人单位', '经办机构（导入银行、税务缴款文件）'],
      documents: ['缴款凭证或银行流水号'],
      steps: ['按账单金额缴款。', `部分缴纳的，按“${allocationText(p.allocationRule)}”的顺序冲抵。`, '逾期未缴的，自滞纳之日起加收滞纳金。'],
      deadlines: [
        {
          label: '逾期缴纳按日加收滞纳金',
          value: lateFeePercent,
          unit: 'percentPerDay',
          kind: 'statutory',
          basis: '《社会保险法》第八十六条',
          setting: `${SETTING}#lateFee.dailyRate`,
        },
      ],
      legalBasis: ['《中华人民共和国社会保险法》第六十条、第八十六条'],
      channel: { route: 'POST /v1/payments', page: '/web/bills' },
    },
    {
      id: 'arrears',
      title: '欠费追缴',
      titleEn: 'Arrears recovery',
      summary: '用人单位逾期未足额缴费的，经办机构责令限期缴纳，加收滞纳金；逾期仍不缴纳的，处欠缴数额一倍以上三倍以下罚款。确有困难的可申请缓缴。',
      whoMayApply: ['经办机构依职权启动（每日巡检）', '用人单位（申请缓缴）'],
      documents: ['缓缴申请：困难情况说明及相关证明材料'],
      steps: [
        '每日巡检发现逾期账单，立案追缴。',
        `发出《责令限期缴纳通知书》，限期${p.orderToPayDays}${p.orderToPayUnit === 'working' ? '个工作日' : '日'}内缴纳。`,
        '逾期仍未缴纳的，作出罚款决定，并可申请人民法院强制执行。',
        '全部缴清后结案。',
      ],
      deadlines: [
        {
          label: '责令限期缴纳的期限',
          value: p.orderToPayDays,
          unit: p.orderToPayUnit === 'working' ? 'workingDays' : 'days',
          kind: 'agency',
          basis: '《社会保险法》第六十三条、第八十六条（期限由经办机构确定）',
          setting: `${SETTING}#orderToPayDays`,
        },
        {
          label: '滞纳金',
          value: lateFeePercent,
          unit: 'percentPerDay',
          kind: 'statutory',
          basis: '《社会保险法》第八十六条',
          setting: `${SETTING}#lateFee.dailyRate`,
        },
        {
          label: '罚款下限（欠缴数额的倍数）',
          value: p.fineMinMultiple,
          unit: 'multiple',
          kind: 'statutory',
          basis: '《社会保险法》第八十六条',
          setting: `${SETTING}#fineMinMultiple`,
        },
        {
          label: '罚款上限（欠缴数额的倍数）',
          value: p.fineMaxMultiple,
          unit: 'multiple',
          kind: 'statutory',
          basis: '《社会保险法》第八十六条',
          setting: `${SETTING}#fineMaxMultiple`,
        },
        {
          label: '困难缓缴的最长期限',
          value: deferral.value,
          unit: deferral.unit,
          kind: 'agency',
          basis: '《社会保险费征缴暂行条例》及地方规定（可配置）',
          setting: `${SETTING}#${deferral.path}`,
        },
      ],
      legalBasis: ['《中华人民共和国社会保险法》第六十三条、第八十六条', '《中华人民共和国行政强制法》'],
      channel: { route: 'POST /v1/arrears-cases/{caseId}/deferral-requests', page: '/web/arrears' },
    },
  ];
};

function allocationText(rule: AllocationRule): string {
  const words: Record<AllocationRule, string> = {
    PER_PERIOD_PRINCIPAL_FIRST: '按所属期由远及近，每期先本金后滞纳金',
    LATE_FEE_FIRST: '按所属期由远及近，每期先滞纳金后本金',
    REQUIRE_FULL_PERIOD: '只冲抵能足额缴清的所属期',
  };
  return words[rule];
}
