import { Context } from '@temporalio/activity';
import { runSupervisionSweep } from '../services/supervision/run-supervision-sweep.js';
import { temporalCaseWorkflows } from '../services/temporal/temporal-case-workflows.js';
import type { ActivityDeps } from './deps.js';

/** The fund-supervision sweep's one activity (workflows/supervision-sweep.workflow.ts). */
export function createSupervisionActivities({ orm, clock }: ActivityDeps) {
  return {
    /** The worker's own client starts the investigations on its task queue; a hit found before opens nothing. */
    sweepSupervisionControls: async (input: { asOf: string }): Promise<{ hits: number; opened: number }> => {
      const { client, info } = Context.current();
      const result = await runSupervisionSweep({ em: orm.em.fork(), clock, workflows: temporalCaseWorkflows(client, info.taskQueue) }, input.asOf);
      return { hits: result.hits, opened: result.opened.length };
    },
  };
}
