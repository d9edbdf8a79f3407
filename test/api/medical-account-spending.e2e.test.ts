// 个人账户支付 (issue 13 follow-up; rules §5.6) through real HTTP on real PostgreSQL: the personal medical account — credited
// by the 医疗帐户补助金 — pays an outpatient or pharmacy amount. Once per Idempotency-Key, audited, an append-only
// ledger line; the balance in the person's record goes down; a balance short of the amount is refused with
// INSUFFICIENT_BALANCE naming `amount`; bad input and other people's accounts are refused and change nothing.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, monthOf } from '../../domain/calendar/local-date.js';
import { maskCitizenId } from '../../domain/identity/masking.js';
import { citizenId } from '../support/factories.js';
import { startSystem, type TestSystem } from '../support/system.js';
import { insertEmployer, insertEmployment, insertPerson } from './benefit-fixture.js';

const REGION = '330102';

describe('medical account spendings: the personal medical account pays, once per key, never below zero (real services, HTTP)', () => {
  let system: TestSystem;
  let person: { citizenId: string; name: string };
  let other: { citizenId: string; name: string };
  let own: string;
  let otherCitizen: string;
  let caseworker: string;
  let farCaseworker: string;
  let employer: string;
  let auditor: string;

  const pay = (token: string, body: Record<string, unknown>, key: string | null = randomUUID()) =>
    system.call('POST', '/v1/medical-account-spendings', { token, body, headers: key === null ? {} : { 'idempotency-key': key } });
  const spending = (overrides: Record<string, unknown> = {}) => ({
    citizenId: person.citizenId,
    kind: 'outpatient',
    amount: '35.50',
    receiptNo: `MZ${randomUUID().slice(0, 12)}`,
    ...overrides,
  });
  const record = async () => (await system.call('GET', `/v1/persons/${person.citizenId}/record`, { token: own })).body.medicalAccount;
  const linesOf = async (who: string) =>
    Number((await system.orm.em.fork().execute<{ n: string }[]>('select count(*) as n from medical_account_ledger where citizen_id = ?', [who]))[0]?.n);

  beforeAll(async () => {
    system = await startSystem();
    const employerCode = await insertEmployer(system.orm);
    person = { citizenId: citizenId({ birthDate: '1956-04-02' }), name: '郑志明' };
    other = { citizenId: citizenId({ birthDate: '1957-09-09' }), name: '冯丽华' };
    const month = monthOf(system.clock.today());
    for (const p of [person, other]) {
      await insertPerson(system.orm, { ...p, sex: 'male', birthDate: p === person ? '1956-04-02' : '1957-09-09' });
      await insertEmployment(system.orm, { ...p, employer: employerCode, fromMonth: month, lastMonth: month, base: '6000.00', insurances: ['medical'] });
      // A 医疗帐户补助金 credit of 70.00, as an approved declaration books it (test/api/account-subsidy.e2e.test.ts).
      await system.orm.em.fork().execute(
        `insert into medical_account_ledger (citizen_id, region, source, rule_id, period, amount, case_id, reference, decided_by, dedupe_key, booked_at)
         values (?, ?, 'subsidy', 'retiree-account-credit', ?, '70.00', ?, 'BZ2026000001', 'rv-1', ?, now())`,
        [p.citizenId, REGION, month, `fixture-${randomUUID()}`, `subsidy:retiree-account-credit:${month}:${p.citizenId}`],
      );
    }
    own = await system.token({ role: 'citizen', sub: person.citizenId });
    otherCitizen = await system.token({ role: 'citizen', sub: other.citizenId });
    caseworker = await system.token({ role: 'caseworker', region: REGION, sub: 'cw-ms-1' });
    farCaseworker = await system.token({ role: 'caseworker', region: '330106', sub: 'cw-ms-2' });
    employer = await system.token({ role: 'employer', employer: employerCode, sub: 'agent-ms-1' });
    auditor = await system.token({ role: 'auditor', region: REGION, sub: 'au-ms-1' });
  });
  afterAll(async () => system?.close());

  it('pays from the person’s own account once per key, audited; the balance in the record goes down (rules §5.6)', async () => {
    expect(await record()).toMatchObject({ credited: '70.00', spent: '0.00', balance: '70.00', spendings: [] });
    const key = randomUUID();
    const body = spending();
    const paid = await pay(own, body, key);
    expect(paid.status, JSON.stringify(paid.body)).toBe(201);
    expect(paid.body).toMatchObject({
      citizenId: person.citizenId,
      region: REGION,
      kind: 'outpatient',
      amount: '35.50',
      receiptNo: body.receiptNo,
      period: monthOf(system.clock.today()),
      balanceAfter: '34.50',
    });
    // The same key again is the same payment (the amount written as 35.5 too): 200, nothing booked twice.
    const again = await pay(own, { ...body, amount: '35.5' }, key);
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ id: paid.body.id, spendingId: paid.body.spendingId, balanceAfter: '34.50' });
    const reused = await pay(own, { ...body, amount: '1.00' }, key);
    expect(reused.status).toBe(422);
    expect(reused.body.code).toBe('IDEMPOTENCY_KEY_REUSED');

    expect(await record()).toMatchObject({
      credited: '70.00',
      spent: '35.50',
      balance: '34.50',
      spendings: [{ kind: 'outpatient', amount: '35.50', reference: body.receiptNo, period: monthOf(system.clock.today()) }],
    });
    const em = system.orm.em.fork();
    const [line] = await em.execute<{ amount: string; source: string }[]>('select amount::text as amount, source from medical_account_ledger where id = ?', [
      paid.body.id,
    ]);
    expect(line).toEqual({ amount: '-35.50', source: 'spending' });
    const audits = await em.execute<{ actor_id: string; detail: Record<string, unknown> }[]>(
      `select actor_id, detail from audit_entry where action = 'medicalAccount.spent' and object_id = ?`,
      [paid.body.spendingId],
    );
    expect(audits).toEqual([{ actor_id: person.citizenId, detail: expect.objectContaining({ amount: '35.50', balanceAfter: '34.50' }) }]);
    expect(JSON.stringify(audits[0]!.detail)).not.toContain(person.citizenId);
    // Append-only: the payment cannot be rewritten.
    await expect(em.execute('update medical_account_ledger set amount = 0 where id = ?', [paid.body.id])).rejects.toThrow(/append-only/);
  });

  it('refuses more than the balance with INSUFFICIENT_BALANCE naming amount, and pays nothing (rules §5.6)', async () => {
    const before = await linesOf(person.citizenId);
    const short = await pay(own, spending({ amount: '34.51', kind: 'pharmacy' }));
    expect(short.status).toBe(422);
    expect(short.body).toMatchObject({ code: 'INSUFFICIENT_BALANCE', errors: [{ path: 'amount', message: expect.stringContaining('34.50') }] });
    expect(await linesOf(person.citizenId)).toBe(before);
    expect((await record()).balance).toBe('34.50');

    // Two payments sent at once that the balance covers only one of: exactly one is paid.
    const both = await Promise.all([pay(own, spending({ amount: '20.00' })), pay(own, spending({ amount: '20.00' }))]);
    expect(both.map((r) => r.status).sort()).toEqual([201, 422]);
    expect((await record()).balance).toBe('14.50');
  });

  it('refuses bad input naming the field, and writes nothing (principle 2; rules §5.6)', async () => {
    const before = await linesOf(person.citizenId);
    const cases: [Record<string, unknown>, string][] = [
      [spending({ amount: '0.00' }), 'amount'],
      [spending({ amount: '1.005' }), 'amount'],
      [spending({ kind: 'dental' }), 'kind'],
      [spending({ receiptNo: '' }), 'receiptNo'],
      [spending({ spentOn: addDays(system.clock.today(), 1) }), 'spentOn'],
      [spending({ citizenId: '3301021956040200' }), 'citizenId'],
    ];
    for (const [body, path] of cases) {
      const r = await pay(own, body);
      expect(r.status, `${path}: ${JSON.stringify(r.body)}`).toBe(400);
      expect((r.body.errors as { path: string }[]).map((e) => e.path)).toContain(path);
    }
    const noKey = await pay(own, spending(), null);
    expect(noKey.status).toBe(400);
    expect(await linesOf(person.citizenId)).toBe(before);
  });

  it('only the person or the counter of the account’s region pays from it; others learn nothing (rules §5.6)', async () => {
    const before = await linesOf(person.citizenId);
    expect((await pay(otherCitizen, spending({ amount: '1.00' }))).status).toBe(404);
    expect((await pay(farCaseworker, spending({ amount: '1.00' }))).status).toBe(404);
    expect((await pay(employer, spending({ amount: '1.00' }))).status).toBe(403);
    expect((await pay(auditor, spending({ amount: '1.00' }))).status).toBe(403);
    expect((await system.call('POST', '/v1/medical-account-spendings', { body: spending(), headers: { 'idempotency-key': randomUUID() } })).status).toBe(401);
    expect(await linesOf(person.citizenId)).toBe(before);

    // The counter pays a pharmacy sale for the person; the answer shows the ID number to staff who read it.
    const counter = await pay(caseworker, spending({ kind: 'pharmacy', amount: '4.50' }));
    expect(counter.status, JSON.stringify(counter.body)).toBe(201);
    expect(counter.body).toMatchObject({ citizenId: person.citizenId, balanceAfter: '10.00' });
    // The other person's account is untouched; their own payment shows their balance.
    const theirs = await pay(otherCitizen, spending({ citizenId: other.citizenId, amount: '70.00' }));
    expect(theirs.body).toMatchObject({ citizenId: other.citizenId, balanceAfter: '0.00' });
    expect(maskCitizenId(person.citizenId)).not.toBe(person.citizenId);
    expect((await record()).balance).toBe('10.00');
  });
});
