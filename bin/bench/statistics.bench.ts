// Issue 14 figure: the monthly statistics (GET /v1/statistics/monthly, twelve months) of a county with N insured
// persons (1 000 000 in the full run) and a year of contributions booked, serial, p50 / p95 — beside a bare count of
// the same county's insurance records measured in the same run, the least any figure of it can cost.
import type { BenchSystem } from './bench-system.js';
import { LatencySample, timed } from './latency.js';
import { ms, type BenchRow } from './report.js';
import { addMonths, monthOf } from '../../domain/calendar/local-date.js';

/** 萧山: a county no other bench section writes to. */
const REGION = '330109';
const PERSONS_PER_EMPLOYER = 1_000;

/**
 * N insured persons of REGION written set-based (generate_series, one statement per table): a person each, with a
 * pension and a medical record at an employer of 1 000; a tenth joined during the twelve months, 2 % left in them.
 * Each employer has a bill per month of the year with its charge, and all but every tenth employer paid it — the
 * ledger a year of contribution lines books (the statistics read the ledger, not the lines). The ID numbers are
 * well-formed in shape only (their check character is not computed): no rule reads them here.
 */
async function seedRegion(system: BenchSystem, persons: number, months: readonly string[]): Promise<void> {
  const em = system.orm.em.fork();
  const first = months[0]!;
  const employers = Math.ceil(persons / PERSONS_PER_EMPLOYER);
  await em.execute(
    `insert into employer (credit_code, name, region, status, industry_code, work_injury_class, created_by, created_at)
     select '91330109ST' || lpad(e::text, 8, '0'), '统计压测单位' || e, ?, 'active', 'I6510', 1, 'bench', now()
       from generate_series(1, ?) as e`,
    [REGION, employers],
  );
  await em.execute(
    `insert into person (citizen_id, name, sex, birth_date, created_at, updated_at)
     select ? || to_char(date '1960-01-01' + (i / 999), 'YYYYMMDD') || lpad((i % 999 + 1)::text, 3, '0') || 'X',
            '统计压测员', case when i % 2 = 0 then 'female' else 'male' end, date '1960-01-01' + (i / 999), now(), now()
       from generate_series(0, ? - 1) as i`,
    [REGION, persons],
  );
  for (const insurance of ['pension', 'medical']) {
    await em.execute(
      `insert into insurance_record (id, citizen_id, insurance_type, region, employer_credit_code, personnel_category, start_month, end_month,
         status, contribution_base, opened_by_case, created_at)
       select gen_random_uuid(), ? || to_char(date '1960-01-01' + (i / 999), 'YYYYMMDD') || lpad((i % 999 + 1)::text, 3, '0') || 'X', ?, ?,
              '91330109ST' || lpad((i / ${PERSONS_PER_EMPLOYER} + 1)::text, 8, '0'), 'employee',
              case when i % 10 = 0 then to_char(?::date + make_interval(months => i % 12), 'YYYY-MM') else '2015-01' end,
              case when i % 50 = 1 then to_char(?::date + make_interval(months => i % 12), 'YYYY-MM') end,
              case when i % 50 = 1 then 'ended' else 'active' end, 8000, 'bench-stat-' || i, now()
         from generate_series(0, ? - 1) as i`,
      [REGION, insurance, REGION, `${first}-01`, `${first}-01`, persons],
    );
  }
  await em.execute(
    `insert into bill (id, employer_credit_code, region, period, due_date, provisional, created_at)
     select gen_random_uuid(), '91330109ST' || lpad(e::text, 8, '0'), ?, m.period, (to_date(m.period, 'YYYY-MM') + interval '1 month 14 days')::date, false, now()
       from generate_series(1, ?) as e cross join unnest(?::text[]) as m(period)`,
    [REGION, employers, `{${months.join(',')}}`],
  );
  // A month's charge of 1 000 persons at a base of 8 000 (pension 24 %, medical 11.5 %); every tenth employer owes it.
  await em.execute(
    `insert into ledger_entry (employer_credit_code, period, entry_type, amount, occurred_on, dedupe_key, created_at)
     select b.employer_credit_code, b.period, t.entry_type, t.sign * 2840000.00, b.due_date - 5, 'bench-stat:' || b.id || ':' || t.entry_type, now()
       from bill b cross join (values ('charge', 1), ('principal_paid', -1)) as t(entry_type, sign)
      where b.region = ? and (t.entry_type = 'charge' or right(b.employer_credit_code, 1) <> '0')`,
    [REGION],
  );
  await em.execute('analyze employer; analyze person; analyze insurance_record; analyze bill; analyze ledger_entry');
}

export async function benchStatistics(system: BenchSystem, options: { persons: number; requests: number; say: (line: string) => void }): Promise<BenchRow[]> {
  const to = monthOf(system.clock.today());
  const from = monthOf(addMonths(`${to}-01`, -11));
  const months = Array.from({ length: 12 }, (_, i) => monthOf(addMonths(`${from}-01`, i)));
  options.say(`statistics: writing ${options.persons} insured persons in ${REGION} with a year of contributions`);
  const seeded = await timed(() => seedRegion(system, options.persons, months));
  options.say(`statistics: written in ${(seeded.ms / 1000).toFixed(1)} s; ${options.requests} × GET /v1/statistics/monthly and the reference count`);
  const token = await system.token({ role: 'supervisor', region: REGION, sub: 'bench-stat-sv' });
  const path = `/v1/statistics/monthly?region=${REGION}&from=${from}&to=${to}`;
  const read = async () => {
    const answer = await system.call('GET', path, { token });
    if (answer.status !== 200) throw new Error(`statistics answered ${answer.status}: ${JSON.stringify(answer.body)}`);
    return answer.body as { months: { insured: { insuranceType: string; insured: number }[] }[] };
  };
  const em = system.orm.em.fork();
  const count = () => em.execute<{ n: string }[]>('select count(*) as n from insurance_record where region like ?', [`${REGION}%`]);
  // Warm both (plans, caches), and check the figure counts what was written: the last month's pension insured.
  const body = await read();
  const lastPension = body.months.at(-1)?.insured.find((row) => row.insuranceType === 'pension')?.insured ?? 0;
  if (lastPension < options.persons * 0.9) throw new Error(`statistics: ${lastPension} pension insured in ${to}, expected about ${options.persons}`);
  await count();
  const statistics = new LatencySample();
  const reference = new LatencySample();
  for (let i = 0; i < options.requests; i += 1) {
    statistics.add((await timed(read)).ms);
    reference.add((await timed(count)).ms);
  }
  return [
    {
      figure: `monthly statistics, 12 months, a county of ${options.persons} insured persons (2 records each) and a year of contributions, serial, ${statistics.count} requests: p50 / p95`,
      value: `${ms(statistics.percentile(50))} / ${ms(statistics.percentile(95))}`,
      goal: 'p95 ≤ 5 s (issue 14)',
      met: statistics.percentile(95) <= 5_000,
    },
    {
      figure: '  select count(*) of the same county’s insurance records, same run: p50 / p95',
      value: `${ms(reference.percentile(50))} / ${ms(reference.percentile(95))}`,
      goal: 'reference',
      met: null,
    },
  ];
}
