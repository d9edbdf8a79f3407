import type { ProcedureSection } from './guide.js';

/** The petition clocks are not a setting yet: every petition case is given DEFAULT_PETITION_POLICY. */
const BUILT_IN = 'none (built-in DEFAULT_PETITION_POLICY)';

/** 信访 (rules §7). The petition clocks are `PetitionPolicy` — the same values every new petition case is given. */
export const petitionProcedures: ProcedureSection = ({ petition: p }) => [
  {
    id: 'petition',
    title: '信访事项办理',
    titleEn: 'Petitions (letters and visits)',
    summary: '公民对社会保险经办工作提出建议、意见或者投诉请求，经办机构依法受理、办理并书面答复；对答复不服的可请求复查、复核。',
    whoMayApply: ['公民本人（以本人名义提出）', `多人采用走访形式的，推选代表不超过${p.maxRepresentatives}人`],
    documents: ['信访人姓名、联系方式', '信访事项、请求及事实和理由', '相关证明材料（可上传附件）'],
    steps: [
      `收到信访事项之日起${p.acceptanceDays}日内告知是否受理。`,
      `受理之日起${p.handlingDays}日内办结并出具书面答复意见；情况复杂的，经批准可延长不超过${p.maxExtensionDays}日。`,
      `对处理意见不服的，可以自收到书面答复之日起${p.reviewRequestDays}日内请求复查；对复查意见不服的，可在${p.reviewRequestDays}日内请求复核。`,
      '办结后信访人可对办理情况作出评价。',
    ],
    deadlines: [
      { label: '告知是否受理', value: p.acceptanceDays, unit: 'days', kind: 'statutory', basis: '《信访工作条例》第二十三条', setting: BUILT_IN },
      {
        label: '不属于本机关职权范围的提出异议',
        value: p.transferObjectionWorkingDays,
        unit: 'workingDays',
        kind: 'statutory',
        basis: '《信访工作条例》第二十三条',
        setting: BUILT_IN,
      },
      { label: '办理期限（自受理之日起）', value: p.handlingDays, unit: 'days', kind: 'statutory', basis: '《信访工作条例》第三十二条', setting: BUILT_IN },
      { label: '延长期限（最多一次）', value: p.maxExtensionDays, unit: 'days', kind: 'statutory', basis: '《信访工作条例》第三十二条', setting: BUILT_IN },
      {
        label: '请求复查、复核',
        value: p.reviewRequestDays,
        unit: 'days',
        kind: 'statutory',
        basis: '《信访工作条例》第三十五条、第三十六条',
        setting: BUILT_IN,
      },
      {
        label: '出具复查、复核意见',
        value: p.reviewOpinionDays,
        unit: 'days',
        kind: 'statutory',
        basis: '《信访工作条例》第三十五条、第三十六条',
        setting: BUILT_IN,
      },
      { label: '延期审批（内部时限）', value: p.extensionDecisionWorkingDays, unit: 'workingDays', kind: 'agency', basis: '本机关内部时限', setting: BUILT_IN },
    ],
    legalBasis: ['《信访工作条例》（2022年）第十七条、第二十条、第二十三条、第三十二条、第三十五条、第三十六条'],
    channel: { route: 'POST /v1/petitions', page: '/web/file' },
  },
];
