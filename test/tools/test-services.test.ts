import { Connection } from '@temporalio/client';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { copyOfTemplate, servicesForTest } from '../support/services.js';

async function onDatabase<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

describe('integration test services (test/support/global-setup.ts, test/support/services.ts)', () => {
  it("gives the file a database of its own, migrated and seeded, on the run's local server", async () => {
    const { databaseUrl } = await servicesForTest();
    expect(new URL(databaseUrl).hostname).toBe('127.0.0.1');
    const [migrations, regions] = await onDatabase(databaseUrl, (client) =>
      Promise.all([
        client.query<{ count: string }>('SELECT count(*) AS count FROM mikro_orm_migrations'),
        client.query<{ count: string }>('SELECT count(*) AS count FROM region'),
      ]),
    );
    expect(Number(migrations.rows[0]?.count)).toBeGreaterThan(0);
    expect(Number(regions.rows[0]?.count)).toBeGreaterThan(0);
  });

  it('keeps a row written in one copy out of every other copy, and a dropped copy is gone', async () => {
    const { databaseUrl } = await servicesForTest();
    const other = await copyOfTemplate('isolation');
    const marker = `isolation-${Date.now()}`;
    await onDatabase(databaseUrl, (client) => client.query(`insert into setting (key, value, updated_at) values ($1, '{}', now())`, [marker]));
    const seen = await onDatabase(other.url, (client) => client.query('select 1 from setting where key = $1', [marker]));
    expect(seen.rowCount).toBe(0);
    await other.drop();
    await expect(onDatabase(other.url, (client) => client.query('select 1'))).rejects.toThrow(/does not exist/);
  });

  it("gives the file a Temporal namespace of its own on the run's dev server", async () => {
    const { temporalAddress, namespace } = await servicesForTest();
    expect(namespace).not.toBe('default');
    expect(await servicesForTest()).toMatchObject({ namespace });
    const connection = await Connection.connect({ address: temporalAddress });
    try {
      const described = await connection.workflowService.describeNamespace({ namespace });
      expect(described.namespaceInfo?.name).toBe(namespace);
    } finally {
      await connection.close();
    }
  });
});
