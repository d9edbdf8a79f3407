import type { ProcedureSection } from './guide.js';

const SETTING = 'enrollment.policy';

/** 参保登记 and 减员 (rules §2), with the clocks of `EnrollmentPolicy`. */
export const enrollmentProcedures: ProcedureSection = ({ enrollment: p }) => [
  {
    id: 'enrollment',
    title: '参保登记',
    titleEn: 'Enrollment of an employee or a flexible worker',
    summary: '用人单位为新招用的职工办理社会保险登记；灵活就业人员可以本人名义参加基本养老保险和职工基本医疗保险。',
    whoMayApply: [
      '用人单位经办人（为本单位职工）',
      '窗口经办人员（代为录入）',
      `灵活就业人员本人（仅限${p.flexibleInsuranceTypes.map(insuranceName).join('、')}）`,
    ],
    documents: ['职工居民身份证号码及姓名', '劳动合同或用工证明（用工之日）', '月工资收入（申报缴费基数用）', '参保险种'],
    steps: [
      '在线或到窗口提交登记申请，系统即时校验身份证号码、劳动年龄、单位状态及有无其他在保养老关系。',
      `按时提交且校验无误的，自动办结；超过用工之日起${p.registrationDays}日提交的，转经办人员审核。`,
      `需补正材料的，申请人应在${p.correctionDays}日内补正，逾期视为撤回。`,
      '办结后发送参保登记结果通知。',
    ],
    deadlines: [
      {
        label: '用人单位应自用工之日起申请登记',
        value: p.registrationDays,
        unit: 'days',
        kind: 'statutory',
        basis: '《社会保险法》第五十八条',
        setting: `${SETTING}#registrationDays`,
      },
      {
        label: '经办机构办结个人参保登记',
        value: p.reviewWorkingDays,
        unit: 'workingDays',
        kind: 'statutory',
        basis: '《社会保险经办条例》第六条',
        setting: `${SETTING}#reviewWorkingDays`,
      },
      {
        label: '退回补正后补交材料',
        value: p.correctionDays,
        unit: 'days',
        kind: 'agency',
        basis: '本地经办规程（可配置）',
        setting: `${SETTING}#correctionDays`,
      },
      { label: '最低劳动年龄', value: p.minimumAge, unit: 'years', kind: 'statutory', basis: '《劳动法》第十五条', setting: `${SETTING}#minimumAge` },
    ],
    legalBasis: ['《中华人民共和国社会保险法》第五十七条、第五十八条', '《社会保险经办条例》第六条'],
    channel: { route: 'POST /v1/enrollments', page: '/web/file' },
  },
  {
    id: 'leaver',
    title: '减员（停止缴费）申报',
    titleEn: 'Reporting a leaver',
    summary: '职工与用人单位终止或解除劳动关系后，用人单位申报减员，停止为其缴费。',
    whoMayApply: ['用人单位经办人', '窗口经办人员'],
    documents: ['职工居民身份证号码', '离职日期及原因', '终止或解除劳动关系证明（失业人员申领失业保险金时使用）'],
    steps: ['用人单位在线申报减员。', `离职之日起${p.leaverReportDays}日后申报的，记为逾期申报。`, '系统终止相应参保关系，并告知失业人员可申领失业保险金。'],
    deadlines: [
      {
        label: '用人单位报送终止或解除劳动关系的职工名单',
        value: p.leaverReportDays,
        unit: 'days',
        kind: 'statutory',
        basis: '《社会保险法》第五十条',
        setting: `${SETTING}#leaverReportDays`,
      },
    ],
    legalBasis: ['《中华人民共和国社会保险法》第五十条'],
    channel: { route: 'POST /v1/employers/{creditCode}/leavers', page: null },
  },
];

function insuranceName(type: string): string {
  const names: Record<string, string> = {
    pension: '基本养老保险',
    medical: '职工基本医疗保险',
    unemployment: '失业保险',
    workInjury: '工伤保险',
    maternity: '生育保险',
  };
  return names[type] ?? type;
}
