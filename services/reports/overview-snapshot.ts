// The supervisor overview's figures aggregate every open task of a region (~70k rows at 100k tasks), which no index
// makes cheap. The API process keeps one short-lived snapshot per region and stale-days setting instead: at most one
// aggregation per key every `ttlMs`, however many supervisors look, and concurrent requests for an expired key share
// one refresh. The page shows the snapshot's "as of" time, so a figure is never presented as fresher than it is.
import type { EntityManager } from '@mikro-orm/postgresql';
import { regionOverview } from '../../db/queries/report.query.js';

export type OverviewFigures = Awaited<ReturnType<typeof regionOverview>>;

export interface OverviewSnapshot {
  /** When the figures were counted (the `now` they were counted against). */
  asOf: Date;
  figures: OverviewFigures;
}

export interface OverviewSnapshots {
  /** How long a snapshot is served before the next request counts again. */
  ttlMs: number;
  get(em: EntityManager, region: string, staleDays: number): Promise<OverviewSnapshot>;
}

// Keys are region × staleDays (1–365): bounded, but a forgotten key should not live forever either.
const MAX_KEYS = 1_000;

/**
 * Per-process snapshots of `regionOverview` (docs/architecture.md "Tasks: the human part": SLA figures for the supervisor), refreshed when older
 * than `ttlMs` by `clock`. A failed count is not cached: the next request tries again.
 */
export function createOverviewSnapshots(options: { ttlMs: number; clock: () => Date; count?: typeof regionOverview }): OverviewSnapshots {
  const count = options.count ?? regionOverview;
  const held = new Map<string, OverviewSnapshot>();
  const refreshing = new Map<string, Promise<OverviewSnapshot>>();
  return {
    ttlMs: options.ttlMs,
    async get(em, region, staleDays) {
      const key = `${region}:${staleDays}`;
      const now = options.clock();
      const snapshot = held.get(key);
      if (snapshot && now.getTime() - snapshot.asOf.getTime() < options.ttlMs) return snapshot;
      const running = refreshing.get(key);
      if (running) return running;
      const refresh = count(em, region, now, staleDays)
        .then((figures) => {
          if (held.size >= MAX_KEYS) held.clear();
          const fresh = { asOf: now, figures };
          held.set(key, fresh);
          return fresh;
        })
        .finally(() => refreshing.delete(key));
      refreshing.set(key, refresh);
      return refresh;
    },
  };
}
