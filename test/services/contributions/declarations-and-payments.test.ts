// The declaration and payment commands called directly against real PostgreSQL (and the run's Temporal, which none
// of them needs unless an arrears case is open). Dates derive from the system's clock (test/support/business-dates.ts).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../../domain/calendar/local-date.js';
import { DomainError } from '../../../domain/errors.js';
import { businessKeyOf, caseIdFor, registerCase } from '../../../db/writers/case-intake.js';
import { bookPayment } from '../../../services/contributions/book-payment.js';
import { declareWageFile, declareWages } from '../../../services/contributions/declare-wages.js';
import { importPaymentFile } from '../../../services/contributions/import-payment-file.js';
import { readBills } from '../../../services/contributions/read-bills.js';
import { businessDates, type BusinessDates } from '../../support/business-dates.js';
import { citizenId } from '../../support/factories.js';
import { contextFor, startSystem, type TestSystem } from '../../support/system.js';
import { admin, caseworker, countRows, ledgerOf, newEmployer, pensionLine } from './contribution-fixtures.js';

const utf8 = (text: string) => new TextEncoder().encode(text);

/** What a command threw, for asserting its code, message and path. */
async function refusal(promise: Promise<unknown>): Promise<DomainError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof DomainError)) throw new Error(`expected a DomainError, got ${String(error)}`);
  return error;
}

describe('contribution commands (services/contributions, real PostgreSQL)', () => {
  let system: TestSystem;
  let d: BusinessDates;

  beforeAll(async () => {
    system = await startSystem();
    d = businessDates(system.clock);
  });
  afterAll(async () => system?.close());

  describe('declareWages', () => {
    it('writes the declaration, the bill and its charge once however often the same declaration is sent (§3.3, issue 3)', async () => {
      const { code, agent } = await newEmployer(system);
      const request = { period: d.period(-1), lines: [pensionLine(citizenId())] };
      const first = await declareWages(contextFor(system, agent), request);
      expect(first).toMatchObject({ ok: true, duplicate: false, employerCreditCode: code, dueDate: d.dueDate(d.period(-1)), lineCount: 1 });
      const again = await declareWages(contextFor(system, agent), request);
      expect(again).toMatchObject({ ok: true, duplicate: true });
      expect(again.ok && first.ok && again.declarationId === first.declarationId).toBe(true);
      expect(await countRows(system, 'declaration', code)).toBe(1);
      expect(await ledgerOf(system, code)).toEqual([{ period: d.period(-1), type: 'charge', amount: '2400.00', caseId: null }]);
    });

    it('refuses a declaration with a bad line as a whole, naming the line and field, and writes nothing (issue 3)', async () => {
      const { code, agent } = await newEmployer(system);
      const id = citizenId();
      const outcome = await declareWages(contextFor(system, agent), {
        period: d.period(-1),
        lines: [pensionLine(id), { ...pensionLine(id), monthlyWage: '10000.00' }],
      });
      expect(outcome).toEqual({ ok: false, issues: [{ path: 'lines[1].citizenId', message: expect.any(String) }] });
      expect(await countRows(system, 'bill', code)).toBe(0);
    });

    it('answers an employer agent declaring for another employer as if it did not exist, and an administrator with the typed reason', async () => {
      const mine = await newEmployer(system);
      const other = await newEmployer(system);
      const request = { employerCreditCode: other.code, period: d.period(-1), lines: [pensionLine(citizenId())] };
      expect(await refusal(declareWages(contextFor(system, mine.agent), request))).toMatchObject({ code: 'EMPLOYER_NOT_FOUND', path: 'employerCreditCode' });
      expect(await refusal(declareWages(contextFor(system, admin), request))).toMatchObject({
        code: 'FORBIDDEN',
        message: 'role: an administrator cannot create wage declarations',
      });
      expect(await refusal(declareWages(contextFor(system, caseworker), { ...request, employerCreditCode: undefined }))).toMatchObject({
        code: 'VALIDATION_FAILED',
        path: 'employerCreditCode',
      });
      expect(await countRows(system, 'declaration', other.code)).toBe(0);
    });
  });

  describe('declareWageFile', () => {
    it('reads a GBK roster whose last line ends in an empty cell without a line break ("a,b," at the end of the file)', async () => {
      const { agent } = await newEmployer(system);
      // 张三 in GBK; the workInjuryTier cell of the only row is empty and the file has no final line break.
      const file = new Uint8Array([...utf8(`citizenId,name,monthlyWage,workInjuryTier\n${citizenId()},`), 0xd5, 0xc5, 0xc8, 0xfd, ...utf8(',9000.00,')]);
      const outcome = await declareWageFile(contextFor(system, agent), { period: d.period(-1), file });
      expect(outcome).toMatchObject({ ok: true, lineCount: 1, lines: [{ name: '张三' }] });
      expect(outcome.ok && outcome.lines[0]!.base.toString()).toBe('9000.00');
    });

    it('streams a roster of more than a megabyte, Chinese names split across chunks, and declares every line', async () => {
      const { code, agent } = await newEmployer(system);
      const ids = new Set<string>();
      while (ids.size < 25_000) ids.add(citizenId()); // one person once per declaration
      const rows = [...ids].map((id, i) => `${id},职工${i}号,${4000 + (i % 200) * 50}.00,养老`);
      const file = utf8(`身份证号,姓名,月工资,险种\n${rows.join('\n')}\n`);
      expect(file.length).toBeGreaterThan(1 << 20);
      const outcome = await declareWageFile(contextFor(system, agent), { period: d.period(-1), file });
      expect(outcome).toMatchObject({ ok: true, lineCount: 25_000 });
      expect(outcome.ok && outcome.lines.length).toBe(100);
      const [row] = await system.orm.em
        .fork()
        .execute<{ n: string }[]>(
          'select count(*)::text as n from contribution_line l join declaration x on x.id = l.declaration_id where x.employer_credit_code = ?',
          [code],
        );
      expect(row!.n).toBe('25000');
    }, 120_000);

    it('refuses a roster with bad rows as a whole, naming each row and field and a quote never closed, and writes nothing (issue 3)', async () => {
      const { code, agent } = await newEmployer(system);
      const file = utf8(`citizenId,name,monthlyWage\n${citizenId()},a,-5.00\n${citizenId()},b,100.00,x\n${citizenId()},"c,100.00\n`);
      const outcome = await declareWageFile(contextFor(system, agent), { period: d.period(-1), file });
      expect(outcome).toEqual({
        ok: false,
        issues: [
          { path: 'rows[1]', message: 'has 4 cells, the header has 3' },
          { path: 'rows[2]', message: expect.stringContaining('never closed') },
          { path: 'rows[0].monthlyWage', message: 'must not be negative' },
        ],
      });
      expect(await countRows(system, 'bill', code)).toBe(0);
      const bytes = await declareWageFile(contextFor(system, agent), { period: d.period(-1), file: new Uint8Array([0x41, 0xff, 0xfe, 0xff]) });
      expect(bytes).toEqual({ ok: false, issues: [{ path: 'file', message: 'the file is neither UTF-8 nor GBK text' }] });
    });
  });

  describe('bookPayment', () => {
    it('books a payment once per idempotency key, principal before late fee, and shows it on the bills (§4, issue 3)', async () => {
      const { code, agent } = await newEmployer(system);
      const p3 = d.period(-3);
      await declareWages(contextFor(system, agent), { period: p3, lines: [pensionLine(citizenId())] });
      const paidOn = addDays(d.dueDate(p3), 10); // 10 days late: 2 400.00 × 0.05 % × 10 = 12.00
      const request = { employerCreditCode: code, amount: '2500.00', paidOn, idempotencyKey: `svc-${code}` };
      const first = await bookPayment(contextFor(system, caseworker), request);
      expect(first.allocation?.lines.map((l) => [l.period, l.component, l.amount.toString()])).toEqual([
        [p3, 'principal', '2400.00'],
        [p3, 'lateFee', '12.00'],
      ]);
      expect(first).toMatchObject({ duplicate: false, idempotencyKey: `api:svc-${code}` });
      const again = await bookPayment(contextFor(system, caseworker), request);
      expect(again).toMatchObject({ duplicate: true, paymentId: first.paymentId, allocation: null });
      expect(await countRows(system, 'payment', code)).toBe(1);
      const bills = await readBills(contextFor(system, agent), {});
      expect([bills.statement.total.toString(), bills.credit.toString(), bills.fine.toString()]).toEqual(['0.00', '88.00', '0.00']);
    });

    it('wakes the open arrears case again when the same payment is sent again, so a booking that died before telling it still settles it (§4, issue 15 point 2)', async () => {
      const { code, agent } = await newEmployer(system);
      const p3 = d.period(-3);
      await declareWages(contextFor(system, agent), { period: p3, lines: [pensionLine(citizenId())] });
      // The employer's open arrears case: its row is what the booking looks for; the workflow port is watched instead.
      const businessKey = businessKeyOf('arrears', code);
      const { caseId } = await caseIdFor(system.orm.em.fork(), 'arrears', businessKey, new Set(['settled']));
      await registerCase(system.orm.em.fork(), caseId, {
        type: 'arrears',
        businessKey,
        region: '330102',
        citizenId: null,
        employerCreditCode: code,
        applicantId: 'system',
        applicantRole: 'system',
        subjectName: null,
        summary: { periods: [p3] },
        requestId: null,
        now: system.clock.now(),
      });
      const told: string[] = [];
      const ctx = () => ({ ...contextFor(system, caseworker), workflows: { ...system.cases, notifyArrearsPayment: async (id: string) => void told.push(id) } });
      const request = { employerCreditCode: code, amount: '2400.00', paidOn: system.clock.today(), idempotencyKey: `svc-wake-${code}` };
      const first = await bookPayment(ctx(), request);
      const again = await bookPayment(ctx(), request);
      expect(again).toMatchObject({ duplicate: true, paymentId: first.paymentId });
      expect(told).toEqual([caseId, caseId]);
      expect(await countRows(system, 'payment', code)).toBe(1);
    });

    it('refuses a value date after today naming paidOn, and an employer agent with the typed reason, booking nothing', async () => {
      const { code, agent } = await newEmployer(system);
      const request = { employerCreditCode: code, amount: '100.00', paidOn: d.day(1), idempotencyKey: `svc-future-${code}` };
      expect(await refusal(bookPayment(contextFor(system, caseworker), request))).toMatchObject({ code: 'VALIDATION_FAILED', path: 'paidOn' });
      expect(await refusal(bookPayment(contextFor(system, agent), { ...request, paidOn: d.today }))).toMatchObject({
        code: 'FORBIDDEN',
        message: 'role: an employer agent cannot create payments',
      });
      expect(await countRows(system, 'payment', code)).toBe(0);
    });
  });

  describe('importPaymentFile', () => {
    it('books every line of a bank file once however often the file is imported (issue 3)', async () => {
      const { code, agent } = await newEmployer(system);
      await declareWages(contextFor(system, agent), { period: d.period(0), lines: [pensionLine(citizenId())] });
      const file = utf8(
        `交易流水号,付款单位信用代码,金额,交易日期\nB${code.slice(-8)}-1,${code},1000.00,${d.today.replaceAll('-', '')}\nB${code.slice(-8)}-2,${code},1400.00,${d.today}`,
      );
      const first = await importPaymentFile(contextFor(system, caseworker), { source: 'bank', file });
      expect(first).toMatchObject({ ok: true, booked: 2, duplicates: 0 });
      const second = await importPaymentFile(contextFor(system, caseworker), { source: 'bank', file });
      expect(second).toMatchObject({ ok: true, booked: 0, duplicates: 2 });
      expect(await countRows(system, 'payment', code)).toBe(2);
      expect((await readBills(contextFor(system, agent), {})).statement.principal.toString()).toBe('0.00');
    });

    it('refuses a file naming an employer unknown to the caller by row, booking nothing of it', async () => {
      const { code } = await newEmployer(system);
      const stranger = '91330106MA2H00022K'; // seeded in 330106: another region, as unknown to this caseworker as none
      const file = utf8(
        `电子税票号,纳税人识别号,实缴金额,入库日期\nT-${code.slice(-6)}-1,${code},10.00,${d.today}\nT-${code.slice(-6)}-2,${stranger},10.00,${d.today}\n`,
      );
      const outcome = await importPaymentFile(contextFor(system, caseworker), { source: 'tax', file });
      expect(outcome).toEqual({ ok: false, issues: [{ path: 'rows[1].employer', message: 'unknown employer' }] });
      expect(await countRows(system, 'payment', code)).toBe(0);
    });
  });
});
