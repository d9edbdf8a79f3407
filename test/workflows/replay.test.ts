// Replays every recorded history in test/fixtures/histories/ against today's workflow code: a change that would break a
// running case (another order or number of activities or timers, a different branch for the same history) fails here
// with a determinism error instead of failing the cases in production. Arrears cases run for years, so a case opened
// today is still running after several deployments.
//
// The fixtures are written by the recorders (test/workflows/record-histories.ts, petition-record-histories.ts,
// arrears-record-histories.ts, transfer-record-histories.ts, benefit-claim-record-histories.ts, medical-expense-record-histories.ts,
// account-subsidy-record-histories.ts, investigation-record-histories.ts, verification-record-histories.ts,
// pension-recalculation-record-histories.ts, back-payment-record-histories.ts,
// payroll-record-histories.ts, bench-reference-record-histories.ts); this test only reads them. When it fails after a workflow change, do not re-record to
// make it pass: put the change behind `wf.patched('<change-id>')` so running cases keep their old path, and record new
// histories alongside the old ones. Recorded files are never overwritten or deleted (the recorders refuse to).
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { historyFromJSON } from '@temporalio/common/lib/proto-utils.js';
import { Worker, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { beforeAll, describe, expect, it } from 'vitest';
import { installSdkLogging } from '../../bin/worker-runtime.js';
import * as workflowBundle from '../../workflows/index.js';
import { bundleWorkflows } from './enrollment-harness.js';

const historiesDir = fileURLToPath(new URL('../fixtures/histories/', import.meta.url));
const files = readdirSync(historiesDir)
  .filter((name) => name.endsWith('.json'))
  .sort();

/**
 * The paths each workflow type must have a recording of (every workflow type has replay tests). A path is recorded once
 * per generation of the workflow code — `<type>-<path>.json` from before the 2026-12 rule patches,
 * `<type>-<path>.<generation>.json` after — and a recording of any generation satisfies the requirement; every file
 * found replays below regardless.
 */
const REQUIRED: Record<string, string[]> = {
  enrollment: [
    'auto-approved',
    'reviewed-approved',
    'returned-resubmitted-approved',
    'correction-expired',
    'refused-by-checks',
    'refused-no-parameters',
    'withdrawn-under-review',
    'calendar-loaded-recounted-approved',
    'insured-signals-unemployment-claim',
  ],
  petition: [
    'extended-reviewed-rereviewed',
    'escalated-not-accepted',
    'review-window-closed',
    'forwarded-objected-forwarded-accepted',
    'rereview-concluded-duplicate',
    'letter-delivered-reviewed',
    'continued-as-new-window-closed',
  ],
  arrears: ['90-days-fine-guarantee-court-settled', 'two-years-hardship-deferral-court-settled', 'periods-joined-settled', 'continued-as-new-settled'],
  arrearsSweep: ['daily-run'],
  noop: ['bench-reference'],
  bareUpdate: ['bench-reference'],
  transfer: [
    'pension-both-served-completed',
    'pension-refused-by-new-office',
    'pension-late-transfer-out-escalated-funds-late',
    'pension-counterpart-old-office-late-answer',
    'pension-old-office-for-counterpart',
    'pension-temporary-account',
    'medical-both-served-completed',
  ],
  benefitClaim: [
    'pension-two-tiers-granted',
    'pension-returned-rejected',
    'refused-by-checks',
    'unemployment-stopped-by-reemployment',
    'unemployment-period-completed',
    'work-injury-suspended-reassessed-granted',
    'work-injury-grade-final-granted',
    'work-injury-not-recognized',
    'survivor-work-injury-death-granted',
  ],
  medicalExpenseDeclaration: ['reviewed-approved-booked', 'returned-rejected'],
  accountSubsidyDeclaration: ['reviewed-approved-booked', 'returned-rejected'],
  backPayment: ['reviewed-approved-billed', 'supervised-approved-billed', 'supervisor-returned-rejected'],
  payroll: ['held-approved-failed-retried', 'approved-paid-in-two-returns'],
  investigation: ['assigned-fraud-found-closed', 'returned-no-fraud-closed'],
  supervisionSweep: ['daily-run'],
  verificationSweep: ['daily-run'],
  missedInstalmentSweep: ['daily-run'],
  pensionRecalculation: ['three-chunks-done'],
};

/**
 * `enrollment-auto-approved.json`, `enrollment-auto-approved.2026-12.json` and `enrollment-auto-approved.2026-12-04.json`
 * all record `enrollment` / `auto-approved` (a generation is a month, or a day when a month had more than one).
 */
function recordsPath(file: string, type: string, kind: string): boolean {
  const stem = `${type}-${kind}`;
  return file === `${stem}.json` || (file.startsWith(`${stem}.`) && /^\.\d{4}-\d{2}(-\d{2})?(\.run-\d+)?\.json$/.test(file.slice(stem.length)));
}

describe('workflow replay (recorded histories of every case type)', () => {
  let bundle: WorkflowBundleWithSourceMap;

  beforeAll(async () => {
    installSdkLogging('WARN');
    bundle = await bundleWorkflows();
  });

  it('names every workflow type the worker runs', () => {
    // The bundle's functions are its workflow types; its other exports are signal, query and update definitions.
    const types = Object.entries(workflowBundle)
      .filter(([, value]) => typeof value === 'function')
      .map(([name]) => name)
      .sort();
    expect(Object.keys(REQUIRED).sort()).toEqual(types);
  });

  it.each(Object.entries(REQUIRED))('has recorded histories of every path a %s case takes', (type, kinds) => {
    for (const kind of kinds)
      expect(
        files.filter((file) => recordsPath(file, type, kind)),
        `${type}-${kind}`,
      ).not.toHaveLength(0);
  });

  it.each(files)('replays %s without a determinism error (changes to running cases go behind wf.patched)', async (file) => {
    const history = historyFromJSON(JSON.parse(readFileSync(`${historiesDir}${file}`, 'utf8')));
    // A history that never reached its end would replay trivially: each recorded run ends completed or continued as new.
    const last = history.events?.at(-1);
    expect(last?.workflowExecutionCompletedEventAttributes ?? last?.workflowExecutionContinuedAsNewEventAttributes).toBeTruthy();
    await expect(Worker.runReplayHistory({ workflowBundle: bundle, replayName: `replay-${file}` }, history, file)).resolves.toBeUndefined();
  });
});
