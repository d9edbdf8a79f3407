// 医疗帐户补助金 declarations (issue 13 point 3, rules §5.6 open item 6: the meaning is local, so the rule is
// configuration) through real HTTP on real PostgreSQL and Temporal: an administrator configures the rule, an employer
// declares it for a list of its retirees, a caseworker reviews, a reviewer approves (never the same person), the
// credits land once in the append-only personal medical account ledger, the person sees them in their record and
// nobody else does; bad input is refused naming the row and field and writes nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { monthOf } from '../../domain/calendar/local-date.js';
import { bookAccountSubsidy } from '../../db/writers/account-subsidies.js';
import { maskCitizenId } from '../../domain/identity/masking.js';
import { citizenId } from '../support/factories.js';
import { startSystem, type TestSystem } from '../support/system.js';
import { insertEmployer, insertEmployment, insertPerson } from './benefit-fixture.js';

describe('account subsidy declarations: configured rule, list declaration, four-eyes approval, medical account ledger (real services, HTTP)', () => {
  let system: TestSystem;
  let admin: string;
  let caseworker: string;
  let reviewer: string;
  let auditor: string;
  let employerCode: string;
  let employer: string;
  let otherEmployer: string;
  const retirees: { citizenId: string; name: string }[] = [];
  let worker: { citizenId: string; name: string };
  let stranger: { citizenId: string; name: string };

  const RULES = {
    rules: [
      {
        ruleId: 'retiree-account-credit',
        effectiveFrom: '2021-01-01',
        who: { personnelCategories: ['retired'] },
        credit: { kind: 'rate', rate: '0.02', base: 'localAveragePension' },
        period: 'monthly',
        basis: '本地通知（测试）: 退休人员按当地月人均基本养老金的 2% 划入',
      },
    ],
    regionalBases: [{ base: 'localAveragePension', region: null, effectiveFrom: '2021-01-01', amount: '3500.00' }],
  };

  const declare = (token: string, body: unknown, headers: Record<string, string> = {}) =>
    system.call('POST', '/v1/account-subsidy-declarations', { token, body, headers });
  const body = (persons: unknown[], overrides: Record<string, unknown> = {}) => ({
    ruleId: 'retiree-account-credit',
    period: monthOf(system.clock.today()),
    region: '330102',
    persons,
    ...overrides,
  });
  const subsidyCases = async () =>
    Number((await system.orm.em.fork().execute<{ n: string }[]>(`select count(*) as n from case_record where case_type = 'accountSubsidy'`))[0]?.n);

  const decide = async (token: string, caseId: string, step: string, outcome: string, comment = '') => {
    const taskId = await system.eventually(async () => {
      const [row] = await system.orm.em
        .fork()
        .execute<{ id: string }[]>(`select id from task where case_id = ? and step = ? and status = 'open'`, [caseId, step]);
      return row?.id;
    });
    const claimed = await system.call('POST', `/v1/tasks/${taskId}/claim`, { token });
    if (claimed.status !== 200) return { claimed, taskId };
    return { claimed: await system.call('POST', `/v1/tasks/${taskId}/complete`, { token, body: { outcome, comment, data: {} } }), taskId };
  };

  beforeAll(async () => {
    system = await startSystem({ ownDatabase: true });
    admin = await system.token({ role: 'admin', region: '330102', sub: 'admin-bz-1' });
    caseworker = await system.token({ role: 'caseworker', region: '330102', sub: 'cw-bz-1' });
    reviewer = await system.token({ role: 'reviewer', region: '330102', sub: 'rv-bz-1' });
    auditor = await system.token({ role: 'auditor', region: '330102', sub: 'au-bz-1' });
    employerCode = await insertEmployer(system.orm);
    employer = await system.token({ role: 'employer', employer: employerCode, sub: 'agent-bz-1' });
    const otherCode = await insertEmployer(system.orm);
    otherEmployer = await system.token({ role: 'employer', employer: otherCode, sub: 'agent-bz-2' });
    const month = monthOf(system.clock.today());
    const em = system.orm.em.fork();
    for (const [i, birthDate] of ['1955-07-01', '1958-03-15', '1952-11-20'].entries()) {
      const p = { citizenId: citizenId({ birthDate }), name: ['孙立平', '李秀英', '周国强'][i]! };
      retirees.push(p);
      await insertPerson(system.orm, { ...p, sex: 'male', birthDate });
      await insertEmployment(system.orm, { ...p, employer: employerCode, fromMonth: month, lastMonth: month, base: '5000.00', insurances: ['medical'] });
      // Retired from this employer: the pension record ended by retirement (what makes the records say "retired").
      await em.execute(
        `insert into insurance_record (id, citizen_id, insurance_type, region, employer_credit_code, personnel_category, start_month, end_month, end_reason,
           status, contribution_base, opened_by_case, created_at) values (gen_random_uuid(), ?, 'pension', '330102', ?, 'employee', '1990-01', '2020-12',
           'retired', 'terminated', '5000.00', ?, now())`,
        [p.citizenId, employerCode, `fixture-retired-${i}`],
      );
    }
    worker = { citizenId: citizenId({ birthDate: '1990-05-05' }), name: '吴晓明' };
    stranger = { citizenId: citizenId({ birthDate: '1954-01-09' }), name: '郑大山' };
    for (const [p, code] of [
      [worker, employerCode],
      [stranger, otherCode],
    ] as const) {
      await insertPerson(system.orm, { ...p, sex: 'male', birthDate: p === worker ? '1990-05-05' : '1954-01-09' });
      await insertEmployment(system.orm, { ...p, employer: code, fromMonth: month, lastMonth: month, base: '5000.00', insurances: ['medical'] });
    }
  });
  afterAll(async () => system?.close());

  it('takes the rule as dated configuration, refusing a bad one naming the field (rules §5.6 open item 6)', async () => {
    const bad = await system.call('PUT', '/v1/settings/accountSubsidy.rules', {
      token: admin,
      body: { value: { rules: [{ ...RULES.rules[0], credit: { kind: 'rate', rate: 'two percent', base: 'localAveragePension' } }] } },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.errors).toEqual([expect.objectContaining({ path: 'value.rules.0.credit.rate' })]);
    const put = await system.call('PUT', '/v1/settings/accountSubsidy.rules', { token: admin, body: { value: RULES } });
    expect(put.status, JSON.stringify(put.body)).toBe(200);
  });

  it('refuses bad rows and fields (400), a person the rule does not cover (422) and another employer’s person (403), writing nothing', async () => {
    const [a, b] = retirees;
    const cases = [
      { body: body([{ citizenId: a!.citizenId, bases: { localAveragePension: '3500.005' } }]), path: 'persons.0.bases.localAveragePension' },
      { body: body([{ citizenId: a!.citizenId }, { citizenId: '330102195507010019' }]), path: 'persons.1.citizenId' },
      { body: body([]), path: 'persons' },
      { body: body([{ citizenId: a!.citizenId }], { period: '2026-13' }), path: 'period' },
      { body: body([{ citizenId: a!.citizenId }], { period: `${system.clock.today().slice(0, 4)}-Q1` }), path: 'period' },
      { body: body([{ citizenId: a!.citizenId }], { period: String(Number(system.clock.today().slice(0, 4)) + 1) + '-01' }), path: 'period' },
      { body: body([{ citizenId: a!.citizenId }], { ruleId: 'no-such-rule' }), path: 'ruleId' },
      { body: body([{ citizenId: a!.citizenId }, { citizenId: b!.citizenId }, { citizenId: a!.citizenId }]), path: 'persons[2].citizenId' },
    ];
    for (const c of cases) {
      const r = await declare(employer, c.body);
      expect(r.status, `${c.path}: ${JSON.stringify(r.body)}`).toBe(400);
      expect(r.headers.get('content-type')).toContain('application/problem+json');
      expect((r.body.errors as { path: string }[]).map((e) => e.path)).toContain(c.path);
    }
    const notCovered = await declare(employer, body([{ citizenId: a!.citizenId }, { citizenId: worker.citizenId }]));
    expect(notCovered.status).toBe(422);
    expect(notCovered.body).toMatchObject({
      code: 'NOT_ELIGIBLE',
      errors: [{ path: 'persons[1].citizenId', message: expect.stringContaining('employed is not retired') }],
    });
    const foreign = await declare(employer, body([{ citizenId: stranger.citizenId }]));
    expect(foreign.status).toBe(403);
    expect(foreign.body.errors[0].path).toBe('persons[0].citizenId');
    expect((await declare(otherEmployer, body([{ citizenId: a!.citizenId }]))).status).toBe(403);
    expect(await subsidyCases()).toBe(0);
    const [lines] = await system.orm.em.fork().execute<{ n: string }[]>('select count(*) as n from account_subsidy_line');
    expect(lines?.n).toBe('0');
  });

  it('takes a list from the employer through review and four-eyes approval to the medical accounts, booked once (rules §5.6, §8)', async () => {
    const [a, b, c] = retirees;
    const request = body([{ citizenId: a!.citizenId }, { citizenId: b!.citizenId }]);
    const key = { 'idempotency-key': 'bz-e2e-declaration-1' };
    const filed = await declare(employer, request, key);
    expect(filed.status, JSON.stringify(filed.body)).toBe(202);
    expect(filed.body.reference).toMatch(/^BZ\d{10}$/);
    const { caseId, reference } = filed.body as { caseId: string; reference: string };
    // A retry returns the same case; the same key with another body is refused; the same credit in another declaration too.
    expect((await declare(employer, request, key)).body.caseId).toBe(caseId);
    const reused = await declare(employer, body([{ citizenId: c!.citizenId }]), key);
    expect(reused.status).toBe(422);
    expect(reused.body.code).toBe('IDEMPOTENCY_KEY_REUSED');
    const twice = await declare(employer, body([{ citizenId: c!.citizenId }, { citizenId: b!.citizenId }]));
    expect(twice.status).toBe(422);
    expect(twice.body).toMatchObject({ code: 'ALREADY_CREDITED', errors: [{ path: 'persons[1].citizenId' }] });
    expect(await subsidyCases()).toBe(1);

    expect((await decide(caseworker, caseId, 'review', 'approve')).claimed.status).toBe(200);
    const sameHands = await decide(caseworker, caseId, 'approval', 'approve');
    expect(sameHands.claimed.status).toBe(403);
    await system.call('POST', `/v1/tasks/${sameHands.taskId}/release`, { token: caseworker });
    expect((await decide(reviewer, caseId, 'approval', 'approve')).claimed.status).toBe(200);

    const view = await system.eventually(async () => {
      const r = await system.call('GET', `/v1/account-subsidy-declarations/${reference}`, { token: employer });
      return r.body.status === 'approved' ? r.body : undefined;
    });
    expect(view).toMatchObject({ ruleId: 'retiree-account-credit', total: '140.00', decision: { outcome: 'approved' } });
    // The declarer sees its list by name, not the whole ID numbers back (its role does not need them); staff do.
    expect(view.persons).toEqual([
      {
        citizenId: maskCitizenId(a!.citizenId),
        name: a!.name,
        amount: '70.00',
        workings: [expect.stringContaining('localAveragePension 3500.00 × 0.02 = 70.00')],
      },
      expect.objectContaining({ citizenId: maskCitizenId(b!.citizenId), name: b!.name, amount: '70.00' }),
    ]);
    const staffView = await system.call('GET', `/v1/account-subsidy-declarations/${reference}`, { token: caseworker });
    expect(staffView.body.persons[0].citizenId).toBe(a!.citizenId);
    const audited = await system.call('GET', `/v1/account-subsidy-declarations/${reference}`, { token: auditor });
    expect(audited.body.persons[0]).toMatchObject({ citizenId: maskCitizenId(a!.citizenId), name: expect.not.stringContaining(a!.name) });
    expect((await system.call('GET', `/v1/account-subsidy-declarations/${reference}`, { token: otherEmployer })).status).toBe(404);

    // Booked once with its audit entry; a retried booking writes nothing; the ledger refuses to be rewritten.
    const em = system.orm.em.fork();
    expect(await bookAccountSubsidy(em, { caseId, reference, region: '330102', decidedBy: 'rv-bz-1' }, new Date())).toEqual({ booked: 0 });
    const [counts] = await em.execute<{ ledger: string; audits: string }[]>(
      `select (select count(*) from medical_account_ledger where case_id = ?) as ledger,
              (select count(*) from audit_entry where object_id = ? and action = 'accountSubsidy.booked') as audits`,
      [caseId, caseId],
    );
    expect(counts).toEqual({ ledger: '2', audits: '1' });
    await expect(em.execute('update medical_account_ledger set amount = 0 where case_id = ?', [caseId])).rejects.toThrow(/append-only/);

    // The person sees the credit in their insurance record; another citizen does not.
    const own = await system.call('GET', `/v1/persons/${a!.citizenId}/record`, { token: await system.token({ role: 'citizen', sub: a!.citizenId }) });
    expect(own.status).toBe(200);
    expect(own.body.medicalAccount).toEqual({
      credits: [expect.objectContaining({ ruleId: 'retiree-account-credit', period: request.period, amount: '70.00', reference })],
      credited: '70.00',
      spendings: [],
      spent: '0.00',
      balance: '70.00',
    });
    const other = await system.token({ role: 'citizen', sub: b!.citizenId });
    expect((await system.call('GET', `/v1/persons/${a!.citizenId}/record`, { token: other })).status).toBe(404);

    // The auditor's ledger: the region's credits with their total, ID numbers masked; the employer may not read it.
    const ledger = await system.call('GET', '/v1/medical-account-ledger?limit=100', { token: auditor });
    expect(ledger.status).toBe(200);
    expect(ledger.body).toMatchObject({ total: '140.00', count: 2 });
    expect(ledger.body.items.map((e: { citizenId: string }) => e.citizenId).sort()).toEqual([maskCitizenId(a!.citizenId), maskCitizenId(b!.citizenId)].sort());
    const one = await system.call('GET', `/v1/medical-account-ledger?citizenId=${b!.citizenId}`, { token: caseworker });
    expect(one.body).toMatchObject({ total: '70.00', count: 1 });
    expect((await system.call('GET', '/v1/medical-account-ledger', { token: employer })).status).toBe(403);
  });

  it('releases the credits of a rejected declaration, so a corrected one may ask for them (rules §5.6)', async () => {
    const request = body([{ citizenId: retirees[2]!.citizenId }]);
    const filed = await declare(caseworker, request);
    expect(filed.status).toBe(202);
    const { caseId } = filed.body as { caseId: string };
    expect((await decide(reviewer, caseId, 'review', 'reject', '名单需重新核对')).claimed.status).toBe(200);
    await system.eventually(async () => {
      const [row] = await system.orm.em.fork().execute<{ n: string }[]>('select count(*) as n from account_subsidy_line where case_id = ? and held', [caseId]);
      return row?.n === '0' ? true : undefined;
    });
    const again = await declare(caseworker, request);
    expect(again.status).toBe(202);
    expect(again.body.caseId).not.toBe(caseId);
  });
});
