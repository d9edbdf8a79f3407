import type { EntityManager } from '@mikro-orm/postgresql';

const everyCache = new Set<ReferenceCache>();

/**
 * Reference data read on every filing (the served regions, the enrollment policy) changes a few times a year. A
 * short-lived copy per API process saves those queries on the hot path; a change is seen within `ttlMs`.
 */
export class ReferenceCache {
  private readonly entries = new Map<string, { value: unknown; readAt: number }>();

  constructor(private readonly ttlMs = 30_000) {
    everyCache.add(this);
  }

  /**
   * Drops `key` from every cache of this process: an administrator's change of a setting (PUT /v1/settings/{key}) is
   * then seen by the next filing at once, as the guide sees it. Other API processes still see it within `ttlMs`.
   */
  static forgetEverywhere(key: string): void {
    for (const cache of everyCache) cache.entries.delete(key);
  }

  async get<T>(key: string, em: EntityManager, load: (em: EntityManager) => Promise<T>): Promise<T> {
    const hit = this.entries.get(key);
    if (hit && performance.now() - hit.readAt < this.ttlMs) return hit.value as T;
    const value = await load(em);
    this.entries.set(key, { value, readAt: performance.now() });
    return value;
  }
}
