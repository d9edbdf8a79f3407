// Figure 1: enrollments per second from the first POST until the last case is insured, next to the no-op workflow
// started the same way on the same server, so the ratio shows what the case itself costs over Temporal's own ceiling.
import { noop } from '../../workflows/noop.workflow.js';
import type { BenchSystem } from './bench-system.js';
import { shanghaiDate } from './citizen-ids.js';
import { runPool, sleep } from './latency.js';
import { EMPLOYER_330102, registerHire } from './register-hire.js';

export interface ThroughputResult {
  enrollmentsPerSecond: number;
  noopPerSecond: number;
  enrollmentSeconds: number;
  noopSeconds: number;
}

/** Turns review sampling off so every clean case takes the automatic path to insured (rules §2). */
export async function disableReviewSampling(system: BenchSystem): Promise<void> {
  await system.orm.em.fork().execute(
    `insert into setting (key, value, updated_at) values ('enrollment.policy', '{"reviewSampleRate":"0"}', now())
     on conflict (key) do update set value = excluded.value, updated_at = excluded.updated_at`,
  );
}

export async function benchEnrollmentThroughput(
  system: BenchSystem,
  options: { count: number; concurrency: number; warmUp: number; nextCitizenId: () => string; say: (line: string) => void },
): Promise<ThroughputResult> {
  await disableReviewSampling(system);
  const employer = await system.token({ role: 'employer', sub: 'bench-agent', employer: EMPLOYER_330102 });
  const hireDate = shanghaiDate(-5, system.clock); // well inside the 30-day registration period, so no review for lateness
  const enroll = async () => {
    await registerHire(system, employer, { citizenId: options.nextCitizenId(), name: '压测员', hireDate });
  };
  let noopRun = 0;
  const runNoops = async (count: number) => {
    const batch = noopRun++;
    await runPool(count, options.concurrency, async (index) => {
      const caseId = `bench-noop-${batch}-${index}`;
      const handle = await system.temporal.workflow.start(noop, { taskQueue: system.taskQueue, workflowId: caseId, args: [{ caseId }] });
      await handle.result();
    });
  };

  // Warm-up: the first workflow tasks, JIT and connection pools are not what the figure is about.
  options.say(`warm-up: ${options.warmUp} enrollments and no-ops`);
  await runNoops(options.warmUp);
  await runPool(options.warmUp, options.concurrency, enroll);
  await untilInsured(system, options.warmUp, 60_000);

  options.say(`no-op workflows: ${options.count} at concurrency ${options.concurrency}`);
  const noopStarted = performance.now();
  await runNoops(options.count);
  const noopSeconds = (performance.now() - noopStarted) / 1000;

  options.say(`enrollments: ${options.count} at concurrency ${options.concurrency}, until all are insured`);
  const target = options.warmUp + options.count;
  const started = performance.now();
  await runPool(options.count, options.concurrency, enroll);
  await untilInsured(system, target, Math.max(120_000, options.count * 1_000));
  const enrollmentSeconds = (performance.now() - started) / 1000;

  return {
    enrollmentsPerSecond: options.count / enrollmentSeconds,
    noopPerSecond: options.count / noopSeconds,
    enrollmentSeconds,
    noopSeconds,
  };
}

/** Polls the read model until `target` cases are insured; throws with what it saw when time runs out. */
async function untilInsured(system: BenchSystem, target: number, timeoutMs: number): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    const [row] = await system.orm.em
      .fork()
      .execute<{ insured: string; other: string }[]>(
        `select count(*) filter (where status = 'insured') as insured, count(*) filter (where status <> 'insured') as other from case_record`,
      );
    const insured = Number(row?.insured ?? 0);
    if (insured >= target) return;
    if (performance.now() > deadline) {
      throw new Error(`only ${insured} of ${target} enrollments insured after ${timeoutMs / 1000} s (${row?.other ?? '?'} cases in other states)`);
    }
    await sleep(20);
  }
}
