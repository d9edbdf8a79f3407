// A large roster through the COPY import path (issue 16: COPYed inside the declaration's transaction, billed in SQL)
// books exactly what the domain's Decimal computation gives, line by line and on the bill, once however often it is
// sent; a bad file of the same size is refused with its row and field and leaves nothing behind; a transaction that
// fails after its COPY leaves none of the copied rows.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { citizenIdSequence } from '../../../bin/bench/citizen-ids.js';
import { findParametersInForce } from '../../../db/queries/region-parameters.query.js';
import { copyInTransaction } from '../../../db/writers/copy-in-transaction.js';
import { computeDeclaration } from '../../../domain/contribution/declaration.js';
import { readRoster } from '../../../domain/contribution/declaration-csv.js';
import { declareWageFile } from '../../../services/contributions/declare-wages.js';
import { businessDates, type BusinessDates } from '../../support/business-dates.js';
import { contextFor, startSystem, type TestSystem } from '../../support/system.js';
import { countRows, ledgerOf, newEmployer } from './contribution-fixtures.js';

const LINES = 20_000;
const INSURANCES = ['养老', '医疗', '失业', '工伤'];
const TIERS = ['0.5', '0.8', '1', '1.2', '1.5'];

/** A seeded generator (mulberry32), so a failure can be replayed. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** A roster of `LINES` people: wages below the floor, inside the band and above the ceiling, 0–2 decimals, mixed insurances, names COPY must escape. */
function roster(seed: number): string {
  const next = random(seed);
  const ids = citizenIdSequence('330102');
  const rows = ['身份证号,姓名,月工资,险种,工伤浮动档'];
  for (let i = 0; i < LINES; i += 1) {
    const fen = Math.floor(next() * 6_000_000);
    const decimals = Math.floor(next() * 3);
    const wage = decimals === 0 ? String(Math.floor(fen / 100)) : decimals === 1 ? (Math.floor(fen / 10) / 10).toFixed(1) : (fen / 100).toFixed(2);
    const insurances = INSURANCES.filter(() => next() < 0.7);
    const names = [`拷贝${i}`, `"拷贝王\\五,${i}"`, `"拷贝李\t""四""${i}"`];
    rows.push(`${ids()},${names[i % 3]},${wage},${(insurances.length > 0 ? insurances : ['养老']).join(';')},${TIERS[Math.floor(next() * TIERS.length)]}`);
  }
  return `${rows.join('\r\n')}\r\n`;
}

describe('roster import through COPY (issue 16)', () => {
  let system: TestSystem;
  let d: BusinessDates;

  beforeAll(async () => {
    system = await startSystem();
    d = businessDates(system.clock);
  });
  afterAll(async () => system?.close());

  const linesOf = async (declarationId: string) => {
    const [row] = await system.orm.em
      .fork()
      .execute<{ n: string }[]>('select count(*)::text as n from contribution_line where declaration_id = ?', [declarationId]);
    return Number(row!.n);
  };

  it(`books ${LINES.toLocaleString('en')} lines and their bill exactly as the domain computes them (rules §3.1–3.4), once`, async () => {
    const { code, agent } = await newEmployer(system);
    const text = roster(16);
    const file = new TextEncoder().encode(text);
    const period = d.period(-1);

    const outcome = await declareWageFile(contextFor(system, agent), { period, file });
    if (!outcome.ok) throw new Error(JSON.stringify(outcome.issues.slice(0, 3)));
    expect(outcome.lineCount).toBe(LINES);

    // The domain's own computation, in Decimal, of the same file read the same way.
    const parameters = await findParametersInForce(system.orm.em.fork(), '330102', `${period}-01`);
    const read = readRoster(text);
    expect(read.issues).toEqual([]);
    const expected = computeDeclaration(read.lines, parameters!, '2');
    expect(expected.issues).toEqual([]);

    const stored = await system.orm.em.fork().execute<Record<string, string | number | null>[]>(
      `select line_no, citizen_id, name, monthly_wage::text, base::text, pension_employer::text, pension_employee::text, medical_employer::text,
              medical_employee::text, unemployment_employer::text, unemployment_employee::text, work_injury_employer::text, total::text
         from contribution_line where declaration_id = ? order by line_no`,
      [outcome.declarationId],
    );
    const amount = (line: (typeof expected.lines)[number], insurance: string, side: 'employer' | 'employee') => {
      const l = line.lines.find((x) => x.insurance === insurance);
      return l === undefined ? null : l[side].toString();
    };
    const want = expected.lines.map((line, i) => ({
      line_no: i,
      citizen_id: line.citizenId,
      name: line.name,
      monthly_wage: line.monthlyWage.toString(),
      base: line.base.toString(),
      pension_employer: amount(line, 'pension', 'employer'),
      pension_employee: amount(line, 'pension', 'employee'),
      medical_employer: amount(line, 'medical', 'employer'),
      medical_employee: amount(line, 'medical', 'employee'),
      unemployment_employer: amount(line, 'unemployment', 'employer'),
      unemployment_employee: amount(line, 'unemployment', 'employee'),
      work_injury_employer: amount(line, 'workInjury', 'employer'),
      total: line.total.toString(),
    }));
    expect(stored).toEqual(want);
    expect(stored.some((r) => String(r.name).includes('\t') && String(r.name).includes('"'))).toBe(true);
    expect(stored.some((r) => String(r.name).includes('\\'))).toBe(true);

    const [declaration] = await system.orm.em
      .fork()
      .execute<{ employer_total: string; employee_total: string; total: string }[]>(
        'select employer_total::text, employee_total::text, total::text from declaration where id = ?',
        [outcome.declarationId],
      );
    expect(declaration).toEqual({
      employer_total: expected.totals.employer.toString(),
      employee_total: expected.totals.employee.toString(),
      total: expected.totals.total.toString(),
    });
    expect(await ledgerOf(system, code)).toEqual([{ period, type: 'charge', amount: expected.totals.total.toString(), caseId: null }]);

    // The same file again: the first declaration, nothing booked twice, no line written twice.
    const again = await declareWageFile(contextFor(system, agent), { period, file });
    expect(again).toMatchObject({ ok: true, duplicate: true, declarationId: outcome.declarationId });
    expect(await countRows(system, 'declaration', code)).toBe(1);
    expect(await countRows(system, 'ledger_entry', code)).toBe(1);
    expect(await linesOf(outcome.declarationId)).toBe(LINES);
  });

  it(`refuses a ${LINES.toLocaleString('en')}-line file with a bad row as a whole, naming row and field, and writes nothing`, async () => {
    const { code, agent } = await newEmployer(system);
    const rows = roster(17).split('\r\n');
    const cells = rows[12_346]!.split(',');
    rows[12_346] = [cells[0], cells[1], '8000.123', ...cells.slice(3)].join(','); // rows[12345]: the header is line 0
    const outcome = await declareWageFile(contextFor(system, agent), { period: d.period(-1), file: new TextEncoder().encode(rows.join('\r\n')) });
    expect(outcome).toEqual({ ok: false, issues: [{ path: 'rows[12345].monthlyWage', message: 'has more than 2 decimal places ("8000.123")' }] });
    expect(await countRows(system, 'declaration', code)).toBe(0);
    expect(await countRows(system, 'bill', code)).toBe(0);
    expect(await countRows(system, 'ledger_entry', code)).toBe(0);
  });

  it('writes the COPYed rows with the transaction around it: kept on commit, gone on rollback, refused outside one', async () => {
    const copy = `copy contribution_line (declaration_id, line_no, citizen_id, name, monthly_wage, base, total) from stdin`;
    const rows = (id: string) => [0, 1, 2].map((n) => `${id}\t${n}\t${citizenIdSequence('330106')()}\t名${n}\t8000.00\t8000.00\t2912.00\n`);
    const kept = randomUUID();
    await system.orm.em.fork().transactional((tx) => copyInTransaction(tx, copy, rows(kept)));
    expect(await linesOf(kept)).toBe(3);
    const rolledBack = randomUUID();
    await expect(
      system.orm.em.fork().transactional(async (tx) => {
        await copyInTransaction(tx, copy, rows(rolledBack));
        throw new Error('after the COPY');
      }),
    ).rejects.toThrow('after the COPY');
    expect(await linesOf(rolledBack)).toBe(0);
    await expect(copyInTransaction(system.orm.em.fork(), copy, rows(randomUUID()))).rejects.toThrow('needs an open transaction');
    await system.orm.em.fork().execute('delete from contribution_line where declaration_id = ?', [kept]);
  });

  it('refuses a file with a NUL byte in a name on that row, with quotes (the parser) or without (the line splitter), and writes nothing', async () => {
    const { code, agent } = await newEmployer(system);
    const quoted = roster(19).split('\r\n');
    quoted[5_001] = quoted[5_001]!.replace(/^([^,]+),/, '$1,\u0000'); // rows[5000]
    const unquoted = ['身份证号,姓名,月工资', ...[1, 2, 3].map((n) => `${citizenIdSequence('330106')()},名${n === 2 ? '\u0000' : ''},8000`)];
    for (const [text, row] of [
      [quoted.join('\r\n'), 'rows[5000]'],
      [unquoted.join('\n'), 'rows[1]'],
    ] as const) {
      const outcome = await declareWageFile(contextFor(system, agent), { period: d.period(-1), file: new TextEncoder().encode(text) });
      expect(outcome).toMatchObject({ ok: false, issues: [{ path: row, message: expect.stringContaining('U+0000') }] });
    }
    expect(await countRows(system, 'declaration', code)).toBe(0);
    expect(await countRows(system, 'ledger_entry', code)).toBe(0);
  });
});
