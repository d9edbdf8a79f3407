// 身份信息更正 over real HTTP (rules §8 pattern 5, falsified age): staff correct a recorded birth date on a legal
// document, audited; a correction that brings retirement within the window opens one investigation — a second one
// finds it open — hidden from the staff member who corrected. Dates derive from the business clock.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, addMonths } from '../../domain/calendar/local-date.js';
import { insertEmployer, insertEmployment, insertPerson, monthOf, newPerson } from './benefit-fixture.js';
import { startSystem, type TestSystem } from '../support/system.js';

const REGION = '330102';

describe('identity corrections (real PostgreSQL, HTTP)', () => {
  let system: TestSystem;
  let today: string;
  let nearRetirement: ReturnType<typeof newPerson>;
  let young: ReturnType<typeof newPerson>;
  let documented: ReturnType<typeof newPerson>;

  beforeAll(async () => {
    system = await startSystem();
    today = system.clock.today();
    // Recorded as 40 years old; the correction makes him 59, retiring within the 24-month window.
    nearRetirement = newPerson(addMonths(today, -40 * 12));
    young = newPerson(addMonths(today, -30 * 12));
    documented = newPerson(addMonths(today, -35 * 12));
    const employer = await insertEmployer(system.orm, REGION);
    for (const person of [nearRetirement, young, documented]) {
      await insertPerson(system.orm, person);
      const month = monthOf(addMonths(today, -2));
      await insertEmployment(system.orm, { ...person, employer, fromMonth: month, lastMonth: month, base: '6000.00', insurances: ['pension'] });
    }
  });
  afterAll(async () => system?.close());

  const correct = async (citizenId: string, birthDate: string, sub = 'sv-idc', documentDate = addDays(today, -10)) =>
    system.call('POST', `/v1/persons/${citizenId}/identity-corrections`, {
      token: await system.token({ role: 'supervisor', region: REGION, sub }),
      body: { birthDate, reason: '户籍档案出生日期登记错误', legalDocumentReference: '公户证字〔2026〕12号', legalDocumentDate: documentDate },
    });

  const hits = (citizenId: string) =>
    system.orm.em.fork().execute<{ investigation_case_id: string; reference: string }[]>(
      `select h.investigation_case_id, c.reference from supervision_hit h join case_record c on c.id = h.investigation_case_id
          where h.subject_key = ?`,
      [`IDENTITY_CHANGE_BEFORE_RETIREMENT:${citizenId}`],
    );

  it('§8 pattern 5: a correction shortly before retirement opens one investigation, a second correction none; the corrector never sees it', async () => {
    const corrected = addMonths(today, -59 * 12);
    const first = await correct(nearRetirement.citizenId, corrected);
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({
      field: 'birthDate',
      previous: nearRetirement.birthDate,
      corrected,
      correctedOn: today,
      legalDocumentReference: '公户证字〔2026〕12号',
      legalDocumentDate: addDays(today, -10),
    });
    expect(first.body.citizenId).not.toBe(nearRetirement.citizenId);
    const [person] = await system.orm.em
      .fork()
      .execute<{ birth_date: string }[]>("select to_char(birth_date, 'YYYY-MM-DD') as birth_date from person where citizen_id = ?", [nearRetirement.citizenId]);
    expect(person!.birth_date).toBe(corrected);
    expect(await hits(nearRetirement.citizenId)).toHaveLength(1);

    const second = await correct(nearRetirement.citizenId, addDays(corrected, 1));
    expect(second.status).toBe(201);
    const after = await hits(nearRetirement.citizenId);
    expect(after).toHaveLength(1);
    const [investigations] = await system.orm.em
      .fork()
      .execute<{ n: string }[]>(
        "select count(*) as n from case_record where case_type = 'investigation' and summary->>'control' = 'IDENTITY_CHANGE_BEFORE_RETIREMENT' and id = ?",
        [after[0]!.investigation_case_id],
      );
    expect(Number(investigations!.n)).toBe(1);

    const reference = after[0]!.reference;
    const own = await system.call('GET', `/v1/investigations/${reference}`, {
      token: await system.token({ role: 'supervisor', region: REGION, sub: 'sv-idc' }),
    });
    expect(own.status).toBe(404);
    const colleague = await system.call('GET', `/v1/investigations/${reference}`, {
      token: await system.token({ role: 'supervisor', region: REGION, sub: 'sv-other' }),
    });
    expect(colleague.status).toBe(200);
    expect(colleague.body.control).toBe('IDENTITY_CHANGE_BEFORE_RETIREMENT');

    const audits = await system.orm.em
      .fork()
      .execute<{ n: string }[]>("select count(*) as n from audit_entry where action = 'person.identityCorrected' and actor_id = 'sv-idc'");
    expect(Number(audits[0]!.n)).toBe(2);
  });

  it('the legal document’s date is kept beside its reference: in the history, in the audit entry; the person sees no staff ID', async () => {
    const documentDate = addDays(today, -3);
    const response = await correct(documented.citizenId, addMonths(today, -32 * 12), 'sv-idc', documentDate);
    expect(response.status).toBe(201);
    expect(response.body.legalDocumentDate).toBe(documentDate);
    const staff = await system.call('GET', `/v1/persons/${documented.citizenId}/identity-corrections`, {
      token: await system.token({ role: 'caseworker', region: REGION, sub: 'cw-idc' }),
    });
    expect(staff.status).toBe(200);
    const line = staff.body.items.find((item: { correctionId: string }) => item.correctionId === response.body.correctionId);
    expect(line).toMatchObject({
      field: 'birthDate',
      corrected: addMonths(today, -32 * 12),
      reason: '户籍档案出生日期登记错误',
      legalDocumentReference: '公户证字〔2026〕12号',
      legalDocumentDate: documentDate,
      correctedBy: 'sv-idc',
      correctedOn: today,
    });
    const own = await system.call('GET', `/v1/persons/${documented.citizenId}/identity-corrections`, {
      token: await system.token({ role: 'citizen', sub: documented.citizenId }),
    });
    expect(own.status).toBe(200);
    expect(own.body.items.map((item: { legalDocumentDate: string }) => item.legalDocumentDate)).toContain(documentDate);
    expect(own.body.items.every((item: { correctedBy: string | null }) => item.correctedBy === null)).toBe(true);
    const elsewhere = await system.call('GET', `/v1/persons/${documented.citizenId}/identity-corrections`, {
      token: await system.token({ role: 'caseworker', region: '330106', sub: 'cw-far' }),
    });
    expect(elsewhere.status).toBe(404);
    const anotherCitizen = await system.call('GET', `/v1/persons/${documented.citizenId}/identity-corrections`, {
      token: await system.token({ role: 'citizen', sub: young.citizenId }),
    });
    expect(anotherCitizen.status).toBe(404);
    const [audit] = await system.orm.em
      .fork()
      .execute<{ document_date: string }[]>(
        "select detail->>'legalDocumentDate' as document_date from audit_entry where action = 'person.identityCorrected' and detail->>'correction' = ?",
        [response.body.correctionId],
      );
    expect(audit?.document_date).toBe(documentDate);
  });

  it('a legal document dated after the business day is a 422 naming legalDocumentDate, and nothing is corrected', async () => {
    const [before] = await system.orm.em
      .fork()
      .execute<{ n: string }[]>('select count(*) as n from identity_correction where citizen_id = ?', [documented.citizenId]);
    const response = await correct(documented.citizenId, addMonths(today, -33 * 12), 'sv-idc', addDays(today, 1));
    expect(response.status).toBe(422);
    expect(response.body.code).toBe('INVALID_DATE');
    expect(response.body.errors).toEqual([expect.objectContaining({ path: 'legalDocumentDate' })]);
    const [after] = await system.orm.em
      .fork()
      .execute<{ n: string }[]>('select count(*) as n from identity_correction where citizen_id = ?', [documented.citizenId]);
    expect(after!.n).toBe(before!.n);
    const onTheDay = await correct(documented.citizenId, addMonths(today, -33 * 12), 'sv-idc', today);
    expect(onTheDay.status).toBe(201);
  });

  it('§8 pattern 5: a correction far from retirement opens nothing', async () => {
    const response = await correct(young.citizenId, addMonths(today, -31 * 12));
    expect(response.status).toBe(201);
    const rows = await system.orm.em
      .fork()
      .execute<{ n: string }[]>('select count(*) as n from supervision_hit where subject_key = ?', [`IDENTITY_CHANGE_BEFORE_RETIREMENT:${young.citizenId}`]);
    expect(Number(rows[0]!.n)).toBe(0);
  });

  it('refuses the person themself (403), another region (404), a future or unchanged date and a missing document (400), writing nothing', async () => {
    const citizen = await system.token({ role: 'citizen', sub: young.citizenId });
    const self = await system.call('POST', `/v1/persons/${young.citizenId}/identity-corrections`, {
      token: citizen,
      body: { birthDate: addMonths(today, -25 * 12), reason: 'x', legalDocumentReference: 'y', legalDocumentDate: today },
    });
    expect(self.status).toBe(403);
    const elsewhere = await system.call('POST', `/v1/persons/${young.citizenId}/identity-corrections`, {
      token: await system.token({ role: 'supervisor', region: '330106', sub: 'sv-far' }),
      body: { birthDate: addMonths(today, -25 * 12), reason: 'x', legalDocumentReference: 'y', legalDocumentDate: today },
    });
    expect(elsewhere.status).toBe(404);
    const future = await correct(young.citizenId, addDays(today, 1));
    expect(future.status).toBe(400);
    expect(JSON.stringify(future.body)).toContain('birthDate');
    const [current] = await system.orm.em
      .fork()
      .execute<{ birth_date: string }[]>("select to_char(birth_date, 'YYYY-MM-DD') as birth_date from person where citizen_id = ?", [young.citizenId]);
    const unchanged = await correct(young.citizenId, current!.birth_date);
    expect(unchanged.status).toBe(400);
    const missing = await system.call('POST', `/v1/persons/${young.citizenId}/identity-corrections`, {
      token: await system.token({ role: 'supervisor', region: REGION, sub: 'sv-idc' }),
      body: { birthDate: addMonths(today, -26 * 12), reason: 'x', legalDocumentDate: today },
    });
    expect(missing.status).toBe(400);
    expect(JSON.stringify(missing.body)).toContain('legalDocumentReference');
    const [count] = await system.orm.em
      .fork()
      .execute<{ n: string }[]>('select count(*) as n from identity_correction where citizen_id = ?', [young.citizenId]);
    expect(Number(count!.n)).toBe(1);
  });
});
