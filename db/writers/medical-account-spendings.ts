import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { assertAccountCanPay, type SpendingKind } from '../../domain/declarations/medical-account-spending.js';
import { DomainError } from '../../domain/errors.js';
import { AMOUNT_PATTERN, Money } from '../../domain/money.js';
import { appendAudit } from './case-log.js';

export interface AccountSpending {
  citizenId: string;
  region: string;
  kind: SpendingKind;
  amount: string;
  /** The settlement or receipt number of the visit or sale (kept as the line's reference). */
  receiptNo: string;
  spentOn: string;
  dedupeKey: string;
  actor: { id: string; role: string };
  requestId: string | null;
}

export interface BookedSpending {
  id: number;
  spendingId: string;
  citizenId: string;
  region: string;
  kind: string;
  amount: string;
  receiptNo: string;
  period: string;
  bookedAt: string;
  balanceAfter: string;
  duplicate: boolean;
}

const balanceOf = async (tx: EntityManager, citizenId: string): Promise<string> => {
  const [row] = await tx.execute<{ balance: string }[]>(
    'select coalesce(sum(amount), 0)::numeric(18,2)::text as balance from medical_account_ledger where citizen_id = ?',
    [citizenId],
  );
  return row?.balance ?? '0.00';
};

/**
 * 个人账户支付 (rules §5.6): one line of the append-only personal medical account ledger with the amount negative
 * (`source` 'spending', `rule_id` the kind, `period` the month of the visit), and its audit entry, in one transaction.
 * The person's account is locked for the transaction, so two payments sent at once cannot both spend the same balance;
 * a balance short of the amount refuses it with INSUFFICIENT_BALANCE and writes nothing. The same key again returns
 * the line it booked (duplicate); the key with another payment is IDEMPOTENCY_KEY_REUSED.
 */
export async function bookAccountSpending(em: EntityManager, s: AccountSpending, at: Date): Promise<BookedSpending> {
  return em.transactional(async (tx) => {
    await tx.execute('select pg_advisory_xact_lock(hashtext(?))', [`medical-account:${s.citizenId}`]);
    const [found] = await tx.execute<
      { id: string; case_id: string; citizen_id: string; region: string; rule_id: string; amount: string; reference: string; period: string; booked_at: Date }[]
    >(
      `select id, case_id, citizen_id, region, rule_id, (-amount)::text as amount, reference, period, booked_at from medical_account_ledger
        where dedupe_key = ?`,
      [s.dedupeKey],
    );
    if (found) {
      const sameAmount = AMOUNT_PATTERN.test(s.amount) && Money.of(found.amount).equals(Money.of(s.amount));
      if (found.citizen_id !== s.citizenId || !sameAmount || found.rule_id !== s.kind || found.reference !== s.receiptNo)
        throw new DomainError('IDEMPOTENCY_KEY_REUSED', 'this key already paid another amount from a medical account; send a new key for a new payment', {
          path: 'idempotency-key',
        });
      return {
        id: Number(found.id),
        spendingId: found.case_id,
        citizenId: found.citizen_id,
        region: found.region,
        kind: found.rule_id,
        amount: found.amount,
        receiptNo: found.reference,
        period: found.period,
        bookedAt: new Date(found.booked_at).toISOString(),
        balanceAfter: await balanceOf(tx, s.citizenId),
        duplicate: true,
      };
    }
    const paid = assertAccountCanPay(await balanceOf(tx, s.citizenId), s.amount);
    const spendingId = randomUUID();
    const period = s.spentOn.slice(0, 7);
    const [row] = await tx.execute<{ id: string }[]>(
      `insert into medical_account_ledger (citizen_id, region, source, rule_id, period, amount, case_id, reference, decided_by, dedupe_key, booked_at)
       values (?, ?, 'spending', ?, ?, ?, ?, ?, ?, ?, ?) returning id`,
      [s.citizenId, s.region, s.kind, period, `-${paid.amount}`, spendingId, s.receiptNo, s.actor.id, s.dedupeKey, at],
    );
    await appendAudit(tx, {
      at,
      actorId: s.actor.id,
      actorRole: s.actor.role,
      region: s.region,
      action: 'medicalAccount.spent',
      objectType: 'MedicalAccount',
      objectId: spendingId,
      requestId: s.requestId,
      // No ID number in the audit detail: the line's id leads to the person for those who may read it.
      detail: { ledgerId: Number(row!.id), kind: s.kind, amount: paid.amount, spentOn: s.spentOn, balanceAfter: paid.balanceAfter },
    });
    return {
      id: Number(row!.id),
      spendingId,
      citizenId: s.citizenId,
      region: s.region,
      kind: s.kind,
      amount: paid.amount,
      receiptNo: s.receiptNo,
      period,
      bookedAt: at.toISOString(),
      balanceAfter: paid.balanceAfter,
      duplicate: false,
    };
  });
}
