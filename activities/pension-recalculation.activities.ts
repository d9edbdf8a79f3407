import { finishRecalculation, recalculateChunk, type RecalculationChunk } from '../db/writers/pension-recalculations.js';
import type { ActivityDeps } from './deps.js';

/** The recalculation's side effects (workflows/pension-recalculation.workflow.ts): one transaction per chunk, idempotent. */
export function createPensionRecalculationActivities({ orm, clock }: ActivityDeps) {
  return {
    /** One chunk of pension cases: new amounts and differences written, progress counted. */
    recalculatePensionChunk: async (chunk: RecalculationChunk): Promise<{ next: string | null; seen: number; changed: number }> =>
      recalculateChunk(orm.em.fork(), chunk, clock.now()),
    finishPensionRecalculation: async (input: { id: string }): Promise<void> => finishRecalculation(orm.em.fork(), input.id, clock.now()),
  };
}
