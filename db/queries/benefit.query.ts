import type { EntityManager } from '@mikro-orm/postgresql';
import type { BenefitParameters } from '../../domain/benefit/benefit-parameters.js';
import { benefitPolicyInForce, type BenefitPolicy, type BenefitPolicyVersion } from '../../domain/benefit/benefit-policy.js';
import type { EntitlementLine } from '../../domain/benefit/entitlement.js';
import { BenefitEntitlement, BenefitParametersRecord, Setting } from '../entities/index.js';
import type { IBenefitParametersRecord } from '../entities/benefit-parameters.entity.js';

/** The `setting` row holding the dated benefit configuration: `{ versions: BenefitPolicyVersion[] }`. */
export const BENEFIT_POLICY_KEY = 'benefit.policy';

/** The stored dated versions of the benefit configuration (none: the defaults of BenefitPolicy apply). */
export async function loadBenefitPolicyVersions(em: EntityManager): Promise<BenefitPolicyVersion[]> {
  const row = await em.findOne(Setting, { key: BENEFIT_POLICY_KEY });
  const value = row?.value as { versions?: BenefitPolicyVersion[] } | undefined;
  return value?.versions ?? [];
}

/** The benefit configuration in force on `date`: the defaults with every stored version up to that date. */
export async function loadBenefitPolicy(em: EntityManager, date: string): Promise<BenefitPolicy> {
  return benefitPolicyInForce(await loadBenefitPolicyVersions(em), date);
}

export function toBenefitParameters(row: IBenefitParametersRecord): BenefitParameters {
  return {
    region: row.region,
    effectiveFrom: row.effectiveFrom,
    pensionCalculationBase: row.pensionCalculationBase.toFixed(2),
    minimumWage: row.minimumWage.toFixed(2),
    subsistenceAllowance: row.subsistenceAllowance.toFixed(2),
  };
}

/** Every dated benefit figure set of a region, oldest first. */
export async function listBenefitParameterSets(em: EntityManager, region: string): Promise<BenefitParameters[]> {
  const rows = await em.find(BenefitParametersRecord, { region }, { orderBy: { effectiveFrom: 'asc' } });
  return rows.map(toBenefitParameters);
}

/** An entitlement row as the claim view shows it. */
export interface EntitlementRow extends Omit<EntitlementLine, 'key'> {
  lineKey: string;
  firstPayrollMonth: string;
  status: 'active' | 'stopped';
  stopReason: string | null;
  monthsUnused: number | null;
}

export async function entitlementsOfCase(em: EntityManager, caseId: string): Promise<EntitlementRow[]> {
  const rows = await em.find(BenefitEntitlement, { caseId }, { orderBy: { lineKey: 'asc' } });
  return rows.map((r) => ({
    lineKey: r.lineKey,
    benefit: r.benefit as EntitlementLine['benefit'],
    kind: r.kind,
    payer: r.payer,
    amount: r.amount.toFixed(2),
    startMonth: r.startMonth,
    endMonth: r.endMonth ?? null,
    firstPayrollMonth: r.firstPayrollMonth,
    beneficiary: r.beneficiary ?? null,
    status: r.status,
    stopReason: r.stopReason ?? null,
    monthsUnused: r.monthsUnused ?? null,
  }));
}

/** The open benefit cases of a person of one claim type (the unemployment claims a new enrollment stops). */
export async function openClaimsOf(em: EntityManager, citizenId: string, claimType: string): Promise<{ caseId: string; reference: string; status: string }[]> {
  return em.execute<{ caseId: string; reference: string; status: string }[]>(
    `select id as "caseId", reference, status from case_record
      where case_type = 'benefit' and citizen_id = ? and closed_at is null and summary->>'claimType' = ? order by opened_at`,
    [citizenId, claimType],
  );
}

/** The person's name as the records hold it, or null. */
export async function personName(em: EntityManager, citizenId: string): Promise<string | null> {
  const [row] = await em.execute<{ name: string }[]>('select name from person where citizen_id = ?', [citizenId]);
  return row?.name ?? null;
}

/** Whether the person has (or had) any insurance record with the employer: an agent files only for its own people. */
export async function hasRecordWith(em: EntityManager, citizenId: string, employer: string): Promise<boolean> {
  const [row] = await em.execute<{ n: string }[]>('select count(*) as n from insurance_record where citizen_id = ? and employer_credit_code = ?', [
    citizenId,
    employer,
  ]);
  return Number(row?.n ?? 0) > 0;
}
