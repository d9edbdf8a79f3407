import { Decimal } from 'decimal.js';
import type { BenefitPolicy } from '../benefit/benefit-policy.js';
import { minimumContributionYears } from '../retirement-age.js';
import type { GuideDeadline, GuideProcedure, GuideUnit, ProcedureSection } from './guide.js';

const SETTING = 'benefit.policy';

/** The agency's processing limit of a claim type, when it has one (rules §5.1–5.4, 社会保险经办条例). */
function processing(policy: BenefitPolicy, type: keyof BenefitPolicy['processing'], basis: string): GuideDeadline[] {
  const days = policy.processing[type];
  return days === null ? [] : [configured('经办机构审核办结', days, 'workingDays', 'statutory', basis, `processing.${type}`)];
}

/** A limit the guide shows with the `benefit.policy` key that sets it (rules §5), so the two never drift apart. */
function configured(label: string, value: number | string, unit: GuideUnit, kind: GuideDeadline['kind'], basis: string, key: string): GuideDeadline {
  return { label, value, unit, kind, basis, setting: `${SETTING}#${key}` };
}

/** The agency's own limit for a step of any claim that has no statutory clock (the task SLA of workflows/benefit-claim). */
function internalStepLimit(b: BenefitPolicy): GuideDeadline {
  return configured(
    '待遇核定（内部时限）',
    b.claims.internalStepWorkingDays,
    'workingDays',
    'agency',
    '本机关内部时限（可配置）',
    'claims.internalStepWorkingDays',
  );
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
        configured(
          '弹性提前退休最多提前',
          b.retirement.earlyMonths,
          'months',
          'statutory',
          '《国务院关于渐进式延迟法定退休年龄的办法》',
          'retirement.earlyMonths',
        ),
        configured(
          '弹性延迟退休最多延迟',
          b.retirement.lateMonths,
          'months',
          'statutory',
          '《国务院关于渐进式延迟法定退休年龄的办法》',
          'retirement.lateMonths',
        ),
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
        configured(
          '失业前累计缴费至少',
          b.unemployment.minimumContributionMonths,
          'months',
          'statutory',
          '《社会保险法》第四十五条',
          'unemployment.minimumContributionMonths',
        ),
        ...b.unemployment.nationalCaps.map((cap): GuideDeadline => ({
          label: `累计缴费满${cap.fromMonths}个月的，最长领取`,
          value: cap.maxMonths,
          unit: 'months',
          kind: 'statutory',
          basis: '《社会保险法》第四十六条',
          setting: `${SETTING}#unemployment.nationalCaps`,
        })),
        configured(
          '失业保险金标准（最低工资标准的比例）',
          new Decimal(b.unemployment.benefitRate).times(100).toString(),
          'percent',
          'agency',
          '人社部发〔2017〕71号（各省规定）',
          'unemployment.benefitRate',
        ),
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
        configured('产假', b.maternity.birthDays, 'days', 'statutory', '《女职工劳动保护特别规定》第七条', 'maternity.birthDays'),
        configured(
          '难产增加产假',
          b.maternity.difficultBirthExtraDays,
          'days',
          'statutory',
          '《女职工劳动保护特别规定》第七条',
          'maternity.difficultBirthExtraDays',
        ),
        configured(
          '多胞胎每多生育1个婴儿增加产假',
          b.maternity.extraBabyDays,
          'days',
          'statutory',
          '《女职工劳动保护特别规定》第七条',
          'maternity.extraBabyDays',
        ),
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
        configured(
          '用人单位申请工伤认定',
          clocks.employerApplicationDays,
          'days',
          'statutory',
          '《工伤保险条例》第十七条',
          'workInjuryClocks.employerApplicationDays',
        ),
        configured(
          '职工、近亲属或工会申请工伤认定',
          clocks.otherApplicantMonths,
          'months',
          'statutory',
          '《工伤保险条例》第十七条',
          'workInjuryClocks.otherApplicantMonths',
        ),
        configured('作出工伤认定决定', clocks.decisionDays, 'days', 'statutory', '《工伤保险条例》第二十条', 'workInjuryClocks.decisionDays'),
        configured('事实清楚的工伤认定', clocks.clearCutDecisionDays, 'days', 'statutory', '《工伤保险条例》第二十条', 'workInjuryClocks.clearCutDecisionDays'),
        configured('劳动能力鉴定结论', clocks.assessmentDays, 'days', 'statutory', '《工伤保险条例》第二十五条', 'workInjuryClocks.assessmentDays'),
        configured(
          '申请再次鉴定',
          clocks.reassessmentRequestDays,
          'days',
          'statutory',
          '《工伤保险条例》第二十六条',
          'workInjuryClocks.reassessmentRequestDays',
        ),
        internalStepLimit(b),
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
        configured(
          '丧葬补助金（统筹地区上年度职工月平均工资的月数）',
          b.claims.funeralGrantMonths,
          'months',
          'agency',
          '《社会保险法》第十七条（标准由地方规定，可配置）',
          'claims.funeralGrantMonths',
        ),
        configured(
          '抚恤金（统筹地区上年度职工月平均工资的月数）',
          b.claims.survivorLumpSumMonths,
          'months',
          'agency',
          '《社会保险法》第十七条（标准由地方规定，可配置）',
          'claims.survivorLumpSumMonths',
        ),
        internalStepLimit(b),
      ],
      legalBasis: ['《中华人民共和国社会保险法》第十七条、第三十八条', '《工伤保险条例》第三十九条'],
      channel: claimChannel,
    },
  ];
  return procedures;
};
