import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Connection } from '@temporalio/client';
import { msToTs } from '@temporalio/common/lib/time.js';
import { afterEach, describe, expect, it } from 'vitest';
import { freePort } from '../../bin/tools/free-port.js';
import { startTemporalDevServer } from '../../bin/tools/temporal-dev-server.js';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (let cleanup = cleanups.pop(); cleanup; cleanup = cleanups.pop()) await cleanup();
});

async function withConnection<T>(address: string, work: (connection: Connection) => Promise<T>): Promise<T> {
  const connection = await Connection.connect({ address });
  try {
    return await work(connection);
  } finally {
    await connection.close();
  }
}

describe('startTemporalDevServer', () => {
  it('keeps its state in the db file across a restart (docs/operations.md: a second start keeps the data)', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'sis-temporal-test-'));
    await chmod(dir, 0o755);
    cleanups.push(() => rm(dir, { recursive: true, force: true }));
    const options = { port: await freePort(), uiPort: null, dbFile: join(dir, 'temporal.db') };
    const namespace = `persisted-${Date.now()}`;

    const first = await startTemporalDevServer(options);
    cleanups.push(() => first.stop());
    await withConnection(first.address, (c) => c.workflowService.registerNamespace({ namespace, workflowExecutionRetentionPeriod: msToTs('1 day') }));
    await first.stop();

    const second = await startTemporalDevServer(options);
    cleanups.push(() => second.stop());
    const described = await withConnection(second.address, (c) => c.workflowService.describeNamespace({ namespace }));
    expect(described.namespaceInfo?.name).toBe(namespace);
  });

  it('fails with the reason and the server output when the port is taken', async () => {
    const running = await startTemporalDevServer({ port: await freePort(), uiPort: null, dbFile: null });
    cleanups.push(() => running.stop());
    const port = Number(running.address.split(':')[1]);

    await expect(startTemporalDevServer({ port, uiPort: null, dbFile: null })).rejects.toThrow(
      /Temporal dev server on 127\.0\.0\.1:\d+ exited with code \d+\. Last output:\n/,
    );
  });
});
