// Global setup of the vitest `workflows` project (time-skipping tests, replay): only the workflow bundle. Those files
// need no PostgreSQL and no dev server; each starts its own time-skipping test server.
import type { TestProject } from 'vitest/node';
import { temporalTestServerPath } from '../../bin/tools/temporal-binaries.js';
import { writeWorkflowBundle } from './workflow-bundle.js';

export async function setup(project: TestProject): Promise<() => Promise<void>> {
  temporalTestServerPath(); // installed by the set-up, or the run fails here rather than in every file
  const bundle = await writeWorkflowBundle();
  project.provide('workflowBundleCodePath', bundle.codePath);
  project.provide('workflowBundleJsonPath', bundle.jsonPath);
  return bundle.remove;
}
