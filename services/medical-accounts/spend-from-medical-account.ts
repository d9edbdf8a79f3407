import { medicalAccountRegionOf } from '../../db/queries/account-subsidy.query.js';
import { bookAccountSpending, type BookedSpending } from '../../db/writers/medical-account-spendings.js';
import { compareDates } from '../../domain/calendar/local-date.js';
import { spendingKey, type SpendingKind } from '../../domain/declarations/medical-account-spending.js';
import { DomainError, invalidInput } from '../../domain/errors.js';
import { authorize, may } from '../authorization.js';
import type { CommandContext } from '../command-context.js';

/** POST /v1/medical-account-spendings as the route parsed it. */
export interface SpendingRequest {
  citizenId: string;
  kind: SpendingKind;
  amount: string;
  receiptNo: string;
  /** The day of the visit or sale; today when left out. */
  spentOn?: string;
  idempotencyKey: string;
}

/**
 * 个人账户支付 (rules §5.6): the person's medical account pays an outpatient or pharmacy amount — the person for
 * themself, or the counter of the region where the account is kept. Refused, nothing written: a day after today (400
 * `spentOn`), a person without a record or not the caller's to pay for (404), a role that never pays (403), a balance short of the amount (422 INSUFFICIENT_BALANCE naming
 * `amount`). An append-only ledger line with the amount negative and its audit entry, once per Idempotency-Key.
 */
export async function spendFromMedicalAccount(ctx: CommandContext, request: SpendingRequest): Promise<BookedSpending & { unmasked: boolean }> {
  const today = ctx.clock.today();
  const spentOn = request.spentOn ?? today;
  if (compareDates(spentOn, today) > 0) throw invalidInput([{ path: 'spentOn', message: `is after today (${today})` }]);
  const region = await medicalAccountRegionOf(ctx.em, request.citizenId);
  if (region === null) throw new DomainError('PERSON_NOT_FOUND', 'no insurance record or medical account for this person', { path: 'citizenId' });
  const account = { citizenId: request.citizenId, region };
  if (!may(ctx, 'create', 'MedicalAccount', account)) {
    // Someone who pays from accounts, but not from this one, learns no more than of an unknown person (docs/api.md "Errors").
    if (ctx.ability.can('create', 'MedicalAccount'))
      throw new DomainError('PERSON_NOT_FOUND', 'no medical account of this person you may pay from', { path: 'citizenId' });
    authorize(ctx, 'create', 'MedicalAccount', account);
  }
  const booked = await bookAccountSpending(
    ctx.em,
    {
      citizenId: request.citizenId,
      region,
      kind: request.kind,
      amount: request.amount,
      receiptNo: request.receiptNo,
      spentOn,
      dedupeKey: spendingKey(ctx.actor.id, request.idempotencyKey),
      actor: { id: ctx.actor.id, role: ctx.actor.role },
      requestId: ctx.requestId,
    },
    ctx.clock.now(),
  );
  return { ...booked, unmasked: may(ctx, 'readUnmasked', 'Person', account) };
}
