import type { TaskSpec } from '../task.js';

/*
 * The people's part of a payroll (待遇拨付, docs/payroll.md): a caseworker decides each held line and each line the bank
 * returned as failed; a supervisor who did not run the payroll approves the batch (four eyes, 社会保险经办条例 arts. 36–38).
 */

/** A line a control held: pay it (release), do not pay it (stop), or do not pay it and recover what was overpaid. */
export const HOLD_OUTCOMES = ['release', 'stop', 'stopAndRecover'] as const;
/** A line the bank could not pay: pay it again in the next payroll once the account is corrected, or stop it. */
export const FAILED_OUTCOMES = ['retry', 'stop'] as const;

export type LineTaskStep = 'payrollHold' | 'payrollFailed';
export type LineOutcome = (typeof HOLD_OUTCOMES)[number] | (typeof FAILED_OUTCOMES)[number];

/** Outcomes of each line step; every one but `release` and `retry` needs a reason. */
export const LINE_STEP_OUTCOMES: Readonly<Record<LineTaskStep, readonly string[]>> = { payrollHold: HOLD_OUTCOMES, payrollFailed: FAILED_OUTCOMES };
export const LINE_OUTCOMES_NEEDING_REASON: ReadonlySet<string> = new Set(['stop', 'stopAndRecover']);

/** SLA of a line task: 5 working days (suggested, unverified — the batch waits on nobody, a held line waits on it). */
export const LINE_TASK_SLA_DAYS = 5;
/** SLA of the batch approval: 2 working days (suggested, unverified: pensions are due on the agreed pay day). */
export const APPROVAL_SLA_DAYS = 2;

/** The approval task of a payroll: only a supervisor, never the one who ran it. */
export function approvalTaskSpec(startedBy: string): TaskSpec {
  return {
    step: 'payrollApproval',
    permission: 'supervise',
    slaDays: APPROVAL_SLA_DAYS,
    slaUnit: 'working',
    priority: 1,
    preparedBy: startedBy,
    outcomes: ['approve'],
  };
}

/** The task of a held or failed line; the one who ran the payroll prepared it and does not decide it. */
export function lineTaskSpec(step: LineTaskStep, startedBy: string): TaskSpec {
  return {
    step,
    permission: 'review',
    slaDays: LINE_TASK_SLA_DAYS,
    slaUnit: 'working',
    priority: 0,
    preparedBy: startedBy,
    outcomes: LINE_STEP_OUTCOMES[step],
  };
}

/**
 * What a line decision does to the line: `release` pays it in this batch while the batch is not yet approved and in
 * the next payroll after; `retry` pays a failed line in the next payroll; `stop` and `stopAndRecover` never pay it.
 */
export function lineStatusAfter(outcome: string, batchApproved: boolean): 'due' | 'carried' | 'stopped' {
  if (outcome === 'release') return batchApproved ? 'carried' : 'due';
  if (outcome === 'retry') return 'carried';
  return 'stopped';
}
