import { fileURLToPath } from 'node:url';
import { bundleWorkflowCode } from '@temporalio/worker';
import { describe, expect, it } from 'vitest';

const workflowsPath = fileURLToPath(new URL('../../workflows/index.ts', import.meta.url));

describe('workflow bundle', () => {
  // The bundler refuses Node builtins and @temporalio/{activity,client,worker}; an ORM import drags those in.
  it('bundles every workflow for the sandbox (no ORM, Node or activity code reaches workflows/)', async () => {
    const { code } = await bundleWorkflowCode({ workflowsPath, logger: silentLogger });
    expect(code).toContain('enrollment');
    expect(code).toContain('completeTask');
    expect(code).not.toMatch(/@mikro-orm|node:crypto/);
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
