// Issue 16 point 4: the resident memory of the API and of the worker as production runs them, two OS processes
// (bin/api.ts and bin/worker.ts on the crash drill's stack), read while open cases pile up. Each open case is a late
// registration waiting at its review task: a running workflow with its task row, the state a caseworker's queue holds
// most of the day. The figure is read at checkpoints, so the report shows how memory grows with the open cases (the
// worker keeps at most its workflow cache in memory; the API keeps no case state at all).
import { readFile } from 'node:fs/promises';
import { Task } from '../../db/entities/index.js';
import type { BusinessClock } from '../../services/business-clock.js';
import { startChaosStack, type ChaosStack } from '../chaos/chaos-stack.js';
import { shanghaiDate } from './citizen-ids.js';
import { runPool, sleep } from './latency.js';
import { EMPLOYER_330102 } from './register-hire.js';

export interface MemoryPoint {
  openCases: number;
  apiMiB: number;
  workerMiB: number;
}

/** Resident set of a live process in MiB, from /proc (Linux: the bench's machine). */
async function residentMiB(pid: number | null, name: string): Promise<number> {
  if (pid === null) throw new Error(`the ${name} process is not running`);
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  const kib = /^VmRSS:\s+(\d+) kB$/m.exec(status)?.[1];
  if (kib === undefined) throw new Error(`/proc/${pid}/status has no VmRSS line`);
  return Number(kib) / 1024;
}

type MemoryOptions = Parameters<typeof benchMemory>[1];

/**
 * Starts production's two processes (the crash drill's stack, on its own database and Temporal unless `temporal`
 * names a server), measures, and stops them again. One employer agent files all the hires: the per-user write limit
 * is off, or the figure would measure the limiter.
 */
export async function measureMemory(
  servers: { databaseUrl: string | undefined; temporal: { address: string | undefined; namespace: string } },
  options: MemoryOptions,
): Promise<MemoryPoint[]> {
  const stack = await startChaosStack({ ...servers, env: { RATE_LIMIT_WRITES: '0', RATE_LIMIT_REQUESTS: '0' }, say: options.say });
  try {
    return await benchMemory(stack, options);
  } finally {
    await stack.close();
  }
}

export async function benchMemory(
  stack: ChaosStack,
  options: {
    openCases: number;
    checkpoints: number;
    concurrency: number;
    nextCitizenId: () => string;
    /** The bench's business clock: the hire date is counted back from its today. */
    clock: BusinessClock;
    say: (line: string) => void;
  },
): Promise<MemoryPoint[]> {
  const employer = await stack.token({ role: 'employer', sub: 'bench-agent', employer: EMPLOYER_330102 });
  // Hired 60 days ago: registered after the 30-day period (社会保险法 art. 58), so every case waits at review.
  const hireDate = shanghaiDate(-60, options.clock);
  const points: MemoryPoint[] = [];
  const read = async (openCases: number) => {
    const point = {
      openCases,
      apiMiB: await residentMiB(stack.api.pid(), 'api'),
      workerMiB: await residentMiB(stack.worker.pid(), 'worker'),
    };
    options.say(`memory: ${openCases} open cases: API ${point.apiMiB.toFixed(0)} MiB, worker ${point.workerMiB.toFixed(0)} MiB`);
    points.push(point);
  };
  await read(0);
  const step = Math.max(1, Math.ceil(options.openCases / options.checkpoints));
  for (let opened = 0; opened < options.openCases;) {
    const batch = Math.min(step, options.openCases - opened);
    await runPool(batch, options.concurrency, async () => {
      const response = await fetch(`${stack.url}/v1/enrollments`, {
        method: 'POST',
        headers: { authorization: `Bearer ${employer}`, 'content-type': 'application/json' },
        body: JSON.stringify({
          person: { citizenId: options.nextCitizenId(), name: '迟登记' },
          employerCreditCode: EMPLOYER_330102,
          hireDate,
          insuranceTypes: ['pension', 'medical', 'unemployment', 'workInjury'],
          monthlyWage: '8000.00',
          region: '330102',
        }),
      });
      if (response.status !== 202) throw new Error(`POST /v1/enrollments answered ${response.status}: ${await response.text()}`);
    });
    opened += batch;
    await waitForOpenReviews(stack, opened, 300_000);
    await read(opened);
  }
  return points;
}

/** Waits until `count` review tasks are open: every case started so far has reached its human step. */
async function waitForOpenReviews(stack: ChaosStack, count: number, timeoutMs: number): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    const open = await stack.orm.em.fork().count(Task, { step: 'review', status: 'open' });
    if (open >= count) return;
    if (performance.now() > deadline) throw new Error(`only ${open} of ${count} review tasks opened after ${timeoutMs / 1000} s`);
    await sleep(200);
  }
}

/**
 * The growth as a bar per checkpoint (API ▒, worker █, one character per 10 MiB), beside the numbers: a reader sees
 * at a glance whether memory follows the open cases or levels off.
 */
export function memoryChart(points: MemoryPoint[]): string {
  const bar = (mib: number, char: string) => char.repeat(Math.max(1, Math.round(mib / 10)));
  const width = String(Math.max(...points.map((p) => p.openCases))).length;
  return points
    .map(
      (p) =>
        `${String(p.openCases).padStart(width)} open | API ${p.apiMiB.toFixed(0).padStart(4)} MiB ${bar(p.apiMiB, '▒')}\n${' '.repeat(width + 5)} | worker ${p.workerMiB.toFixed(0).padStart(4)} MiB ${bar(p.workerMiB, '█')}`,
    )
    .join('\n');
}
