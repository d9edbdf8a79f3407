import * as wf from '@temporalio/workflow';

/** What starts a payroll (POST /v1/payrolls, services/payroll/start-payroll.ts). */
export interface PayrollInput {
  caseId: string;
  reference: string;
  region: string;
  /** The payroll month, YYYY-MM. */
  period: string;
  /** Who ran it: they never approve it, nor decide its line tasks (four eyes). */
  startedBy: string;
  /** Entitlements per gathering activity (payroll.chunkSize; default 5 000). */
  chunkSize: number;
  /** Slices of the entitlement IDs gathered at once (DEFAULT_PAYROLL_LANES, 4); absent on payrolls started before there were lanes (2). */
  lanes?: number;
}

/**
 * A bank return file was applied (services/payroll/import-bank-return.ts): how many sent lines are still without an
 * outcome, and whether lines failed (the payroll then opens their tasks).
 */
export const payrollBankReturn = wf.defineSignal<[{ fingerprint: string; outstanding: number; failed: number }]>('payrollBankReturn');
