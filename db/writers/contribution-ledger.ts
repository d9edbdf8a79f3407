import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { AllocationRule, FinePosition } from '../../domain/contribution/allocation.js';
import type { CreditAllocation } from '../../domain/contribution/credit.js';
import type { DeclarationColumns } from '../../domain/contribution/declaration-batch.js';
import type { DeclarationTotals } from '../../domain/contribution/declaration.js';
import type { LateFeePolicy } from '../../domain/contribution/late-fee.js';
import { DomainError } from '../../domain/errors.js';
import { Money } from '../../domain/money.js';
import { maskCitizenId } from '../../domain/identity/masking.js';
import { shanghaiDateOf } from '../../domain/calendar/local-date.js';
import { appendAudit } from './case-log.js';
import { copyInTransaction } from './copy-in-transaction.js';
import { bookWithCredit } from './credit-application.js';

/**
 * Serialises everything that reads and then writes one employer's balance (bookings, allocations, closure) until the
 * caller's transaction ends.
 */
export async function lockLedger(tx: EntityManager, employer: string): Promise<void> {
  await tx.execute('select pg_advisory_xact_lock(hashtext(?))', [`ledger:${employer}`]);
}

export interface DeclarationRecord {
  employer: string;
  region: string;
  period: string;
  dueDate: string;
  /** Rolled over a year without its holiday calendar: counted again when the year is loaded. */
  dueDateProvisional?: boolean;
  source: 'api' | 'file';
  idempotencyKey: string;
  lineCount: number;
  columns: DeclarationColumns;
  totals: DeclarationTotals;
  parametersFrom: string;
  declaredBy: { id: string; role: string };
  /** How a credit the employer holds is spent on the bill (the payment allocation rule in force). */
  credit: { rule: AllocationRule; finePosition?: FinePosition; lateFeePolicy: Partial<LateFeePolicy> };
  requestId: string | null;
  now: Date;
}

// A value of COPY's text format: backslash, tab and line ends escaped, so any name survives unchanged; `\N` is null.
const NEEDS_ESCAPE = /[\\\t\n\r]/;
const copyValue = (v: string | null) =>
  v === null ? '\\N' : NEEDS_ESCAPE.test(v) ? v.replaceAll('\\', '\\\\').replaceAll('\t', '\\t').replaceAll('\n', '\\n').replaceAll('\r', '\\r') : v;

// COPY is some 10× the rate of `insert … unnest` on this table (issue 16); it runs inside the declaration's transaction.
const LINE_COPY = `copy contribution_line (declaration_id, line_no, citizen_id, name, monthly_wage, base, pension_employer, pension_employee,
  medical_employer, medical_employee, unemployment_employer, unemployment_employee, work_injury_employer, total) from stdin`;

/** The COPY text of the lines, a few thousand rows per chunk (the stream is fed as the server takes it). */
function* copyRows(declarationId: string, c: DeclarationColumns): Generator<string> {
  const CHUNK = 4_000;
  for (let start = 0; start < c.total.length; start += CHUNK) {
    let text = '';
    for (let i = start; i < Math.min(start + CHUNK, c.total.length); i += 1) {
      text += `${declarationId}\t${i}\t${copyValue(c.citizenId[i]!)}\t${copyValue(c.name[i]!.slice(0, 50))}\t${c.monthlyWage[i]!}\t${c.base[i]!}`;
      for (const column of c.amounts) text += `\t${column[i] ?? '\\N'}`;
      text += `\t${c.total[i]!}\n`;
    }
    yield text;
  }
}

/**
 * Records a declaration with its lines, opens the period's bill if needed and books the charge — or, when the period
 * was already billed (provisionally at 110 %, or by an earlier declaration), the difference as an adjustment entry
 * (社会保险法 art. 62 "settled when it declares"; ledgers append-only, docs/architecture.md "Data"). One transaction; a retry with
 * the same idempotency key returns the first declaration and writes nothing.
 */
export async function recordDeclaration(
  em: EntityManager,
  d: DeclarationRecord,
): Promise<{ declarationId: string; billId: string; duplicate: boolean; adjustment: string | null }> {
  return em.transactional(async (tx) => {
    const declarationId = randomUUID();
    const inserted = await tx.execute<{ id: string; pid: number }[]>(
      `insert into declaration (id, employer_credit_code, region, period, source, idempotency_key, line_count, employer_total, employee_total, total,
         parameters_from, declared_by, declared_at)
       values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (idempotency_key) do nothing returning id, pg_backend_pid() as pid`,
      [
        declarationId,
        d.employer,
        d.region,
        d.period,
        d.source,
        d.idempotencyKey,
        d.lineCount,
        d.totals.employer.toString(),
        d.totals.employee.toString(),
        d.totals.total.toString(),
        d.parametersFrom,
        d.declaredBy.id,
        d.now,
      ],
    );
    if (inserted.length === 0) {
      const [existing] = await tx.execute<{ id: string; bill_id: string }[]>(
        `select d.id, b.id as bill_id from declaration d join bill b on b.employer_credit_code = d.employer_credit_code and b.period = d.period
          where d.idempotency_key = ?`,
        [d.idempotencyKey],
      );
      return { declarationId: existing!.id, billId: existing!.bill_id, duplicate: true, adjustment: null };
    }
    // The lines, written once and only for a new declaration (a duplicate writes nothing).
    await copyInTransaction(tx, LINE_COPY, copyRows(declarationId, d.columns), inserted[0]!.pid);
    await tx.execute(
      `insert into bill (id, employer_credit_code, region, period, due_date, due_date_provisional, provisional, created_at) values (?, ?, ?, ?, ?, ?, false, ?)
       on conflict (employer_credit_code, period) do nothing`,
      [randomUUID(), d.employer, d.region, d.period, d.dueDate, d.dueDateProvisional ?? false, d.now],
    );
    // Serialise bookings on one bill: two declarations racing for the same period must not both book a full charge.
    const [bill] = await tx.execute<{ id: string }[]>('select id from bill where employer_credit_code = ? and period = ? for update', [d.employer, d.period]);
    const [booked] = await tx.execute<{ total: string | null; n: string }[]>(
      `select sum(amount)::text as total, count(*)::text as n from ledger_entry
        where employer_credit_code = ? and period = ? and entry_type in ('charge', 'provisional_charge', 'adjustment')`,
      [d.employer, d.period],
    );
    const already = booked?.total ? Money.of(booked.total) : Money.zero();
    const first = booked?.n === '0';
    const difference = d.totals.total.minus(already);
    if (first || !difference.isZero()) {
      await tx.execute(
        `insert into ledger_entry (employer_credit_code, period, entry_type, amount, occurred_on, declaration_id, dedupe_key, created_at)
         values (?, ?, ?, ?, ?, ?, ?, ?)`,
        [d.employer, d.period, first ? 'charge' : 'adjustment', difference.toString(), d.dueDate, declarationId, `declaration:${declarationId}`, d.now],
      );
    }
    // A credit the employer holds pays the new bill at once (rules §4): booked the day the bill is, so a bill
    // declared before its due date and covered by the credit never runs a late fee.
    await lockLedger(tx, d.employer);
    const spent = await bookWithCredit(tx, {
      employer: d.employer,
      amount: Money.zero(),
      on: shanghaiDateOf(d.now.getTime()),
      rule: d.credit.rule,
      finePosition: d.credit.finePosition,
      lateFeePolicy: d.credit.lateFeePolicy,
      declarationId,
      key: `declaration:${declarationId}:credit`,
      now: d.now,
    });
    await appendAudit(tx, {
      at: d.now,
      actorId: d.declaredBy.id,
      actorRole: d.declaredBy.role,
      region: d.region,
      action: 'declaration.recorded',
      objectType: 'Bill',
      objectId: bill!.id,
      requestId: d.requestId,
      detail: {
        period: d.period,
        lines: d.lineCount,
        total: d.totals.total.toString(),
        adjustment: first ? null : difference.toString(),
        creditSpent: spent.creditHeld.minus(spent.credit).toString(),
        firstId: d.columns.citizenId[0] === undefined ? null : maskCitizenId(d.columns.citizenId[0]),
      },
    });
    return { declarationId, billId: bill!.id, duplicate: false, adjustment: first ? null : difference.toString() };
  });
}

export interface PaymentRecord {
  idempotencyKey: string;
  employer: string;
  amount: Money;
  paidOn: string;
  source: 'bank' | 'tax' | 'api';
  reference: string | null;
  rule: AllocationRule;
  finePosition?: FinePosition;
  lateFeePolicy: Partial<LateFeePolicy>;
  receivedBy: { id: string; role: string };
  requestId: string | null;
  now: Date;
}

/**
 * Books a payment once per idempotency key and allocates it, together with any credit the employer holds, over the
 * periods owed as of its value date and the fines not yet paid, by the configured rule (rules §4; default
 * oldest period first, principal before that period's late fee, fines after every period); what is left is the
 * employer's credit. Allocations are new ledger entries, never edits. One transaction per payment, serialised per
 * employer, so two payments never allocate against the same balance.
 */
export async function recordPayment(
  em: EntityManager,
  p: PaymentRecord,
): Promise<{ paymentId: string; duplicate: boolean; allocation: CreditAllocation | null }> {
  return em.transactional(async (tx) => {
    const paymentId = randomUUID();
    const inserted = await tx.execute<{ id: string }[]>(
      `insert into payment (id, idempotency_key, employer_credit_code, amount, paid_on, source, reference, allocation_rule, received_by, received_at)
       values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (idempotency_key) do nothing returning id`,
      [paymentId, p.idempotencyKey, p.employer, p.amount.toString(), p.paidOn, p.source, p.reference, p.rule, p.receivedBy.id, p.now],
    );
    if (inserted.length === 0) {
      const [existing] = await tx.execute<{ id: string; employer_credit_code: string; amount: string; paid_on: string; source: string }[]>(
        `select id, employer_credit_code, amount::text as amount, to_char(paid_on, 'YYYY-MM-DD') as paid_on, source from payment where idempotency_key = ?`,
        [p.idempotencyKey],
      );
      // A retry repeats the request; the same key with another employer, amount or date is a second payment that
      // would silently vanish as a "duplicate" (IETF draft-ietf-httpapi-idempotency-key-header: 422).
      const same =
        existing!.employer_credit_code === p.employer &&
        p.amount.equals(Money.of(existing!.amount)) &&
        existing!.paid_on === p.paidOn &&
        existing!.source === p.source;
      if (!same)
        throw new DomainError(
          'IDEMPOTENCY_KEY_REUSED',
          `this key already booked another payment (${existing!.employer_credit_code}, ${existing!.amount} paid on ${existing!.paid_on}); send a new key for a new payment`,
          { path: 'idempotency-key' },
        );
      return { paymentId: existing!.id, duplicate: true, allocation: null };
    }
    await lockLedger(tx, p.employer);
    // The credit held from earlier overpayments is spread together with this payment (rules §4).
    const allocation = await bookWithCredit(tx, {
      employer: p.employer,
      amount: p.amount,
      on: p.paidOn,
      rule: p.rule,
      finePosition: p.finePosition,
      lateFeePolicy: p.lateFeePolicy,
      paymentId,
      key: `payment:${paymentId}`,
      now: p.now,
    });
    await appendAudit(tx, {
      at: p.now,
      actorId: p.receivedBy.id,
      actorRole: p.receivedBy.role,
      region: null,
      action: 'payment.recorded',
      objectType: 'Payment',
      objectId: paymentId,
      requestId: p.requestId,
      detail: {
        employer: p.employer,
        amount: p.amount.toString(),
        paidOn: p.paidOn,
        source: p.source,
        rule: p.rule,
        credit: allocation.credit.toString(),
        creditHeld: allocation.creditHeld.toString(),
      },
    });
    return { paymentId, duplicate: false, allocation };
  });
}

/**
 * A provisional bill of `amount` for a period the employer did not declare (社会保险法 art. 62), booked as a
 * `provisional_charge` and settled by an adjustment when it declares. Once per employer and period.
 */
export async function openProvisionalBill(
  em: EntityManager,
  bill: { employer: string; region: string; period: string; dueDate: string; dueDateProvisional: boolean; amount: Money; now: Date },
): Promise<boolean> {
  return em.transactional(async (tx) => {
    const inserted = await tx.execute<{ id: string }[]>(
      `insert into bill (id, employer_credit_code, region, period, due_date, due_date_provisional, provisional, created_at) values (?, ?, ?, ?, ?, ?, true, ?)
       on conflict (employer_credit_code, period) do nothing returning id`,
      [randomUUID(), bill.employer, bill.region, bill.period, bill.dueDate, bill.dueDateProvisional, bill.now],
    );
    if (inserted.length === 0) return false;
    await tx.execute(
      `insert into ledger_entry (employer_credit_code, period, entry_type, amount, occurred_on, dedupe_key, created_at)
       values (?, ?, 'provisional_charge', ?, ?, ?, ?) on conflict (dedupe_key) do nothing`,
      [bill.employer, bill.period, bill.amount.toString(), bill.dueDate, `provisional:${bill.employer}:${bill.period}`, bill.now],
    );
    return true;
  });
}
