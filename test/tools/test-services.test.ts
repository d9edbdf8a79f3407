import { Connection } from '@temporalio/client';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { servicesForTest } from '../support/services.js';

describe('integration test services (test/support/global-setup.ts)', () => {
  it('provides a database of its own, migrated to the latest schema', async () => {
    const { databaseUrl } = servicesForTest();
    expect(new URL(databaseUrl).hostname).toBe('127.0.0.1');
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    try {
      const applied = await client.query<{ count: string }>('SELECT count(*) AS count FROM mikro_orm_migrations');
      expect(Number(applied.rows[0]?.count)).toBeGreaterThan(0);
    } finally {
      await client.end();
    }
  });

  it('provides a Temporal server that answers with the default namespace', async () => {
    const connection = await Connection.connect({ address: servicesForTest().temporalAddress });
    try {
      const described = await connection.workflowService.describeNamespace({ namespace: 'default' });
      expect(described.namespaceInfo?.name).toBe('default');
    } finally {
      await connection.close();
    }
  });
});
