// Facts a benefit claim's activity would gather, for workflow tests and history recordings: a clean claim of each type
// (E4, E5, E6, E9 figures), which a test changes through an override of `gatherBenefitClaimFacts`.
import type { BenefitClaimApplication } from '../../domain/benefit/benefit-claim.js';
import type { BenefitClaimFacts } from '../../domain/benefit/claim-checks.js';
import { parseCitizenId } from '../../domain/identity/citizen-id.js';

/** Thirty years at index 1.2 against an average of 10 000 (E6: Z 1.2, N 30 with 360 months). */
const E6_YEARS = Array.from({ length: 30 }, (_, i) => ({ year: 1996 + i, averageMonthlyBase: '12000.00', regionalAverageWage: '10000.00', months: 12 }));

export function cleanBenefitFacts(application: BenefitClaimApplication): BenefitClaimFacts {
  switch (application.type) {
    case 'pension': {
      const person = parseCitizenId(application.citizenId);
      return {
        type: 'pension',
        pension: {
          birthDate: person.birthDate,
          sex: person.sex,
          contributionMonths: 360,
          years: E6_YEARS,
          accountBalance: '180000.00',
          calculationBase: '10000.00',
          workings: ['360 paid pension months (test facts)'],
        },
      };
    }
    case 'unemployment':
      return {
        type: 'unemployment',
        unemployment: {
          contributionMonths: 84,
          leaver: { reason: 'dismissed', leaveDate: application.leaveDate, lastMonth: application.leaveDate.slice(0, 7) },
          employment: null,
          drawingPension: false,
          unusedMonths: 0,
          minimumWage: '2300.00',
          subsistenceAllowance: '1000.00',
          medical: { averageWage: '7950.00', rate: '0.115' },
        },
      };
    case 'maternity':
      return { type: 'maternity', maternity: { insuredWithEmployer: true, employerAverageBase: '9000.00', averageBasis: 'test facts' } };
    case 'workInjury':
      return {
        type: 'workInjury',
        workInjury: { insuredForWorkInjury: true, ownWage: '8000.00', ownWageBasis: 'test facts', regionalAverageWage: '10000.00', minimumWage: '2300.00' },
      };
    case 'funeral':
    case 'survivor':
      return {
        type: 'death',
        death: {
          injury: application.injuryReference ? { reference: application.injuryReference, recognised: true } : null,
          ownWage: '8000.00',
          regionalAverageWage: '10000.00',
          accountBalance: '0.00',
        },
      };
  }
}
