// 办事指南 (issue 14 point 1): the guide is built from the configuration it is given — the one the commands load — so
// a changed figure changes the text, and a search in Chinese finds the procedure.
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONTRIBUTION_POLICY } from '../../../domain/arrears/arrears-policy.js';
import { DEFAULT_BENEFIT_POLICY } from '../../../domain/benefit/benefit-policy.js';
import { DEFAULT_ENROLLMENT_POLICY } from '../../../domain/enrollment/enrollment-policy.js';
import { searchGuide, type GuideConfiguration } from '../../../domain/guide/guide.js';
import { guideProcedures } from '../../../domain/guide/procedures.js';
import { DEFAULT_PETITION_POLICY } from '../../../domain/petition/petition-policy.js';
import { DEFAULT_TRANSFER_POLICY } from '../../../domain/transfer/transfer-policy.js';

const defaults: GuideConfiguration = {
  enrollment: DEFAULT_ENROLLMENT_POLICY,
  contribution: DEFAULT_CONTRIBUTION_POLICY,
  petition: DEFAULT_PETITION_POLICY,
  transfer: DEFAULT_TRANSFER_POLICY,
  benefit: DEFAULT_BENEFIT_POLICY,
  asOf: '2031-06-01',
};

const byId = (config: GuideConfiguration, id: string) => {
  const found = guideProcedures(config).find((p) => p.id === id);
  if (!found) throw new Error(`no procedure ${id}`);
  return found;
};

describe('guideProcedures (rules §2–§7)', () => {
  it('covers every procedure the system runs, each with applicants, documents, steps, deadlines and a legal basis', () => {
    const procedures = guideProcedures(defaults);
    expect(procedures.map((p) => p.id)).toEqual([
      'enrollment',
      'leaver',
      'declaration',
      'payment',
      'arrears',
      'benefit-pension',
      'benefit-unemployment',
      'benefit-maternity',
      'benefit-work-injury',
      'benefit-death',
      'transfer',
      'petition',
    ]);
    for (const p of procedures) {
      expect(p.whoMayApply.length, p.id).toBeGreaterThan(0);
      expect(p.documents.length, p.id).toBeGreaterThan(0);
      expect(p.steps.length, p.id).toBeGreaterThan(0);
      expect(p.deadlines.length, p.id).toBeGreaterThan(0);
      expect(p.legalBasis.length, p.id).toBeGreaterThan(0);
    }
  });

  it('prints the statutory defaults: 30 days to register, 10 working days to review (rules §2), 60 days for a petition (rules §7)', () => {
    const enrollment = byId(defaults, 'enrollment');
    expect(enrollment.deadlines.find((d) => d.setting === 'enrollment.policy#registrationDays')).toMatchObject({ value: 30, unit: 'days', kind: 'statutory' });
    expect(enrollment.deadlines.find((d) => d.setting === 'enrollment.policy#reviewWorkingDays')).toMatchObject({ value: 10, unit: 'workingDays' });
    expect(byId(defaults, 'petition').deadlines.find((d) => d.label.startsWith('办理期限'))).toMatchObject({
      value: 60,
      unit: 'days',
      basis: '《信访工作条例》第三十二条',
    });
    expect(byId(defaults, 'payment').deadlines[0]).toMatchObject({ value: '0.05', unit: 'percentPerDay' });
  });

  it('follows the configuration it is given: a changed correction period, late fee and pension leg change the text (issue 14 point 1)', () => {
    const changed: GuideConfiguration = {
      ...defaults,
      enrollment: { ...DEFAULT_ENROLLMENT_POLICY, correctionDays: 23 },
      contribution: { ...DEFAULT_CONTRIBUTION_POLICY, orderToPayDays: 7, lateFee: { ...DEFAULT_CONTRIBUTION_POLICY.lateFee, dailyRate: '0.0003' } },
      transfer: { ...DEFAULT_TRANSFER_POLICY, legs: { ...DEFAULT_TRANSFER_POLICY.legs, pension: { acceptanceLetter: 12, transferOut: 15, completion: 15 } } },
    };
    const enrollment = byId(changed, 'enrollment');
    expect(enrollment.deadlines.find((d) => d.setting === 'enrollment.policy#correctionDays')?.value).toBe(23);
    expect(enrollment.steps.join('')).toContain('23日内补正');
    expect(byId(changed, 'arrears').steps.join('')).toContain('限期7个工作日内缴纳');
    expect(byId(changed, 'payment').deadlines[0]?.value).toBe('0.03');
    expect(byId(changed, 'transfer').deadlines.find((d) => d.label === '养老保险转移合计')?.value).toBe(42);
  });

  it('gives the minimum contribution years of the year the guide is read for (2025 reform, rules §5.2)', () => {
    const minimum = (asOf: string) => byId({ ...defaults, asOf }, 'benefit-pension').deadlines.find((d) => d.label.endsWith('最低缴费年限'))?.value;
    expect(minimum('2029-03-01')).toBe('15');
    expect(minimum('2031-03-01')).toBe('16');
    expect(minimum('2040-03-01')).toBe('20');
  });
});

describe('searchGuide', () => {
  const procedures = guideProcedures(defaults);

  it('finds by Chinese terms without word breaks, every term required', () => {
    const ids = searchGuide(procedures, '失业保险金 领取').map((p) => p.id);
    expect(ids).toContain('benefit-unemployment');
    expect(ids).not.toContain('petition');
    expect(searchGuide(procedures, '信访').map((p) => p.id)).toEqual(['petition']);
    expect(searchGuide(procedures, '工伤认定 劳动能力鉴定').map((p) => p.id)).toEqual(['benefit-work-injury']);
  });

  it('finds by a figure with its unit, and by English title regardless of case', () => {
    expect(searchGuide(procedures, '60日').map((p) => p.id)).toContain('petition');
    expect(searchGuide(procedures, 'TRANSFER').map((p) => p.id)).toContain('transfer');
  });

  it('answers everything for an empty query and nothing for a term no procedure holds', () => {
    expect(searchGuide(procedures, '  ')).toHaveLength(procedures.length);
    expect(searchGuide(procedures, '火星移民')).toEqual([]);
  });
});
