// The enrollment's facts activity against real PostgreSQL. Found by the crash drill (docs/operations.md "Crash drill"):
// a worker killed after the records were opened and before its workflow task was recorded runs the checks again, and
// the case must not then refuse itself as "already insured" because of the records it opened.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEnrollmentActivities } from '../../activities/enrollment.activities.js';
import { MemoryNoticeChannel } from '../../services/adapters/notice-channel.js';
import { citizenId, SEEDED_EMPLOYER_330102 } from '../support/factories.js';
import { startSystem, type TestSystem } from '../support/system.js';

describe('enrollment facts (activities/enrollment.activities.ts, real PostgreSQL)', () => {
  let system: TestSystem;
  beforeAll(async () => {
    system = await startSystem();
  });
  afterAll(async () => system?.close());

  const openPension = (person: string, caseId: string) =>
    system.orm.em.fork().execute(
      `insert into insurance_record (id, citizen_id, insurance_type, region, employer_credit_code, personnel_category, start_month, status, contribution_base, opened_by_case, created_at)
       values (?, ?, 'pension', '330102', ?, 'employee', '2026-01', 'active', '8000.00', ?, now())`,
      [randomUUID(), person, SEEDED_EMPLOYER_330102, caseId],
    );

  it('does not count the records the same case opened, so checks run again after a lost workflow task still pass (rules §2)', async () => {
    const activities = createEnrollmentActivities({ orm: system.orm, clock: system.clock, notices: new MemoryNoticeChannel() });
    const person = citizenId();
    const caseId = `enrollment-${randomUUID()}`;
    await openPension(person, caseId);
    const again = await activities.gatherEnrollmentFacts({ caseId, citizenId: person, employerCreditCode: SEEDED_EMPLOYER_330102, region: '330102' });
    expect(again.activePension).toBeNull();
    expect(again.pensionContributionMonths).toBe(0);

    // Another case of the same person does see it: that is the real "already insured".
    const other = await activities.gatherEnrollmentFacts({
      caseId: `enrollment-${randomUUID()}`,
      citizenId: person,
      employerCreditCode: SEEDED_EMPLOYER_330102,
      region: '330102',
    });
    expect(other.activePension).toMatchObject({ region: '330102', employerCreditCode: SEEDED_EMPLOYER_330102 });
    expect(other.pensionContributionMonths).toBeGreaterThan(0);
  });
});
