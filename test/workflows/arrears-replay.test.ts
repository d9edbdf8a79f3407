// Replays recorded arrears histories against today's workflow code: a change that would break a running case
// (another order or number of activities or timers, a different branch for the same history) fails here with a
// determinism error instead of failing the cases in production. Arrears cases run for years, so this matters more
// here than anywhere: a case opened today is still running after several deployments.
//
// The fixtures in test/fixtures/histories/ are written by test/workflows/arrears-record-histories.ts; this test only
// reads them. When this test fails after a workflow change, do not re-record to make it pass: put the change behind
// `wf.patched('<change-id>')` so running cases keep their old path, and record new histories alongside the old ones.
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { historyFromJSON } from '@temporalio/common/lib/proto-utils.js';
import { Worker, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { beforeAll, describe, expect, it } from 'vitest';
import { installSdkLogging } from '../../bin/worker-runtime.js';
import { bundleWorkflows } from './enrollment-harness.js';

const historiesDir = fileURLToPath(new URL('../fixtures/histories/', import.meta.url));
const files = readdirSync(historiesDir)
  .filter((name) => /^arrears-.+\.json$/.test(name))
  .sort();

describe('arrears workflow replay (recorded histories)', () => {
  let bundle: WorkflowBundleWithSourceMap;

  beforeAll(async () => {
    installSdkLogging('WARN');
    bundle = await bundleWorkflows();
  });

  it('has recorded histories of the 90-day case (fine, guarantee, court) and the two-year case (hardship deferral, second order, court) — issue 3 tests', () => {
    for (const kind of ['90-days-fine-guarantee-court-settled', 'two-years-hardship-deferral-court-settled']) {
      expect(files).toContain(`arrears-${kind}.json`);
    }
  });

  it.each(files)('replays %s without a determinism error (changes to running cases go behind wf.patched — style.md §3)', async (file) => {
    const history = historyFromJSON(JSON.parse(readFileSync(`${historiesDir}${file}`, 'utf8')));
    // A history that never reached its end would replay trivially: each recorded run ends settled or continued as new.
    const last = history.events?.at(-1);
    expect(last?.workflowExecutionCompletedEventAttributes ?? last?.workflowExecutionContinuedAsNewEventAttributes).toBeTruthy();
    await expect(
      Worker.runReplayHistory({ workflowBundle: bundle, replayName: `replay-${file}` }, history, file),
    ).resolves.toBeUndefined();
  });
});
