// Files one hire through the API the way an employer agent does, for the bench figures that start from enrollments.
import type { BenchSystem } from './bench-system.js';

export const EMPLOYER_330102 = '91330102MA2H00014Y';

/** POST /v1/enrollments for a new person of the seeded employer; answers the case ID, throws on anything but 202. */
export async function registerHire(system: BenchSystem, token: string, hire: { citizenId: string; name: string; hireDate: string }): Promise<string> {
  const response = await system.call('POST', '/v1/enrollments', {
    token,
    body: {
      person: { citizenId: hire.citizenId, name: hire.name },
      employerCreditCode: EMPLOYER_330102,
      hireDate: hire.hireDate,
      insuranceTypes: ['pension', 'medical', 'unemployment', 'workInjury'],
      monthlyWage: '8000.00',
      region: '330102',
    },
  });
  if (response.status !== 202) throw new Error(`POST /v1/enrollments answered ${response.status}: ${JSON.stringify(response.body)}`);
  return String(response.body.caseId);
}
