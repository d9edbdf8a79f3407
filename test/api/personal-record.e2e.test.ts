// 个人权益记录 and 参保证明 over real HTTP (issue 14 point 2): the person sees their periods, months and bases and the
// personal account with the yearly interest at the configured 记账利率 (rules §5.1); downloads a certificate whose PDF
// parses, embeds its CJK font and carries the verification code; anyone checks the code publicly and learns only
// valid/invalid and the masked name. Years are derived from the business clock, so the file passes on any day.
import { createHash } from 'node:crypto';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertEmployer, insertEmployment, insertPerson, newPerson } from './benefit-fixture.js';
import { startSystem, type TestSystem } from '../support/system.js';

async function pdfText(bytes: Uint8Array): Promise<string> {
  const pdf = await getDocument({ data: bytes, useSystemFonts: false }).promise;
  const parts: string[] = [];
  for (let n = 1; n <= pdf.numPages; n += 1) {
    const content = await (await pdf.getPage(n)).getTextContent();
    parts.push(content.items.map((item) => ('str' in item ? item.str : '')).join(''));
  }
  return parts.join('\n');
}

describe('personal record and certificate (real PostgreSQL, HTTP)', () => {
  let system: TestSystem;
  let year: number;
  const person = newPerson('1985-04-12');
  let saved: unknown = null;

  beforeAll(async () => {
    system = await startSystem();
    year = Number(system.clock.today().slice(0, 4));
    const [row] = await system.orm.em.fork().execute<{ value: unknown }[]>("select value from setting where key = 'personal-account.policy'");
    saved = row?.value ?? null;
    const employer = await insertEmployer(system.orm);
    await insertPerson(system.orm, person);
    // Twelve paid months two years ago at a base of 8 000.00: 640.00 a month to the personal account.
    await insertEmployment(system.orm, {
      citizenId: person.citizenId,
      name: person.name,
      employer,
      fromMonth: `${year - 2}-01`,
      lastMonth: `${year - 2}-12`,
      base: '8000.00',
      insurances: ['pension', 'medical'],
    });
    const admin = await system.token({ role: 'admin', region: '330102', sub: 'adm-record' });
    const put = await system.call('PUT', '/v1/settings/personal-account.policy', {
      token: admin,
      body: { value: { rates: { [String(year - 2)]: '0.0400', [String(year - 1)]: '0.0300' } } },
    });
    expect(put.status).toBe(200);
  });
  afterAll(async () => {
    if (!system) return;
    const em = system.orm.em.fork();
    await em.execute("delete from setting where key = 'personal-account.policy'");
    if (saved !== null) await em.execute("insert into setting (key, value, updated_at) values ('personal-account.policy', ?, now())", [JSON.stringify(saved)]);
    await system.close();
  });

  it('shows the person their periods, months and the personal account with interest at the configured rates (rules §5.1)', async () => {
    const token = await system.token({ role: 'citizen', sub: person.citizenId });
    const record = await system.call('GET', `/v1/persons/${person.citizenId}/record`, { token });
    expect(record.status).toBe(200);
    expect(record.body).toMatchObject({ citizenId: person.citizenId, name: person.name, unmasked: true, contributionMonths: { pension: 12, medical: 12 } });
    expect(record.body.periods.find((p: { insuranceType: string }) => p.insuranceType === 'pension')).toMatchObject({
      startMonth: `${year - 2}-01`,
      contributionBase: '8000.00',
      paidMonths: 12,
    });
    // 7 680.00 × 0.04 × 0.5415 = 166.3488 → 166.35; (7 680.00 + 166.35) × 0.03 = 235.3905 → 235.39; this year: not yet.
    expect(record.body.personalAccount.years).toEqual([
      { year: year - 2, opening: '0.00', contributions: '7680.00', months: 12, rate: '0.0400', interest: '166.35', closing: '7846.35' },
      { year: year - 1, opening: '7846.35', contributions: '0.00', months: 0, rate: '0.0300', interest: '235.39', closing: '8081.74' },
      { year, opening: '8081.74', contributions: '0.00', months: 0, rate: null, interest: '0.00', closing: '8081.74' },
    ]);
    expect(record.body.personalAccount).toMatchObject({ balance: '8081.74', interestTotal: '401.74' });
  });

  it('is the person’s own and their region’s staff’s: another citizen or another region gets 404, an employer agent too', async () => {
    const other = await system.token({ role: 'citizen', sub: newPerson('1990-01-01').citizenId });
    expect((await system.call('GET', `/v1/persons/${person.citizenId}/record`, { token: other })).status).toBe(404);
    const elsewhere = await system.token({ role: 'caseworker', region: '330212', sub: 'cw-nb' });
    expect((await system.call('GET', `/v1/persons/${person.citizenId}/record`, { token: elsewhere })).status).toBe(404);
    const agent = await system.token({ role: 'employer', employer: '91330102MA2H00014Y', sub: 'agent-r' });
    expect((await system.call('POST', `/v1/persons/${person.citizenId}/certificates`, { token: agent })).status).toBe(404);
    const staff = await system.token({ role: 'caseworker', region: '330102', sub: 'cw-rec' });
    const seen = await system.call('GET', `/v1/persons/${person.citizenId}/record`, { token: staff });
    expect(seen.status).toBe(200);
    const bad = await system.call('POST', '/v1/persons/12345/certificates', { token: staff });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].path).toBe('citizenId');
  });

  let code = '';

  it('issues a 参保证明 PDF that parses, embeds its CJK font and carries the verification code', async () => {
    const token = await system.token({ role: 'citizen', sub: person.citizenId });
    const response = await fetch(`${system.url}/v1/persons/${person.citizenId}/certificates`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}` },
    });
    expect(response.status).toBe(201);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    code = response.headers.get('x-verification-code') ?? '';
    expect(code).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect(response.headers.get('x-content-sha256')).toBe(createHash('sha256').update(bytes).digest('hex'));
    const raw = Buffer.from(bytes).toString('latin1');
    expect(raw).toMatch(/\/FontFile[23]?/);
    expect(raw).toContain('NotoSansCJK');
    const text = await pdfText(bytes);
    expect(text).toContain(`验证码：${code}`);
    expect(text).toContain(person.name);
    expect(text).toContain('8081.74');
    const [row] = await system.orm.em
      .fork()
      .execute<{ sha256: string; masked_name: string }[]>('select sha256, masked_name from certificate where code = ?', [code]);
    expect(row).toEqual({ sha256: response.headers.get('x-content-sha256'), masked_name: '王**' });
  });

  it('answers a public check with valid and the masked name only; a forged or mistyped code is invalid', async () => {
    const valid = await system.call('GET', `/v1/certificates/${code}`);
    expect(valid.status).toBe(200);
    expect(valid.body).toEqual({ valid: true, maskedName: '王**' });
    const typed = await system.call('GET', `/v1/certificates/${code.replace(/-/g, '').toLowerCase()}`);
    expect(typed.body).toEqual({ valid: true, maskedName: '王**' });
    const forged = await system.call('GET', '/v1/certificates/0000-0000-0000-0000');
    expect(forged.body).toEqual({ valid: false, maskedName: null });
    expect((await system.call('GET', '/v1/certificates/not-a-code')).body).toEqual({ valid: false, maskedName: null });
  });

  it('limits the public check per address (429 with Retry-After), so codes cannot be guessed', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 25; i += 1) statuses.push((await system.call('GET', '/v1/certificates/0000-0000-0000-0001')).status);
    const first429 = statuses.indexOf(429);
    expect(first429).toBeGreaterThan(0);
    expect(statuses.slice(0, first429).every((s) => s === 200)).toBe(true);
    expect(statuses.slice(first429).every((s) => s === 429)).toBe(true);
    const refused = await system.call('GET', '/v1/certificates/0000-0000-0000-0001');
    expect(refused.headers.get('retry-after')).not.toBeNull();
    expect(refused.body.code).toBe('RATE_LIMITED');
  });
});
