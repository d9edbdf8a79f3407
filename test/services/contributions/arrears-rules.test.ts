// The issue-8 rules of arrears recovery, through the commands against real PostgreSQL and the arrears workflow on the
// run's Temporal dev server: an unpaid fine is collected by the allocation and keeps the case open; closure is refused
// for each thing still owed; a hardship deferral may run a calendar year. Dates derive from the system's clock.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createArrearsActivities } from '../../../activities/arrears.activities.js';
import { addDays, addMonths } from '../../../domain/calendar/local-date.js';
import { DomainError } from '../../../domain/errors.js';
import { Money } from '../../../domain/money.js';
import { readArrearsStatement } from '../../../services/arrears/read-arrears-statement.js';
import { requestDeferral } from '../../../services/arrears/request-deferral.js';
import { runArrearsSweepNow } from '../../../services/arrears/run-arrears-sweep.js';
import { bookPayment } from '../../../services/contributions/book-payment.js';
import { declareWages } from '../../../services/contributions/declare-wages.js';
import { closeEmployer } from '../../../services/employers/close-employer.js';
import { businessDates, type BusinessDates } from '../../support/business-dates.js';
import { citizenId } from '../../support/factories.js';
import { contextFor, startSystem, type TestSystem } from '../../support/system.js';
import { admin, caseworker, ledgerOf, newEmployer, pensionLine, supervisor } from './contribution-fixtures.js';

async function refusal(promise: Promise<unknown>): Promise<DomainError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof DomainError)) throw new Error(`expected a DomainError, got ${String(error)}`);
  return error;
}

describe('arrears rules (issue 8) through the commands', () => {
  let system: TestSystem;
  let d: BusinessDates;

  beforeAll(async () => {
    system = await startSystem();
    d = businessDates(system.clock);
  });
  afterAll(async () => system?.close());

  /** The case projection as the workflow last wrote it. */
  const caseRow = async (caseId: string) => {
    const [row] = await system.orm.em
      .fork()
      .execute<{ status: string; summary: { balance?: { principal: string; fine: string; settled: boolean } | null } }[]>(
        'select status, summary from case_record where id = ?',
        [caseId],
      );
    return row!;
  };

  /** An employer with two overdue months (2 400.00 each) and its arrears case, once the order to pay is issued. */
  async function employerInArrears() {
    const employer = await newEmployer(system);
    for (const period of [d.period(-3), d.period(-2)]) await declareWages(contextFor(system, employer.agent), { period, lines: [pensionLine(citizenId())] });
    const { starts } = await runArrearsSweepNow(contextFor(system, supervisor), d.today);
    const start = starts.find((s) => s.employer === employer.code)!;
    await system.eventually(async () => ((await caseRow(start.caseId)).status === 'ordered' ? true : undefined));
    return { ...employer, caseId: start.caseId, reference: start.reference };
  }

  /** A fine booked on the case's ledger as the approved-fine activity books it (社会保险法 art. 86). */
  const fine = (employer: string, caseId: string, amount: string) =>
    createArrearsActivities({ orm: system.orm, clock: system.clock, notices: system.notices }).recordFine({
      caseId,
      employer,
      amount,
      multiple: '1',
      approvedBy: 'rv-svc-1',
      key: `${caseId}:fine:test`,
      on: d.today,
    });

  const pay = (employer: string, amount: string, key: string) =>
    bookPayment(contextFor(system, caseworker), { employerCreditCode: employer, amount, paidOn: d.today, idempotencyKey: `${key}-${employer}` });

  it('collects an unpaid fine after the periods, keeps the case open until it is paid, then settles (§4, 社会保险法 art. 86)', async () => {
    const { code, agent, caseId } = await employerInArrears();
    await fine(code, caseId, '2400.00');
    const owed = (await readArrearsStatement(contextFor(system, agent), caseId)).statement;
    expect(owed.fine.toString()).toBe('2400.00');
    expect(owed.total.toString()).toBe(owed.principal.plus(owed.lateFee).plus(Money.of('2400.00')).toString());

    // Principal and late fee paid: the case recomputes and stays open, the fine still owed.
    const periods = await pay(code, owed.principal.plus(owed.lateFee).toString(), 'periods');
    expect(periods.allocation?.lines.map((l) => l.component)).not.toContain('fine');
    const reckoned = await system.eventually(async () => {
      const row = await caseRow(caseId);
      return row.summary.balance?.principal === '0.00' ? row : undefined;
    });
    expect(reckoned.status).toBe('ordered');
    expect(reckoned.summary.balance).toMatchObject({ fine: '2400.00', settled: false });

    // The fine paid: a fine_paid entry against the case's fine, and the case settles.
    const rest = await pay(code, '2400.00', 'fine');
    expect(rest.allocation?.lines.map((l) => (l.component === 'fine' ? [l.component, l.caseId, l.amount.toString()] : [l.component]))).toEqual([
      ['fine', caseId, '2400.00'],
    ]);
    expect((await ledgerOf(system, code)).filter((e) => e.type.startsWith('fine'))).toEqual([
      { period: null, type: 'fine', amount: '2400.00', caseId },
      { period: null, type: 'fine_paid', amount: '-2400.00', caseId },
    ]);
    await system.eventually(async () => ((await caseRow(caseId)).status === 'settled' ? true : undefined));
    expect((await readArrearsStatement(contextFor(system, agent), caseId)).statement.fine.toString()).toBe('0.00');
  });

  describe('closing an employer (社会保险经办条例 art. 10)', () => {
    it('is refused while its arrears case is open, naming the case', async () => {
      const { code, reference } = await employerInArrears();
      const refused = await refusal(closeEmployer(contextFor(system, admin), code));
      expect(refused.code).toBe('NOT_ALLOWED_NOW');
      expect(refused.message).toContain(`arrears case ${reference} is open`);
    });

    it('is refused while a fine is unpaid though no case is open, and allowed once the payment allocation has paid it', async () => {
      const { code } = await newEmployer(system);
      await fine(code, `arrears-closed-${code}`, '500.00'); // a case settled before fines kept cases open
      const refused = await refusal(closeEmployer(contextFor(system, admin), code));
      expect(refused).toMatchObject({
        code: 'NOT_ALLOWED_NOW',
        message: 'the registration cannot be closed until arrears, late fees and fines are settled (社会保险经办条例 art. 10): a fine of 500.00 is unpaid',
      });
      await pay(code, '500.00', 'old-fine');
      expect(await closeEmployer(contextFor(system, admin), code)).toEqual({ creditCode: code, status: 'closed' });
    });

    it('is refused while a bill past its due date is unpaid though no sweep has reached it, but not for a bill not yet due', async () => {
      const { code, agent } = await newEmployer(system);
      const p3 = d.period(-3);
      await declareWages(contextFor(system, agent), { period: p3, lines: [pensionLine(citizenId())] });
      await declareWages(contextFor(system, agent), { period: d.period(0), lines: [pensionLine(citizenId())] });
      const refused = await refusal(closeEmployer(contextFor(system, admin), code));
      const fee = d.lateFee('2400.00', d.dueDate(p3), d.today);
      expect(refused.message).toMatch(
        new RegExp(`: bill ${p3} \\(due ${d.dueDate(p3)}\\) is unpaid: 2400\\.00 principal, ${fee.replace('.', '\\.')} late fee$`),
      );
      await pay(code, Money.of('2400.00').plus(Money.of(fee)).toString(), 'overdue');
      expect(await closeEmployer(contextFor(system, admin), code)).toEqual({ creditCode: code, status: 'closed' });
      const [audit] = await system.orm.em
        .fork()
        .execute<{ n: string }[]>("select count(*)::text as n from audit_entry where action = 'employer.closed' and object_id = ?", [code]);
      expect(audit!.n).toBe('1');
      expect(await closeEmployer(contextFor(system, admin), code)).toEqual({ creditCode: code, status: 'closed' });
    });

    it('is refused to a caseworker with the typed reason, and to another region as if the employer did not exist', async () => {
      const { code } = await newEmployer(system);
      expect(await refusal(closeEmployer(contextFor(system, caseworker), code))).toMatchObject({
        code: 'FORBIDDEN',
        message: 'role: a caseworker cannot update employer records',
      });
      expect(await refusal(closeEmployer(contextFor(system, { ...admin, region: '330106' }), code))).toMatchObject({ code: 'EMPLOYER_NOT_FOUND' });
    });
  });

  describe('a hardship deferral (rules §4 (b))', () => {
    it('may run to the same day a calendar year from today, and not a day more', async () => {
      const { agent, caseId } = await employerInArrears();
      const lastDay = addMonths(d.today, 12);
      const tooLong = await refusal(requestDeferral(contextFor(system, agent), caseId, { until: addDays(lastDay, 1), reason: 'flood' }));
      expect(tooLong).toMatchObject({
        code: 'OUTCOME_NOT_ALLOWED',
        message: `a hardship deferral lasts at most 12 months: until ${lastDay} at the latest (rules §4)`,
      });
      expect((await caseRow(caseId)).status).toBe('ordered');
      const asked = await requestDeferral(contextFor(system, agent), caseId, { until: lastDay, reason: 'flood' });
      expect(asked.view.status).toBe('deferralReview');
    });

    it('is asked by the employer or its caseworker, not by a supervisor, who decides it', async () => {
      const { caseId } = await employerInArrears();
      expect(await refusal(requestDeferral(contextFor(system, supervisor), caseId, { until: d.day(30), reason: 'flood' }))).toMatchObject({
        code: 'FORBIDDEN',
      });
      const stranger = await newEmployer(system);
      expect(await refusal(requestDeferral(contextFor(system, stranger.agent), caseId, { until: d.day(30), reason: 'flood' }))).toMatchObject({
        code: 'CASE_NOT_FOUND',
      });
    });
  });
});
