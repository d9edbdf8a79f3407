// Issue 14 figure: a 参保证明 PDF (POST /v1/persons/{id}/certificates: the record read, the PDF rendered with the CJK
// font subset embedded, hashed and recorded), serial, p50 / p95 — beside the JSON record of the same person
// (GET …/record) measured in the same run, which is everything but the PDF.
import { randomUUID } from 'node:crypto';
import { citizenIdCheckChar } from '../../domain/identity/citizen-id.js';
import { addMonths, monthOf } from '../../domain/calendar/local-date.js';
import type { BenchSystem } from './bench-system.js';
import { LatencySample, timed } from './latency.js';
import type { BenchRow } from './report.js';
import { ms } from './report.js';

/** A person with five years of employment, each month declared (so paid), in a new employer of their own. */
async function insertFiveYears(system: BenchSystem): Promise<string> {
  const body = '33010219850412' + String(Math.floor(Math.random() * 500) * 2 + 1).padStart(3, '0');
  const citizenId = body + citizenIdCheckChar(body);
  const employer = `91330102BENCH${randomUUID().slice(0, 5).toUpperCase()}`;
  const em = system.orm.em.fork();
  await em.execute(
    `insert into person (citizen_id, name, sex, birth_date, created_at, updated_at) values (?, '证明压测员', 'male', '1985-04-12', now(), now()) on conflict do nothing`,
    [citizenId],
  );
  await em.execute(
    `insert into employer (credit_code, name, region, status, industry_code, work_injury_class, created_by, created_at) values (?, '证明压测单位', '330102', 'active', 'I6510', 1, 'bench', now())`,
    [employer],
  );
  const from = monthOf(addMonths(system.clock.today(), -60));
  for (const insurance of ['pension', 'medical', 'unemployment']) {
    await em.execute(
      `insert into insurance_record (id, citizen_id, insurance_type, region, employer_credit_code, personnel_category, start_month, status, contribution_base, opened_by_case, created_at)
       values (gen_random_uuid(), ?, ?, '330102', ?, 'employee', ?, 'active', 8000, ?, now())`,
      [citizenId, insurance, employer, from, `bench-${randomUUID()}`],
    );
  }
  for (let i = 0; i < 60; i += 1) {
    const id = randomUUID();
    const period = monthOf(addMonths(`${from}-01`, i));
    await em.execute(
      `insert into declaration (id, employer_credit_code, region, period, source, idempotency_key, line_count, employer_total, employee_total, total, parameters_from, declared_by, declared_at)
       values (?, ?, '330102', ?, 'api', ?, 1, 0, 0, 0, '2025-01-01', 'bench', now())`,
      [id, employer, period, `bench-${id}`],
    );
    await em.execute(
      `insert into contribution_line (declaration_id, line_no, citizen_id, name, monthly_wage, base, pension_employer, pension_employee, medical_employer, medical_employee,
         unemployment_employer, unemployment_employee, work_injury_employer, total) values (?, 1, ?, '证明压测员', 8000, 8000, 1280, 640, 760, 160, 40, 40, null, 0)`,
      [id, citizenId],
    );
  }
  return citizenId;
}

export async function benchCertificates(system: BenchSystem, options: { requests: number; say: (line: string) => void }): Promise<BenchRow[]> {
  const citizenId = await insertFiveYears(system);
  const token = await system.token({ role: 'citizen', sub: citizenId });
  const headers = { authorization: `Bearer ${token}` };
  options.say(`certificates: ${options.requests} × POST /v1/persons/…/certificates and GET …/record`);
  const issue = async () => {
    const response = await fetch(`${system.url}/v1/persons/${citizenId}/certificates`, { method: 'POST', headers });
    if (response.status !== 201) throw new Error(`certificate answered ${response.status}: ${await response.text()}`);
    return response.arrayBuffer();
  };
  for (let i = 0; i < 5; i += 1) await issue();
  const pdf = new LatencySample();
  const record = new LatencySample();
  let size = 0;
  for (let i = 0; i < options.requests; i += 1) {
    const issued = await timed(issue);
    pdf.add(issued.ms);
    size = issued.value.byteLength;
    const read = await timed(() => system.call('GET', `/v1/persons/${citizenId}/record`, { token }));
    if (read.value.status !== 200) throw new Error(`record answered ${read.value.status}`);
    record.add(read.ms);
  }
  return [
    {
      figure: `参保证明 PDF (60 months, 3 insurances, ${Math.round(size / 1024)} KiB with the CJK subset), serial, ${pdf.count} requests: p50 / p95 (the JSON record of the same person: p50 / p95)`,
      value: `${ms(pdf.percentile(50))} / ${ms(pdf.percentile(95))} (${ms(record.percentile(50))} / ${ms(record.percentile(95))})`,
      goal: 'reported (issue 14: p95)',
      met: true,
    },
  ];
}
