import type { ContributionAccount } from '../../db/queries/contribution-account.query.js';
import { loadContributionPolicy } from '../../db/queries/contribution-policy.query.js';
import type { DeclarationIssue } from '../../domain/contribution/declaration.js';
import { paymentFileReader, type PaymentSource } from '../../domain/contribution/payment-file.js';
import { DomainError } from '../../domain/errors.js';
import { Money } from '../../domain/money.js';
import type { CommandContext } from '../command-context.js';
import { employerFor } from '../employers/employer-access.js';
import { bookIncoming, type BookedPayment } from './book-payment.js';
import { readCsvUpload } from './csv-stream.js';

export type PaymentImport = { ok: false; issues: DeclarationIssue[] } | { ok: true; booked: number; duplicates: number; payments: BookedPayment[] };

/**
 * 批量到账: a bank or tax-bureau payment file (the adapters of issue 3, layouts in docs/contributions.md). Every row is
 * checked, and every employer must exist and be in the caller's reach, before anything is booked: a file with any bad
 * row is refused as a whole with the report (`rows[2].amount`, `rows[4].employer`). Each line's key is
 * `<source>:<transaction number>`, so a file imported twice books every line once.
 */
export async function importPaymentFile(ctx: CommandContext, req: { source: PaymentSource; file: Uint8Array }): Promise<PaymentImport> {
  const read = await readCsvUpload(req.file, paymentFileReader(req.source, ctx.clock.today()));
  if (!read.ok) return { ok: false, issues: [read.issue] };
  const { payments } = read.result;
  const issues = read.fault ? [...read.result.issues, read.fault] : [...read.result.issues];
  // One look-up per employer however many lines it has; an employer the caller cannot see is as unknown as a missing one.
  const cleared = new Map<string, Promise<ContributionAccount | null>>();
  const clear = (code: string) =>
    employerFor(ctx, code, 'pay').catch((error: unknown) => {
      if (error instanceof DomainError && error.code === 'EMPLOYER_NOT_FOUND') return null;
      throw error;
    });
  const reported = new Set(issues.map((issue) => issue.path));
  for (const [i, p] of payments.entries()) {
    if (reported.has(`rows[${i}].employer`)) continue; // not a credit code at all: already reported
    if (!cleared.has(p.employer)) cleared.set(p.employer, clear(p.employer));
    if ((await cleared.get(p.employer)) === null) issues.push({ path: `rows[${i}].employer`, message: 'unknown employer' });
  }
  if (issues.length > 0) return { ok: false, issues };

  const policy = await loadContributionPolicy(ctx.em);
  const booked: BookedPayment[] = [];
  for (const p of payments) {
    booked.push(await bookIncoming(ctx, policy, { ...p, amount: Money.of(p.amount), source: req.source }));
  }
  return { ok: true, booked: booked.filter((b) => !b.duplicate).length, duplicates: booked.filter((b) => b.duplicate).length, payments: booked };
}
