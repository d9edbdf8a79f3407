import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Pool, PoolClient } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';

/**
 * Runs `copy … from stdin` with `chunks` (COPY text format) on the connection of the caller's open transaction, so
 * the rows commit or roll back with everything else the transaction writes (issue 16: the lines of a declaration are
 * written once, straight into their table, instead of staged on another connection and moved). The ORM has no COPY
 * and does not hand out its connection, so the connection is found in the pool by its server process id. While the
 * transaction awaits this call it sends nothing else on that connection. `serverPid`: the transaction's
 * `pg_backend_pid()` when a statement of it already returned it (saves a round trip).
 */
export async function copyInTransaction(tx: EntityManager, copy: string, chunks: Iterable<string>, serverPid?: number): Promise<void> {
  if (!tx.isInTransaction()) throw new Error('copyInTransaction needs an open transaction');
  const pid = serverPid ?? (await tx.execute<{ pid: number }[]>('select pg_backend_pid() as pid'))[0]?.pid;
  // pg-pool keeps its connections in `_clients`; `processID` is the server process of each (pg's Client).
  const pool = (await tx.getConnection().getNativeClient()) as Pool & { _clients?: (PoolClient & { processID?: number })[] };
  const client = pool._clients?.find((c) => c.processID === pid);
  if (client === undefined) throw new Error(`the transaction's connection (server process ${String(pid)}) is not in the pool`);
  await pipeline(Readable.from(chunks), client.query(copyFrom(copy)));
}
