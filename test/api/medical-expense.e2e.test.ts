// 离休 / 二乙 medical expense declarations (issue 13, rules §5.6) through real HTTP on real PostgreSQL and Temporal: the
// administrator imports the eligibility list (twice: applied once), an employer declares for a listed person, a
// caseworker reviews, a reviewer approves (never the same person), the amount lands once in the category's own ledger
// and as a payroll line; bad input is refused naming the field and writes nothing.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, monthOf } from '../../domain/calendar/local-date.js';
import { maskCitizenId } from '../../domain/identity/masking.js';
import { citizenId } from '../support/factories.js';
import { startSystem, type TestSystem } from '../support/system.js';
import { insertEmployer, insertEmployment, insertPerson } from './benefit-fixture.js';

describe('medical expense declarations: list import, declaration, four-eyes approval, ledger and payroll line (real services, HTTP)', () => {
  let system: TestSystem;
  let admin: string;
  let caseworker: string;
  let reviewer: string;
  let auditor: string;
  let employerCode: string;
  let employer: string;
  let cadre: { citizenId: string; name: string };
  let serviceman: { citizenId: string; name: string };

  const csv = (rows: string[]) => ['身份证号,姓名,类别,依据文件', ...rows].join('\n');
  const importList = (token: string, text: string) =>
    system.call('POST', '/v1/eligibility-lists/imports', { token, body: text, headers: { 'content-type': 'text/csv' } });

  const declaration = (overrides: Record<string, unknown> = {}) => {
    const today = system.clock.today();
    return {
      category: 'lixiu',
      citizenId: cadre.citizenId,
      region: '330102',
      hospital: { code: 'H330102001', name: '浙江省人民医院' },
      serviceFrom: addDays(today, -5),
      serviceTo: addDays(today, -2),
      invoices: [
        {
          invoiceNo: `ZJ${randomUUID().slice(0, 10)}`,
          issuedOn: addDays(today, -2),
          items: [
            { description: '住院床位费', amount: '480.50' },
            { description: '检查费', amount: '800.00' },
          ],
        },
        { invoiceNo: `ZJ${randomUUID().slice(0, 10)}`, issuedOn: addDays(today, -2), items: [{ description: '药品费', amount: '312.40' }] },
      ],
      ...overrides,
    };
  };

  const casesOf = async (who: string) =>
    Number(
      (
        await system.orm.em
          .fork()
          .execute<{ n: string }[]>(`select count(*) as n from case_record where case_type = 'medicalExpense' and citizen_id = ?`, [who])
      )[0]?.n,
    );

  const decide = async (token: string, caseId: string, step: string, outcome: string, comment = '') => {
    const taskId = await system.eventually(async () => {
      const [row] = await system.orm.em
        .fork()
        .execute<{ id: string }[]>(`select id from task where case_id = ? and step = ? and status = 'open'`, [caseId, step]);
      return row?.id;
    });
    const claimed = await system.call('POST', `/v1/tasks/${taskId}/claim`, { token });
    if (claimed.status !== 200) return claimed;
    return system.call('POST', `/v1/tasks/${taskId}/complete`, { token, body: { outcome, comment, data: {} } });
  };

  beforeAll(async () => {
    system = await startSystem();
    admin = await system.token({ role: 'admin', region: '330102', sub: 'admin-me-1' });
    caseworker = await system.token({ role: 'caseworker', region: '330102', sub: 'cw-me-1' });
    reviewer = await system.token({ role: 'reviewer', region: '330102', sub: 'rv-me-1' });
    auditor = await system.token({ role: 'auditor', region: '330102', sub: 'au-me-1' });
    employerCode = await insertEmployer(system.orm);
    employer = await system.token({ role: 'employer', employer: employerCode, sub: 'agent-me-1' });
    cadre = { citizenId: citizenId({ birthDate: '1931-06-01' }), name: '赵振华' };
    serviceman = { citizenId: citizenId({ birthDate: '1950-02-11' }), name: '钱卫国' };
    for (const p of [cadre, serviceman]) {
      await insertPerson(system.orm, { ...p, sex: 'male', birthDate: p === cadre ? '1931-06-01' : '1950-02-11' });
      const month = monthOf(system.clock.today());
      await insertEmployment(system.orm, { ...p, employer: employerCode, fromMonth: month, lastMonth: month, base: '5000.00', insurances: ['medical'] });
    }
  });
  afterAll(async () => system?.close());

  it('imports the list with a report, applies a repeat once, refuses a bad file whole naming row and field, and lists it (rules §5.6)', async () => {
    const bad = await importList(
      admin,
      csv([`${cadre.citizenId},赵振华,离休,浙组干〔1985〕12号`, `110101199001011234,某人,三乙,x`, `${serviceman.citizenId},,二乙,`]),
    );
    expect(bad.status, JSON.stringify(bad.body)).toBe(400);
    expect(bad.body.errors[0].path, JSON.stringify(bad.body)).not.toBe('file');
    expect(bad.headers.get('content-type')).toContain('application/problem+json');
    const paths = (bad.body.errors as { path: string }[]).map((e) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['rows[1].citizenId', 'rows[1].category', 'rows[2].name', 'rows[2].sourceDocument']));
    expect((await system.call('GET', `/v1/eligibility-lists?citizenId=${cadre.citizenId}`, { token: admin })).body.items).toEqual([]);

    const file = csv([
      `${cadre.citizenId},赵振华,离休,浙组干〔1985〕12号`,
      `${serviceman.citizenId},钱卫国,二乙,浙民优〔2001〕7号`,
      `${cadre.citizenId},赵振华,lixiu,浙组干〔1985〕12号`,
    ]);
    const first = await importList(admin, file);
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ rows: 3, applied: 2, alreadyListed: 0, duplicates: 1, duplicateRows: [{ row: 2, firstRow: 0 }], repeated: false });
    const again = await importList(admin, file);
    expect(again.body).toMatchObject({ importId: first.body.importId, applied: 2, repeated: true });
    // Another file naming a listed person lists them once.
    const overlap = await importList(admin, csv([`${cadre.citizenId},赵振华,离休,浙组干〔1985〕12号 补`]));
    expect(overlap.body).toMatchObject({ rows: 1, applied: 0, alreadyListed: 1, repeated: false });

    const listed = await system.call('GET', `/v1/eligibility-lists?citizenId=${cadre.citizenId}`, { token: caseworker });
    expect(listed.status).toBe(200);
    expect(listed.body.items).toEqual([expect.objectContaining({ citizenId: cadre.citizenId, category: 'lixiu', sourceDocument: '浙组干〔1985〕12号' })]);
    expect((await importList(caseworker, file)).status).toBe(403);
    expect((await system.call('GET', '/v1/eligibility-lists', { token: employer })).status).toBe(403);
  });

  it('refuses a person not on the list, three decimals, an empty invoice and a bad date with the field named, writing nothing (rules §5.6)', async () => {
    const before = await casesOf(serviceman.citizenId);
    const notListed = await system.call('POST', '/v1/medical-expense-declarations', {
      token: employer,
      body: declaration({ citizenId: serviceman.citizenId }),
    });
    expect(notListed.status).toBe(422);
    expect(notListed.body).toMatchObject({ code: 'NOT_ELIGIBLE', errors: [{ path: 'citizenId' }] });

    const body = declaration();
    body.invoices[0]!.items[0]!.amount = '480.505';
    const precise = await system.call('POST', '/v1/medical-expense-declarations', { token: employer, body });
    expect(precise.status).toBe(400);
    expect(precise.body.errors).toEqual([
      expect.objectContaining({ path: 'invoices.0.items.0.amount', message: expect.stringContaining('more than 2 decimal places') }),
    ]);

    const empty = await system.call('POST', '/v1/medical-expense-declarations', {
      token: employer,
      body: declaration({ invoices: [{ invoiceNo: 'X1', issuedOn: system.clock.today(), items: [] }] }),
    });
    expect(empty.status).toBe(400);
    expect(empty.body.errors[0].path).toBe('invoices.0.items');

    const late = await system.call('POST', '/v1/medical-expense-declarations', {
      token: employer,
      body: declaration({ serviceTo: addDays(system.clock.today(), 3) }),
    });
    expect(late.status).toBe(400);
    expect(late.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ path: 'serviceTo' })]));

    // PostgreSQL text and jsonb cannot hold U+0000: the contract run once sent one inside an invoice number and got 500.
    const nul = declaration();
    nul.invoices[0]!.invoiceNo = 'A\u0000B';
    const withNul = await system.call('POST', '/v1/medical-expense-declarations', { token: employer, body: nul });
    expect(withNul.status).toBe(400);
    expect(withNul.body.errors).toEqual([expect.objectContaining({ path: 'invoices.0.invoiceNo', message: expect.stringContaining('U+0000') })]);
    expect(await casesOf(serviceman.citizenId)).toBe(before);
    expect(await casesOf(cadre.citizenId)).toBe(0);
  });

  it('takes a declaration from the employer through review and four-eyes approval to the 离休 ledger and one payroll line (rules §5.6)', async () => {
    const body = declaration();
    const filed = await system.call('POST', '/v1/medical-expense-declarations', { token: employer, body });
    expect(filed.status).toBe(202);
    expect(filed.body.reference).toMatch(/^YL\d{10}$/);
    const { caseId, reference } = filed.body as { caseId: string; reference: string };
    // The same declaration sent again is the same case.
    const repeat = await system.call('POST', '/v1/medical-expense-declarations', { token: employer, body });
    expect(repeat.body.caseId).toBe(caseId);
    // Its invoice used again in another declaration is refused naming the invoice and the declaration holding it.
    const reuse = declaration({ invoices: [body.invoices[1]] });
    const duplicate = await system.call('POST', '/v1/medical-expense-declarations', { token: employer, body: reuse });
    expect(duplicate.status).toBe(422);
    expect(duplicate.body).toMatchObject({
      code: 'DUPLICATE_INVOICE',
      errors: [{ path: 'invoices[0].invoiceNo', message: expect.stringContaining(reference) }],
    });
    expect(await casesOf(cadre.citizenId)).toBe(1);

    expect((await decide(caseworker, caseId, 'review', 'approve')).status).toBe(200);
    const sameHands = await decide(caseworker, caseId, 'approval', 'approve');
    expect(sameHands.status).toBe(403);
    await system.call(
      'POST',
      `/v1/tasks/${(await system.orm.em.fork().execute<{ id: string }[]>(`select id from task where case_id = ? and step = 'approval'`, [caseId]))[0]!.id}/release`,
      { token: caseworker },
    );
    expect((await decide(reviewer, caseId, 'approval', 'approve')).status).toBe(200);

    const view = await system.eventually(async () => {
      const r = await system.call('GET', `/v1/medical-expense-declarations/${reference}`, { token: employer });
      return r.body.status === 'approved' ? r.body : undefined;
    });
    // The declarer sees the items it wrote, but not the whole ID number back (its role does not need it).
    expect(view).toMatchObject({
      category: 'lixiu',
      total: '1592.90',
      reimbursable: '1592.90',
      citizenId: maskCitizenId(cadre.citizenId),
      decision: { outcome: 'approved' },
    });
    expect(view.medical.invoices[0].items[0]).toEqual({ description: '住院床位费', amount: '480.50' });
    expect(view.workings.at(-1)).toContain('1592.90 × 1 = 1592.90');
    expect(view.entitlements).toEqual([
      expect.objectContaining({ benefit: 'lixiuMedical', kind: 'oneOff', payer: 'fund', amount: '1592.90', firstPayrollMonth: monthOf(system.clock.today()) }),
    ]);

    // The auditor sees the ledger and the amounts, not the medical details or the whole ID number.
    const audited = await system.call('GET', `/v1/medical-expense-declarations/${reference}`, { token: auditor });
    expect(audited.body).toMatchObject({ medical: null, total: '1592.90' });
    expect(audited.body.citizenId).not.toBe(cadre.citizenId);
    const caseView = await system.call('GET', `/v1/cases/${caseId}`, { token: auditor });
    expect(caseView.body.summary.medical).toBeUndefined();
    const ledger = await system.call('GET', '/v1/medical-ledgers/lixiu?limit=100', { token: auditor });
    expect(ledger.status).toBe(200);
    expect(ledger.body.items.filter((e: { reference: string }) => e.reference === reference)).toEqual([
      expect.objectContaining({ amount: '1592.90', category: 'lixiu' }),
    ]);
    const erYi = await system.call('GET', '/v1/medical-ledgers/erYi?limit=100', { token: auditor });
    expect(erYi.body.items.some((e: { reference: string }) => e.reference === reference)).toBe(false);
    expect((await system.call('GET', '/v1/medical-ledgers/lixiu', { token: employer })).status).toBe(403);
    expect((await system.call('GET', '/v1/medical-ledgers/sanYi', { token: auditor })).status).toBe(400);

    // Booked once, audited; the ledger refuses to be rewritten.
    const em = system.orm.em.fork();
    const [rows] = await em.execute<{ ledger: string; lines: string; audits: string }[]>(
      `select (select count(*) from medical_ledger where case_id = ?) as ledger, (select count(*) from benefit_entitlement where case_id = ?) as lines,
              (select count(*) from audit_entry where object_id = ? and action = 'medicalExpense.booked') as audits`,
      [caseId, caseId, caseId],
    );
    expect(rows).toEqual({ ledger: '1', lines: '1', audits: '1' });
    await expect(em.execute(`update medical_ledger set amount = 0 where case_id = ?`, [caseId])).rejects.toThrow(/append-only/);
  });

  it('releases the invoices of a rejected declaration, so a corrected one may use them (rules §5.6)', async () => {
    const body = declaration({ category: 'erYi', citizenId: serviceman.citizenId });
    const filed = await system.call('POST', '/v1/medical-expense-declarations', { token: caseworker, body });
    expect(filed.status).toBe(202);
    const { caseId } = filed.body as { caseId: string };
    expect((await decide(caseworker, caseId, 'review', 'reject', '发票与病历不符')).status).toBe(200);
    await system.eventually(async () => {
      const [row] = await system.orm.em.fork().execute<{ n: string }[]>('select count(*) as n from medical_invoice where case_id = ?', [caseId]);
      return row?.n === '0' ? true : undefined;
    });
    const again = await system.call('POST', '/v1/medical-expense-declarations', { token: caseworker, body });
    expect(again.status).toBe(202);
    expect(again.body.caseId).not.toBe(caseId);
  });
});
