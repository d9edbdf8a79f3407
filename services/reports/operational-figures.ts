import type { EntityManager } from '@mikro-orm/postgresql';
import { payrollFigures, taskFigures, type PayrollFigures, type TaskFigures } from '../../db/queries/operational-figures.query.js';
import type { BusinessClock } from '../business-clock.js';

export type { PayrollFigures, TaskFigures } from '../../db/queries/operational-figures.query.js';

/**
 * The open work of every region for the operators' /metrics (docs/operations.md "Metrics"): counts only, no case or
 * person, so it needs no caller; the endpoint is for the monitoring network, like /ready.
 */
export async function readTaskFigures(em: EntityManager, clock: BusinessClock): Promise<TaskFigures[]> {
  return taskFigures(em, clock.now());
}

/** The latest payroll of every region by line status, for /metrics: totals only, no person. */
export async function readPayrollFigures(em: EntityManager): Promise<PayrollFigures[]> {
  return payrollFigures(em);
}
