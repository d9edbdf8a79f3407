// The daily fund-supervision sweep (rules §8 patterns 3 and 4) on a database of its own: two active pension awards for
// one person, and an employer with many enrollees and no wage declaration, each open one investigation; the sweep run
// again opens none. The workflow port records the starts.
import { randomUUID } from 'node:crypto';
import type { MikroORM } from '@mikro-orm/postgresql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addPeriods } from '../../../domain/payroll/payroll-month.js';
import { monthOf } from '../../../domain/calendar/local-date.js';
import { DEFAULT_SUPERVISION_POLICY } from '../../../domain/supervision/supervision-policy.js';
import { systemClock } from '../../../services/business-clock.js';
import { runSupervisionSweep } from '../../../services/supervision/run-supervision-sweep.js';
import { insertEmployer } from '../../api/benefit-fixture.js';
import { latePension } from '../../api/payroll-fixture.js';
import { openOwnTestDatabase, recordingWorkflows } from '../../support/command-context.js';
import { citizenId } from '../../support/factories.js';
import type { InvestigationInput } from '../../../workflows/index.js';

const REGION = '330110';

describe('the daily supervision sweep (rules §8: duplicate pensions, enrollees without wages)', () => {
  // A database of its own: the sweep reads every region, and on the shared database it would open investigations
  // about other files' people and employers while their tests count cases.
  let orm: MikroORM;
  let own: Awaited<ReturnType<typeof openOwnTestDatabase>>;
  beforeAll(async () => {
    own = await openOwnTestDatabase('supervision-sweep');
    orm = own.orm;
  });
  afterAll(async () => own?.close());

  it('opens one investigation per matter — two pensions of one person, an employer of 20 enrollees without wage records — and none when run again', async () => {
    const today = systemClock.today();
    const period = monthOf(today);
    const first = await latePension(orm, REGION, period);
    const second = await latePension(orm, '330106', period);
    // The same person drawing a second pension elsewhere (§8 pattern 3).
    await orm.em.fork().execute('update benefit_entitlement set citizen_id = ? where id = ?', [first.citizenId, second.entitlementId]);
    const shell = await insertEmployer(orm, REGION);
    for (let i = 0; i < DEFAULT_SUPERVISION_POLICY.enrolleeThreshold; i += 1) {
      await orm.em.fork().execute(
        `insert into insurance_record (id, citizen_id, insurance_type, region, employer_credit_code, personnel_category, start_month, status,
           contribution_base, opened_by_case, created_at) values (?, ?, 'pension', ?, ?, 'employee', ?, 'active', '5000.00', ?, now())`,
        [randomUUID(), citizenId(), REGION, shell, addPeriods(period, -6), `fixture-${randomUUID()}`],
      );
    }

    const workflows = recordingWorkflows();
    const run = await runSupervisionSweep({ em: orm.em.fork(), clock: systemClock, workflows }, today);
    const mine = run.opened.filter((h) => h.subjectKey === `DUPLICATE_PENSION:${first.citizenId}` || h.subjectKey === `ENROLLEES_WITHOUT_WAGES:${shell}`);
    expect(mine.map((h) => h.control).sort()).toEqual(['DUPLICATE_PENSION', 'ENROLLEES_WITHOUT_WAGES']);
    const pension = mine.find((h) => h.control === 'DUPLICATE_PENSION')!;
    // The investigation belongs to the region of the earlier award (by case ID), which is its source case.
    const earlier = [
      { caseId: first.caseId, region: REGION },
      { caseId: second.caseId, region: '330106' },
    ].sort((a, b) => (a.caseId < b.caseId ? -1 : 1))[0]!;
    expect(pension).toMatchObject({ region: earlier.region, sourceCaseId: earlier.caseId });
    const started = workflows.calls.filter((c) => c.method === 'startInvestigation').map((c) => c.args[0] as InvestigationInput);
    expect(started.filter((s) => mine.some((h) => h.caseId === s.caseId))).toHaveLength(2);

    const again = recordingWorkflows();
    const rerun = await runSupervisionSweep({ em: orm.em.fork(), clock: systemClock, workflows: again }, today);
    expect(rerun.opened.filter((h) => mine.some((m) => m.subjectKey === h.subjectKey))).toEqual([]);
    const [rows] = await orm.em
      .fork()
      .execute<{ n: string }[]>(`select count(*) as n from case_record where case_type = 'investigation' and id = any(?)`, [
        `{${mine.map((h) => h.caseId).join(',')}}`,
      ]);
    expect(Number(rows!.n)).toBe(2);
  });
});
