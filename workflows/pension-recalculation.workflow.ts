import * as wf from '@temporalio/workflow';
import type { Activities } from '../activities/index.js';
import type { RecalculationCause } from '../domain/payroll/pension-recalculation.js';
import { failingOnDomainErrors } from './domain-failures.js';

/** What a run of a back-dated recalculation needs; the dated rule or base is read before the start and kept here. */
export interface PensionRecalculationInput {
  /** The run's ID (region, cause, date): the workflow ID is `pension-recalculation-<id>`. */
  id: string;
  region: string;
  cause: RecalculationCause;
  /** The payroll month the differences are settled from. */
  nextPayroll: string;
  /** Pension cases per chunk: part of the input, so a running run keeps it. */
  chunkSize: number;
}

const acts = wf.proxyActivities<Activities>({
  startToCloseTimeout: '5 minutes',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '5 minutes', nonRetryableErrorTypes: ['DomainRefusal'] },
});

/**
 * 待遇重算 (docs/payroll.md "Recalculation"; rules §5.1): every active pension case of the region, chunk by chunk (one
 * activity per chunk, keyset by case ID, set-based in SQL), gets its new monthly amount and one difference for the
 * months already paid; the payrolls settle the differences. Each chunk is idempotent, so a retried chunk or a second
 * run changes nothing it changed already.
 */
export async function pensionRecalculation(input: PensionRecalculationInput): Promise<{ pensions: number; changed: number }> {
  return failingOnDomainErrors(async () => {
    let after: string | null = null;
    let pensions = 0;
    let changed = 0;
    do {
      const chunk: { next: string | null; seen: number; changed: number } = await acts.recalculatePensionChunk({
        id: input.id,
        region: input.region,
        cause: input.cause,
        nextPayroll: input.nextPayroll,
        after,
        limit: input.chunkSize,
      });
      after = chunk.next;
      pensions += chunk.seen;
      changed += chunk.changed;
    } while (after !== null);
    await acts.finishPensionRecalculation({ id: input.id });
    return { pensions, changed };
  });
}
