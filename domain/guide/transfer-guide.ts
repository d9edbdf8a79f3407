import { Decimal } from 'decimal.js';
import type { ProcedureSection } from './guide.js';

const SETTING = 'transfer.policy';

/** 转移接续 (rules §6), with the legs and thresholds of `TransferPolicy`. */
export const transferProcedures: ProcedureSection = ({ transfer: p }) => {
  const pensionTotal = p.legs.pension.acceptanceLetter + p.legs.pension.transferOut + p.legs.pension.completion;
  return [
    {
      id: 'transfer',
      title: '社会保险关系转移接续',
      titleEn: 'Inter-region transfer of insurance relationships',
      summary: '参保人员跨统筹地区就业的，基本养老保险、职工医疗保险和失业保险关系随同转移，缴费年限累计计算；工伤保险和生育保险不转移。',
      whoMayApply: ['参保人员本人', '新就业地的用人单位', '新参保地经办机构窗口'],
      documents: ['居民身份证号码', '原参保地名称', '需转移的险种'],
      steps: [
        `向新参保地经办机构提出申请，新参保地${p.legs.pension.acceptanceLetter}个工作日内审核并发出联系函。`,
        `原参保地收到联系函后${p.legs.pension.transferOut}个工作日内转出参保信息表和资金。`,
        `新参保地收到后${p.legs.pension.completion}个工作日内办结接续。`,
        `男性年满${p.temporaryAccount.minAgeMale}周岁、女性年满${p.temporaryAccount.minAgeFemale}周岁在非户籍地参保的，建立临时基本养老保险缴费账户。`,
      ],
      deadlines: [
        {
          label: '养老保险：新参保地发出联系函',
          value: p.legs.pension.acceptanceLetter,
          unit: 'workingDays',
          kind: 'statutory',
          basis: '国办发〔2009〕66号 第八条',
          setting: `${SETTING}#legs.pension.acceptanceLetter`,
        },
        {
          label: '养老保险：原参保地转出',
          value: p.legs.pension.transferOut,
          unit: 'workingDays',
          kind: 'statutory',
          basis: '国办发〔2009〕66号 第八条',
          setting: `${SETTING}#legs.pension.transferOut`,
        },
        {
          label: '养老保险：新参保地办结',
          value: p.legs.pension.completion,
          unit: 'workingDays',
          kind: 'statutory',
          basis: '国办发〔2009〕66号 第八条',
          setting: `${SETTING}#legs.pension.completion`,
        },
        {
          label: '养老保险转移合计',
          value: pensionTotal,
          unit: 'workingDays',
          kind: 'statutory',
          basis: '国办发〔2009〕66号 第八条',
          setting: `${SETTING}#legs.pension`,
        },
        {
          label: '医疗保险：原参保地转出',
          value: p.legs.medical.transferOut,
          unit: 'workingDays',
          kind: 'statutory',
          basis: '医保办发〔2021〕43号',
          setting: `${SETTING}#legs.medical.transferOut`,
        },
        {
          label: '医疗保险：新参保地接续',
          value: p.legs.medical.load,
          unit: 'workingDays',
          kind: 'statutory',
          basis: '医保办发〔2021〕43号',
          setting: `${SETTING}#legs.medical.load`,
        },
        {
          label: '失业保险：原参保地转出',
          value: p.legs.unemployment.transferOut,
          unit: 'workingDays',
          kind: 'agency',
          basis: '《社会保险经办条例》第十四条至第十六条（参照医疗保险时限）',
          setting: `${SETTING}#legs.unemployment.transferOut`,
        },
        {
          label: '医疗保险中断不超过即视为连续参保',
          value: p.medicalContinuity.maxBreakMonths,
          unit: 'months',
          kind: 'statutory',
          basis: '医保办发〔2021〕43号',
          setting: `${SETTING}#medicalContinuity.maxBreakMonths`,
        },
        {
          label: '统筹基金随转比例（实际缴费工资的）',
          value: new Decimal(p.pooledFund.rate).times(100).toString(),
          unit: 'percent',
          kind: 'statutory',
          basis: '国办发〔2009〕66号 第四条',
          setting: `${SETTING}#pooledFund.rate`,
        },
        {
          label: '在一地累计缴费满即为待遇领取地',
          value: p.paymentPlace.minYearsAtPlace,
          unit: 'years',
          kind: 'statutory',
          basis: '国办发〔2009〕66号 第六条',
          setting: `${SETTING}#paymentPlace.minYearsAtPlace`,
        },
      ],
      legalBasis: [
        '《中华人民共和国社会保险法》第十九条、第三十二条、第五十二条',
        '《城镇企业职工基本养老保险关系转移接续暂行办法》（国办发〔2009〕66号）',
        '医保办发〔2021〕43号',
      ],
      channel: { route: 'POST /v1/transfers', page: '/web/file' },
    },
  ];
};
