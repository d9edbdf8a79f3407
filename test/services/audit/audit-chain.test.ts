import { randomInt } from 'node:crypto';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { MikroORM } from '@mikro-orm/postgresql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AUDIT_GENESIS_HASH } from '../../../db/audit/audit-chain.sql.js';
import { appendAudit } from '../../../db/writers/case-log.js';
import { JsonLinesAuditAnchorStore } from '../../../services/adapters/audit-anchor-store.js';
import { anchorAuditChains } from '../../../services/audit/anchor-audit-chains.js';
import { verifyAuditChain } from '../../../services/audit/audit-chain-verifier.js';
import { verifyVisibleAuditChains } from '../../../services/audit/verify-audit-chains.js';
import { systemClock } from '../../../services/business-clock.js';
import { contextOn, openTestDatabase } from '../../support/command-context.js';

// A region code of its own per test (no such region exists): its chain holds only what the test wrote.
const freshRegion = () => `9${String(randomInt(0, 100_000)).padStart(5, '0')}`;

describe('the audit hash chain (db trigger + services/audit verifier, real PostgreSQL)', () => {
  let orm: MikroORM;
  beforeAll(async () => {
    orm = await openTestDatabase();
  });
  afterAll(async () => orm?.close());

  const append = (region: string, n: number, em = orm.em.fork()) =>
    appendAudit(em, {
      at: systemClock.now(),
      actorId: `cw-${n}`,
      actorRole: 'caseworker',
      region,
      action: 'test.appended',
      objectType: 'Test',
      objectId: `obj-${n}`,
      detail: { n, note: '测试' },
    });

  /** Edits a row as an operator with table rights could: the append-only trigger lifted for one transaction. */
  const tamper = (sql: string, params: unknown[]) =>
    orm.em.fork().transactional(async (tx) => {
      await tx.execute('alter table audit_entry disable trigger audit_entry_append_only');
      await tx.execute(sql, params);
      await tx.execute('alter table audit_entry enable trigger audit_entry_append_only');
    });

  const links = (region: string) =>
    orm.em
      .fork()
      .execute<{ id: string; chain_seq: string; prev_hash: string; hash: string }[]>(
        'select id, chain_seq, prev_hash, hash from audit_entry where chain = ? order by chain_seq',
        [region],
      );

  it('links each entry to the one before it in its region, from the genesis hash, whoever inserts it', async () => {
    const region = freshRegion();
    await append(region, 1);
    // A raw insert that tries to choose its own place and hash is linked by the trigger all the same.
    await orm.em.fork().execute(
      `insert into audit_entry (at, actor_id, actor_role, region, action, object_type, object_id, detail, chain, chain_seq, prev_hash, hash)
       values (now(), 'x', 'admin', ?, 'test.raw', 'Test', 'raw', '{}', 'zzz', 99, 'forged', 'forged')`,
      [region],
    );
    const rows = await links(region);
    expect(rows.map((row) => Number(row.chain_seq))).toEqual([1, 2]);
    expect(rows[0]!.prev_hash).toBe(AUDIT_GENESIS_HASH);
    expect(rows[1]!.prev_hash).toBe(rows[0]!.hash);
    expect(rows[1]!.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(await verifyAuditChain(orm.em.fork(), region)).toMatchObject({ intact: true, checked: 2, lastGoodSeq: 2, firstBroken: null });
  });

  it('keeps one unbroken chain when many transactions append to the same region at once', async () => {
    const region = freshRegion();
    // Each transaction appends, then keeps its transaction open a moment, so the others queue behind its lock.
    await Promise.all(
      Array.from({ length: 24 }, (_, n) =>
        orm.em.fork().transactional(async (tx) => {
          await append(region, n, tx);
          await tx.execute('select pg_sleep(0.01)');
        }),
      ),
    );
    const rows = await links(region);
    expect(rows.map((row) => Number(row.chain_seq))).toEqual(Array.from({ length: 24 }, (_, i) => i + 1));
    expect(await verifyAuditChain(orm.em.fork(), region, { batch: 5 })).toMatchObject({ intact: true, checked: 24 });
  });

  it('finds a row edited with SQL at that row, a re-hashed edit at the row after it, and a deleted row as a gap', async () => {
    const region = freshRegion();
    for (let n = 1; n <= 6; n += 1) await append(region, n);
    const rows = await links(region);
    const id = (seq: number) => Number(rows[seq - 1]!.id);

    await tamper(`update audit_entry set detail = '{"n": 3, "note": "改过"}' where id = ?`, [id(3)]);
    const edited = await verifyAuditChain(orm.em.fork(), region, { batch: 2 });
    expect(edited).toMatchObject({ intact: false, checked: 2, lastGoodSeq: 2, firstBroken: { entryId: id(3), chainSeq: 3, reason: 'hash' } });
    expect(edited.firstBroken?.explanation).toMatch(/changed after it was written/);

    // A careful forger also rewrites the hash of the edited row: the next row no longer points at it.
    await tamper(
      `update audit_entry e set hash = encode(sha256(convert_to(jsonb_build_array(e.prev_hash, e.chain, e.chain_seq, e.id, to_char(e.at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'), e.actor_id, e.actor_role, e.region, e.action, e.object_type, e.object_id, e.request_id, e.detail, e.dedupe_key)::text, 'UTF8')), 'hex') where id = ?`,
      [id(3)],
    );
    expect(await verifyAuditChain(orm.em.fork(), region)).toMatchObject({
      intact: false,
      checked: 3,
      firstBroken: { entryId: id(4), chainSeq: 4, reason: 'link' },
    });

    await tamper('delete from audit_entry where id = ?', [id(2)]);
    expect(await verifyAuditChain(orm.em.fork(), region)).toMatchObject({
      intact: false,
      checked: 1,
      firstBroken: { entryId: id(3), chainSeq: 3, reason: 'gap' },
    });
  });

  it('finds with anchors kept outside the database what the links alone cannot: a cut-off end and a rewritten end', async () => {
    const region = freshRegion();
    for (let n = 1; n <= 4; n += 1) await append(region, n);
    const store = new JsonLinesAuditAnchorStore(join(await mkdtemp(join(tmpdir(), 'audit-anchors-')), 'anchors.jsonl'));
    const heads = await links(region);
    const written = await anchorAuditChains({ em: orm.em.fork(), clock: systemClock, store });
    expect(written.filter((anchor) => anchor.chain === region)).toEqual([
      { chain: region, chainSeq: 4, hash: heads[3]!.hash, anchoredAt: expect.any(String) as string },
    ]);
    // A chain that did not grow is not anchored again.
    expect((await anchorAuditChains({ em: orm.em.fork(), clock: systemClock, store })).filter((anchor) => anchor.chain === region)).toEqual([]);
    const anchors = await store.all();
    expect(await verifyAuditChain(orm.em.fork(), region, { anchors })).toMatchObject({ intact: true, checked: 4 });

    // The newest entry deleted: every remaining link holds, only the anchor shows the end was cut off.
    await tamper('delete from audit_entry where id = ?', [Number(heads[3]!.id)]);
    expect(await verifyAuditChain(orm.em.fork(), region)).toMatchObject({ intact: true, checked: 3 });
    const cut = await verifyAuditChain(orm.em.fork(), region, { anchors });
    expect(cut).toMatchObject({ intact: false, checked: 3, lastGoodSeq: 3, firstBroken: { chainSeq: 4, reason: 'cut' } });
    expect(cut.firstBroken?.explanation).toMatch(/cut off its end/);

    // A different entry written in its place is linked properly by the trigger; the anchor still knows the old hash.
    await append(region, 99);
    expect(await verifyAuditChain(orm.em.fork(), region)).toMatchObject({ intact: true, checked: 4 });
    expect(await verifyAuditChain(orm.em.fork(), region, { anchors })).toMatchObject({
      intact: false,
      checked: 3,
      firstBroken: { chainSeq: 4, reason: 'anchor' },
    });
  });

  it('refuses a damaged anchor file, naming the line, instead of skipping it', async () => {
    const file = join(await mkdtemp(join(tmpdir(), 'audit-anchors-')), 'anchors.jsonl');
    await writeFile(
      file,
      `${JSON.stringify({ chain: '330102', chainSeq: 1, hash: 'a'.repeat(64), anchoredAt: '2026-01-01T00:00:00.000Z' })}\n{"chain":"330102"}\n`,
    );
    await expect(new JsonLinesAuditAnchorStore(file).all()).rejects.toThrow(/anchors\.jsonl:2: not an audit anchor/);
  });

  it('verifies for an auditor only the chains of the region they audit; a caseworker gets none', async () => {
    const region = freshRegion();
    await append(region, 1);
    const auditor = await verifyVisibleAuditChains(contextOn(orm, { id: 'au-1', role: 'auditor', region }));
    expect(auditor.chains).toEqual([{ chain: region, checked: 1, intact: true, lastGoodSeq: 1, firstBroken: null }]);
    expect((await verifyVisibleAuditChains(contextOn(orm, { id: 'cw-1', role: 'caseworker', region }))).chains).toEqual([]);
  });

  it('refuses to update or delete a line of every ledger (contributions, payments, late-fee waivers, transfers)', async () => {
    const em = orm.em.fork();
    const code = `91330102MA${String(randomInt(0, 99_999_999)).padStart(8, '0')}`;
    const key = `append-only-${code}`;
    await em.execute(
      `insert into ledger_entry (employer_credit_code, period, entry_type, amount, occurred_on, dedupe_key, created_at) values (?, '2026-01', 'charge', '10.00', '2026-02-15', ?, now())`,
      [code, key],
    );
    await em.execute(
      `insert into payment (id, idempotency_key, employer_credit_code, amount, paid_on, source, allocation_rule, received_by, received_at) values (gen_random_uuid(), ?, ?, '10.00', '2026-02-15', 'api', 'oldest-first', 'cw-1', now())`,
      [key, code],
    );
    await em.execute(
      `insert into late_fee_waiver (employer_credit_code, from_date, to_date, reason, case_id, dedupe_key, created_at) values (?, '2026-01-01', '2026-01-31', 'test', 'c-1', ?, now())`,
      [code, key],
    );
    await em.execute(
      `insert into transfer_ledger (case_id, reference, insurance, side, fund, pooling_area, amount, source, dedupe_key, booked_at) values ('c-1', 'TR-test', 'pension', 'out', 'pooled', '330100', '10.00', 'ledger', ?, now())`,
      [key],
    );
    for (const [table, column] of [
      ['ledger_entry', 'dedupe_key'],
      ['payment', 'idempotency_key'],
      ['late_fee_waiver', 'dedupe_key'],
      ['transfer_ledger', 'dedupe_key'],
    ] as const) {
      await expect(
        em.execute(
          `update ${table} set amount = amount where ${column} = ?`.replace('amount = amount', table === 'late_fee_waiver' ? "reason = 'x'" : 'amount = 0'),
          [key],
        ),
        table,
      ).rejects.toThrow(/append-only/);
      await expect(em.execute(`delete from ${table} where ${column} = ?`, [key]), table).rejects.toThrow(/append-only/);
    }
  });
});
