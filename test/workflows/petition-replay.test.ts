// Replays recorded petition histories against today's workflow code: a change that would break a running case
// (another order or number of activities or timers, a different branch for the same history) fails here with a
// determinism error instead of failing the cases in production.
//
// The fixtures in test/fixtures/histories/ are written by test/workflows/petition-record-histories.ts; this test only reads
// them. When this test fails after a workflow change, do not re-record to make it pass: put the change behind
// `wf.patched('<change-id>')` so running cases keep their old path, and record new histories alongside the old ones.
// Re-record over the old files only for a change no running case can meet (e.g. before the first production case).
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { historyFromJSON } from '@temporalio/common/lib/proto-utils.js';
import { Worker, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { beforeAll, describe, expect, it } from 'vitest';
import { installSdkLogging } from '../../bin/worker-runtime.js';
import { bundleWorkflows } from './enrollment-harness.js';

const historiesDir = fileURLToPath(new URL('../fixtures/histories/', import.meta.url));
const files = readdirSync(historiesDir)
  .filter((name) => /^petition-.+\.json$/.test(name))
  .sort();

describe('petition workflow replay (recorded histories)', () => {
  let bundle: WorkflowBundleWithSourceMap;

  beforeAll(async () => {
    installSdkLogging('WARN');
    bundle = await bundleWorkflows();
  });

  it('has recorded histories of every path a petition takes: full cycle with extension and re-review, escalation, window closed, forwarding, art. 36 duplicate', () => {
    for (const kind of ['extended-reviewed-rereviewed', 'escalated-not-accepted', 'review-window-closed', 'forwarded-objected-forwarded-accepted', 'rereview-concluded-duplicate']) {
      expect(files).toContain(`petition-${kind}.json`);
    }
  });

  it.each(files)('replays %s without a determinism error (changes to running cases go behind wf.patched — style.md §3)', async (file) => {
    const history = historyFromJSON(JSON.parse(readFileSync(`${historiesDir}${file}`, 'utf8')));
    // A history that never reached its end would replay trivially; the recordings run every case to completion.
    expect(history.events?.at(-1)?.workflowExecutionCompletedEventAttributes).toBeTruthy();
    await expect(
      Worker.runReplayHistory({ workflowBundle: bundle, replayName: `replay-${file}` }, history, file),
    ).resolves.toBeUndefined();
  });
});
