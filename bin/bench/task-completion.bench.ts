// Figure 2: how long a caseworker waits for POST /v1/tasks/{id}/complete, one request at a time: API → Temporal Update →
// the decision applied (the task row closed) → answer. The case's follow-up (records, read model, notices) runs after
// the answer (docs/performance.md "Task decisions"). Between two decisions the bench then does what the workbench
// page does after a decision: it reads the case with `?wait=settled`, untimed, so one decision's follow-up does not
// compete with the next decision for the machine (a caseworker sees the case before deciding the next task).
// BENCH_DECISIONS_BACK_TO_BACK=1 sends the next decision at once instead.
import { randomUUID } from 'node:crypto';
import { Task } from '../../db/entities/index.js';
import { bareUpdate, echoUpdate, finishReference } from '../../workflows/noop.workflow.js';
import type { BenchSystem } from './bench-system.js';
import { shanghaiDate } from './citizen-ids.js';
import { LatencySample, runPool, sleep, timed } from './latency.js';
import { EMPLOYER_330102, registerHire } from './register-hire.js';

export interface CompletionResult {
  client: LatencySample;
  server: LatencySample;
  claim: LatencySample;
  /** The reference: a bare Temporal Update on the same server, queue and worker, one at a time (issue 16). */
  bareUpdate: LatencySample;
}

export async function benchTaskCompletion(
  system: BenchSystem,
  options: { count: number; concurrency: number; nextCitizenId: () => string; say: (line: string) => void },
): Promise<CompletionResult> {
  const employer = await system.token({ role: 'employer', sub: 'bench-agent', employer: EMPLOYER_330102 });
  const caseworker = await system.token({ role: 'caseworker', sub: 'cw-bench-1', region: '330102' });
  // Hired 60 days ago: registered after the 30-day period (社会保险法 art. 58), so every case goes to review.
  const hireDate = shanghaiDate(-60, system.clock);
  options.say(`task completion: ${options.count} late registrations → review tasks`);
  const caseIds: string[] = [];
  await runPool(options.count, options.concurrency, async () => {
    caseIds.push(await registerHire(system, employer, { citizenId: options.nextCitizenId(), name: '迟登记', hireDate }));
  });
  const taskIds = await openReviewTasks(system, caseIds, 120_000);

  const claim = new LatencySample();
  for (const taskId of taskIds) {
    const { ms, value } = await timed(() => system.call('POST', `/v1/tasks/${taskId}/claim`, { token: caseworker }));
    if (value.status !== 200) throw new Error(`claim of ${taskId} answered ${value.status}: ${JSON.stringify(value.body)}`);
    claim.add(ms);
  }

  options.say(`task completion: completing ${taskIds.length} tasks one at a time`);
  const client = new LatencySample();
  const server = new LatencySample();
  system.takeAccessLines();
  const backToBack = process.env['BENCH_DECISIONS_BACK_TO_BACK'] === '1';
  for (const taskId of taskIds) {
    const { ms, value } = await timed(() => system.call('POST', `/v1/tasks/${taskId}/complete`, { token: caseworker, body: { outcome: 'approve' } }));
    if (value.status !== 200) throw new Error(`complete of ${taskId} answered ${value.status}: ${JSON.stringify(value.body)}`);
    client.add(ms);
    const decided = value.body['case'] as { caseId: string; settled?: boolean };
    if (!backToBack && decided.settled === false) await system.call('GET', `/v1/cases/${decided.caseId}?wait=settled`, { token: caseworker });
  }
  for (const line of system.takeAccessLines()) {
    if (line.method === 'POST' && line.path.endsWith('/complete')) server.add(line.ms);
  }
  options.say(`task completion: ${taskIds.length} bare Updates one at a time (the reference)`);
  return { client, server, claim, bareUpdate: await bareUpdateRoundTrips(system, taskIds.length) };
}

/**
 * Temporal's own Update round trip, measured the way the API sends a decision (executeUpdate, waiting for completion)
 * against a workflow that answers at once: what a decision cannot go below on this server.
 */
async function bareUpdateRoundTrips(system: BenchSystem, count: number): Promise<LatencySample> {
  const handle = await system.temporal.workflow.start(bareUpdate, { taskQueue: system.taskQueue, workflowId: `bench-bare-update-${randomUUID()}`, args: [] });
  const sample = new LatencySample();
  for (let i = 0; i < 20; i += 1) await handle.executeUpdate(echoUpdate, { args: [i] }); // warm-up: the first tasks load the workflow
  for (let i = 0; i < count; i += 1) {
    const { ms } = await timed(() => handle.executeUpdate(echoUpdate, { args: [i] }));
    sample.add(ms);
  }
  await handle.signal(finishReference);
  await handle.result();
  return sample;
}

/** Waits until every case has its open review task and answers their IDs. */
async function openReviewTasks(system: BenchSystem, caseIds: string[], timeoutMs: number): Promise<string[]> {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    const rows = await system.orm.em
      .fork()
      .find(Task, { caseId: { $in: caseIds }, step: 'review', status: 'open' }, { fields: ['id'], orderBy: { createdAt: 'asc' } });
    if (rows.length >= caseIds.length) return rows.map((row) => row.id);
    if (performance.now() > deadline) throw new Error(`only ${rows.length} of ${caseIds.length} review tasks opened after ${timeoutMs / 1000} s`);
    await sleep(50);
  }
}
