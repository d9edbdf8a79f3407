import { appliedReturnFingerprints, findPayroll, outstandingLines, sentLines } from '../../db/queries/payroll.query.js';
import { applyBankReturn } from '../../db/writers/bank-returns.js';
import { DomainError } from '../../domain/errors.js';
import { RETURN_FILE_SPEC } from '../../domain/payroll/bank-file.js';
import { type PaymentStatus, reconcileBankReturn, type ReturnReconciliation } from '../../domain/payroll/bank-return.js';
import { readTable } from '../../domain/payroll/csv-table.js';
import { authorize, visibleOrNotFound } from '../authorization.js';
import type { CommandContext } from '../command-context.js';
import { batchIdOf } from './bank-file.js';

export interface BankReturnReport extends Omit<ReturnReconciliation, 'outcomes'> {
  bank: string | null;
  /** Outcomes recorded by this upload (0 for a file applied before, or one whose every row was refused). */
  applied: number;
  failed: number;
  /** Sent lines of the whole payroll still without an outcome after this file. */
  outstanding: number;
}

/** The bank a return file is for, from its first row's batch ID (`PR…-BANK`); null when it names no batch of ours. */
function bankOf(text: string, reference: string): string | null {
  const { rows } = readTable(text, RETURN_FILE_SPEC);
  const batchId = rows[0]?.cells.batchId ?? '';
  return batchId.startsWith(`${reference}-`) ? batchId.slice(reference.length + 1) : null;
}

/**
 * POST /v1/payrolls/{reference}/bank-returns: a bank's return file (回盘) marks the sent lines paid or failed with the
 * bank's reason (domain/payroll/bank-return.ts checks every row). Unknown lines, amounts or accounts that differ from
 * what was sent, repeated rows, and a file uploaded twice are reported and applied nowhere; the rest is applied in one
 * transaction with its ledger entries, and the payroll is told (failed lines become tasks; it is paid when nothing
 * is outstanding). Only while the payroll is paying.
 */
export async function importBankReturn(ctx: CommandContext, reference: string, text: string): Promise<BankReturnReport> {
  const found = await findPayroll(ctx.em, reference);
  const payroll = visibleOrNotFound(ctx, found, 'Payroll', (p) => ({ region: p.region }), { code: 'CASE_NOT_FOUND', message: `No payroll ${reference}` });
  authorize(ctx, 'update', 'Payroll', { region: payroll.region });
  if (payroll.status !== 'paying')
    throw new DomainError('NOT_ALLOWED_NOW', `payroll ${payroll.reference} is ${payroll.status}: bank returns are taken while it is paying`);

  const bank = bankOf(text, payroll.reference);
  const lines = bank === null ? [] : await sentLines(ctx.em, payroll.caseId, bank);
  const settled: Record<string, PaymentStatus> = {};
  for (const l of lines) if (l.status === 'paid' || l.status === 'failed') settled[l.lineKey] = l.status;
  const result = reconcileBankReturn({
    batchId: batchIdOf(payroll.reference, bank ?? '?'),
    sent: lines.map((l) => ({ lineId: l.lineKey, bankAccount: l.bankAccount ?? '', amount: l.amount })),
    returnText: text,
    applied: { fingerprints: await appliedReturnFingerprints(ctx.em, payroll.caseId), settled },
  });
  const { outcomes, ...report } = result;
  let applied = { applied: 0, failed: 0 };
  if (outcomes.length > 0) {
    const done = await applyBankReturn(
      ctx.em,
      {
        payrollId: payroll.caseId,
        region: payroll.region,
        fingerprint: result.fingerprint,
        outcomes,
        report: { bank, issues: report.issues.length, totals: report.totals },
        uploadedBy: ctx.actor.id,
        uploadedRole: ctx.actor.role,
        requestId: ctx.requestId,
      },
      ctx.clock.now(),
    );
    if (done === null) report.issues.unshift({ path: 'file', code: 'FILE_ALREADY_APPLIED', message: 'this file was applied before; nothing applied again' });
    else applied = done;
  }
  const outstanding = await outstandingLines(ctx.em, payroll.caseId);
  if (applied.applied > 0)
    await ctx.workflows.notifyPayrollBankReturn(payroll.caseId, { fingerprint: result.fingerprint, outstanding, failed: applied.failed });
  return { ...report, bank, ...applied, outstanding };
}
