// The back-fill of transfer_carried_history (issue 11, multi-hop transfers; db/writers/transfer-carried-backfill.ts): a
// transfer completed before the hand-over kept what it carried gets the row it would have written, by the same rule,
// once; and a later transfer out of its new place then moves its years and money on, to the fen. Real PostgreSQL,
// Temporal dev server, worker, HTTP and the platform's spool (a fake counterpart agency as the next new office).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AccountPeriod } from '../../domain/transfer/transfer-amounts.js';
import { runCarriedHistoryBackfill } from '../../db/migrator.js';
import { E3_AMOUNTS, FakeCounterpartAgency } from '../support/fake-counterpart.js';
import { citizenId } from '../support/factories.js';
import { startSystem, type TestSystem } from '../support/system.js';
import { decideLeg, e3AmountsAsOldOffice, e3HistoryInHangzhou, enrolled, secondMoveOutOfNingbo, transferIn } from './transfer-fixture.js';

const NANJING = { poolingArea: '320100', region: '320102' };

interface CarriedRow {
  case_id: string;
  from_pooling_area: string;
  pooling_area: string;
  through_month: string;
  months: number;
  periods: AccountPeriod[];
  credits: unknown[];
  moved_on_by_case: string | null;
  created_at: Date;
}

describe('transfers: the carried history of transfers completed before it was kept (back-fill)', () => {
  let system: TestSystem;
  beforeAll(async () => {
    system = await startSystem();
  });
  afterAll(async () => system?.close());

  const carriedOf = (id: string) =>
    system.orm.em.fork().execute<CarriedRow[]>('select * from transfer_carried_history where citizen_id = ? order by created_at', [id]);
  // What the migration sets off and `npm run backfill:carried-history` runs again.
  const backfill = () => runCarriedHistoryBackfill(system.orm);

  it('writes the row the hand-over would have written for a transfer completed the old way, once and reconciled; the next transfer out moves its Hangzhou years and money on, to the fen (§6.1 multi-hop)', async () => {
    const id = citizenId();
    await e3HistoryInHangzhou(system, id);
    expect((await enrolled(system, id)).status).toBe('insured');
    const ningbo = await system.token({ role: 'caseworker', region: '330212', sub: 'cw-nb-fill' });
    const reviewer = await system.token({ role: 'reviewer', region: '330212', sub: 'rv-nb-fill' });
    const hangzhou = await system.token({ role: 'caseworker', region: '330102', sub: 'cw-hz-fill' });

    // First move, Hangzhou → Ningbo; then the row its hand-over kept is taken away: a transfer completed the old way.
    const first = await system.call('POST', '/v1/transfers', {
      token: ningbo,
      body: { citizenId: id, insurance: 'pension', fromRegion: '330102', toRegion: '330212' },
    });
    expect(first.status).toBe(202);
    const firstCase = first.body.caseId as string;
    await transferIn(system, ningbo, first.body.reference, 'acceptanceLetter');
    await decideLeg(system, reviewer, firstCase, 'acceptanceLetter', 'approve');
    await decideLeg(system, hangzhou, firstCase, 'transferOut', 'approve');
    await decideLeg(system, reviewer, firstCase, 'completion', 'approve');
    const firstDone = await transferIn(system, ningbo, first.body.reference, 'completed');
    const firstIn = Object.fromEntries(firstDone.ledger.filter((l) => l.side === 'in').map((l) => [l.fund, l.amount]));
    expect(firstIn).toEqual(e3AmountsAsOldOffice(system.clock.today()));
    const [kept] = await carriedOf(id);
    expect(kept).toMatchObject({ case_id: firstCase, pooling_area: '330200', months: 114 });
    await system.orm.em.fork().execute('delete from transfer_carried_history where case_id = ?', [firstCase]);

    // The back-fill writes that row again, as the hand-over had, and finds it reconciles with the ledger to the fen.
    const report = await backfill();
    expect(report.skipped).toEqual([]);
    const mine = report.written.filter((w) => w.caseId === firstCase);
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ from: '330100', into: '330200', months: 114, moved: firstIn, carried: firstIn, reconciliation: { balanced: true } });
    const [rebuilt] = await carriedOf(id);
    expect(rebuilt).toEqual(kept);
    const [audit] = await system.orm.em
      .fork()
      .execute<{ detail: { balanced: boolean } }[]>(`select detail from audit_entry where action = 'transfer.carriedBackfilled' and object_id = ?`, [
        firstCase,
      ]);
    expect(audit?.detail.balanced).toBe(true);

    // Idempotent: a second run writes nothing.
    const again = await backfill();
    expect(again.written.filter((w) => w.caseId === firstCase)).toEqual([]);
    expect(await carriedOf(id)).toEqual([kept]);

    // Second move: an outside new office (Nanjing) asks Ningbo through the platform; the Hangzhou years go with it.
    const { expected, ningboOwn } = await secondMoveOutOfNingbo(system, id);
    const agency = new FakeCounterpartAgency(NANJING, 'transferOut');
    const stop = agency.serve(system.exchange, () => system.clock.now().getTime());
    try {
      await agency.deliver(
        system.exchange,
        agency.request({ poolingArea: '330200', region: '330212' }, { citizenId: id, name: '李补记' }, 'pension', system.clock.now().getTime()),
      );
      const secondCase = await system.eventually(async () => {
        const [row] = await system.orm.em
          .fork()
          .execute<{ id: string }[]>(`select id from case_record where case_type = 'transfer' and citizen_id = ? and applicant_id = 'platform'`, [id]);
        return row?.id;
      }, 30_000);
      await decideLeg(system, ningbo, secondCase, 'transferOut', 'approve');
      await system.eventually(async () => {
        const [row] = await system.orm.em.fork().execute<{ status: string }[]>('select status from case_record where id = ?', [secondCase]);
        return row?.status === 'completed' ? true : undefined;
      }, 30_000);

      const sent = agency.received.find((m) => m.type === 'TRANSFER_OUT') as unknown as {
        amounts: { pooledFund: string; personalAccount: string };
        months: number;
        years: { months: number; poolingArea?: string }[];
      };
      expect(sent.amounts).toEqual(expected.amounts);
      expect(sent.months).toBe(expected.months);
      expect(sent.years.filter((y) => y.poolingArea === '330100').reduce((n, y) => n + y.months, 0)).toBe(114);
      // To the fen: what came in from Hangzhou plus Ningbo's own 12 %, booked as the table says.
      expect(expected.amounts.pooledFund).toBe((Number(firstIn.pooledFund) + Number(ningboOwn.amounts.pooledFund)).toFixed(2));
      const out = await system.orm.em
        .fork()
        .execute<{ fund: string; amount: string }[]>(
          `select fund, amount::text as amount from transfer_ledger where case_id = ? and side = 'out' and pooling_area = '330200' order by fund`,
          [secondCase],
        );
      expect(out).toEqual([
        { fund: 'personalAccount', amount: expected.amounts.personalAccount },
        { fund: 'pooledFund', amount: expected.amounts.pooledFund },
      ]);
      // Once: the back-filled row is moved on by the second transfer, and a further back-fill leaves it alone.
      expect((await carriedOf(id)).map((c) => [c.case_id, c.moved_on_by_case])).toEqual([[firstCase, secondCase]]);
      expect((await backfill()).written.filter((w) => w.caseId === firstCase)).toEqual([]);
    } finally {
      await stop();
    }
  });

  it('rebuilds a transfer in from an outside office from its information table: the spans and the balance as a credit, as the hand-over kept them, reconciled to the fen', async () => {
    const id = citizenId();
    expect((await enrolled(system, id)).status).toBe('insured');
    const ningbo = await system.token({ role: 'caseworker', region: '330212', sub: 'cw-nb-fill-2' });
    const agency = new FakeCounterpartAgency(NANJING, 'transferOut');
    const stop = agency.serve(system.exchange, () => system.clock.now().getTime());
    try {
      const started = await system.call('POST', '/v1/transfers', {
        token: ningbo,
        body: { citizenId: id, insurance: 'pension', fromRegion: '320102', toRegion: '330212' },
      });
      expect(started.status).toBe(202);
      const caseId = started.body.caseId as string;
      await transferIn(system, ningbo, started.body.reference, 'acceptanceLetter');
      await decideLeg(system, await system.token({ role: 'caseworker', region: '330212', sub: 'cw-nb-fill-3' }), caseId, 'acceptanceLetter', 'approve');
      await transferIn(system, ningbo, started.body.reference, 'completion');
      await decideLeg(system, await system.token({ role: 'caseworker', region: '330212', sub: 'cw-nb-fill-4' }), caseId, 'completion', 'approve');
      await transferIn(system, ningbo, started.body.reference, 'completed');
    } finally {
      await stop();
    }
    const [kept] = await carriedOf(id);
    expect(kept).toMatchObject({ from_pooling_area: '320100', pooling_area: '330200', months: 114 });
    await system.orm.em.fork().execute('delete from transfer_carried_history where citizen_id = ?', [id]);

    const report = await backfill();
    const [mine] = report.written.filter((w) => w.caseId === kept!.case_id);
    expect(mine).toMatchObject({ from: '320100', into: '330200', months: 114, moved: E3_AMOUNTS, carried: E3_AMOUNTS, reconciliation: { balanced: true } });
    expect(await carriedOf(id)).toEqual([kept]);
    expect((await backfill()).written.filter((w) => w.caseId === kept!.case_id)).toEqual([]);
  });
});
