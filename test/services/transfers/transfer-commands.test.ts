// The transfer commands and writes called directly against real PostgreSQL: the door refuses every reason at once and
// writes nothing; the hand-over of the relationship keeps one active pension relationship at every moment (never two,
// never none); the transfer ledger books once and is append-only; the platform inbox records a message once.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DomainError } from '../../../domain/errors.js';
import { monthOf } from '../../../domain/calendar/local-date.js';
import { bookTransferLedger, handOverRelationship } from '../../../db/writers/transfers.js';
import { receivePlatformMessages } from '../../../services/transfers/receive-platform-messages.js';
import { startTransfer } from '../../../services/transfers/start-transfer.js';
import { readTransfer } from '../../../services/transfers/read-transfer.js';
import { FakeCounterpartAgency } from '../../support/fake-counterpart.js';
import { citizenId } from '../../support/factories.js';
import { contextFor, startSystem, type TestSystem } from '../../support/system.js';
import { writtenRows } from '../../api/review-fixture.js';
import { e3HistoryInHangzhou, enrolled, HANGZHOU_EMPLOYER, NINGBO_EMPLOYER, pensionRecords } from '../../api/transfer-fixture.js';

async function refusal(promise: Promise<unknown>): Promise<DomainError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof DomainError)) throw new Error(`expected a DomainError, got ${String(error)}`);
  return error;
}

describe('transfer commands (services/transfers, real PostgreSQL)', () => {
  let system: TestSystem;
  const ningboStaff = { id: 'cw-nb-svc', role: 'caseworker' as const, region: '330212' };

  beforeAll(async () => {
    system = await startSystem();
  });
  afterAll(async () => system?.close());

  /** An active record as an enrollment opens it. */
  const activeRecord = (id: string, insurance: string, region: string, employer: string | null, startMonth: string) =>
    system.orm.em.fork().execute(
      `insert into insurance_record (id, citizen_id, insurance_type, region, employer_credit_code, personnel_category, start_month, status, contribution_base, opened_by_case, created_at)
       values (?, ?, ?, ?, ?, ?, ?, 'active', '8000.00', ?, now())`,
      [randomUUID(), id, insurance, region, employer, employer ? 'employee' : 'flexible', startMonth, `svc-${randomUUID()}`],
    );

  it('refuses every reason at once, each naming its field, and writes nothing (§6, transfer-eligibility)', async () => {
    const id = citizenId();
    await e3HistoryInHangzhou(system, id, 'pension', 'retired'); // drawing a pension, and nothing in Ningbo
    const before = await writtenRows(system);
    const error = await refusal(
      startTransfer(contextFor(system, ningboStaff), { citizenId: id, insurance: 'pension', fromRegion: '330102', toRegion: '330212' }),
    );
    expect(error.code).toBe('DRAWING_PENSION');
    expect(error.issues?.map((i) => i.path)).toEqual(['citizenId', 'toRegion']);
    expect(error.message).toMatch(/not yet insured and paying in 330200/);
    expect(await writtenRows(system)).toEqual(before);
  });

  it('refuses a served old area with nothing on record to move (NOT_INSURED_IN_OLD_AREA)', async () => {
    const id = citizenId();
    expect((await enrolled(system, id)).status).toBe('insured');
    const error = await refusal(
      startTransfer(contextFor(system, ningboStaff), { citizenId: id, insurance: 'pension', fromRegion: '330102', toRegion: '330212' }),
    );
    expect(error).toMatchObject({ code: 'NOT_INSURED_IN_OLD_AREA', path: 'fromRegion' });
  });

  it('ends the old relationship exactly when the new one takes over: one transaction, never two active pensions, never none (§2, issue 11 point 4)', async () => {
    // Still paying in Hangzhou as a flexible worker; the Ningbo employer enrolled the other insurances.
    const id = citizenId();
    await activeRecord(id, 'pension', '330102', null, '2025-01');
    await activeRecord(id, 'workInjury', '330212', NINGBO_EMPLOYER, '2026-01');
    // The database itself refuses a second active pension relationship (the partial unique index).
    await expect(activeRecord(id, 'pension', '330212', NINGBO_EMPLOYER, '2026-01')).rejects.toThrow(/insurance_record_one_active_pension/);
    const caseId = `transfer-svc-${randomUUID()}`;
    const takeOverMonth = monthOf(system.clock.today());
    const handOver = () =>
      handOverRelationship(system.orm.em.fork(), {
        caseId,
        citizenId: id,
        insurance: 'pension',
        endIn: '330100',
        takeOverIn: { poolingArea: '330200', region: '330212' },
        takeOverMonth,
        decidedBy: 'cw-nb-svc',
        at: system.clock.now(),
      });
    expect(await handOver()).toMatchObject({ movedRecords: 1, endedRecords: 1, newRecord: { startMonth: takeOverMonth, opened: true } });
    const after = await pensionRecords(system, id);
    expect(after.map((r) => [r.region, r.status, r.end_reason])).toEqual([
      ['330102', 'terminated', 'transferredOut'],
      ['330212', 'active', null],
    ]);
    expect(after[1]?.opened_by_case).toBe(caseId);
    const [job] = await system.orm.em
      .fork()
      .execute<{ employer_credit_code: string }[]>(
        `select employer_credit_code from insurance_record where citizen_id = ? and insurance_type = 'pension' and status = 'active'`,
        [id],
      );
    expect(job?.employer_credit_code).toBe(NINGBO_EMPLOYER);
    // A retried activity changes nothing.
    expect(await handOver()).toMatchObject({ movedRecords: 0, endedRecords: 0, newRecord: { opened: false } });
    expect(await pensionRecords(system, id)).toEqual(after);
  });

  it('books each side and fund of a transfer once, and refuses to change or delete a booked line (append-only ledger, docs/architecture.md "Data")', async () => {
    const caseId = `transfer-svc-${randomUUID()}`;
    const line = {
      caseId,
      reference: 'TR2026999999',
      insurance: 'pension' as const,
      side: 'out' as const,
      fund: 'pooledFund' as const,
      poolingArea: '330100',
      amount: '62136.00',
      source: 'ledger' as const,
      messageId: null,
    };
    const em = system.orm.em.fork();
    expect(await bookTransferLedger(em, [line], system.clock.now())).toBe(1);
    expect(await bookTransferLedger(em, [{ ...line, amount: '99999.99' }], system.clock.now())).toBe(0);
    const rows = await em.execute<{ amount: string }[]>('select amount::text as amount from transfer_ledger where case_id = ?', [caseId]);
    expect(rows).toEqual([{ amount: '62136.00' }]);
    await expect(em.execute('update transfer_ledger set amount = 0 where case_id = ?', [caseId])).rejects.toThrow(/append-only/);
    await expect(em.execute('delete from transfer_ledger where case_id = ?', [caseId])).rejects.toThrow(/append-only/);
  });

  it('records a platform message once however often it is delivered, and sets aside one for no known transfer', async () => {
    const agency = new FakeCounterpartAgency({ poolingArea: '320100', region: '320102' });
    const stray = agency.answer(
      {
        format: 'cn-si-transfer/1',
        type: 'TRANSFER_REQUEST',
        messageId: randomUUID(),
        sentAt: '2026-01-05T09:00:00+08:00',
        transferId: 'TR2026000000',
        insurance: 'pension',
        person: { citizenId: citizenId(), name: null },
        from: { poolingArea: '330200', region: '330212', reference: 'TR2026000000' },
        to: { poolingArea: '320100', region: '320102', reference: null },
        appliedOn: '2026-01-05',
        acceptedOn: '2026-01-05',
        attempt: 1,
      },
      system.clock.now().getTime(),
    )[0]!;
    const ctx = { em: system.orm.em.fork(), clock: system.clock, workflows: system.cases, exchange: system.exchange };
    await agency.deliver(system.exchange, stray);
    await agency.deliver(system.exchange, stray);
    // The worker's housekeeping reads the same inbox; whichever run takes a document, it is recorded once.
    await receivePlatformMessages(ctx);
    await system.eventually(async () => {
      const [row] = await system.orm.em
        .fork()
        .execute<{ n: string; handled: string }[]>(
          'select count(*)::text as n, count(handled_at)::text as handled from exchange_message where message_id = ?',
          [stray.messageId],
        );
      return row?.n === '1' && row.handled === '1' ? true : undefined;
    });
    const [row] = await system.orm.em
      .fork()
      .execute<{ case_id: string | null }[]>('select case_id from exchange_message where message_id = ?', [stray.messageId]);
    expect(row?.case_id).toBeNull();
  });

  it('reads a transfer to both offices and the person, and to nobody else (the same 404 as an unknown one)', async () => {
    const id = citizenId();
    await e3HistoryInHangzhou(system, id);
    expect((await enrolled(system, id)).status).toBe('insured');
    const row = await startTransfer(contextFor(system, { id, role: 'citizen' }), {
      citizenId: id,
      insurance: 'pension',
      fromRegion: '330102',
      toRegion: '330212',
    });
    expect(row.sharedWithRegions).toEqual(['330102']);
    const read = (actor: Parameters<typeof contextFor>[1]) => readTransfer(contextFor(system, actor), row.reference);
    expect((await read({ id, role: 'citizen' })).citizenId).toBe(id);
    expect((await read({ id: 'cw-hz-svc', role: 'caseworker', region: '330102' })).reference).toBe(row.reference);
    expect((await read({ id: 'agent-nb', role: 'employer', employer: NINGBO_EMPLOYER })).citizenId).toMatch(/\*{8}/);
    expect((await refusal(read({ id: 'agent-hz', role: 'employer', employer: HANGZHOU_EMPLOYER }))).code).toBe('CASE_NOT_FOUND');
    expect((await refusal(read({ id: 'cw-xh-svc', role: 'caseworker', region: '330106' }))).code).toBe('CASE_NOT_FOUND');
  });
});
