import type { EntityManager } from '@mikro-orm/postgresql';
import { Decimal } from 'decimal.js';
import type { BenefitClaimApplication } from '../domain/benefit/benefit-claim.js';
import { benefitParametersInForce, type BenefitParameters } from '../domain/benefit/benefit-parameters.js';
import type { BenefitClaimFacts } from '../domain/benefit/claim-checks.js';
import { type EntitlementLine, monthPlus } from '../domain/benefit/entitlement.js';
import { pensionHistoryFigures } from '../domain/benefit/pension-claim.js';
import type { PersonalAccountPolicy } from '../domain/insurance/personal-account.js';
import type { LeaveReason } from '../domain/benefit/unemployment-policy.js';
import type { CalendarYear } from '../domain/calendar/holiday-calendar.js';
import { compareDates, monthOf } from '../domain/calendar/local-date.js';
import type { RegionalParameters } from '../domain/contribution/regional-parameters.js';
import { parseCitizenId } from '../domain/identity/citizen-id.js';
import {
  currentEmployment,
  drawsPension,
  employerAverageBase,
  employerRecordsAverageBase,
  injuryClaim,
  insuredWith,
  ownWageBefore,
  type PaidMonth,
  paidMonthsOf,
  unusedUnemploymentMonths,
} from '../db/queries/benefit-facts.query.js';
import { listBenefitParameterSets } from '../db/queries/benefit.query.js';
import { loadCalendarYears } from '../db/queries/calendar.query.js';
import { findLeaverReport } from '../db/queries/insurance-record.query.js';
import { listParameterSets } from '../db/queries/region-parameters.query.js';
import { loadPersonalAccountPolicy } from '../db/queries/settings.query.js';
import { type EntitlementStop, recordEntitlementLines, stopEntitlementLines } from '../db/writers/entitlements.js';
import type { ActivityDeps } from './deps.js';

/** The set of `sets` in force on `date`, or null. */
const inForce = (sets: readonly RegionalParameters[], date: string): RegionalParameters | null =>
  sets.filter((s) => compareDates(s.effectiveFrom, date) <= 0).at(-1) ?? null;

/** Employee pension rate when no parameter set is loaded for the month (§3.1: 8 %). */
const DEFAULT_EMPLOYEE_PENSION_RATE = '0.08';

/**
 * The paid pension months with what went to the personal account, the index years and the account balance with the
 * interest of every finished year before `currentYear` (pension-claim.ts; the `personal-account.policy` rates).
 */
function pensionFigures(months: readonly PaidMonth[], sets: readonly RegionalParameters[], account: { currentYear: number; policy: PersonalAccountPolicy }) {
  const first = sets[0] ?? null;
  const withAccount = months.map((m) => {
    const rate = (inForce(sets, `${m.month}-01`) ?? first)?.rates.pension.employee ?? DEFAULT_EMPLOYEE_PENSION_RATE;
    const account = m.employeeContribution ?? new Decimal(m.base).times(rate).toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toFixed(2);
    return { month: m.month, base: m.base, accountContribution: account };
  });
  return pensionHistoryFigures(
    withAccount,
    (year) => {
      const set = inForce(sets, `${year}-01-01`) ?? first;
      return set ? { wage: set.averageMonthlyWage, from: set.effectiveFrom } : null;
    },
    account,
  );
}

/**
 * The side effects of a benefit claim (workflows/benefit-claim.workflow.ts): the facts from the insurance history and
 * the dated figures, read once and recorded in the workflow's history so a replay decides the same; the entitlements
 * of an approved claim; their stop on re-employment. Each write is idempotent by the case and line.
 */
export function createBenefitActivities({ orm, clock }: ActivityDeps) {
  async function factsOf(em: EntityManager, caseId: string, application: BenefitClaimApplication): Promise<BenefitClaimFacts> {
    const { citizenId, region } = application;
    const [sets, benefitSets] = await Promise.all([listParameterSets(em, region), listBenefitParameterSets(em, region)]);
    const benefitOn = (date: string): BenefitParameters | null => benefitParametersInForce(benefitSets, date);
    const thisMonth = monthOf(clock.today());
    switch (application.type) {
      case 'pension': {
        const person = parseCitizenId(citizenId);
        const last = [thisMonth, monthOf(application.retirementDate)].sort()[0]!;
        const [months, interest] = await Promise.all([paidMonthsOf(em, citizenId, 'pension', last), loadPersonalAccountPolicy(em)]);
        // Interest is credited for the finished years before the year of the last month counted (retirement or now).
        const figures = pensionFigures(months, sets, { currentYear: Number(last.slice(0, 4)), policy: interest });
        return {
          type: 'pension',
          pension: {
            birthDate: person.birthDate,
            sex: person.sex,
            contributionMonths: months.length,
            years: figures.years,
            accountBalance: figures.accountBalance,
            calculationBase: benefitOn(application.retirementDate)?.pensionCalculationBase ?? null,
            workings: [`${months.length} paid pension months up to ${last} (insurance history)`, ...figures.workings],
          },
        };
      }
      case 'unemployment': {
        const [months, leaver, employment, drawing, unused] = await Promise.all([
          paidMonthsOf(em, citizenId, 'unemployment', thisMonth),
          findLeaverReport(em, application.employerCreditCode, citizenId, application.leaveDate),
          currentEmployment(em, citizenId),
          drawsPension(em, citizenId),
          unusedUnemploymentMonths(em, citizenId, caseId),
        ]);
        const figures = benefitOn(application.registeredOn);
        const params = inForce(sets, application.registeredOn);
        const medicalRate = params ? new Decimal(params.rates.medical.employer).plus(params.rates.medical.employee).toFixed() : null;
        return {
          type: 'unemployment',
          unemployment: {
            contributionMonths: months.length,
            leaver: leaver ? { reason: leaver.reason as LeaveReason, leaveDate: application.leaveDate, lastMonth: leaver.lastMonth } : null,
            employment,
            drawingPension: drawing,
            unusedMonths: unused,
            minimumWage: figures?.minimumWage ?? null,
            subsistenceAllowance: figures?.subsistenceAllowance ?? null,
            medical: params && medicalRate ? { averageWage: params.averageMonthlyWage, rate: medicalRate } : null,
          },
        };
      }
      case 'maternity': {
        const month = monthOf(application.event.date);
        const year = Number(month.slice(0, 4));
        const insured = await insuredWith(em, citizenId, application.employerCreditCode, 'medical', month);
        const previous = await employerAverageBase(em, application.employerCreditCode, year - 1);
        const current = previous ? null : await employerAverageBase(em, application.employerCreditCode, year);
        const records = previous || current ? null : await employerRecordsAverageBase(em, application.employerCreditCode);
        const found = previous ?? current;
        return {
          type: 'maternity',
          maternity: {
            insuredWithEmployer: insured !== null,
            employerAverageBase: found?.average ?? records?.average ?? null,
            averageBasis: found
              ? `average declared base of ${found.lines} lines in ${previous ? year - 1 : year}`
              : records
                ? `no declarations: average base of the employer's ${records.records} open medical records`
                : 'the employer has neither declarations nor open records',
          },
        };
      }
      case 'workInjury': {
        const month = monthOf(application.accidentDate);
        const [insured, own] = await Promise.all([
          insuredWith(em, citizenId, application.employerCreditCode, 'workInjury', month),
          ownWageBefore(em, citizenId, monthPlus(month, -12), month),
        ]);
        return {
          type: 'workInjury',
          workInjury: {
            insuredForWorkInjury: insured !== null,
            ownWage: own?.wage ?? null,
            ownWageBasis: own?.basis ?? 'no declared months and no record',
            regionalAverageWage: inForce(sets, application.accidentDate)?.averageMonthlyWage ?? null,
            minimumWage: benefitOn(application.accidentDate)?.minimumWage ?? null,
          },
        };
      }
      case 'funeral':
      case 'survivor': {
        const month = monthOf(application.deathDate);
        const [injury, own, months, interest] = await Promise.all([
          application.injuryReference ? injuryClaim(em, application.injuryReference) : Promise.resolve(null),
          ownWageBefore(em, citizenId, monthPlus(month, -12), month),
          paidMonthsOf(em, citizenId, 'pension', month),
          loadPersonalAccountPolicy(em),
        ]);
        return {
          type: 'death',
          death: {
            injury:
              application.injuryReference === null
                ? null
                : {
                    reference: application.injuryReference,
                    recognised: injury !== null && injury.citizenId === citizenId && injury.claimType === 'workInjury' && injury.recognition === 'recognized',
                  },
            ownWage: own?.wage ?? null,
            regionalAverageWage: (inForce(sets, application.deathDate) ?? sets.at(-1) ?? null)?.averageMonthlyWage ?? null,
            // The inheritable balance with the interest of the finished years before the death (社会保险法 art. 14).
            accountBalance: pensionFigures(months, sets, { currentYear: Number(month.slice(0, 4)), policy: interest }).accountBalance,
          },
        };
      }
    }
  }

  return {
    /** The holiday calendar and the facts of the claim, read once; recorded in history so a replay decides the same. */
    gatherBenefitClaimFacts: async (input: {
      caseId: string;
      application: BenefitClaimApplication;
    }): Promise<{ calendar: CalendarYear[]; facts: BenefitClaimFacts }> => {
      const em = orm.em.fork();
      const [calendar, facts] = await Promise.all([loadCalendarYears(em), factsOf(em, input.caseId, input.application)]);
      return { calendar, facts };
    },

    /** The lines of an approved claim become entitlements the payroll pays. Idempotent by case and line key. */
    recordEntitlements: async (input: {
      caseId: string;
      citizenId: string;
      region: string;
      claimType: string;
      lines: EntitlementLine[];
      decidedBy: string;
      decidedMonth: string;
      stop: EntitlementStop | null;
    }): Promise<void> => {
      await recordEntitlementLines(orm.em.fork(), input, clock.now());
    },

    /** Re-employment stops the periodic lines from the stop month (社会保险法 art. 51). Idempotent. */
    stopEntitlements: async (input: { caseId: string; region: string } & EntitlementStop): Promise<void> => {
      await stopEntitlementLines(orm.em.fork(), input, clock.now());
    },
  };
}
