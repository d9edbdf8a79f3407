// The crash drill (`npm run chaos`; a short version in `npm test`): the mixed load runs while the worker process is
// killed with SIGKILL every few seconds and the API once, then the books are reconciled. A killed worker loses its
// in-flight workflow tasks and activities — Temporal hands them to the next worker after their timeouts, and every
// activity writes by a key, so a retry lands once. A killed API loses the requests in flight — the client sends them
// again, and the case's business key, the Idempotency-Key and the Update ID make the retry land on what exists.
import { runMixedLoad, type Acknowledged, type CaseKind } from './chaos-load.js';
import { startChaosStack, type ChaosStack } from './chaos-stack.js';
import { reconcile, type Reconciliation } from './reconcile.js';
import { RetryingClient } from './retrying-client.js';

export interface DrillOptions {
  databaseUrl: string | undefined;
  counts: Record<CaseKind, number>;
  /** Pensions a back-dated adjustment recalculates while the cases run (no recalculation when left out). */
  recalculatedPensions?: number;
  concurrency: number;
  /** Time between a worker being back up and the next SIGKILL, at most. */
  workerKillEveryMs: number;
  /**
   * A worker kill also comes as soon as this many more cases were acknowledged since the last one, so that even on a
   * machine fast enough to finish the load between two timed kills, every kill meets cases in flight.
   */
  workerKillEveryCases?: number;
  /** Stop killing after this many worker kills (the short drill of `npm test`); unbounded when left out. */
  maxWorkerKills?: number;
  say: (line: string) => void;
}

export interface DrillResult extends Reconciliation {
  seconds: number;
  workerKills: number;
  apiKills: number;
  clientRetries: number;
  /** Of which sent again after a 429 and its Retry-After. */
  clientThrottled: number;
  refusals: string[];
}

export async function runCrashDrill(options: DrillOptions): Promise<DrillResult> {
  const stack = await startChaosStack({ databaseUrl: options.databaseUrl, say: options.say });
  options.say(`API and worker output: ${stack.logDir}`);
  try {
    const client = new RetryingClient(stack.url, { giveUpAfterMs: 180_000, requestTimeoutMs: 60_000 });
    const started = performance.now();
    let loadDone = false;
    const progress = new AcknowledgedCases();
    const load = runMixedLoad(stack, client, {
      counts: options.counts,
      ...(options.recalculatedPensions === undefined ? {} : { recalculatedPensions: options.recalculatedPensions }),
      concurrency: options.concurrency,
      taskWaitMs: 240_000,
      onCaseAcknowledged: (count) => progress.set(count),
    }).finally(() => (loadDone = true));
    const killing = killWhileRunning(stack, () => loadDone, progress, options);
    const acknowledged: Acknowledged = await load;
    await killing;
    const seconds = (performance.now() - started) / 1000;
    options.say(`load done in ${seconds.toFixed(1)} s; reconciling`);
    const result = await reconcile(stack, acknowledged);
    return {
      ...result,
      seconds,
      workerKills: stack.worker.kills,
      apiKills: stack.api.kills,
      clientRetries: client.retries,
      clientThrottled: client.throttled,
      refusals: acknowledged.refusals,
    };
  } finally {
    await stack.close();
  }
}

/**
 * Kills the worker every `workerKillEveryMs` once it is back up, or sooner when `workerKillEveryCases` more cases
 * were acknowledged, and the API once (after the second worker kill), until the load is done; leaves both running.
 * With `maxWorkerKills` the drill makes exactly that many kills, even if the load is done first (it then runs the
 * reconciliation against the restarted processes).
 */
async function killWhileRunning(stack: ChaosStack, done: () => boolean, progress: AcknowledgedCases, options: DrillOptions): Promise<void> {
  const bounded = options.maxWorkerKills !== undefined;
  const stop = () => (bounded ? false : done());
  while (stack.worker.kills < (options.maxWorkerKills ?? Infinity) && !stop()) {
    const target = options.workerKillEveryCases === undefined ? Infinity : progress.count + options.workerKillEveryCases;
    await sleepUnless(options.workerKillEveryMs, () => stop() || progress.count >= target || (bounded && done()));
    if (stop()) break;
    await stack.worker.kill();
    options.say(`SIGKILL worker (${stack.worker.kills}) with ${progress.count} cases acknowledged`);
    if (stack.worker.kills === 2 && stack.api.kills === 0) {
      await stack.api.kill();
      options.say('SIGKILL api');
      await stack.api.start();
      options.say('api back');
    }
    await stack.worker.start();
  }
  if (!stack.worker.running()) await stack.worker.start();
  if (!stack.api.running()) await stack.api.start();
}

/** How many cases the API has acknowledged so far. */
class AcknowledgedCases {
  count = 0;
  set(count: number): void {
    this.count = Math.max(this.count, count);
  }
}

async function sleepUnless(ms: number, done: () => boolean): Promise<void> {
  const until = Date.now() + ms;
  while (Date.now() < until && !done()) await new Promise((r) => setTimeout(r, 100));
}
