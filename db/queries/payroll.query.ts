import type { EntityManager } from '@mikro-orm/postgresql';
import { overpaymentPolicyFrom } from '../../domain/payroll/overpayment-policy.js';
import type { OverpaymentPolicy } from '../../domain/payroll/payroll-policy.js';
import { loadOverpaymentPolicy } from './settings.query.js';

/** A payroll as its page and the API show it: the progress row and the case's status. */
export interface PayrollRow {
  caseId: string;
  reference: string;
  region: string;
  period: string;
  status: string;
  startedBy: string;
  entitlementsSeen: number;
  entitlementsTotal: number;
  linesGathered: number;
  linesChecked: number;
  linesHeld: number;
  dueTotal: string;
  heldTotal: string;
  approvedBy: string | null;
  createdAt: Date;
}

const SELECT = `select p.case_id as "caseId", p.reference, p.region, p.period, c.status, p.started_by as "startedBy",
  p.entitlements_seen as "entitlementsSeen", p.entitlements_total as "entitlementsTotal", p.lines_gathered as "linesGathered",
  p.lines_checked as "linesChecked", p.lines_held as "linesHeld", p.due_total::text as "dueTotal", p.held_total::text as "heldTotal",
  p.approved_by as "approvedBy", p.created_at as "createdAt"
from payroll p join case_record c on c.id = p.case_id`;

export async function findPayroll(em: EntityManager, idOrReference: string): Promise<PayrollRow | null> {
  const [row] = await em.execute<PayrollRow[]>(`${SELECT} where p.case_id = ? or p.reference = ?`, [idOrReference, idOrReference]);
  return row ?? null;
}

/** The payrolls with these case IDs, newest month first. */
export async function payrollsByIds(em: EntityManager, caseIds: readonly string[]): Promise<PayrollRow[]> {
  if (caseIds.length === 0) return [];
  return em.execute<PayrollRow[]>(`${SELECT} where p.case_id in (${caseIds.map(() => '?').join(', ')}) order by p.period desc, p.reference desc`, [...caseIds]);
}

export interface LineTotals {
  status: string;
  count: number;
  amount: string;
}

/** Lines and amounts of the payroll by status (due, held, stopped, sent, paid, failed, carried). */
export async function payrollLineTotals(em: EntityManager, payrollId: string): Promise<LineTotals[]> {
  const rows = await em.execute<{ status: string; count: string; amount: string }[]>(
    `select status, count(*) as count, sum(amount)::text as amount from payroll_line where payroll_id = ? group by status order by status`,
    [payrollId],
  );
  return rows.map((r) => ({ status: r.status, count: Number(r.count), amount: r.amount }));
}

/**
 * The predicate of the partial index `payroll_line_exceptions`: every held line has hold reasons, every failed line the
 * bank's reason code (domain/payroll/bank-return-row.ts), so a query for held, failed or back-pay lines that adds it
 * reads that small index instead of every line of the payroll (no index holds `status`: db/entities/payroll-line.entity.ts).
 */
export const EXCEPTION_LINE = `(hold_reasons is not null or reason_code is not null or kind = 'backPay')`;

export interface HeldLine {
  lineKey: string;
  citizenId: string;
  benefit: string;
  kind: string;
  amount: string;
  status: string;
  reasons: { code: string; reason: string }[];
  taskId: string | null;
  decidedBy: string | null;
  reasonCode: string | null;
  reasonText: string | null;
  /** How a back-pay line's amount came about (the held months after a suspension, 待遇资格认证 §8); null otherwise. */
  workings: string[] | null;
}

/**
 * The lines a control held or the bank failed (with their reasons and tasks), and the back-pay lines (with their
 * workings, for the caseworker who answers the citizen's question), oldest first, at most `limit`.
 */
export async function payrollExceptions(em: EntityManager, payrollId: string, limit: number): Promise<HeldLine[]> {
  return em.execute<HeldLine[]>(
    `select line_key as "lineKey", citizen_id as "citizenId", benefit, kind, amount::text as amount, status,
       coalesce(hold_reasons, '[]'::jsonb) as reasons, task_id as "taskId", decided_by as "decidedBy",
       reason_code as "reasonCode", reason_text as "reasonText", workings
     from payroll_line where payroll_id = ? and ${EXCEPTION_LINE} and (hold_reasons is not null or status = 'failed' or kind = 'backPay')
     order by id limit ?`,
    [payrollId, limit],
  );
}

/** One line of the bank file, as the bank gets it. */
export interface SentLineRow {
  lineKey: string;
  citizenId: string;
  payeeName: string | null;
  bankCode: string | null;
  bankAccount: string | null;
  amount: string;
  period: string;
  benefit: string;
  status: string;
}

/**
 * The lines of the approved batch (sent, and those the bank already answered), in line order. A batch is up to a
 * million lines (the bank file, a return file's reconciliation): outside a transaction they are read on a pooled
 * connection as arrays of cells, about half the time of the ORM's objects (docs/performance.md "Payroll").
 */
export async function sentLines(em: EntityManager, payrollId: string, bankCode?: string): Promise<SentLineRow[]> {
  const sql = `select line_key, citizen_id, payee_name, bank_code, bank_account, amount::text as amount, period, benefit, status
     from payroll_line where payroll_id = $1 and status in ('sent', 'paid', 'failed') ${bankCode ? 'and bank_code = $2' : ''} order by id`;
  const params = bankCode ? [payrollId, bankCode] : [payrollId];
  type Cells = [string, string, string | null, string | null, string | null, string, string, string, string];
  const rows = em.isInTransaction()
    ? (await em.execute<Record<string, string | null>[]>(sql.replace(/\$\d/g, '?'), params)).map((r) => Object.values(r) as Cells)
    : (await (await em.getConnection().getNativeClient()).query<Cells>({ text: sql, values: params, rowMode: 'array' })).rows;
  return rows.map(([lineKey, citizenId, payeeName, lineBank, bankAccount, amount, period, benefit, status]) => ({
    lineKey,
    citizenId,
    payeeName,
    bankCode: lineBank,
    bankAccount,
    amount,
    period,
    benefit,
    status,
  }));
}

/** The banks of the approved batch, with their line counts and totals. */
export async function payrollBanks(em: EntityManager, payrollId: string): Promise<{ bankCode: string; lines: number; total: string }[]> {
  const rows = await em.execute<{ bank_code: string; lines: string; total: string }[]>(
    `select bank_code, count(*) as lines, sum(amount)::text as total from payroll_line
     where payroll_id = ? and status in ('sent', 'paid', 'failed') group by bank_code order by bank_code`,
    [payrollId],
  );
  return rows.map((r) => ({ bankCode: r.bank_code, lines: Number(r.lines), total: r.total }));
}

/** Fingerprints of the return files already applied. */
export async function appliedReturnFingerprints(em: EntityManager, payrollId: string): Promise<string[]> {
  const rows = await em.execute<{ fingerprint: string }[]>(`select fingerprint from payroll_bank_return where payroll_id = ?`, [payrollId]);
  return rows.map((r) => r.fingerprint);
}

/** What a citizen was paid and what is held, newest first. */
export async function paymentsOf(
  em: EntityManager,
  citizenId: string,
  limit: number,
): Promise<(HeldLine & { period: string; reference: string; bankCode: string | null; bankAccount: string | null; workings: string[] | null })[]> {
  return em.execute(
    `select l.line_key as "lineKey", l.citizen_id as "citizenId", l.benefit, l.kind, l.amount::text as amount, l.status, l.period, l.workings,
       p.reference, l.bank_code as "bankCode", l.bank_account as "bankAccount", coalesce(l.hold_reasons, '[]'::jsonb) as reasons, l.task_id as "taskId", l.decided_by as "decidedBy",
       l.reason_code as "reasonCode", l.reason_text as "reasonText", l.workings
     from payroll_line l join payroll p on p.case_id = l.payroll_id where l.citizen_id = ? order by l.period desc, l.id desc limit ?`,
    [citizenId, limit],
  );
}

/** Sent lines of the payroll still without the bank's outcome. */
export async function outstandingLines(em: EntityManager, payrollId: string): Promise<number> {
  const [row] = await em.execute<{ n: string }[]>(`select count(*) as n from payroll_line where payroll_id = ? and status = 'sent'`, [payrollId]);
  return Number(row!.n);
}

/**
 * The overpayment policy the payroll was started with (kept on its progress row); for a payroll started before it was
 * kept, the `payroll.overpayment` setting in force now.
 */
export async function payrollOverpaymentPolicy(tx: EntityManager, payrollId: string): Promise<OverpaymentPolicy> {
  const [row] = await tx.execute<{ overpayment_policy: unknown }[]>(`select overpayment_policy from payroll where case_id = ?`, [payrollId]);
  const kept = typeof row?.overpayment_policy === 'string' ? (JSON.parse(row.overpayment_policy) as unknown) : row?.overpayment_policy;
  return kept === null || kept === undefined ? loadOverpaymentPolicy(tx) : overpaymentPolicyFrom(kept);
}
