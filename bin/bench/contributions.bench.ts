// Issue 3 figures: (1) import and validate contribution lines end to end, bills written; (2) late fees as of a date
// for overdue bills, in SQL, checked against the domain's calculateLateFee on a sample.
import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { from as copyFrom } from 'pg-copy-streams';
import type { MikroORM } from '@mikro-orm/postgresql';
import { calculateLateFee } from '../../domain/contribution/late-fee.js';
import { Money } from '../../domain/money.js';
import { defineAbilityFor, type Actor } from '../../policies/abilities.js';
import type { BusinessClock } from '../../services/business-clock.js';
import { addMonths, monthOf } from '../../domain/calendar/local-date.js';
import { declareWageFile } from '../../services/contributions/declare-wages.js';
import { citizenIdSequence } from './citizen-ids.js';
import type { BenchRow } from './report.js';
import { runPool } from './latency.js';

export interface ContributionBenchContext {
  orm: MikroORM;
  say: (line: string) => void;
  /** Contribution lines to import (default 1 000 000), spread over employers of `linesPerEmployer` each. */
  lines?: number;
  linesPerEmployer?: number;
  /** Overdue bills to state late fees for (default 100 000). */
  overdueBills?: number;
  /** Roster files uploaded at once, as that many employers' agents would (default UPLOADS_IN_FLIGHT). */
  uploadsInFlight?: number;
  /** The bench's business clock: the period declared and the "as of" date of the late fees come from it. */
  clock: BusinessClock;
}

/**
 * Employers upload independently; with one file at a time the database waits for the parse and the parse for the
 * database, each half idle. Four at once keep both busy on two cores (measured: docs/performance.md).
 */
const UPLOADS_IN_FLIGHT = Number(process.env['BENCH_UPLOADS_IN_FLIGHT'] ?? 4);

/** Last month as of the clock: the period an employer declares now. */
const periodOf = (clock: BusinessClock) => monthOf(addMonths(clock.today(), -1));

/** Employers of this run: 18 characters, unique per run, in 330102 (risk class 2). */
async function insertEmployers(orm: MikroORM, run: string, count: number): Promise<string[]> {
  const codes = Array.from({ length: count }, (_, i) => `B${run}${String(i).padStart(12, '0')}`);
  // The driver expands array parameters into lists, so the codes are generated in SQL from the same pattern.
  await orm.em.fork().execute(
    `insert into employer (credit_code, name, region, status, industry_code, work_injury_class, created_by, created_at)
     select 'B' || ? || lpad(g::text, 12, '0'), 'bench employer', '330102', 'active', 'H6210', 2, 'bench', now()
       from generate_series(0, ?) as g`,
    [run, count - 1],
  );
  return codes;
}

/** One employer's roster as the CSV an employer uploads (UTF-8, Chinese header). */
function rosterCsv(nextId: () => string, lines: number): Uint8Array {
  const rows = ['身份证号,姓名,月工资,险种'];
  for (let i = 0; i < lines; i += 1) rows.push(`${nextId()},职工${i},${4000 + (i % 200) * 50}.00,养老;医疗;失业;工伤`);
  return new TextEncoder().encode(`${rows.join('\n')}\n`);
}

/**
 * Figure: N contribution lines through the same pipeline as `POST /v1/declarations/files` — the employer check,
 * decode and stream the CSV, validate every ID and amount, compute every line with the region's parameters, write
 * lines, declaration, bill and charge.
 * The files are generated before the clock starts.
 */
async function benchImport(ctx: ContributionBenchContext, run: string): Promise<BenchRow[]> {
  const total = ctx.lines ?? 1_000_000;
  const per = ctx.linesPerEmployer ?? 1_000;
  const employers = await insertEmployers(ctx.orm, run, Math.ceil(total / per));
  const nextId = citizenIdSequence('330102');
  ctx.say(`contributions: generating ${total} lines for ${employers.length} employers`);
  const files = employers.map((_, i) => rosterCsv(nextId, Math.min(per, total - i * per)));
  const started = performance.now();
  // This process's CPU over the import (parse, checks, computation, driver): on a shared machine it moves far less
  // than the wall time, so a change to the per-line work shows in it first (docs/performance.md).
  const cpuBefore = process.cpuUsage();
  let written = 0;
  await runPool(employers.length, ctx.uploadsInFlight ?? UPLOADS_IN_FLIGHT, async (i) => {
    const code = employers[i]!;
    // Each file as its employer's agent uploads it: the same command, checks and stream reader as the route.
    const actor: Actor = { id: `bench-${code.slice(-6)}`, role: 'employer', employer: code };
    const agent = { em: ctx.orm.em.fork(), actor, ability: defineAbilityFor(actor), requestId: null, clock: ctx.clock };
    const outcome = await declareWageFile(agent, { period: periodOf(ctx.clock), file: files[i]!, idempotencyKey: `bench-${run}-${code}` });
    if (!outcome.ok) throw new Error(`bench roster refused: ${JSON.stringify(outcome.issues.slice(0, 3))}`);
    written += outcome.lineCount;
  });
  const seconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  const [bills] = await ctx.orm.em.fork().execute<{ n: string }[]>(`select count(*)::text as n from bill where employer_credit_code like ?`, [`B${run}%`]);
  ctx.say(`contributions: ${written} lines in ${seconds.toFixed(1)} s, ${bills?.n} bills; this process's CPU ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s`);
  const copy = await rawCopyRate(ctx, written);
  ctx.say(`contributions: raw COPY of ${written} rows into a copy of contribution_line in ${copy.toFixed(1)} s`);
  return [
    {
      figure: `Import + validate ${written.toLocaleString('en')} contribution lines end to end (${employers.length} roster files, ${bills?.n} bills written)`,
      value: `${seconds.toFixed(1)} s (${Math.round(written / seconds).toLocaleString('en')} lines/s)`,
      goal: '≤ 15 s for 1,000,000 (issue 16)',
      met: total >= 1_000_000 ? seconds <= 15 : null,
    },
    {
      figure: `Reference, same run: raw COPY of ${written.toLocaleString('en')} rows into a table shaped like contribution_line (its keys and index)`,
      value: `${copy.toFixed(1)} s (${Math.round(written / copy).toLocaleString('en')} rows/s); the import takes ${(seconds / copy).toFixed(1)}× as long`,
      goal: 'reference',
      met: null,
    },
  ];
}

/**
 * The reference for the import figure (issue 16): `rows` contribution lines COPYed, text prepared before the clock
 * starts, into a temporary table with contribution_line's columns, primary key and citizen_id index — what the
 * database alone takes for the rows the import writes.
 */
async function rawCopyRate(ctx: ContributionBenchContext, rows: number): Promise<number> {
  const nextId = citizenIdSequence('110105');
  const chunks: string[] = [];
  const declarationId = randomUUID();
  for (let start = 0; start < rows; start += 4_000) {
    let text = '';
    for (let i = start; i < Math.min(start + 4_000, rows); i += 1) {
      text += `${declarationId}\t${i}\t${nextId()}\t职工${i}\t8000.00\t8000.00\t1280.00\t640.00\t720.00\t160.00\t40.00\t40.00\t32.00\t2912.00\n`;
    }
    chunks.push(text);
  }
  const client = await (await ctx.orm.em.getConnection().getNativeClient()).connect();
  try {
    await client.query('create temporary table bench_copy (like contribution_line including all)');
    const started = performance.now();
    await pipeline(Readable.from(chunks), client.query(copyFrom('copy bench_copy from stdin')));
    const seconds = (performance.now() - started) / 1000;
    await client.query('drop table bench_copy');
    return seconds;
  } finally {
    client.release();
  }
}

/**
 * Figure: late fees as of a date for N overdue bills, set-based in SQL (principal × 0.0005 × days from the day after
 * the due date). A sample is recomputed with the domain's calculateLateFee and must agree to the fen.
 */
async function benchLateFees(ctx: ContributionBenchContext, run: string): Promise<BenchRow[]> {
  const count = ctx.overdueBills ?? 100_000;
  const asOf = ctx.clock.today();
  const periods = 10;
  const prefix = `${run.slice(0, 4)}L`;
  await insertEmployers(ctx.orm, prefix, Math.ceil(count / periods));
  const mine = `B${prefix}%`;
  const em = ctx.orm.em.fork();
  await em.execute(
    `insert into bill (id, employer_credit_code, region, period, due_date, provisional, created_at)
     select gen_random_uuid(), e.code, '330102', to_char(date '2025-01-01' + (p || ' month')::interval, 'YYYY-MM'),
            (date '2025-02-15' + (p || ' month')::interval)::date, false, now()
       from (select credit_code as code from employer where credit_code like ?) e, generate_series(0, ?) as p`,
    [mine, periods - 1],
  );
  await em.execute(
    `insert into ledger_entry (employer_credit_code, period, entry_type, amount, occurred_on, dedupe_key, created_at)
     select b.employer_credit_code, b.period, 'charge', (1000 + (abs(hashtext(b.id::text)) % 900000) / 100.0)::numeric(18,2), b.due_date,
            'bench-charge:' || b.id, now()
       from bill b where b.employer_credit_code like ?`,
    [mine],
  );
  const query = `
    select b.employer_credit_code, b.period, to_char(b.due_date, 'YYYY-MM-DD') as due_date, l.principal::text as principal,
           greatest(?::date - b.due_date, 0) as days,
           round(l.principal * 0.0005 * greatest(?::date - b.due_date, 0), 2)::text as late_fee
      from bill b
      join (select employer_credit_code, period, sum(amount) as principal from ledger_entry
             where entry_type in ('charge', 'provisional_charge', 'adjustment', 'principal_paid') group by 1, 2) l
        on l.employer_credit_code = b.employer_credit_code and l.period = b.period
     where b.due_date < ? and l.principal > 0 and b.employer_credit_code like ?`;
  const started = performance.now();
  const rows = await em.execute<{ due_date: string; principal: string; days: number; late_fee: string }[]>(query, [asOf, asOf, asOf, mine]);
  const seconds = (performance.now() - started) / 1000;
  for (const row of rows.filter((_, i) => i % Math.max(1, Math.floor(rows.length / 1000)) === 0)) {
    const domain = calculateLateFee({ principal: Money.of(row.principal), dueDate: row.due_date, asOf });
    if (domain.lateFee.toString() !== row.late_fee || domain.days !== Number(row.days)) {
      throw new Error(`SQL and domain disagree for ${row.principal} due ${row.due_date}: ${row.late_fee} vs ${domain.lateFee.toString()}`);
    }
  }
  ctx.say(`late fees: ${rows.length} bills in ${seconds.toFixed(2)} s`);
  return [
    {
      figure: `Late fees as of ${asOf} for ${rows.length.toLocaleString('en')} overdue bills (SQL, sample checked against the domain)`,
      value: `${(seconds * 1000).toFixed(0)} ms (${Math.round(rows.length / seconds).toLocaleString('en')} rows/s)`,
      goal: 'reported',
      met: null,
    },
  ];
}

/**
 * Removes the run's rows: left behind, its overdue bills would make the next sweep open thousands of arrears cases.
 * The ledger is append-only for the system; bench rows were never business data. Audit lines are kept.
 */
async function removeBenchRows(orm: MikroORM, pattern: string): Promise<void> {
  const em = orm.em.fork();
  await em.execute('delete from contribution_line where declaration_id in (select id from declaration where employer_credit_code like ?)', [pattern]);
  await em.execute('delete from declaration where employer_credit_code like ?', [pattern]);
  // The ledger refuses deletes by trigger; the bench owns the table on its own database and lifts the trigger for
  // its own rows only, inside one transaction, so no other session ever sees the ledger without it.
  await em.transactional(async (tx) => {
    await tx.execute('alter table ledger_entry disable trigger ledger_entry_append_only');
    await tx.execute('delete from ledger_entry where employer_credit_code like ?', [pattern]);
    await tx.execute('alter table ledger_entry enable trigger ledger_entry_append_only');
  });
  await em.execute('delete from bill where employer_credit_code like ?', [pattern]);
  await em.execute('delete from employer where credit_code like ?', [pattern]);
}

/** The contribution figures for the bench table (bin/bench.ts): run on a fresh or reused database; cleans up after itself. */
export async function runContributionBenchmarks(ctx: ContributionBenchContext): Promise<BenchRow[]> {
  const run = randomUUID().replaceAll('-', '').slice(0, 5).toUpperCase();
  try {
    return [...(await benchImport(ctx, run)), ...(await benchLateFees(ctx, run))];
  } finally {
    await removeBenchRows(ctx.orm, `B${run}%`);
    await removeBenchRows(ctx.orm, `B${run.slice(0, 4)}L%`);
  }
}
