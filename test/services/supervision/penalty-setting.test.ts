// The fine range an investigation is started with comes from the dated setting fraudPenalty.policy (社会保险法 art. 88,
// rules §8): the version in force on the day the matter was found, else the statutory 2–5 ×.
import type { MikroORM } from '@mikro-orm/postgresql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../../domain/calendar/local-date.js';
import { systemClock } from '../../../services/business-clock.js';
import { changeSetting } from '../../../services/settings/change-setting.js';
import { startInvestigations, type RaisedHit } from '../../../services/supervision/raise-hits.js';
import { contextOn, openTestDatabase, recordingWorkflows } from '../../support/command-context.js';

describe('fraudPenalty.policy on investigations (§8)', () => {
  let orm: MikroORM;
  beforeAll(async () => {
    orm = await openTestDatabase();
  });
  afterAll(async () => orm?.close());

  const hit = (foundOn: string): RaisedHit => ({
    control: 'DECEASED_ACTIVE_BENEFIT',
    subjectKey: `DECEASED_ACTIVE_BENEFIT:test-${foundOn}`,
    reason: 'test',
    amount: '100.00',
    sourceCaseId: null,
    foundOn,
    caseId: `investigation-test-${foundOn}`,
    reference: 'JC2026999999',
    region: '330102',
  });

  it('§8: starts each investigation with the range in force on the day it was found, changed by an administrator', async () => {
    const today = systemClock.today();
    const from = addDays(today, 10);
    const admin = contextOn(orm, { id: 'adm-penalty', role: 'admin', region: '330102' });
    await changeSetting(admin, 'fraudPenalty.policy', { versions: [{ effectiveFrom: from, minMultiple: '3', maxMultiple: '4' }] });
    const workflows = recordingWorkflows();
    await startInvestigations(orm.em.fork(), workflows, [hit(today), hit(from)]);
    const policies = workflows.calls.filter((c) => c.method === 'startInvestigation').map((c) => (c.args[0] as { penaltyPolicy: unknown }).penaltyPolicy);
    expect(policies).toEqual([
      { minMultiple: '2', maxMultiple: '5' },
      { minMultiple: '3', maxMultiple: '4' },
    ]);
  });

  it('§8: refuses a setting whose range is empty, naming the field, and keeps the stored one', async () => {
    const admin = contextOn(orm, { id: 'adm-penalty', role: 'admin', region: '330102' });
    await expect(
      changeSetting(admin, 'fraudPenalty.policy', { versions: [{ effectiveFrom: '2030-01-01', minMultiple: '5', maxMultiple: '2' }] }),
    ).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      path: 'value.versions.0.minMultiple',
    });
    const [row] = await orm.em
      .fork()
      .execute<{ value: { versions: { maxMultiple: string }[] } }[]>("select value from setting where key = 'fraudPenalty.policy'");
    expect(row?.value.versions[0]?.maxMultiple).toBe('4');
  });
});
