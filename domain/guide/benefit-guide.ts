import { Decimal } from 'decimal.js';
import type { BenefitPolicy } from '../benefit/benefit-policy.js';
import { minimumContributionYears } from '../retirement-age.js';
import type { GuideDeadline, GuideProcedure, ProcedureSection } from './guide.js';

const SETTING = 'benefit.policy';

/** The agency's processing limit of a claim type, when it has one (rules §5.1–5.4, 社会保险经办条例). */
function processing(policy: BenefitPolicy, type: keyof BenefitPolicy['processing'], basis: string): GuideDeadline[] {
  const days = policy.processing[type];
  return days === null
    ? []
    : [{ label: '经办机构审核办结', value: days, unit: 'workingDays', kind: 'statutory', basis, setting: `${SETTING}#processing.${type}` }];
}

const claimChannel = { route: 'POST /v1/benefit-claims', page: '/web/file' } as const;

/** 待遇申领 for each benefit claim type the system runs (rules §5), with the dated `BenefitPolicy` in force. */
export const benefitProcedures: ProcedureSection = ({ benefit: b, asOf }) => {
  const year = Number(asOf.slice(0, 4));
  const clocks = b.workInjuryClocks;
  const procedures: GuideProcedure[] = [
    {
      id: 'benefit-pension',
      title: '基本养老金申领',
      titleEn: 'Basic pension claim',
      summary: '参保人员达到法定退休年龄且累计缴费达到最低缴费年限的，按月领取基本养老金。',
      whoMayApply: ['参保人员本人', '所在用人单位'],
      documents: ['居民身份证号码', '退休类别（女性干部或工人）', '弹性提前或延迟退休的，本人申请（延迟须与单位协商一致）'],
      steps: [
        '提交申领，系统核对缴费年限和退休年龄并计算基本养老金（附计算过程）。',
        '经办人员审核、复核，金额较大的需再经审批。',
        '核定后发放待遇决定书，次月起按月发放。',
      ],
      deadlines: [
        ...processing(b, 'pension', '《社会保险经办条例》第十八条'),
        {
          label: `${year}年退休的最低缴费年限`,
          value: minimumContributionYears(year),
          unit: 'years',
          kind: 'statutory',
          basis: '《国务院关于渐进式延迟法定退休年龄的办法》第二条',
          setting: 'none (statutory)',
        },
        {
          label: '弹性提前退休最多提前',
          value: b.retirement.earlyMonths,
          unit: 'months',
          kind: 'statutory',
          basis: '《国务院关于渐进式延迟法定退休年龄的办法》',
          setting: `${SETTING}#retirement.earlyMonths`,
        },
        {
          label: '弹性延迟退休最多延迟',
          value: b.retirement.lateMonths,
          unit: 'months',
          kind: 'statutory',
          basis: '《国务院关于渐进式延迟法定退休年龄的办法》',
          setting: `${SETTING}#retirement.lateMonths`,
        },
      ],
      legalBasis: ['《中华人民共和国社会保险法》第十五条、第十六条', '《国务院关于渐进式延迟法定退休年龄的办法》（2024年）', '《社会保险经办条例》第十八条'],
      channel: claimChannel,
    },
    {
      id: 'benefit-unemployment',
      title: '失业保险金申领',
      titleEn: 'Unemployment benefit claim',
      summary: '非因本人意愿中断就业、已办理失业登记并有求职要求，且失业前累计缴费满一年的，可申领失业保险金。',
      whoMayApply: ['失业人员本人'],
      documents: ['居民身份证号码', '终止或解除劳动关系证明', '失业登记'],
      steps: ['提交申领，系统核对缴费月数和离职原因并计算领取期限和月标准。', '经办人员审核。', '核定后按月发放，领取期间由失业保险基金代缴基本医疗保险费。'],
      deadlines: [
        ...processing(b, 'unemployment', '《社会保险经办条例》第二十四条'),
        {
          label: '失业前累计缴费至少',
          value: b.unemployment.minimumContributionMonths,
          unit: 'months',
          kind: 'statutory',
          basis: '《社会保险法》第四十五条',
          setting: `${SETTING}#unemployment.minimumContributionMonths`,
        },
        ...b.unemployment.nationalCaps.map((cap): GuideDeadline => ({
          label: `累计缴费满${cap.fromMonths}个月的，最长领取`,
          value: cap.maxMonths,
          unit: 'months',
          kind: 'statutory',
          basis: '《社会保险法》第四十六条',
          setting: `${SETTING}#unemployment.nationalCaps`,
        })),
        {
          label: '失业保险金标准（最低工资标准的比例）',
          value: new Decimal(b.unemployment.benefitRate).times(100).toString(),
          unit: 'percent',
          kind: 'agency',
          basis: '人社部发〔2017〕71号（各省规定）',
          setting: `${SETTING}#unemployment.benefitRate`,
        },
      ],
      legalBasis: ['《中华人民共和国社会保险法》第四十五条至第五十一条', '《失业保险条例》第十四条、第十七条'],
      channel: claimChannel,
    },
    {
      id: 'benefit-maternity',
      title: '生育津贴申领',
      titleEn: 'Maternity allowance claim',
      summary: '参加生育保险的职工享受产假期间的生育津贴，按职工所在用人单位上年度职工月平均工资计发。',
      whoMayApply: ['职工本人', '所在用人单位'],
      documents: ['居民身份证号码', '生育或流产日期及医学证明', '用人单位上年度职工月平均工资'],
      steps: ['提交申领，系统计算产假天数和津贴金额（附计算过程）。', '经办人员审核。', '核定后发放。'],
      deadlines: [
        ...processing(b, 'maternity', '《社会保险经办条例》第二十条'),
        {
          label: '产假',
          value: b.maternity.birthDays,
          unit: 'days',
          kind: 'statutory',
          basis: '《女职工劳动保护特别规定》第七条',
          setting: `${SETTING}#maternity.birthDays`,
        },
        {
          label: '难产增加产假',
          value: b.maternity.difficultBirthExtraDays,
          unit: 'days',
          kind: 'statutory',
          basis: '《女职工劳动保护特别规定》第七条',
          setting: `${SETTING}#maternity.difficultBirthExtraDays`,
        },
        {
          label: '多胞胎每多生育1个婴儿增加产假',
          value: b.maternity.extraBabyDays,
          unit: 'days',
          kind: 'statutory',
          basis: '《女职工劳动保护特别规定》第七条',
          setting: `${SETTING}#maternity.extraBabyDays`,
        },
      ],
      legalBasis: ['《中华人民共和国社会保险法》第五十四条至第五十六条', '《女职工劳动保护特别规定》第七条'],
      channel: claimChannel,
    },
    {
      id: 'benefit-work-injury',
      title: '工伤认定与工伤保险待遇申领',
      titleEn: 'Work-injury recognition and benefits',
      summary: '职工因工作遭受事故伤害或者患职业病的，申请工伤认定和劳动能力鉴定后，享受工伤保险待遇。',
      whoMayApply: ['用人单位', '受伤害职工或者其近亲属、工会组织（单位未申请的）'],
      documents: ['工伤认定申请表', '劳动关系证明', '医疗诊断证明或职业病诊断证明', '劳动能力鉴定结论'],
      steps: [
        `用人单位自事故伤害发生之日或被诊断、鉴定为职业病之日起${clocks.employerApplicationDays}日内申请工伤认定；单位未申请的，职工或其近亲属、工会组织可在${clocks.otherApplicantMonths}个月内申请。`,
        `社会保险行政部门自受理之日起${clocks.decisionDays}日内作出认定决定，事实清楚的${clocks.clearCutDecisionDays}日内作出。`,
        `劳动能力鉴定委员会自收到申请之日起${clocks.assessmentDays}日内作出鉴定结论，必要时可延长${clocks.assessmentExtensionDays}日。`,
        '经办机构核定工伤保险待遇并发放。',
      ],
      deadlines: [
        {
          label: '用人单位申请工伤认定',
          value: clocks.employerApplicationDays,
          unit: 'days',
          kind: 'statutory',
          basis: '《工伤保险条例》第十七条',
          setting: `${SETTING}#workInjuryClocks.employerApplicationDays`,
        },
        {
          label: '职工、近亲属或工会申请工伤认定',
          value: clocks.otherApplicantMonths,
          unit: 'months',
          kind: 'statutory',
          basis: '《工伤保险条例》第十七条',
          setting: `${SETTING}#workInjuryClocks.otherApplicantMonths`,
        },
        {
          label: '作出工伤认定决定',
          value: clocks.decisionDays,
          unit: 'days',
          kind: 'statutory',
          basis: '《工伤保险条例》第二十条',
          setting: `${SETTING}#workInjuryClocks.decisionDays`,
        },
        {
          label: '事实清楚的工伤认定',
          value: clocks.clearCutDecisionDays,
          unit: 'days',
          kind: 'statutory',
          basis: '《工伤保险条例》第二十条',
          setting: `${SETTING}#workInjuryClocks.clearCutDecisionDays`,
        },
        {
          label: '劳动能力鉴定结论',
          value: clocks.assessmentDays,
          unit: 'days',
          kind: 'statutory',
          basis: '《工伤保险条例》第二十五条',
          setting: `${SETTING}#workInjuryClocks.assessmentDays`,
        },
        {
          label: '申请再次鉴定',
          value: clocks.reassessmentRequestDays,
          unit: 'days',
          kind: 'statutory',
          basis: '《工伤保险条例》第二十六条',
          setting: `${SETTING}#workInjuryClocks.reassessmentRequestDays`,
        },
        {
          label: '待遇核定（内部时限）',
          value: b.claims.internalStepWorkingDays,
          unit: 'workingDays',
          kind: 'agency',
          basis: '本机关内部时限（可配置）',
          setting: `${SETTING}#claims.internalStepWorkingDays`,
        },
      ],
      legalBasis: ['《中华人民共和国社会保险法》第三十六条至第四十三条', '《工伤保险条例》第十七条、第二十条、第二十五条、第二十六条'],
      channel: claimChannel,
    },
    {
      id: 'benefit-death',
      title: '丧葬补助金和抚恤金申领',
      titleEn: 'Funeral grant and survivor benefits',
      summary: '参保人员因病或者非因工死亡的，其遗属可以领取丧葬补助金和抚恤金；因工死亡的，按工伤保险规定领取丧葬补助金、供养亲属抚恤金和一次性工亡补助金。',
      whoMayApply: ['死亡人员的近亲属'],
      documents: ['死亡人员居民身份证号码', '死亡证明', '申领人与死亡人员的关系证明'],
      steps: ['近亲属提交申领。', '经办人员核对死亡信息并计算待遇。', '核定后一次性发放（供养亲属抚恤金按月发放）。'],
      deadlines: [
        {
          label: '丧葬补助金（统筹地区上年度职工月平均工资的月数）',
          value: b.claims.funeralGrantMonths,
          unit: 'months',
          kind: 'agency',
          basis: '《社会保险法》第十七条（标准由地方规定，可配置）',
          setting: `${SETTING}#claims.funeralGrantMonths`,
        },
        {
          label: '抚恤金（统筹地区上年度职工月平均工资的月数）',
          value: b.claims.survivorLumpSumMonths,
          unit: 'months',
          kind: 'agency',
          basis: '《社会保险法》第十七条（标准由地方规定，可配置）',
          setting: `${SETTING}#claims.survivorLumpSumMonths`,
        },
        {
          label: '待遇核定（内部时限）',
          value: b.claims.internalStepWorkingDays,
          unit: 'workingDays',
          kind: 'agency',
          basis: '本机关内部时限（可配置）',
          setting: `${SETTING}#claims.internalStepWorkingDays`,
        },
      ],
      legalBasis: ['《中华人民共和国社会保险法》第十七条、第三十八条', '《工伤保险条例》第三十九条'],
      channel: claimChannel,
    },
  ];
  return procedures;
};
