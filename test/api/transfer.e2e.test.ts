// Inter-region transfer (转移接续, issue 11) through the API on real PostgreSQL and Temporal: Hangzhou → Ningbo end to
// end with the staff of both offices, refusals that write nothing, a refusal by the new office that moves nothing, and
// an outside pooling area answering through the national platform's spool (a fake counterpart agency).
import { randomInt, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTransferActivities } from '../../activities/transfer.activities.js';
import { loadCalendarYears } from '../../db/queries/calendar.query.js';
import { HolidayCalendar } from '../../domain/calendar/holiday-calendar.js';
import { addMonths, monthOf } from '../../domain/calendar/local-date.js';
import { citizenIdCheckChar } from '../../domain/identity/citizen-id.js';
import { DEFAULT_PERSONAL_ACCOUNT_POLICY } from '../../domain/insurance/personal-account.js';
import { type AccountPeriod, transferAmountsOf } from '../../domain/transfer/transfer-amounts.js';
import { fixedClock } from '../../services/business-clock.js';
import { createOverviewSnapshots } from '../../services/reports/overview-snapshot.js';
import { readOverview } from '../../services/reports/read-overview.js';
import { contextOn } from '../support/command-context.js';
import { E3_AMOUNTS, FakeCounterpartAgency } from '../support/fake-counterpart.js';
import { citizenId } from '../support/factories.js';
import { startSystem, type TestSystem } from '../support/system.js';
import { writtenRows } from './review-fixture.js';
import {
  decideLeg,
  E3_SPANS,
  HANGZHOU_EMPLOYER,
  e3AmountsAsOldOffice,
  e3HistoryInHangzhou,
  enrolled,
  pensionRecords,
  transferIn,
  type TransferBody,
  secondMoveOutOfNingbo,
} from './transfer-fixture.js';

const NANJING = { poolingArea: '320100', region: '320102' };

describe('transfers: pension, medical and the outside counterpart (real PostgreSQL, Temporal dev server, worker, HTTP)', () => {
  let system: TestSystem;
  let ningbo: string;
  let hangzhou: string;

  const apply = (token: string, body: Record<string, unknown>) => system.call('POST', '/v1/transfers', { token, body });
  const ledgerRows = async () => Number((await system.orm.em.fork().execute<{ n: string }[]>('select count(*)::text as n from transfer_ledger'))[0]!.n);

  /** Waits until the case (one whose new office is a counterpart: no transfer view to poll) has completed. */
  const completedCase = (caseId: string) =>
    system.eventually(async () => {
      const [row] = await system.orm.em.fork().execute<{ status: string }[]>('select status from case_record where id = ?', [caseId]);
      return row?.status === 'completed' ? true : undefined;
    }, 30_000);

  /** A counterpart new office asks `office` (an old office served here) to transfer the person's pension out: the case it opened. */
  const askedToTransferOut = async (agency: FakeCounterpartAgency, office: { poolingArea: string; region: string }, id: string, name: string) => {
    await agency.deliver(system.exchange, agency.request(office, { citizenId: id, name }, 'pension', system.clock.now().getTime()));
    return system.eventually(
      async () =>
        (
          await system.orm.em
            .fork()
            .execute<{ id: string; reference: string }[]>(
              `select id, reference from case_record where case_type = 'transfer' and citizen_id = ? and applicant_id = 'platform' order by opened_at desc`,
              [id],
            )
        )[0],
      30_000,
    );
  };

  /** A man of 50 from outside the province moving Hangzhou → Ningbo: his transfer opens a temporary account in Ningbo. */
  const temporaryAccountCase = async () => {
    const body = `34010219700101${String(randomInt(50, 499) * 2 + 1).padStart(3, '0')}`;
    const id = body + citizenIdCheckChar(body);
    await e3HistoryInHangzhou(system, id);
    expect((await enrolled(system, id)).status).toBe('insured');
    const started = await apply(ningbo, { citizenId: id, insurance: 'pension', fromRegion: '330102', toRegion: '330212' });
    await transferIn(system, ningbo, started.body.reference, 'acceptanceLetter');
    await decideLeg(system, await system.token({ role: 'reviewer', region: '330212', sub: 'rv-nb-2' }), started.body.caseId, 'acceptanceLetter', 'approve');
    return {
      id,
      ...(started.body as { reference: string; caseId: string }),
      view: await transferIn(system, ningbo, started.body.reference, 'temporaryAccount'),
    };
  };

  beforeAll(async () => {
    system = await startSystem();
    ningbo = await system.token({ role: 'caseworker', region: '330212', sub: 'cw-nb-1' });
    hangzhou = await system.token({ role: 'caseworker', region: '330102', sub: 'cw-hz-1' });
  });
  afterAll(async () => system?.close());

  it('transfers a pension Hangzhou → Ningbo: E3 amounts reconcile to the fen, both offices decide their legs, the old relationship ends as the new one takes over (§6.1, E3)', async () => {
    const id = citizenId();
    await e3HistoryInHangzhou(system, id);
    expect((await enrolled(system, id)).status).toBe('insured');
    const person = await system.token({ role: 'citizen', sub: id });

    const started = await apply(person, { citizenId: id, insurance: 'pension', fromRegion: '330102', toRegion: '330212' });
    expect(started.status).toBe(202);
    expect(started.body.reference).toMatch(/^TR\d{10}$/);
    const again = await apply(person, { citizenId: id, insurance: 'pension', fromRegion: '330102', toRegion: '330212' });
    expect(again.body.reference).toBe(started.body.reference); // a repeat lands on the same case
    const { reference, caseId } = started.body as { reference: string; caseId: string };

    const opened = await transferIn(system, person, reference, 'acceptanceLetter');
    // The pooled fund as E3; the personal account with its credited interest, more than E3's bare contributions.
    const moved = e3AmountsAsOldOffice(system.clock.today());
    expect(opened.amounts).toEqual(moved);
    expect(moved.pooledFund).toBe(E3_AMOUNTS.pooledFund);
    expect(Number(moved.personalAccount)).toBeGreaterThan(Number(E3_AMOUNTS.personalAccount));
    expect(opened.amountWorkings).toEqual(expect.arrayContaining([expect.stringContaining('记账利率')]));
    expect(opened.pensionPaymentPlace).toMatchObject({ rule: 'RELATIONSHIP_IN_HUKOU_PROVINCE' });
    expect(opened.legs.map((l) => [l.name, l.office, l.region, l.status, l.unit])).toEqual([
      ['acceptanceLetter', 'new', '330212', 'open', 'working'],
      ['transferOut', 'old', '330102', 'waiting', 'working'],
      ['completion', 'new', '330212', 'waiting', 'working'],
    ]);
    expect(opened.legs[0]?.daysLeft).toBeGreaterThanOrEqual(14);

    // Both offices' staff see the one case; staff of a third region do not.
    expect((await system.call('GET', `/v1/cases/${caseId}`, { token: hangzhou })).status).toBe(200);
    const elsewhere = await system.token({ role: 'caseworker', region: '330106', sub: 'cw-xh-1' });
    expect((await system.call('GET', `/v1/transfers/${reference}`, { token: elsewhere })).status).toBe(404);
    expect((await system.call('GET', `/v1/transfers/${reference}`, { token: await system.token({ role: 'citizen', sub: citizenId() }) })).status).toBe(404);

    await decideLeg(system, ningbo, caseId, 'acceptanceLetter', 'approve');
    // The old office's task is in the old office's queue, not the new one's.
    await decideLeg(system, hangzhou, caseId, 'transferOut', 'approve');
    await decideLeg(system, ningbo, caseId, 'completion', 'approve');
    const done = await transferIn(system, person, reference, 'completed');

    expect(done.legs.map((l) => l.status)).toEqual(['done', 'done', 'done']);
    expect(done.reconciliation).toMatchObject({ balanced: true });
    expect(done.ledger.map((l) => [l.side, l.fund, l.poolingArea, l.amount])).toEqual([
      ['out', 'pooledFund', '330100', '62136.00'],
      ['out', 'personalAccount', '330100', moved.personalAccount],
      ['in', 'pooledFund', '330200', '62136.00'],
      ['in', 'personalAccount', '330200', moved.personalAccount],
    ]);
    const records = await pensionRecords(system, id);
    expect(records.filter((r) => r.status === 'active').map((r) => r.region)).toEqual(['330212']);
    expect(records.filter((r) => r.region === '330102').every((r) => r.transferred_by_case === caseId)).toBe(true);
    const timeline = ((await system.call('GET', `/v1/cases/${caseId}`, { token: hangzhou })).body as { timeline: { action: string }[] }).timeline.map(
      (t) => t.action,
    );
    expect(timeline.filter((a) => a === 'transfer.leg.opened')).toHaveLength(3);
    // The person was told at each leg (the outbox is delivered by the worker's housekeeping).
    await system.eventually(async () => (system.notices.delivered.some((n) => n.recipientId === id && n.kind === 'transfer_completed') ? true : undefined));
    expect(system.notices.delivered.filter((n) => n.recipientId === id && n.caseId === caseId).map((n) => n.kind)).toEqual([
      'transfer_received',
      'acceptance_letter_sent',
      'transfer_out_sent',
      'funds_received',
      'transfer_completed',
    ]);
  });

  it('refuses with the reason and writes nothing: a pension drawer, one pooling area, not insured in the new area, a second open transfer (§6, issue 11 "Bad input")', async () => {
    const retired = citizenId();
    await e3HistoryInHangzhou(system, retired, 'pension', 'retired');
    expect((await enrolled(system, retired)).status).toBe('insured');
    const notInNingbo = citizenId();
    await e3HistoryInHangzhou(system, notInNingbo);
    const moving = citizenId();
    await e3HistoryInHangzhou(system, moving);
    expect((await enrolled(system, moving)).status).toBe('insured');
    const open = await apply(ningbo, { citizenId: moving, insurance: 'pension', fromRegion: '330102', toRegion: '330212' });
    expect(open.status).toBe(202);
    await transferIn(system, ningbo, open.body.reference, 'acceptanceLetter'); // its workflow has written what it writes

    const before = await writtenRows(system);
    const ledger = await ledgerRows();
    const drawing = await apply(ningbo, { citizenId: retired, insurance: 'pension', fromRegion: '330102', toRegion: '330212' });
    expect(drawing.status).toBe(422);
    expect(drawing.body.code).toBe('DRAWING_PENSION');
    expect(drawing.body.errors).toEqual([{ path: 'citizenId', message: expect.stringMatching(/already draws a basic pension/) }]);

    const sameArea = await apply(ningbo, { citizenId: moving, insurance: 'medical', fromRegion: '330203', toRegion: '330212' });
    expect(sameArea.status).toBe(422);
    expect(sameArea.body.code).toBe('SAME_POOLING_AREA');

    const notInsured = await apply(ningbo, { citizenId: notInNingbo, insurance: 'pension', fromRegion: '330102', toRegion: '330212' });
    expect(notInsured.status).toBe(422);
    expect(notInsured.body.code).toBe('NOT_INSURED_IN_NEW_AREA');

    const second = await apply(ningbo, { citizenId: moving, insurance: 'pension', fromRegion: '320102', toRegion: '330212' });
    expect(second.status).toBe(422);
    expect(second.body.code).toBe('TRANSFER_ALREADY_OPEN');
    expect(second.body.detail).toContain(open.body.reference);

    const unserved = await apply(ningbo, { citizenId: moving, insurance: 'pension', fromRegion: '330102', toRegion: '320102' });
    expect(unserved.status).toBe(400);
    expect(unserved.body.errors[0].path).toBe('toRegion');
    const workInjury = await apply(ningbo, { citizenId: moving, insurance: 'workInjury', fromRegion: '330102', toRegion: '330212' });
    expect(workInjury.status).toBe(400);
    expect(workInjury.body.errors[0].path).toBe('insurance');
    // A citizen files for themself only; an agent of an employer the person does not work for is refused too.
    const otherCitizen = await apply(await system.token({ role: 'citizen', sub: citizenId() }), {
      citizenId: moving,
      insurance: 'medical',
      fromRegion: '330102',
      toRegion: '330212',
    });
    expect(otherCitizen.status).toBe(403);
    const otherAgent = await apply(await system.token({ role: 'employer', employer: '91330203MA2H000570', sub: 'agent-hs' }), {
      citizenId: moving,
      insurance: 'medical',
      fromRegion: '330102',
      toRegion: '330212',
    });
    expect(otherAgent.status).toBe(403);

    expect(await writtenRows(system)).toEqual(before);
    expect(await ledgerRows()).toBe(ledger);
  });

  it('moves nothing when the new office refuses: the person stays insured where they were, nothing is booked (issue 11 point 4)', async () => {
    const id = citizenId();
    await e3HistoryInHangzhou(system, id);
    expect((await enrolled(system, id)).status).toBe('insured');
    const started = await apply(ningbo, { citizenId: id, insurance: 'pension', fromRegion: '330102', toRegion: '330212' });
    const { reference, caseId } = started.body as { reference: string; caseId: string };
    const recordsBefore = await pensionRecords(system, id);
    // Staff who filed it at the counter do not also accept it (four eyes).
    const taskId = await system.eventually(
      async () => (await system.orm.em.fork().execute<{ id: string }[]>(`select id from task where case_id = ? and status = 'open'`, [caseId]))[0]?.id,
    );
    expect((await system.call('POST', `/v1/tasks/${taskId}/claim`, { token: ningbo })).body.code).toBe('FOUR_EYES');
    const other = await system.token({ role: 'caseworker', region: '330212', sub: 'cw-nb-2' });
    await decideLeg(system, other, caseId, 'acceptanceLetter', 'reject', '该人员尚未与本地用人单位建立劳动关系');
    const refused = await transferIn(system, ningbo, reference, 'refused');
    expect(refused.refusal).toEqual({ office: 'new', reason: '该人员尚未与本地用人单位建立劳动关系' });
    expect(refused.ledger).toEqual([]);
    expect(refused.legs.map((l) => l.status)).toEqual(['refused', 'cancelled', 'cancelled']);
    expect(await pensionRecords(system, id)).toEqual(recordsBefore);
  });

  it('reaches an outside pooling area through the platform: the letter goes out, the counterpart’s money arriving twice is booked once (issue 11 point 1)', async () => {
    const id = citizenId();
    expect((await enrolled(system, id)).status).toBe('insured');
    const agency = new FakeCounterpartAgency(NANJING, 'transferOut', undefined, true);
    const stop = agency.serve(system.exchange, () => system.clock.now().getTime());
    try {
      const started = await apply(ningbo, { citizenId: id, insurance: 'pension', fromRegion: '320102', toRegion: '330212' });
      expect(started.status).toBe(202);
      const { reference, caseId } = started.body as { reference: string; caseId: string };
      const opened = await transferIn(system, ningbo, reference, 'acceptanceLetter');
      expect(opened.amounts).toBeNull(); // nothing known until the old office sends its information table
      expect(opened.legs[1]).toMatchObject({ name: 'transferOut', region: '320100', served: false });
      await decideLeg(system, await system.token({ role: 'caseworker', region: '330212', sub: 'cw-nb-3' }), caseId, 'acceptanceLetter', 'approve');
      const received = await transferIn(system, ningbo, reference, 'completion');
      expect(received.amounts).toEqual(E3_AMOUNTS);
      expect(received.reconciliation).toMatchObject({ balanced: true });
      await decideLeg(system, await system.token({ role: 'caseworker', region: '330212', sub: 'cw-nb-4' }), caseId, 'completion', 'approve');
      const done = await transferIn(system, ningbo, reference, 'completed');
      expect(done.ledger.map((l) => [l.side, l.source, l.poolingArea, l.amount])).toEqual([
        ['out', 'platform', '320100', '62136.00'],
        ['in', 'ledger', '330200', '62136.00'],
        ['out', 'platform', '320100', '41424.00'],
        ['in', 'ledger', '330200', '41424.00'],
      ]);
      // The platform delivered the information table twice: one message (by its ID), booked once.
      expect(agency.sent.filter((m) => m.type === 'TRANSFER_OUT')).toHaveLength(2);
      await system.eventually(async () => (agency.received.some((m) => m.type === 'TRANSFER_COMPLETED') ? true : undefined));
      const messages = await system.orm.em
        .fork()
        .execute<{ direction: string; type: string }[]>('select direction, type from exchange_message where case_id = ? order by recorded_at', [caseId]);
      expect(messages.map((m) => `${m.direction}:${m.type}`)).toEqual(['out:TRANSFER_REQUEST', 'in:TRANSFER_OUT', 'out:TRANSFER_COMPLETED']);

      // Ningbo keeps what came in for the next move (multi-hop, §6.1): the information table as spans with their
      // contribution wage, the balance paid as a credit of the take-over year; a transfer out of Ningbo moves them on.
      const takeOverYear = Number(monthOf(system.clock.today()).slice(0, 4));
      const [kept] = await system.orm.em
        .fork()
        .execute<{ from_pooling_area: string; pooling_area: string; months: number; credits: unknown[] }[]>(
          'select from_pooling_area, pooling_area, months, credits from transfer_carried_history where case_id = ?',
          [caseId],
        );
      expect(kept).toEqual({
        from_pooling_area: '320100',
        pooling_area: '330200',
        months: 114,
        credits: [{ year: takeOverYear, amount: '41424.00', from: '320100' }],
      });
      const activities = createTransferActivities({ orm: system.orm, clock: system.clock, notices: system.notices });
      const onward = await activities.loadTransferContext({ citizenId: id, insurance: 'pension', fromPoolingArea: '330200', toPoolingArea: '330100' });
      expect(onward.oldPeriods.filter((p) => p.paidIn === '320100')).toHaveLength(10);
      expect(onward.oldCredits).toEqual([{ year: takeOverYear, amount: '41424.00', from: '320100' }]);
      const own = onward.oldPeriods.filter((p) => p.paidIn === undefined);
      const month = monthOf(system.clock.today());
      const onwardAmounts = transferAmountsOf({
        insurance: 'pension',
        periods: onward.oldPeriods,
        throughMonth: month,
        accountCredits: onward.oldCredits!,
      }).amounts;
      const ownAmounts = transferAmountsOf({ insurance: 'pension', periods: own, throughMonth: month }).amounts;
      expect(onwardAmounts).toEqual({
        pooledFund: (62136 + Number(ownAmounts.pooledFund)).toFixed(2),
        personalAccount: (41424 + Number(ownAmounts.personalAccount)).toFixed(2),
      });
    } finally {
      await stop();
    }
  });

  it('transfers a person out to an outside new office that asks through the platform; the old relationship ends when it confirms (role old)', async () => {
    const id = citizenId();
    await e3HistoryInHangzhou(system, id);
    const agency = new FakeCounterpartAgency(NANJING, 'transferOut');
    const stop = agency.serve(system.exchange, () => system.clock.now().getTime());
    try {
      const { id: caseId } = await askedToTransferOut(agency, { poolingArea: '330100', region: '330102' }, id, '王外迁');
      await decideLeg(system, hangzhou, caseId, 'transferOut', 'approve');
      await completedCase(caseId);
      expect(agency.received.map((m) => m.type)).toEqual(['TRANSFER_OUT']);
      expect(agency.received[0]).toMatchObject({ amounts: e3AmountsAsOldOffice(system.clock.today()), months: 114 });
      const records = await pensionRecords(system, id);
      expect(records.every((r) => r.transferred_by_case === caseId)).toBe(true);
    } finally {
      await stop();
    }
  });

  it('moves a worker who moves twice without losing a year or a fen: Hangzhou → Ningbo, then Ningbo → an outside place moves the Hangzhou years and money on with the Ningbo ones, once, reconciled to the fen (§6.1, issue 11 multi-hop)', async () => {
    const id = citizenId();
    await e3HistoryInHangzhou(system, id);
    expect((await enrolled(system, id)).status).toBe('insured');
    const reviewer = await system.token({ role: 'reviewer', region: '330212', sub: 'rv-nb-hop' });

    // First move: Hangzhou → Ningbo, both offices served here.
    const first = await apply(ningbo, { citizenId: id, insurance: 'pension', fromRegion: '330102', toRegion: '330212' });
    expect(first.status).toBe(202);
    await transferIn(system, ningbo, first.body.reference, 'acceptanceLetter');
    await decideLeg(system, reviewer, first.body.caseId, 'acceptanceLetter', 'approve');
    await decideLeg(system, hangzhou, first.body.caseId, 'transferOut', 'approve');
    await decideLeg(system, reviewer, first.body.caseId, 'completion', 'approve');
    const firstDone = await transferIn(system, ningbo, first.body.reference, 'completed');
    const firstIn = Object.fromEntries(firstDone.ledger.filter((l) => l.side === 'in').map((l) => [l.fund, l.amount]));
    expect(firstIn).toEqual(e3AmountsAsOldOffice(system.clock.today()));

    // Second move: an outside new office (Nanjing) asks Ningbo through the platform.
    const month = monthOf(system.clock.today());
    const { expected, ningboOwn } = await secondMoveOutOfNingbo(system, id);
    const agency = new FakeCounterpartAgency(NANJING, 'transferOut');
    const stop = agency.serve(system.exchange, () => system.clock.now().getTime());
    try {
      const { id: secondId } = await askedToTransferOut(agency, { poolingArea: '330200', region: '330212' }, id, '李两迁');
      await decideLeg(system, ningbo, secondId, 'transferOut', 'approve');
      await completedCase(secondId);

      // What left Ningbo: the Hangzhou years and the Ningbo ones, every year's 12 % and the whole account balance.
      const sent = agency.received.find((m) => m.type === 'TRANSFER_OUT') as unknown as {
        amounts: { pooledFund: string; personalAccount: string };
        months: number;
        years: { year: number; months: number; contributionWage: string; poolingArea?: string }[];
        lastCoveredMonth: string;
      };
      expect(sent.amounts).toEqual(expected.amounts);
      expect(sent.months).toBe(expected.months);
      expect(sent.lastCoveredMonth).toBe(month);
      // The information table lists the years per place they were paid in.
      expect(sent.years.filter((y) => y.poolingArea === '330100').reduce((n, y) => n + y.months, 0)).toBe(114);
      expect(sent.years.find((y) => y.year === 2019 && y.poolingArea === '330100')).toEqual({
        year: 2019,
        months: 6,
        contributionWage: '39000.00',
        poolingArea: '330100',
      });
      expect(sent.years.filter((y) => y.poolingArea === '330200').map((y) => y.year)).toContain(Number(month.slice(0, 4)));

      // Reconciled to the fen: the pooled fund that leaves is what came in from Hangzhou plus Ningbo's own 12 %; the
      // ledger books exactly what the table says.
      expect(expected.amounts.pooledFund).toBe((Number(firstIn.pooledFund) + Number(ningboOwn.amounts.pooledFund)).toFixed(2));
      const out = await system.orm.em
        .fork()
        .execute<{ fund: string; pooling_area: string; amount: string }[]>(
          `select fund, pooling_area, amount::text as amount from transfer_ledger where case_id = ? and side = 'out' order by fund`,
          [secondId],
        );
      expect(out).toEqual([
        { fund: 'personalAccount', pooling_area: '330200', amount: expected.amounts.personalAccount },
        { fund: 'pooledFund', pooling_area: '330200', amount: expected.amounts.pooledFund },
      ]);

      // Moved once: the first transfer's carried months are marked as moved on by the second, every record too, and a
      // further transfer out of Ningbo or Hangzhou has nothing of them left to move.
      const carried = await system.orm.em
        .fork()
        .execute<{ case_id: string; pooling_area: string; months: number; moved_on_by_case: string | null }[]>(
          'select case_id, pooling_area, months, moved_on_by_case from transfer_carried_history where citizen_id = ?',
          [id],
        );
      expect(carried).toEqual([{ case_id: first.body.caseId, pooling_area: '330200', months: 114, moved_on_by_case: secondId }]);
      expect((await pensionRecords(system, id)).every((r) => r.transferred_by_case !== null)).toBe(true);
      const activities = createTransferActivities({ orm: system.orm, clock: system.clock, notices: system.notices });
      for (const fromPoolingArea of ['330200', '330100']) {
        const again = await activities.loadTransferContext({ citizenId: id, insurance: 'pension', fromPoolingArea, toPoolingArea: '320100' });
        expect(again.oldPeriods).toEqual([]);
      }
    } finally {
      await stop();
    }
  });

  it('follows the chain back to the first place: Hangzhou → Ningbo → Hangzhou moves the E3 years on with the Ningbo months, and the first transfer’s months are not counted again (§6.1 multi-hop)', async () => {
    const id = citizenId();
    await e3HistoryInHangzhou(system, id);
    expect((await enrolled(system, id)).status).toBe('insured');
    const reviewer = await system.token({ role: 'reviewer', region: '330212', sub: 'rv-nb-back' });
    const hangzhouReviewer = await system.token({ role: 'reviewer', region: '330102', sub: 'rv-hz-back' });
    const person = await system.token({ role: 'citizen', sub: id });
    const move = async (fromRegion: string, toRegion: string, newOffice: string, oldOffice: string) => {
      const started = await apply(person, { citizenId: id, insurance: 'pension', fromRegion, toRegion });
      expect(started.status, JSON.stringify(started.body)).toBe(202);
      await transferIn(system, newOffice, started.body.reference, 'acceptanceLetter');
      await decideLeg(system, newOffice, started.body.caseId, 'acceptanceLetter', 'approve');
      await decideLeg(system, oldOffice, started.body.caseId, 'transferOut', 'approve');
      await decideLeg(system, newOffice, started.body.caseId, 'completion', 'approve');
      return transferIn(system, newOffice, started.body.reference, 'completed');
    };
    const first = await move('330102', '330212', reviewer, hangzhou);
    // Back in Hangzhou: a new job there (work injury is enough to be insured there), then the pension follows.
    expect((await enrolled(system, id, { employer: HANGZHOU_EMPLOYER, region: '330102', insuranceTypes: ['workInjury'] })).status).toBe('insured');
    const [ningboRecord] = await system.orm.em
      .fork()
      .execute<{ start_month: string; base: string }[]>(
        `select start_month, contribution_base::text as base from insurance_record where citizen_id = ? and insurance_type = 'pension' and region = '330212'`,
        [id],
      );
    const back = await move('330212', '330102', hangzhouReviewer, ningbo);

    // The money that left Ningbo: the E3 years and money that came in, with Ningbo's own months, to the fen.
    const month = monthOf(system.clock.today());
    const e3: AccountPeriod[] = E3_SPANS.map(([startMonth, endMonth, monthlyWage]) => ({ startMonth, endMonth, monthlyWage, employeeRate: '0.08' }));
    const ningboOwn: AccountPeriod = { startMonth: ningboRecord!.start_month, endMonth: null, monthlyWage: ningboRecord!.base, employeeRate: '0.08' };
    const expected = transferAmountsOf({
      insurance: 'pension',
      periods: [...e3, ningboOwn],
      throughMonth: month,
      accountInterest: DEFAULT_PERSONAL_ACCOUNT_POLICY,
    });
    expect(back.amounts).toEqual(expected.amounts);
    expect(back.reconciliation).toMatchObject({ balanced: true });
    expect(back.ledger.filter((l) => l.side === 'out').map((l) => [l.fund, l.poolingArea, l.amount])).toEqual([
      ['pooledFund', '330200', expected.amounts.pooledFund],
      ['personalAccount', '330200', expected.amounts.personalAccount],
    ]);
    const firstIn = first.ledger.find((l) => l.side === 'in' && l.fund === 'pooledFund')!.amount;
    expect(Number(expected.amounts.pooledFund)).toBeGreaterThan(Number(firstIn));

    // Once: the first transfer's months moved on with the second; the second keeps both places' months for Hangzhou.
    const carried = await system.orm.em
      .fork()
      .execute<{ case_id: string; pooling_area: string; periods: AccountPeriod[]; moved_on_by_case: string | null }[]>(
        'select case_id, pooling_area, periods, moved_on_by_case from transfer_carried_history where citizen_id = ? order by created_at',
        [id],
      );
    expect(carried.map((c) => [c.case_id, c.pooling_area, c.moved_on_by_case])).toEqual([
      [first.caseId, '330200', back.caseId],
      [back.caseId, '330100', null],
    ]);
    expect(carried[1]!.periods.filter((p) => p.paidIn === '330100')).toHaveLength(E3_SPANS.length);
    expect(carried[1]!.periods.filter((p) => p.paidIn === '330200').every((p) => p.startMonth >= ningboRecord!.start_month)).toBe(true);
    // A next transfer out of Hangzhou reads its own new record and what the second carried, each month once.
    const activities = createTransferActivities({ orm: system.orm, clock: system.clock, notices: system.notices });
    const next = await activities.loadTransferContext({ citizenId: id, insurance: 'pension', fromPoolingArea: '330100', toPoolingArea: '330200' });
    expect(next.oldPeriods.filter((p) => p.paidIn === '330100')).toHaveLength(E3_SPANS.length);
    expect(next.oldPeriods.filter((p) => p.paidIn === undefined).map((p) => p.startMonth)).toEqual([month]);
    expect(() => transferAmountsOf({ insurance: 'pension', periods: next.oldPeriods, throughMonth: month })).not.toThrow();
  });

  it('puts a counterpart leg past its statutory due date on the supervisor’s overview with the late office, the due date and the working days overdue (§9, docs/transfers.md "Escalation")', async () => {
    const id = citizenId();
    expect((await enrolled(system, id)).status).toBe('insured');
    const agency = new FakeCounterpartAgency(NANJING, 'silent');
    const stop = agency.serve(system.exchange, () => system.clock.now().getTime());
    try {
      const started = await apply(ningbo, { citizenId: id, insurance: 'pension', fromRegion: '320102', toRegion: '330212' });
      const { reference, caseId } = started.body as { reference: string; caseId: string };
      await transferIn(system, ningbo, reference, 'acceptanceLetter');
      await decideLeg(system, await system.token({ role: 'caseworker', region: '330212', sub: 'cw-nb-5' }), caseId, 'acceptanceLetter', 'approve');
      const waiting = await transferIn(system, ningbo, reference, 'transferOut');
      const leg = waiting.legs.find((l) => l.name === 'transferOut')!;
      expect(leg).toMatchObject({ served: false, status: 'open', region: '320100' });
      const supervisor = { id: 'sv-nb-1', role: 'supervisor' as const, region: '330212' };
      // Today the leg is within its clock: the overview answers (schema and all) without it.
      const now = await system.call('GET', '/v1/reports/overview', { token: await system.token({ role: 'supervisor', region: '330212', sub: 'sv-nb-1' }) });
      expect(now.status, JSON.stringify(now.body)).toBe(200);
      expect((now.body as { overdueTransferLegs: { reference: string }[] }).overdueTransferLegs.map((l) => l.reference)).not.toContain(reference);
      // Three working days after the due date, as the supervisor of the waiting office (and of its city) reads it.
      const calendar = new HolidayCalendar(await loadCalendarYears(system.orm.em.fork()));
      const later = fixedClock(`${calendar.addWorkingDays(leg.dueDate!, 3)}T10:00:00+08:00`);
      const overviewOn = (region: string) =>
        readOverview(
          contextOn(system.orm, { ...supervisor, region }, { clock: later }),
          createOverviewSnapshots({ ttlMs: 30_000, clock: () => later.now() }),
          7,
        );
      for (const region of ['330212', '330200']) {
        const row = (await overviewOn(region)).overdueTransferLegs.find((l) => l.reference === reference);
        expect(row).toMatchObject({
          caseId,
          leg: 'transferOut',
          office: 'old',
          counterpart: '320100',
          waitingRegion: '330212',
          dueDate: leg.dueDate,
          daysOverdue: 3,
        });
      }
      expect((await overviewOn('330102')).overdueTransferLegs.map((l) => l.reference)).not.toContain(reference);
    } finally {
      await stop();
    }
  });

  it('sets aside a platform document that is not in the format, with the reason, and changes nothing', async () => {
    const before = await writtenRows(system);
    const name = `zz-${randomUUID()}.json`;
    const { mkdir, writeFile, readFile } = await import('node:fs/promises');
    await mkdir(system.exchange.inbox, { recursive: true });
    await writeFile(`${system.exchange.inbox}/${name}`, JSON.stringify({ format: 'cn-si-transfer/1', type: 'TRANSFER_OUT', messageId: 'not-a-uuid' }));
    const reason = await system.eventually(async () => readFile(`${system.exchange.inbox}/rejected/${name}.reason.txt`, 'utf8').catch(() => undefined));
    expect(reason).toMatch(/messageId/);
    expect(await writtenRows(system)).toEqual(before);
  });

  it('opens a temporary contribution account instead for a man of 50 whose hukou is outside the province (国办发〔2009〕66号 art. 5)', async () => {
    const body = `34010219700101${String(randomInt(50, 499) * 2 + 1).padStart(3, '0')}`;
    const id = body + citizenIdCheckChar(body);
    await e3HistoryInHangzhou(system, id);
    expect((await enrolled(system, id)).status).toBe('insured');
    const started = await apply(ningbo, { citizenId: id, insurance: 'pension', fromRegion: '330102', toRegion: '330212' });
    const view = await transferIn(system, ningbo, started.body.reference, 'acceptanceLetter');
    expect(view.temporaryAccount).toMatchObject({ temporaryAccount: true, rule: 'TEMPORARY_ACCOUNT' });
    await decideLeg(system, await system.token({ role: 'reviewer', region: '330212', sub: 'rv-nb-1' }), started.body.caseId, 'acceptanceLetter', 'approve');
    const done = await transferIn(system, ningbo, started.body.reference, 'temporaryAccount');
    expect(done.ledger).toEqual([]);
    const accounts = await system.orm.em
      .fork()
      .execute<{ kept_in_pooling_area: string }[]>('select kept_in_pooling_area from temporary_pension_account where citizen_id = ?', [id]);
    expect(accounts).toEqual([{ kept_in_pooling_area: '330100' }]);
  });

  it('shows the temporary account with its months and amounts, collects it once into the relationship’s place on a caseworker’s command, and a next transfer collects another (§6.1 归集, 国办发〔2009〕66号 art. 5)', async () => {
    type Account = {
      months: number;
      throughMonth: string;
      amounts: { pooledFund: string; personalAccount: string };
      collection: Record<string, unknown> | null;
    };

    // The account as the transfer shows it: the Ningbo contributions through this month, what collecting would move.
    const first = await temporaryAccountCase();
    const [record] = await system.orm.em
      .fork()
      .execute<{ start_month: string; base: string }[]>(
        `select start_month, contribution_base::text as base from insurance_record where citizen_id = ? and insurance_type = 'pension' and region = '330212'`,
        [first.id],
      );
    const month = monthOf(system.clock.today());
    const expected = transferAmountsOf({
      insurance: 'pension',
      periods: [{ startMonth: record!.start_month, endMonth: null, monthlyWage: record!.base, employeeRate: '0.08' }],
      throughMonth: month,
      accountInterest: DEFAULT_PERSONAL_ACCOUNT_POLICY,
    });
    const shown = first.view.temporaryPensionAccount as Account & { poolingArea: string; keptInPoolingArea: string };
    expect(shown).toMatchObject({
      poolingArea: '330200',
      keptInPoolingArea: '330100',
      months: expected.months,
      throughMonth: month,
      amounts: expected.amounts,
      collection: null,
    });

    // Only staff of the region keeping it collect it: the person and the old office are refused, nothing booked.
    const collect = (token: string, reference = first.reference) => system.call('POST', `/v1/transfers/${reference}/temporary-account/collection`, { token });
    const citizen = await system.token({ role: 'citizen', sub: first.id });
    expect((await collect(citizen)).status).toBe(403);
    expect((await collect(hangzhou)).status).toBe(403);
    const before = await ledgerRows();
    // Two clicks at once: the account row is locked, so one collection books and the other answers the same.
    const [collected, twin] = await Promise.all([collect(ningbo), collect(ningbo)]);
    expect(collected.status, JSON.stringify(collected.body)).toBe(200);
    expect(twin.body).toEqual(collected.body);
    expect(collected.body).toMatchObject({
      amounts: expected.amounts,
      collection: { collectedInto: '330100', trigger: 'caseworker', reconciliation: { balanced: true } },
    });
    // A repeat (a retry, a second click) answers the same and books nothing more.
    const again = await collect(ningbo);
    expect(again.status).toBe(200);
    expect(again.body).toEqual(collected.body);
    expect(await ledgerRows()).toBe(before + 4);
    const done = (await system.call('GET', `/v1/transfers/${first.reference}`, { token: citizen })).body as TransferBody;
    expect(done.ledger.map((l) => [l.side, l.fund, l.poolingArea, l.amount, l.source])).toEqual([
      ['out', 'pooledFund', '330200', expected.amounts.pooledFund, 'collect'],
      ['in', 'pooledFund', '330100', expected.amounts.pooledFund, 'collect'],
      ['out', 'personalAccount', '330200', expected.amounts.personalAccount, 'collect'],
      ['in', 'personalAccount', '330100', expected.amounts.personalAccount, 'collect'],
    ]);
    expect((done.timeline as { action: string }[]).map((t) => t.action)).toContain('transfer.account.collected');
    // The person is told once, however often the collection was asked for (notice outbox → official letter).
    const notices = await system.orm.em
      .fork()
      .execute<{ recipient_id: string; payload: Record<string, unknown> }[]>(
        `select recipient_id, payload from notice_outbox where case_id = ? and kind = 'temporary_account_collected'`,
        [first.caseId],
      );
    expect(notices).toEqual([
      {
        recipient_id: first.id,
        payload: expect.objectContaining({ reference: first.reference, from: '330200', into: '330100', months: expected.months, ...expected.amounts }),
      },
    ]);

    // A later transfer out of Ningbo leaves the collected months out: only the months after the collection would move
    // (§6.1: no month's money leaves a fund twice).
    const activities = createTransferActivities({ orm: system.orm, clock: system.clock, notices: system.notices });
    const later = await activities.loadTransferContext({ citizenId: first.id, insurance: 'pension', fromPoolingArea: '330200', toPoolingArea: '330100' });
    const after = addMonths(`${month}-01`, 1).slice(0, 7);
    expect(later.oldPeriods).toEqual([{ startMonth: after, endMonth: null, monthlyWage: record!.base, employeeRate: '0.08' }]);

    expect((await collect(ningbo, 'TR1999999999')).status).toBe(404);

    // Moving on: the same person's next pension transfer, approved this time, collects the open account first.
    const second = await temporaryAccountCase();
    const next = await apply(ningbo, { citizenId: second.id, insurance: 'pension', fromRegion: '330102', toRegion: '330212', approvedTransfer: true });
    expect(next.status).toBe(202);
    const view = (await system.call('GET', `/v1/transfers/${second.reference}`, { token: ningbo })).body as TransferBody;
    expect(view.temporaryPensionAccount).toMatchObject({
      collection: { trigger: 'nextTransfer', byCase: next.body.caseId, collectedInto: '330100', reconciliation: { balanced: true } },
    });
    // The new transfer opened no temporary account (an approved move): nothing to collect there (409).
    expect((await collect(ningbo, next.body.reference)).status).toBe(409);
    // It moves the relationship on out of Hangzhou with what was collected into Hangzhou: Hangzhou's own E3 months and
    // the Ningbo months as the collection counted them, the personal part credited to this year (§6.1, art. 5).
    const [secondRecord] = await system.orm.em
      .fork()
      .execute<{ start_month: string; base: string }[]>(
        `select start_month, contribution_base::text as base from insurance_record where citizen_id = ? and insurance_type = 'pension' and region = '330212'`,
        [second.id],
      );
    const movedOn = transferAmountsOf({
      insurance: 'pension',
      periods: [
        ...E3_SPANS.map(([startMonth, endMonth, monthlyWage]) => ({ startMonth, endMonth, monthlyWage, employeeRate: '0.08' })),
        { startMonth: secondRecord!.start_month, endMonth: month, monthlyWage: secondRecord!.base, employeeRate: '0.08' },
      ],
      throughMonth: month,
      accountInterest: DEFAULT_PERSONAL_ACCOUNT_POLICY,
    });
    const nextView = await transferIn(system, ningbo, next.body.reference, 'acceptanceLetter');
    expect(nextView.amounts).toEqual(movedOn.amounts);
    expect(Number(nextView.amounts!.pooledFund)).toBeGreaterThan(Number(e3AmountsAsOldOffice(system.clock.today()).pooledFund));
    // Carried through: Hangzhou pays it all out once, Ningbo books it in, the pair reconciles to the fen, and the account
    // is marked as moved on by this transfer, so a later one out of Hangzhou does not move those months again.
    const reviewer = await system.token({ role: 'reviewer', region: '330212', sub: 'rv-nb-3' });
    await decideLeg(system, reviewer, next.body.caseId, 'acceptanceLetter', 'approve');
    await decideLeg(system, hangzhou, next.body.caseId, 'transferOut', 'approve');
    await decideLeg(system, reviewer, next.body.caseId, 'completion', 'approve');
    const nextDone = await transferIn(system, ningbo, next.body.reference, 'completed');
    expect(nextDone.reconciliation).toMatchObject({ balanced: true });
    expect(nextDone.ledger.filter((l) => l.side === 'out').map((l) => [l.fund, l.poolingArea, l.amount])).toEqual([
      ['pooledFund', '330100', movedOn.amounts.pooledFund],
      ['personalAccount', '330100', movedOn.amounts.personalAccount],
    ]);
    const [marked] = await system.orm.em
      .fork()
      .execute<{ moved_on_by_case: string | null }[]>('select moved_on_by_case from temporary_pension_account where opened_by_case = ?', [second.caseId]);
    expect(marked).toEqual({ moved_on_by_case: next.body.caseId });
    const fromHangzhouAgain = await activities.loadTransferContext({
      citizenId: second.id,
      insurance: 'pension',
      fromPoolingArea: '330100',
      toPoolingArea: '330200',
    });
    expect(fromHangzhouAgain.oldPeriods).toEqual([]);
  });

  it('does not let a collection slip past a transfer that did not count it: refused while the person’s pension transfer is open, and a transfer reading the accounts waits for a collection in flight (§6.1 归集, the hand-over marks only what it moved)', async () => {
    // Refused: the counterpart asks Ningbo, where the account is, to transfer the person out. That transfer moves the
    // Ningbo months itself; while it is open the account is not collected into Hangzhou behind its back (twice moved).
    const open = await temporaryAccountCase();
    const agency = new FakeCounterpartAgency(NANJING, 'transferOut');
    const stop = agency.serve(system.exchange, () => system.clock.now().getTime());
    try {
      const { reference: outCase } = await askedToTransferOut(agency, { poolingArea: '330200', region: '330212' }, open.id, '赵临时');
      const before = await ledgerRows();
      const refused = await system.call('POST', `/v1/transfers/${open.reference}/temporary-account/collection`, { token: ningbo });
      expect(refused.status, JSON.stringify(refused.body)).toBe(409);
      expect(refused.body).toMatchObject({ code: 'NOT_ALLOWED_NOW' });
      expect(refused.body.detail).toContain(outCase);
      expect(await ledgerRows()).toBe(before);
    } finally {
      await stop();
    }

    // In flight: a collection holds the account row; a transfer out of the kept place reading the accounts meanwhile
    // waits for it and counts what it collected (so its hand-over marks exactly what it moved).
    const racing = await temporaryAccountCase();
    const month = monthOf(system.clock.today());
    const [span] = await system.orm.em
      .fork()
      .execute<{ start_month: string; base: string }[]>(
        `select start_month, contribution_base::text as base from insurance_record where citizen_id = ? and insurance_type = 'pension' and region = '330212'`,
        [racing.id],
      );
    const collectedSpan = { startMonth: span!.start_month, endMonth: month, monthlyWage: span!.base, employeeRate: '0.08' };
    const activities = createTransferActivities({ orm: system.orm, clock: system.clock, notices: system.notices });
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let locked!: () => void;
    const isLocked = new Promise<void>((resolve) => (locked = resolve));
    const collection = system.orm.em.fork().transactional(async (tx) => {
      await tx.execute('select id from temporary_pension_account where opened_by_case = ? for update', [racing.caseId]);
      await tx.execute(
        `update temporary_pension_account set collected_on = ?, collected_into = '330100', collected_through_month = ?, collected_months = 1,
           collection_trigger = 'caseworker', collected_by = 'cw-nb-1', collected_periods = ? where opened_by_case = ?`,
        [system.clock.today(), month, JSON.stringify([collectedSpan]), racing.caseId],
      );
      locked();
      await held;
    });
    await isLocked;
    let read = false;
    const reading = activities
      .loadTransferContext({ citizenId: racing.id, insurance: 'pension', fromPoolingArea: '330100', toPoolingArea: '320100' })
      .then((facts) => ((read = true), facts));
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(read).toBe(false); // waiting on the collection's lock
    release();
    await collection;
    const facts = await reading;
    expect(facts.oldPeriods).toEqual(expect.arrayContaining([{ ...collectedSpan, paidIn: '330200' }]));
    expect(facts.oldPeriods).toHaveLength(E3_SPANS.length + 1);
  });

  it('collects the account first when a counterpart asks the kept place to transfer the person out, and that transfer moves it on, once (§6.1 归集 on the next move, through the platform)', async () => {
    const moving = await temporaryAccountCase();
    const month = monthOf(system.clock.today());
    const [span] = await system.orm.em
      .fork()
      .execute<{ start_month: string; base: string }[]>(
        `select start_month, contribution_base::text as base from insurance_record where citizen_id = ? and insurance_type = 'pension' and region = '330212'`,
        [moving.id],
      );
    const agency = new FakeCounterpartAgency(NANJING, 'transferOut');
    const stop = agency.serve(system.exchange, () => system.clock.now().getTime());
    try {
      const out = await askedToTransferOut(agency, { poolingArea: '330100', region: '330102' }, moving.id, '钱归集');
      const view = (await system.call('GET', `/v1/transfers/${moving.reference}`, { token: ningbo })).body as TransferBody;
      expect(view.temporaryPensionAccount).toMatchObject({
        collection: { trigger: 'nextTransfer', byCase: out.id, collectedInto: '330100', reconciliation: { balanced: true } },
      });
      await decideLeg(system, hangzhou, out.id, 'transferOut', 'approve');
      await completedCase(out.id);
      // What left Hangzhou: the E3 months and the Ningbo months the collection counted, with the interest up to this year.
      const expected = transferAmountsOf({
        insurance: 'pension',
        periods: [
          ...E3_SPANS.map(([startMonth, endMonth, monthlyWage]) => ({ startMonth, endMonth, monthlyWage, employeeRate: '0.08' })),
          { startMonth: span!.start_month, endMonth: month, monthlyWage: span!.base, employeeRate: '0.08' },
        ],
        throughMonth: month,
        accountInterest: DEFAULT_PERSONAL_ACCOUNT_POLICY,
      });
      expect(agency.received.find((m) => m.type === 'TRANSFER_OUT')).toMatchObject({ amounts: expected.amounts, months: expected.months });
      const [account] = await system.orm.em
        .fork()
        .execute<{ moved_on_by_case: string | null }[]>('select moved_on_by_case from temporary_pension_account where opened_by_case = ?', [moving.caseId]);
      expect(account).toEqual({ moved_on_by_case: out.id });
    } finally {
      await stop();
    }
  });

  it('calculates the pooled fund with workings (POST /v1/calculations/transfer, E3) and refuses a year listed twice naming it', async () => {
    const history = [
      ...[3000, 3300, 3600, 4000, 4400, 4800, 5200, 5600, 6000].map((wage, i) => ({ year: 2010 + i, monthlyWage: `${wage}.00`, months: 12 })),
      { year: 2019, monthlyWage: '6500.00', months: 6 },
    ];
    const answer = await system.call('POST', '/v1/calculations/transfer', { token: ningbo, body: { history } });
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ totalContributionWage: '517800.00', pooledFund: '62136.00' });
    expect(answer.body.workings.length).toBeGreaterThan(10);
    const twice = await system.call('POST', '/v1/calculations/transfer', { token: ningbo, body: { history: [...history, history[0]] } });
    expect(twice.status).toBe(422);
    expect(twice.body.errors[0].path).toBe('history[10].year');
    const asNumber = await system.call('POST', '/v1/calculations/transfer', {
      token: ningbo,
      body: { history: [{ year: 2010, monthlyWage: 3000, months: 12 }] },
    });
    expect(asNumber.status).toBe(400);
  });

  it('shows the leg clocks of a transfer to the person in working days (§9) and the transfer type on the case list', async () => {
    const body = (await system.call('GET', '/v1/cases?type=transfer', { token: ningbo })).body as { items: { type: string }[] };
    expect(body.items.length).toBeGreaterThan(0);
    expect(body.items.every((c) => c.type === 'transfer')).toBe(true);
    const first = body.items[0] as unknown as { reference: string };
    const view = (await system.call('GET', `/v1/transfers/${first.reference}`, { token: ningbo })).body as TransferBody;
    expect(view.legs.every((l) => l.unit === 'working')).toBe(true);
  });
});
