import { medicalAccountOf } from '../../db/queries/account-subsidy.query.js';
import { paidMonthsOf } from '../../db/queries/benefit-facts.query.js';
import { personName } from '../../db/queries/benefit.query.js';
import { benefitsGrantedTo, type GrantedBenefit } from '../../db/queries/personal-record.query.js';
import { findParametersInForce } from '../../db/queries/region-parameters.query.js';
import { loadPersonalAccountPolicy } from '../../db/queries/settings.query.js';
import { monthOf } from '../../domain/calendar/local-date.js';
import { maskCitizenId, maskName } from '../../domain/identity/masking.js';
import type { InsuranceHistory } from '../../domain/insurance/insurance-history.js';
import { personalAccountStatement, type PersonalAccountStatement } from '../../domain/insurance/personal-account.js';
import { Decimal } from 'decimal.js';
import type { CommandContext } from '../command-context.js';
import { readInsuranceHistory } from '../persons/read-insurance-history.js';

export interface PersonalRecord extends InsuranceHistory {
  /** Masked unless the caller may read the person unmasked (the person themself, staff of their region). */
  citizenId: string;
  name: string | null;
  unmasked: boolean;
  asOf: string;
  personalAccount: PersonalAccountStatement;
  benefits: GrantedBenefit[];
  /**
   * The personal medical account (rules §5.6), oldest first: its credits (医疗帐户补助金) and their sum, the payments
   * made from it (个人账户支付) and their sum, and the balance.
   */
  medicalAccount: { credits: MedicalAccountCredit[]; credited: string; spendings: MedicalAccountSpending[]; spent: string; balance: string };
}

export interface MedicalAccountSpending {
  bookedAt: string;
  /** outpatient or pharmacy */
  kind: string;
  period: string;
  /** What the account paid, positive. */
  amount: string;
  /** The settlement or receipt number. */
  reference: string;
}

export interface MedicalAccountCredit {
  bookedAt: string;
  source: string;
  ruleId: string;
  period: string;
  amount: string;
  reference: string;
}

/**
 * 个人权益记录 (GET /v1/persons/{citizenId}/record): the insurance history (periods per insurance and employer,
 * contribution months, bases), the pension personal account with its yearly interest (rules §5.1), the benefits
 * granted and the credits to the personal medical account. Who may read it is readInsuranceHistory's rule: the person, staff of a region where they have a record.
 */
export async function readPersonalRecord(ctx: CommandContext, citizenId: string): Promise<PersonalRecord> {
  const history = await readInsuranceHistory(ctx, citizenId);
  const today = ctx.clock.today();
  const [months, policy, name, benefits, medicalAccount] = await Promise.all([
    paidMonthsOf(ctx.em, citizenId, 'pension', monthOf(today)),
    loadPersonalAccountPolicy(ctx.em),
    personName(ctx.em, citizenId),
    benefitsGrantedTo(ctx.em, citizenId),
    medicalAccountOf(ctx.em, citizenId),
  ]);
  const credited = [];
  for (const m of months) credited.push({ month: m.month, contribution: m.employeeContribution ?? (await flexibleShare(ctx, m.region, m.month, m.base)) });
  const personalAccount = personalAccountStatement(credited, Number(today.slice(0, 4)), policy);
  return {
    ...history,
    citizenId: history.unmasked ? citizenId : maskCitizenId(citizenId),
    name: name === null ? null : history.unmasked ? name : maskName(name),
    asOf: today,
    personalAccount,
    benefits,
    medicalAccount: {
      credits: medicalAccount.credits.map(({ bookedAt, source, ruleId, period, amount, reference }) => ({
        bookedAt,
        source,
        ruleId,
        period,
        amount,
        reference,
      })),
      credited: medicalAccount.credited,
      spendings: medicalAccount.spendings.map(({ bookedAt, ruleId, period, amount, reference }) => ({
        bookedAt,
        kind: ruleId,
        period,
        amount: amount.startsWith('-') ? amount.slice(1) : amount,
        reference,
      })),
      spent: medicalAccount.spent,
      balance: medicalAccount.balance,
    },
  };
}

/**
 * A flexible worker pays the whole pension contribution themself; the personal account is credited with the
 * employee rate of the base (8 %, rules §3.1), as for an employee.
 */
async function flexibleShare(ctx: CommandContext, region: string, month: string, base: string): Promise<string> {
  const parameters = await findParametersInForce(ctx.em, region, `${month}-01`);
  const rate = parameters?.rates.pension.employee ?? '0.08';
  return new Decimal(base).times(rate).toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toFixed(2);
}
