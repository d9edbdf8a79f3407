// The self-dealing control (rules §8 pattern 8; 社会保险经办条例 art. 37) on the run's PostgreSQL: a caseworker deciding
// a task of a case about a relative opens one investigation — the same decision retried opens none — which the
// caseworker never sees; a colleague's decision on the same case opens nothing. The workflow port is recorded.
import { randomUUID } from 'node:crypto';
import type { MikroORM } from '@mikro-orm/postgresql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { businessKeyOf, registerCase } from '../../../db/writers/case-intake.js';
import { readInvestigation } from '../../../services/supervision/read-investigations.js';
import { completeTask } from '../../../services/tasks/complete-task.js';
import type { CaseWorkflows } from '../../../services/workflow-port.js';
import { contextOn, openTestDatabase, recordingWorkflows } from '../../support/command-context.js';
import { citizenId } from '../../support/factories.js';

const REGION = '330110';

describe('the self-dealing control on a task decision (rules §8 pattern 8)', () => {
  let orm: MikroORM;
  beforeAll(async () => {
    orm = await openTestDatabase();
  });
  afterAll(async () => orm?.close());

  /** An enrollment case about `person` with a review task claimed by `holder`. */
  async function caseWithClaimedTask(person: string, holder: string): Promise<{ caseId: string; taskId: string }> {
    const caseId = `enrollment-selfdeal-${randomUUID().slice(0, 12)}`;
    await registerCase(orm.em.fork(), caseId, {
      type: 'enrollment',
      businessKey: businessKeyOf('enrollment', caseId),
      region: REGION,
      citizenId: person,
      employerCreditCode: null,
      applicantId: person,
      applicantRole: 'citizen',
      subjectName: '李四',
      summary: {},
      requestId: null,
      now: new Date(),
    });
    const taskId = randomUUID();
    await orm.em.fork().execute(
      `insert into task (id, case_id, case_type, step, permission, region, status, assignee, lease_expires_at, priority, due_at, sla_unit, sla_days,
         escalated, created_at, version)
       values (?, ?, 'enrollment', 'review', 'review', ?, 'claimed', ?, ?, 0, ?, 'working', 10, false, now(), 1)`,
      [taskId, caseId, REGION, holder, new Date(Date.now() + 3_600_000), new Date(Date.now() + 86_400_000)],
    );
    return { caseId, taskId };
  }

  /** The workflow's answer once a decision is applied: the task completed. */
  const applying: CaseWorkflows['completeTask'] = async (caseId, completion) => ({
    caseId,
    status: 'approved',
    version: 2,
    closed: true,
    openTaskId: null,
    allowedEvents: [],
    lastDecision: { taskId: completion.taskId, taskStatus: 'completed' },
  });

  it('opens one investigation when a caseworker decides a case about a relative, hidden from them; a retry or a colleague opens none', async () => {
    const relative = citizenId();
    const staff = `cw-${randomUUID().slice(0, 8)}`;
    await orm.em
      .fork()
      .execute(`insert into staff_record_link (staff_id, citizen_id, relation, recorded_by, recorded_at) values (?, ?, 'relative', 'hr-1', now())`, [
        staff,
        relative,
      ]);
    const { caseId, taskId } = await caseWithClaimedTask(relative, staff);
    const caseworker = { id: staff, role: 'caseworker' as const, region: REGION };
    const workflows = recordingWorkflows({ completeTask: applying });
    const decide = () => completeTask(contextOn(orm, caseworker, { workflows }), taskId, { outcome: 'approve', comment: '', data: {} });
    await decide();
    await decide(); // the same decision retried
    const hits = await orm.em
      .fork()
      .execute<{ investigation_case_id: string; source_case_id: string }[]>(
        `select investigation_case_id, source_case_id from supervision_hit where subject_key = ?`,
        [`SELF_DEALING:${staff}:${caseId}`],
      );
    expect(hits).toHaveLength(1);
    expect(hits[0]!.source_case_id).toBe(caseId);
    expect(workflows.calls.filter((c) => c.method === 'startInvestigation')).toHaveLength(1);

    // The staff member concerned never sees it, even as a supervisor later; another supervisor of the region does.
    const investigation = hits[0]!.investigation_case_id;
    await expect(readInvestigation(contextOn(orm, { id: staff, role: 'supervisor', region: REGION }), investigation)).rejects.toMatchObject({
      code: 'CASE_NOT_FOUND',
    });
    const read = await readInvestigation(contextOn(orm, { id: 'sv-other', role: 'supervisor', region: REGION }), investigation);
    expect(read.row.summary).toMatchObject({ control: 'SELF_DEALING', sourceCaseId: caseId });

    // A colleague without a link deciding a case about the same person: nothing.
    const colleague = `cw-${randomUUID().slice(0, 8)}`;
    const other = await caseWithClaimedTask(relative, colleague);
    const colleagueFlows = recordingWorkflows({ completeTask: applying });
    await completeTask(contextOn(orm, { id: colleague, role: 'caseworker', region: REGION }, { workflows: colleagueFlows }), other.taskId, {
      outcome: 'approve',
      comment: '',
      data: {},
    });
    expect(colleagueFlows.calls.filter((c) => c.method === 'startInvestigation')).toEqual([]);
  });
});
