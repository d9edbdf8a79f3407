import { randomUUID } from 'node:crypto';
import { UniqueConstraintViolationException } from '@mikro-orm/core';
import { ApplicationFailure } from '@temporalio/activity';
import type { CalendarYear } from '../domain/calendar/holiday-calendar.js';
import { addMonths, monthOf } from '../domain/calendar/local-date.js';
import { monthsCovered } from '../domain/insurance/insurance-history.js';
import { clampBase } from '../domain/contribution/contribution-base.js';
import type { RegionalParameters } from '../domain/contribution/regional-parameters.js';
import type { EnrollmentApplication } from '../domain/enrollment/enrollment-application.js';
import type { EnrollmentFacts, Refusal } from '../domain/enrollment/enrollment-checks.js';
import { parseCitizenId } from '../domain/identity/citizen-id.js';
import { Money } from '../domain/money.js';
import { openClaimsOf } from '../db/queries/benefit.query.js';
import { loadCalendarYears } from '../db/queries/calendar.query.js';
import { listParameterSets } from '../db/queries/region-parameters.query.js';
import { appendAudit } from '../db/writers/case-log.js';
import type { ActivityDeps } from './deps.js';

const previousMonth = (month: string) => addMonths(`${month}-01`, -1).slice(0, 7);

/** How long the worker reuses the holiday calendar and a region's parameter sets before reading them again. */
const REFERENCE_CACHE_MS = 30_000;

export function createEnrollmentActivities({ orm, clock }: ActivityDeps) {
  // Reference data changes a few times a year and takes effect on a future date; reading it for every registration
  // would cost two queries per case. A change is picked up within REFERENCE_CACHE_MS.
  let calendar: { years: CalendarYear[]; readAt: number } | null = null;
  const parameterSets = new Map<string, { sets: RegionalParameters[]; readAt: number }>();
  const fresh = (readAt: number) => performance.now() - readAt < REFERENCE_CACHE_MS;

  return {
    /** Dated parameters and the holiday calendar, read once and recorded in history so a replay decides the same. */
    loadEnrollmentContext: async (input: {
      region: string;
      date: string;
    }): Promise<{
      parameters: RegionalParameters;
      calendar: CalendarYear[];
    }> => {
      const em = orm.em.fork();
      let cached = parameterSets.get(input.region);
      if (!cached || !fresh(cached.readAt)) {
        cached = { sets: await listParameterSets(em, input.region), readAt: performance.now() };
        parameterSets.set(input.region, cached);
      }
      if (!calendar || !fresh(calendar.readAt)) calendar = { years: await loadCalendarYears(em), readAt: performance.now() };
      const parameters = cached.sets.filter((set) => set.effectiveFrom <= input.date).at(-1);
      if (!parameters) {
        throw ApplicationFailure.nonRetryable(`region ${input.region} has no contribution parameters in force on ${input.date}`, 'ParametersNotFound');
      }
      return { parameters, calendar: calendar.years };
    },

    gatherEnrollmentFacts: async (input: {
      caseId: string;
      citizenId: string;
      employerCreditCode: string | null;
      region?: string;
    }): Promise<EnrollmentFacts> => {
      // One round trip for the facts: this runs for every registration. Records this same case opened are not facts
      // about the person: when a worker dies after opening them and before its workflow task is recorded, the checks
      // run again, and must not refuse the case because of its own records (found by the crash drill).
      const [row] = await orm.em.fork().execute<
        {
          employer: { creditCode: string; region: string; status: string } | null;
          pension: { region: string; employerCreditCode: string | null; poolingRegion: string | null } | null;
          open: string | null;
          pooling: string | null;
          spans: { startMonth: string; endMonth: string | null }[] | null;
        }[]
      >(
        `select
           (select json_build_object('creditCode', credit_code, 'region', region, 'status', status) from employer where credit_code = ?) as employer,
           (select json_build_object('region', r.region, 'employerCreditCode', r.employer_credit_code, 'poolingRegion', coalesce(g.pooling_region, r.region))
              from insurance_record r left join region g on g.code = r.region
             where r.citizen_id = ? and r.insurance_type = 'pension' and r.status = 'active' and r.opened_by_case <> ? limit 1) as pension,
           (select reference from case_record where case_type = 'enrollment' and citizen_id = ? and closed_at is null and id <> ?
              order by opened_at limit 1) as open,
           (select coalesce(pooling_region, code) from region where code = ?) as pooling,
           (select json_agg(json_build_object('startMonth', start_month, 'endMonth', end_month)) from insurance_record
             where citizen_id = ? and insurance_type = 'pension' and opened_by_case <> ?) as spans`,
        [input.employerCreditCode, input.citizenId, input.caseId, input.citizenId, input.caseId, input.region ?? null, input.citizenId, input.caseId],
      );
      return {
        employer: row?.employer ?? null,
        activePension: row?.pension ?? null,
        otherOpenEnrollment: row?.open ? { reference: row.open } : null,
        applicationPoolingRegion: row?.pooling ?? null,
        pensionContributionMonths: monthsCovered(row?.spans ?? [], monthOf(clock.today())),
      };
    },

    /**
     * Opens the person's insurance records from the hire month, with the base clamped to the regional floor and ceiling
     * (rules §3.2). Idempotent per case and insurance; the database refuses a second active pension. A hire by
     * an employer also answers the person's open unemployment claims: re-employment stops them (社会保险法 art. 51), and
     * the enrollment case tells each one (workflows/enrollment/enrollment-case.ts).
     */
    openInsuranceRecords: async (input: {
      caseId: string;
      application: EnrollmentApplication;
      parameters: RegionalParameters;
      decidedBy: string;
    }): Promise<{ opened: true; base: string; unemploymentClaims?: string[] } | { opened: false; refusal: Refusal }> => {
      const { application } = input;
      const person = parseCitizenId(application.person.citizenId);
      const base = clampBase(Money.of(application.monthlyWage), input.parameters).base;
      const at = clock.now();
      try {
        await orm.em.fork().transactional(async (em) => {
          await em.execute(
            `insert into person (citizen_id, name, sex, birth_date, phone, hukou_region, created_at, updated_at)
             values (?, ?, ?, ?, ?, ?, ?, ?)
             on conflict (citizen_id) do update set name = excluded.name, phone = coalesce(excluded.phone, person.phone),
               hukou_region = coalesce(excluded.hukou_region, person.hukou_region), updated_at = excluded.updated_at`,
            [person.value, application.person.name, person.sex, person.birthDate, application.person.phone, application.person.hukouRegion, at, at],
          );
          // A flexible worker who is hired: the employer takes the relationship over, so the person's own records stop
          // with the month before the hire (one pension relationship at a time — the partial unique index holds it).
          if (application.employerCreditCode !== null) {
            await em.execute(
              `update insurance_record set status = 'terminated', end_month = ?, end_reason = 'switchedToEmployee'
                where citizen_id = ? and employer_credit_code is null and status = 'active' and insurance_type in (?)`,
              [previousMonth(monthOf(application.hireDate)), person.value, application.insuranceTypes],
            );
          }
          // One statement for all chosen insurances; a retry finds them and inserts nothing.
          const values = application.insuranceTypes.map(() => `(?, ?, ?, ?, ?, ?, ?, 'active', ?, ?, ?)`).join(', ');
          await em.execute(
            `insert into insurance_record (id, citizen_id, insurance_type, region, employer_credit_code, personnel_category,
               start_month, status, contribution_base, opened_by_case, created_at)
             values ${values} on conflict (opened_by_case, insurance_type) do nothing`,
            application.insuranceTypes.flatMap((insuranceType) => [
              randomUUID(),
              person.value,
              insuranceType,
              application.region,
              application.employerCreditCode,
              application.employerCreditCode ? 'employee' : 'flexible',
              monthOf(application.hireDate),
              base.toDecimal().toFixed(2),
              input.caseId,
              at,
            ]),
          );
          await appendAudit(em, {
            at,
            actorId: input.decidedBy,
            actorRole: input.decidedBy === 'system' ? 'system' : 'staff',
            region: application.region,
            action: 'insurance.opened',
            objectType: 'Case',
            objectId: input.caseId,
            detail: { insuranceTypes: application.insuranceTypes, base: base.toString(), fromMonth: monthOf(application.hireDate) },
            key: `case:${input.caseId}:records`,
          });
        });
      } catch (error) {
        if (error instanceof UniqueConstraintViolationException) {
          return {
            opened: false,
            refusal: {
              code: 'PENSION_ACTIVE_WITH_OTHER_EMPLOYER',
              message: 'an active basic pension relationship was opened for this person meanwhile; one person holds one',
            },
          };
        }
        throw error;
      }
      const claims = application.employerCreditCode === null ? [] : await openClaimsOf(orm.em.fork(), person.value, 'unemployment');
      return { opened: true, base: base.toString(), unemploymentClaims: claims.map((claim) => claim.caseId) };
    },
  };
}
