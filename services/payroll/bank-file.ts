import { findPayroll, payrollBanks, sentLines } from '../../db/queries/payroll.query.js';
import { DomainError, invalidInput } from '../../domain/errors.js';
import { writeBankPaymentFile } from '../../domain/payroll/bank-file.js';
import { authorize, visibleOrNotFound } from '../authorization.js';
import type { CommandContext } from '../command-context.js';

/** The payment file's batch ID for one bank of a payroll: `PR2026000001-BANKCODE`. */
export const batchIdOf = (reference: string, bankCode: string) => `${reference}-${bankCode}`;

/**
 * GET /v1/payrolls/{reference}/bank-file?bank=: the approved batch's payment file for one bank (待遇发放盘, format in
 * docs/payroll.md), with full account numbers — so only who may run the payroll downloads it. Without `bank` the one
 * bank of the batch; with several, a 400 naming `bank` and listing them. Before approval there is no file (409).
 */
export async function readBankFile(
  ctx: CommandContext,
  reference: string,
  bank: string | undefined,
): Promise<{ fileName: string; text: string; lines: number; total: string }> {
  const found = await findPayroll(ctx.em, reference);
  const payroll = visibleOrNotFound(ctx, found, 'Payroll', (p) => ({ region: p.region }), { code: 'CASE_NOT_FOUND', message: `No payroll ${reference}` });
  authorize(ctx, 'update', 'Payroll', { region: payroll.region });
  if (payroll.approvedBy === null)
    throw new DomainError('NOT_ALLOWED_NOW', `payroll ${payroll.reference} is ${payroll.status}: the bank file exists once it is approved`);
  const banks = await payrollBanks(ctx.em, payroll.caseId);
  const bankCode = bank ?? (banks.length === 1 ? banks[0]!.bankCode : undefined);
  if (bankCode === undefined || !banks.some((b) => b.bankCode === bankCode)) {
    throw invalidInput([{ path: 'bank', message: `must be one of the batch's banks: ${banks.map((b) => b.bankCode).join(', ') || 'none'}` }]);
  }
  const lines = await sentLines(ctx.em, payroll.caseId, bankCode);
  const batchId = batchIdOf(payroll.reference, bankCode);
  const file = writeBankPaymentFile(
    batchId,
    lines.map((l) => ({
      lineId: l.lineKey,
      citizenId: l.citizenId,
      name: l.payeeName ?? '',
      bankCode,
      bankAccount: l.bankAccount ?? '',
      amount: l.amount,
      period: l.period,
      benefit: l.benefit,
    })),
  );
  if (!file.ok)
    throw new DomainError(
      'NOT_ALLOWED_NOW',
      `the batch cannot be written: ${file.issues
        .slice(0, 5)
        .map((i) => `${i.path} ${i.message}`)
        .join('; ')}`,
    );
  return { fileName: `${batchId}.csv`, text: file.text, lines: file.lineCount, total: file.total };
}
