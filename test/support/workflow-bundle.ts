// The workflow bundle, built once per run by a global setup and written to a scratch folder: every worker of the run
// loads the file, and every time-skipping harness and the replayer read the JSON, instead of running webpack again
// (seconds each, many times a run).
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bundleWorkflowCode } from '@temporalio/worker';
import { workflowsPath } from '../../bin/worker-runtime.js';

export interface WrittenBundle {
  codePath: string;
  jsonPath: string;
  remove: () => Promise<void>;
}

const quiet = { log: () => {}, trace: () => {}, debug: () => {}, info: () => {}, warn: () => {}, error: () => {} };

export async function writeWorkflowBundle(): Promise<WrittenBundle> {
  const bundle = await bundleWorkflowCode({ workflowsPath, logger: quiet });
  const scratch = await mkdtemp(join(tmpdir(), 'sis-test-bundle-'));
  const codePath = join(scratch, 'workflow-bundle.js');
  const jsonPath = join(scratch, 'workflow-bundle.json');
  await Promise.all([writeFile(codePath, bundle.code), writeFile(jsonPath, JSON.stringify(bundle))]);
  return { codePath, jsonPath, remove: () => rm(scratch, { recursive: true, force: true }) };
}
