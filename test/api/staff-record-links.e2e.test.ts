// Staff record links over real HTTP (rules §8 pattern 8; 社会保险经办条例 art. 37): an administrator records and removes
// a staff account's link to their own or a relative's record, each change audited; the self-dealing control then opens
// one investigation when that staff member decides a case about the person, and none once the link is removed.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { businessKeyOf, registerCase } from '../../db/writers/case-intake.js';
import { completeTask } from '../../services/tasks/complete-task.js';
import type { CaseWorkflows } from '../../services/workflow-port.js';
import { contextOn, recordingWorkflows } from '../support/command-context.js';
import { citizenId } from '../support/factories.js';
import { startSystem, type TestSystem } from '../support/system.js';

const REGION = '330102';

describe('staff record links (real PostgreSQL, HTTP)', () => {
  let system: TestSystem;
  const staff = `cw-${randomUUID().slice(0, 8)}`;
  const relative = citizenId();

  beforeAll(async () => {
    system = await startSystem();
  });
  afterAll(async () => system?.close());

  const admin = () => system.token({ role: 'admin', region: REGION, sub: 'adm-links' });

  /** An enrollment case about `person` with a review task claimed by `holder`. */
  async function caseWithClaimedTask(person: string, holder: string): Promise<{ caseId: string; taskId: string }> {
    const caseId = `enrollment-links-${randomUUID().slice(0, 12)}`;
    await registerCase(system.orm.em.fork(), caseId, {
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
      now: system.clock.now(),
    });
    const taskId = randomUUID();
    const now = system.clock.now().getTime();
    await system.orm.em.fork().execute(
      `insert into task (id, case_id, case_type, step, permission, region, status, assignee, lease_expires_at, priority, due_at, sla_unit, sla_days,
         escalated, created_at, version)
       values (?, ?, 'enrollment', 'review', 'review', ?, 'claimed', ?, ?, 0, ?, 'working', 10, false, now(), 1)`,
      [taskId, caseId, REGION, holder, new Date(now + 3_600_000), new Date(now + 86_400_000)],
    );
    return { caseId, taskId };
  }

  const applying: CaseWorkflows['completeTask'] = async (caseId, completion) => ({
    caseId,
    status: 'approved',
    version: 2,
    closed: true,
    openTaskId: null,
    allowedEvents: [],
    lastDecision: { taskId: completion.taskId, taskStatus: 'completed' },
  });

  /** The staff member decides the case's task; answers how many investigations the decision started. */
  async function decide(taskId: string): Promise<number> {
    const workflows = recordingWorkflows({ completeTask: applying });
    await completeTask(contextOn(system.orm, { id: staff, role: 'caseworker', region: REGION }, { workflows }), taskId, {
      outcome: 'approve',
      comment: '',
      data: {},
    });
    return workflows.calls.filter((c) => c.method === 'startInvestigation').length;
  }

  it('an administrator records a link (201, then 200 unchanged), lists it masked; each change is audited', async () => {
    const token = await admin();
    const first = await system.call('POST', '/v1/staff-record-links', { token, body: { staffId: staff, citizenId: relative, relation: 'relative' } });
    expect(first.status).toBe(201);
    expect(first.body).toEqual({ created: true, changed: true });
    const again = await system.call('POST', '/v1/staff-record-links', { token, body: { staffId: staff, citizenId: relative, relation: 'relative' } });
    expect(again.status).toBe(200);
    expect(again.body).toEqual({ created: false, changed: false });
    const list = await system.call('GET', `/v1/staff-record-links?staffId=${staff}`, { token });
    expect(list.status).toBe(200);
    expect(list.body.items).toEqual([
      expect.objectContaining({
        staffId: staff,
        relation: 'relative',
        recordedBy: 'adm-links',
        citizenId: `${relative.slice(0, 6)}********${relative.slice(-4)}`,
      }),
    ]);
    const audits = await system.orm.em
      .fork()
      .execute<{ action: string }[]>("select action from audit_entry where object_type = 'StaffRecordLink' and detail->>'staffId' = ?", [staff]);
    expect(audits.map((a) => a.action)).toEqual(['staffRecordLink.recorded']);
  });

  it('records a link for the longest staff ID the document allows (64 characters), audited under its full name', async () => {
    // The audit's object name is `staffId:masked ID number`, 83 characters here: it once overflowed the column (a 500).
    const token = await admin();
    const longest = 'x'.repeat(64);
    const recorded = await system.call('POST', '/v1/staff-record-links', { token, body: { staffId: longest, citizenId: relative, relation: 'self' } });
    expect(recorded.status).toBe(201);
    const [audit] = await system.orm.em
      .fork()
      .execute<{ object_id: string }[]>("select object_id from audit_entry where object_type = 'StaffRecordLink' and detail->>'staffId' = ?", [longest]);
    expect(audit!.object_id).toBe(`${longest}:${relative.slice(0, 6)}********${relative.slice(-4)}`);
  });

  it('refuses other roles with 403 and bad input with 400 naming the field, writing nothing', async () => {
    const caseworker = await system.token({ role: 'caseworker', region: REGION, sub: 'cw-links' });
    const refused = await system.call('POST', '/v1/staff-record-links', {
      token: caseworker,
      body: { staffId: 'cw-links', citizenId: relative, relation: 'self' },
    });
    expect(refused.status).toBe(403);
    expect((await system.call('GET', '/v1/staff-record-links', { token: caseworker })).status).toBe(403);
    const bad = await system.call('POST', '/v1/staff-record-links', { token: await admin(), body: { staffId: staff, citizenId: '123', relation: 'cousin' } });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('citizenId');
    expect(JSON.stringify(bad.body)).toContain('relation');
    const [row] = await system.orm.em.fork().execute<{ n: string }[]>("select count(*) as n from staff_record_link where staff_id = 'cw-links'");
    expect(Number(row!.n)).toBe(0);
  });

  it('§8 pattern 8: the linked staff member deciding a case about the person opens one investigation; after removal, none', async () => {
    const linked = await caseWithClaimedTask(relative, staff);
    expect(await decide(linked.taskId)).toBe(1);
    const hits = await system.orm.em
      .fork()
      .execute<{ n: string }[]>('select count(*) as n from supervision_hit where subject_key = ?', [`SELF_DEALING:${staff}:${linked.caseId}`]);
    expect(Number(hits[0]!.n)).toBe(1);

    const token = await admin();
    const removed = await system.call('DELETE', `/v1/staff-record-links/${staff}/${relative}`, { token });
    expect(removed.status).toBe(204);
    expect((await system.call('DELETE', `/v1/staff-record-links/${staff}/${relative}`, { token })).status).toBe(404);
    const after = await caseWithClaimedTask(relative, staff);
    expect(await decide(after.taskId)).toBe(0);
    const audits = await system.orm.em
      .fork()
      .execute<{ action: string }[]>("select action from audit_entry where object_type = 'StaffRecordLink' and detail->>'staffId' = ? order by id", [staff]);
    expect(audits.map((a) => a.action)).toEqual(['staffRecordLink.recorded', 'staffRecordLink.removed']);
  });
});
