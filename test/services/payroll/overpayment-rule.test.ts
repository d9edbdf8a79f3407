// One rule for what a stop makes overpaid (rules §8; 社会保险经办条例 art. 46): the recoveries the database opens for a
// death feed or a payroll's "stop and recover" are exactly what the pure `overpaymentAfterStop` / `overpaymentAfterLastDue`
// make of the paid lines, each split into its months by `paidMonthsOf`. Cases come from a seeded generator (the seed is
// in the title: a failure is replayed by running the file again).
import { randomInt } from 'node:crypto';
import type { MikroORM } from '@mikro-orm/postgresql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openOverpayments } from '../../../db/writers/payroll-line-decisions.js';
import { overpaymentAfterLastDue, overpaymentAfterStop, type PaidLine, paidMonthsOf } from '../../../domain/payroll/overpayment.js';
import { addPeriods } from '../../../domain/payroll/payroll-month.js';
import { addEntitlement } from '../../api/payroll-fixture.js';
import { citizenId } from '../../support/factories.js';
import { seededRandom } from '../../support/seeded-random.js';
import { openTestDatabase } from '../../support/command-context.js';

const REGION = '330106';
const SEED = 20261204;
const CASES = 30;
/** Months of the generated lines are around this one (a fixed month: the rule does not depend on today). */
const BASE = '2026-06';

interface Case {
  entitlementId: string;
  citizenId: string;
  deathDate: string;
  stopLastDue: string;
  lines: (PaidLine & { status: string })[];
}

function linesFor(g: ReturnType<typeof seededRandom>): Case['lines'] {
  return Array.from({ length: g.int(1, 5) }, () => {
    const first = addPeriods(BASE, g.int(-8, 1));
    const months = Array.from({ length: g.int(1, 4) }, (_, i) => addPeriods(first, i));
    // Odd fen on purpose: a back-pay of 100.00 for three months is 33.34 + 33.33 + 33.33.
    const amount = (g.int(1, 1_000_000) / 100).toFixed(2);
    const own = months.length === 1 && g.int(0, 3) === 0;
    return {
      period: months.at(-1)!,
      amount,
      paidMonths: own ? null : months,
      status: g.pick(['paid', 'paid', 'paid', 'failed', 'sent']),
    };
  });
}

describe(`what a stop makes overpaid is the domain's rule, in the database too (§8, art. 46; seed ${SEED})`, () => {
  let orm: MikroORM;
  const cases: Case[] = [];
  const importId = randomInt(1_000_000_000);

  beforeAll(async () => {
    orm = await openTestDatabase();
    const g = seededRandom(SEED);
    const em = orm.em.fork();
    for (let i = 0; i < CASES; i++) {
      const person = await addEntitlement(orm, {
        // A random birthday too: 30 people of one birthday would share an ID now and then.
        citizenId: citizenId(),
        region: REGION,
        claimType: 'pension',
        benefit: 'basicPension',
        kind: 'monthly',
        amount: '1000.00',
        startMonth: addPeriods(BASE, -12),
        firstPayrollMonth: addPeriods(BASE, -12),
      });
      const deathDate = `${addPeriods(BASE, g.int(-9, 1))}-${String(g.int(1, 28)).padStart(2, '0')}`;
      const c: Case = { ...person, deathDate, stopLastDue: addPeriods(BASE, g.int(-9, 1)), lines: linesFor(g) };
      cases.push(c);
      await em.execute(
        `insert into payroll_line (line_key, payroll_id, entitlement_id, citizen_id, region, benefit, kind, period, months, paid_months, amount, status, attempt)
         select x.k, 'payroll-rule-test', ?, ?, ?, 'basicPension', 'backPay', x.p, x.n, x.m, x.a, x.s, 1
         from json_to_recordset(?::json) as x(k text, p text, n int, m jsonb, a numeric, s text)`,
        [
          c.entitlementId,
          c.citizenId,
          REGION,
          JSON.stringify(
            c.lines.map((l, j) => ({
              k: `${c.entitlementId}:rule:${j}`,
              p: l.period,
              n: l.paidMonths?.length ?? 1,
              m: l.paidMonths,
              a: l.amount,
              s: l.status,
            })),
          ),
        ],
      );
      await em.execute(
        `insert into death_record (citizen_id, death_date, source, certificate_no, import_id, recorded_at) values (?, ?, 'civil', 'D-rule', ?, now())`,
        [c.citizenId, deathDate, importId],
      );
    }
  });
  afterAll(async () => orm?.close());

  const recoveryOf = async (entitlementId: string, cause: string) => {
    const [row] = await orm.em
      .fork()
      .execute<{ amount: string; months: string[] }[]>(
        `select amount::text as amount, months from overpayment_recovery where entitlement_id = ? and cause = ?`,
        [entitlementId, cause],
      );
    return row ?? null;
  };
  /** The pure rule's recovery: the amount and the distinct months, or none when nothing was overpaid. */
  const expected = (o: { overpaid: string; months: { period: string }[] }) =>
    o.months.length === 0 ? null : { amount: o.overpaid, months: [...new Set(o.months.map((m) => m.period))] };
  const paidMonths = (c: Case) => c.lines.filter((l) => l.status === 'paid').flatMap((l) => paidMonthsOf(l));

  it(`§8: a death feed opens, for each of ${CASES} generated people, what overpaymentAfterStop computes`, async () => {
    await orm.em.fork().transactional((tx) => openOverpayments(tx, { cause: 'death', stop: { deathsOfImport: importId } }, new Date()));
    for (const c of cases) {
      const rule = overpaymentAfterStop({ stop: { kind: 'death', date: c.deathDate }, payments: paidMonths(c) });
      expect({ case: c, recovery: await recoveryOf(c.entitlementId, 'death') }).toEqual({ case: c, recovery: expected(rule) });
    }
  });

  it(`art. 46: a payroll's stop and recover opens, for each of ${CASES} generated people, what overpaymentAfterLastDue computes`, async () => {
    for (const c of cases) {
      await orm.em
        .fork()
        .transactional((tx) =>
          openOverpayments(
            tx,
            { cause: 'payrollStop', stop: { entitlementIds: [c.entitlementId], lastDueMonth: c.stopLastDue, because: 'stopped' } },
            new Date(),
          ),
        );
      const rule = overpaymentAfterLastDue({ lastDueMonth: c.stopLastDue, because: 'stopped', payments: paidMonths(c) });
      expect({ case: c, recovery: await recoveryOf(c.entitlementId, 'payrollStop') }).toEqual({ case: c, recovery: expected(rule) });
    }
  });
});
