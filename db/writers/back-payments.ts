import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { AllocationRule, FinePosition } from '../../domain/contribution/allocation.js';
import type { LateFeePolicy } from '../../domain/contribution/late-fee.js';
import type { BackPaymentMonth } from '../../domain/declarations/back-payment.js';
import type { BackPaymentEvidence } from '../../domain/declarations/back-payment-evidence.js';
import { DomainError } from '../../domain/errors.js';
import { Money } from '../../domain/money.js';
import type { SupervisionHit } from '../../domain/supervision/supervision-policy.js';
import { shanghaiDateOf } from '../../domain/calendar/local-date.js';
import { findBackPayment } from '../queries/back-payment.query.js';
import { appendAudit } from './case-log.js';
import { lockLedger } from './contribution-ledger.js';
import { bookWithCredit } from './credit-application.js';

export interface BackPaymentApplication {
  caseId: string;
  reference: string;
  region: string;
  employerCreditCode: string;
  citizenId: string;
  from: string;
  to: string;
  insuranceTypes: readonly string[];
  months: readonly BackPaymentMonth[];
  totals: Record<string, string>;
  workings: readonly string[];
  evidence: readonly BackPaymentEvidence[];
  supervisionHit: SupervisionHit | null;
  appliedOn: string;
}

/**
 * Writes the application and holds its months for the person, inside the transaction that writes its case row: a
 * month another back-payment holds — one sent at the same moment included — refuses the whole application with
 * MONTH_ALREADY_RECORDED and nothing is written. A retry of the same case finds its own rows.
 */
export async function holdBackPayment(tx: EntityManager, a: BackPaymentApplication, at: Date): Promise<void> {
  await tx.execute(
    `insert into back_payment (case_id, reference, region, employer_credit_code, citizen_id, from_month, to_month, insurance_types, months, totals,
       workings, evidence, supervision_hit, status, applied_on, created_at)
     values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'applied', ?, ?) on conflict (case_id) do nothing`,
    [
      a.caseId,
      a.reference,
      a.region,
      a.employerCreditCode,
      a.citizenId,
      a.from,
      a.to,
      JSON.stringify(a.insuranceTypes),
      JSON.stringify(a.months),
      JSON.stringify(a.totals),
      JSON.stringify(a.workings),
      JSON.stringify(a.evidence),
      a.supervisionHit === null ? null : JSON.stringify(a.supervisionHit),
      a.appliedOn,
      at,
    ],
  );
  const taken: string[] = [];
  for (const { period } of a.months) {
    const rows = await tx.execute<{ case_id: string }[]>(
      `insert into back_payment_month (citizen_id, month, case_id) values (?, ?, ?)
       on conflict (citizen_id, month) do update set case_id = back_payment_month.case_id returning case_id`,
      [a.citizenId, period, a.caseId],
    );
    if (rows[0]?.case_id !== a.caseId) taken.push(period);
  }
  if (taken.length > 0) {
    throw new DomainError('MONTH_ALREADY_RECORDED', `${taken.join(', ')}: another back-payment of the person holds these months`, { path: 'from' });
  }
}

/** A rejected back-payment gives its months back (the timeline keeps the rejection). Idempotent. */
export async function releaseBackPayment(em: EntityManager, caseId: string, region: string, at: Date): Promise<number> {
  return em.transactional(async (tx) => {
    const released = await tx.execute<{ month: string }[]>('delete from back_payment_month where case_id = ? returning month', [caseId]);
    await tx.execute(`update back_payment set status = 'rejected' where case_id = ? and status = 'applied'`, [caseId]);
    await appendAudit(tx, {
      at,
      actorId: 'system',
      actorRole: 'system',
      region,
      action: 'backPayment.monthsReleased',
      objectType: 'Case',
      objectId: caseId,
      detail: { released: released.length },
      key: `case:${caseId}:back-payment-released`,
    });
    return released.length;
  });
}

export interface BackPaymentBilling {
  caseId: string;
  decidedBy: string;
  /** How a credit the employer holds is spent on the bill (the payment allocation rule in force). */
  credit: { rule: AllocationRule; finePosition?: FinePosition; lateFeePolicy: Partial<LateFeePolicy> };
  /** The approved bill's own due date (approval day + `backPayment.policy` paymentDueDays), kept on the back-payment. */
  paymentDueOn: string;
  /** `backPayment.policy` chargeLateFee on the approval day: false, and the months bear no late fee before `paymentDueOn`. */
  chargeLateFee: boolean;
  now: Date;
}

/**
 * Bills an approved back-payment once (rules §3, §4): per month, the employer's bill of that period (opened with the
 * month's own due date if it had none), a `back_payment` ledger entry of the month's contributions, and a wage
 * declaration of one line — the person with the month's wage, base and per-insurance amounts — so the month counts in
 * the insurance history once it is paid. The late fee is not booked: the ledger's statement accrues it from each
 * month's due date to the day it is paid, as for any period (the case's workings show it as of the application) — or,
 * approved under chargeLateFee false, only from the day after `paymentDueOn` (kept as `charge_late_fee`).
 * The bill has its own due date (`paymentDueOn`), before which the arrears sweep does not chase these entries.
 * A credit the employer holds pays it at once. One transaction; a retry finds it billed and writes nothing.
 */
export async function billBackPayment(em: EntityManager, b: BackPaymentBilling): Promise<void> {
  await em.transactional(async (tx) => {
    const bp = await findBackPayment(tx, b.caseId);
    if (!bp) throw new DomainError('CASE_NOT_FOUND', `no back-payment for case ${b.caseId}`);
    if (bp.status !== 'applied') return;
    const employer = bp.employerCreditCode;
    await lockLedger(tx, employer);
    const [person] = await tx.execute<{ name: string }[]>('select name from person where citizen_id = ?', [bp.citizenId]);
    const amountOf = (m: BackPaymentMonth, insurance: string, side: 'employer' | 'employee') =>
      m.insurances.find((i) => i.insurance === insurance)?.[side] ?? null;
    for (const m of bp.months) {
      await tx.execute(
        `insert into bill (id, employer_credit_code, region, period, due_date, due_date_provisional, provisional, created_at) values (?, ?, ?, ?, ?, false, false, ?)
         on conflict (employer_credit_code, period) do nothing`,
        [randomUUID(), employer, bp.region, m.period, m.dueDate, b.now],
      );
      const declarationId = randomUUID();
      await tx.execute(
        `insert into declaration (id, employer_credit_code, region, period, source, idempotency_key, line_count, employer_total, employee_total, total,
           parameters_from, declared_by, declared_at) values (?, ?, ?, ?, 'backPay', ?, 1, ?, ?, ?, ?, ?, ?)`,
        [
          declarationId,
          employer,
          bp.region,
          m.period,
          `backPayment:${bp.caseId}:${m.period}`,
          m.employer,
          m.employee,
          m.contribution,
          m.parametersFrom,
          b.decidedBy,
          b.now,
        ],
      );
      await tx.execute(
        `insert into contribution_line (declaration_id, line_no, citizen_id, name, monthly_wage, base, pension_employer, pension_employee,
           medical_employer, medical_employee, unemployment_employer, unemployment_employee, work_injury_employer, total)
         values (?, 0, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        [
          declarationId,
          bp.citizenId,
          (person?.name ?? '').slice(0, 50),
          m.wage,
          m.base,
          amountOf(m, 'pension', 'employer'),
          amountOf(m, 'pension', 'employee'),
          amountOf(m, 'medical', 'employer'),
          amountOf(m, 'medical', 'employee'),
          amountOf(m, 'unemployment', 'employer'),
          amountOf(m, 'unemployment', 'employee'),
          amountOf(m, 'workInjury', 'employer'),
          m.contribution,
        ],
      );
      await tx.execute(
        `insert into ledger_entry (employer_credit_code, period, entry_type, amount, occurred_on, declaration_id, case_id, dedupe_key, created_at)
         values (?, ?, 'back_payment', ?, ?, ?, ?, ?, ?)`,
        [employer, m.period, m.contribution, m.dueDate, declarationId, bp.caseId, `backPayment:${bp.caseId}:${m.period}`, b.now],
      );
    }
    await tx.execute(`update back_payment set status = 'billed', billed_at = ?, payment_due_on = ?, charge_late_fee = ? where case_id = ?`, [
      b.now,
      b.paymentDueOn,
      b.chargeLateFee,
      bp.caseId,
    ]);
    await appendAudit(tx, {
      at: b.now,
      actorId: b.decidedBy,
      actorRole: 'staff',
      region: bp.region,
      action: 'backPayment.billed',
      objectType: 'Case',
      objectId: bp.caseId,
      detail: {
        employer,
        from: bp.from,
        to: bp.to,
        months: bp.months.length,
        contribution: bp.totals.contribution ?? null,
        paymentDueOn: b.paymentDueOn,
        chargeLateFee: b.chargeLateFee,
      },
      key: `case:${bp.caseId}:back-payment-billed`,
    });
    await bookWithCredit(tx, {
      employer,
      amount: Money.zero(),
      on: shanghaiDateOf(b.now.getTime()),
      rule: b.credit.rule,
      finePosition: b.credit.finePosition,
      lateFeePolicy: b.credit.lateFeePolicy,
      key: `backPayment:${bp.caseId}:credit`,
      now: b.now,
    });
  });
}
