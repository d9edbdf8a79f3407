import { bundleWorkflowCode } from '@temporalio/worker';
import { describe, expect, it } from 'vitest';
import { workflowsPath } from '../../bin/worker-runtime.js';
import * as catalog from '../../workflows/index.js';
import * as sandboxEntry from '../../workflows/sandbox-entry.js';

const functionNames = (module: Record<string, unknown>) =>
  Object.entries(module)
    .filter(([, value]) => typeof value === 'function')
    .map(([name]) => name)
    .sort();

describe('workflow bundle', () => {
  // The bundler refuses Node builtins and @temporalio/{activity,client,worker}; an ORM import drags those in.
  it('bundles every workflow for the sandbox (no ORM, Node or activity code reaches workflows/)', async () => {
    const { code } = await bundleWorkflowCode({ workflowsPath, logger: silentLogger });
    expect(workflowsPath).toMatch(/workflows\/sandbox-entry\.ts$/);
    expect(code).toContain('enrollment');
    expect(code).toContain('completeTask');
    // The lazy entry keeps every case type in the one file: no chunk a sandbox would have to fetch.
    expect(code).not.toMatch(/__webpack_require__\.e\(|importScripts|\.chunk\.js/);
    expect(code).not.toMatch(/@mikro-orm|node:crypto/);
  });

  it('runs the same workflow types through the lazy entry as clients know from workflows/index.ts', () => {
    expect(functionNames(sandboxEntry)).toEqual(functionNames(catalog));
  });
});

const silentLogger = {
  log: () => {},
  trace: () => {},
  debug: () => {},
  info: () => {},
  warn: () => {},
  error: () => {},
};
