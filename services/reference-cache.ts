import type { EntityManager } from '@mikro-orm/postgresql';

/**
 * Reference data read on every filing (the served regions, the enrollment policy) changes a few times a year. A
 * short-lived copy per API process saves those queries on the hot path; a change is seen within `ttlMs`.
 */
export class ReferenceCache {
  private readonly entries = new Map<string, { value: unknown; readAt: number }>();

  constructor(private readonly ttlMs = 30_000) {}

  async get<T>(key: string, em: EntityManager, load: (em: EntityManager) => Promise<T>): Promise<T> {
    const hit = this.entries.get(key);
    if (hit && performance.now() - hit.readAt < this.ttlMs) return hit.value as T;
    const value = await load(em);
    this.entries.set(key, { value, readAt: performance.now() });
    return value;
  }
}
