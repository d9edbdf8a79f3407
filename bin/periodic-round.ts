/** A housekeeping round the worker runs every so often (notice delivery, audit anchors, official documents). */
export interface PeriodicRound {
  /**
   * Stops the round: no new round starts, `stopped()` turns true for the one under way, and the promise resolves when
   * that round has finished, or after `waitMs` if it has not (it is logged then, and the caller closes anyway).
   */
  stop(waitMs?: number): Promise<void>;
}

/** How long a stop waits for the round under way by default: less than the 10 s a container gets before its SIGKILL. */
export const roundStopWaitMs = 8_000;

/**
 * Runs `round` every `everyMs` (and once at once when `atStart`), never two at a time: a tick that finds the previous
 * round still running is skipped. A round that throws is reported to `onError` and the next tick tries again. The
 * worker stops its rounds before it closes the ORM and its connections, so no round runs on a destroyed driver.
 */
export function startPeriodicRound(options: {
  name: string;
  everyMs: number;
  atStart?: boolean;
  round: (stopped: () => boolean) => Promise<unknown>;
  onError: (error: unknown) => void;
}): PeriodicRound {
  let stopping = false;
  let running: Promise<void> | null = null;
  const stopped = () => stopping;
  const tick = () => {
    if (stopping || running !== null) return;
    running = (async () => options.round(stopped))()
      .then(
        () => undefined,
        (error: unknown) => options.onError(error),
      )
      .finally(() => (running = null));
  };
  if (options.atStart) tick();
  const timer = setInterval(tick, options.everyMs);
  return {
    async stop(waitMs = roundStopWaitMs) {
      stopping = true;
      clearInterval(timer);
      const under = running;
      if (under === null) return;
      let bound: NodeJS.Timeout | undefined;
      const finished = await Promise.race([under.then(() => true), new Promise<false>((resolve) => (bound = setTimeout(() => resolve(false), waitMs)))]);
      clearTimeout(bound);
      if (!finished) console.error(`[worker] ${options.name} round still running ${waitMs} ms after stop; closing anyway`);
    },
  };
}
