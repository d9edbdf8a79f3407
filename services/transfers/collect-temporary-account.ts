import type { EntityManager } from '@mikro-orm/postgresql';
import { caseSubjectOf, findCase } from '../../db/queries/case.query.js';
import { loadPersonalAccountPolicy, loadTransferPolicy } from '../../db/queries/settings.query.js';
import {
  accountPeriodsOf,
  collectedAccountsOf,
  openTransferOf,
  temporaryAccountsOf,
  transferLedgerOf,
  untransferredRecords,
  type TemporaryAccountRow,
} from '../../db/queries/transfer.query.js';
import { collectTemporaryPensionAccount } from '../../db/writers/transfers.js';
import { monthOf } from '../../domain/calendar/local-date.js';
import { DomainError } from '../../domain/errors.js';
import { periodsLeavingPlace } from '../../domain/transfer/carried-history.js';
import {
  collectionDueOnTransfer,
  temporaryAccountStatement,
  type CollectionTrigger,
  type TemporaryAccountStatement,
} from '../../domain/transfer/temporary-account-collection.js';
import type { AccountPeriod } from '../../domain/transfer/transfer-amounts.js';
import { reconcileTransfer, type ReconciliationResult, type TransferAmounts } from '../../domain/transfer/transfer-reconciliation.js';
import { authorize, visibleOrNotFound } from '../authorization.js';
import type { BusinessClock } from '../business-clock.js';
import type { CommandContext } from '../command-context.js';

/** A temporary pension account as the transfer shows it: its months and amounts now, or what its collection moved. */
export interface TemporaryAccountView {
  poolingArea: string;
  region: string;
  keptInPoolingArea: string;
  openedOn: string;
  /** Contribution months recorded in it: through this month while open, through the collection's month once collected. */
  months: number;
  throughMonth: string;
  amounts: TransferAmounts;
  workings: string[];
  collection: {
    collectedOn: string;
    collectedInto: string;
    trigger: CollectionTrigger;
    /** The transfer whose application set it off (trigger `nextTransfer`). */
    byCase: string | null;
    /** Booked out of the account's pooling area and into the kept one, under one reference, to the fen. */
    reconciliation: ReconciliationResult | null;
  } | null;
}

/**
 * The account's statement through `throughMonth` and the spans it counts (rules §6.1): once collected, the spans the
 * collection counted; while open, the person's pension records in its place not moved by any case, without the months an
 * earlier collection out of that place already moved (a second account there never counts them again).
 */
async function statementOf(
  em: EntityManager,
  account: TemporaryAccountRow,
  throughMonth: string,
): Promise<{ statement: TemporaryAccountStatement; periods: AccountPeriod[] }> {
  const [policy, accountInterest] = await Promise.all([loadTransferPolicy(em), loadPersonalAccountPolicy(em)]);
  let periods = account.collectedPeriods;
  if (periods === null) {
    const records = (await untransferredRecords(em, account.citizenId)).filter((r) => r.insuranceType === 'pension' && r.poolingArea === account.poolingArea);
    const others = (await temporaryAccountsOf(em, { citizenId: account.citizenId })).filter(
      (a) => a.id !== account.id && a.poolingArea === account.poolingArea,
    );
    // The account records the months paid in its place only: what transfers carried into that place is not in it.
    periods = periodsLeavingPlace({
      fromPoolingArea: account.poolingArea,
      ownPeriods: await accountPeriodsOf(em, records, 'pension'),
      collected: collectedAccountsOf(others),
    }).periods;
  }
  return { statement: temporaryAccountStatement({ account, periods, throughMonth, accountInterest }, policy), periods };
}

/** The collection as booked (its `out` side) and the booked pair checked to the fen (domain/transfer/transfer-reconciliation.ts). */
async function bookedCollection(em: EntityManager, caseId: string): Promise<{ moved: TransferAmounts | null; reconciliation: ReconciliationResult | null }> {
  const lines = (await transferLedgerOf(em, caseId)).filter((l) => l.source === 'collect');
  const side = (s: 'out' | 'in') => {
    const of = (fund: 'pooledFund' | 'personalAccount') => lines.find((l) => l.side === s && l.fund === fund);
    const pooledFund = of('pooledFund');
    const personalAccount = of('personalAccount');
    return pooledFund && personalAccount ? { pooledFund: pooledFund.amount, personalAccount: personalAccount.amount, reference: pooledFund.reference } : null;
  };
  const outgoing = side('out');
  const incoming = side('in');
  return {
    moved: outgoing ? { pooledFund: outgoing.pooledFund, personalAccount: outgoing.personalAccount } : null,
    reconciliation: outgoing && incoming ? reconcileTransfer({ outgoing, incoming }) : null,
  };
}

/**
 * The view of the temporary account a transfer case opened, or null when it opened none: while open, its statement
 * through this month; once collected, what the collection booked (months and amounts as they were moved).
 */
export async function temporaryAccountOfCase(em: EntityManager, caseId: string, today: string): Promise<TemporaryAccountView | null> {
  const [account] = await temporaryAccountsOf(em, { openedByCase: caseId });
  if (!account) return null;
  const { statement } = await statementOf(em, account, account.collectedThroughMonth ?? monthOf(today));
  const view = {
    poolingArea: account.poolingArea,
    region: account.region,
    keptInPoolingArea: account.keptInPoolingArea,
    openedOn: account.openedOn,
    months: statement.months,
    throughMonth: statement.throughMonth,
    amounts: statement.amounts,
    workings: statement.workings,
  };
  if (account.collectedOn === null) return { ...view, collection: null };
  const booked = await bookedCollection(em, caseId);
  return {
    ...view,
    months: account.collectedMonths ?? statement.months,
    amounts: booked.moved ?? statement.amounts,
    collection: {
      collectedOn: account.collectedOn,
      collectedInto: account.collectedInto ?? account.keptInPoolingArea,
      trigger: (account.collectionTrigger ?? 'caseworker') as CollectionTrigger,
      byCase: account.collectedByCase,
      reconciliation: booked.reconciliation,
    },
  };
}

/** Who collects, and the clock: the command's actor, or the system when a counterpart's request sets it off. */
export interface Collector {
  clock: BusinessClock;
  by: { id: string; role: string };
}

/** The collector of a command: its actor and clock. */
export const collectorOf = (ctx: CommandContext): Collector => ({ clock: ctx.clock, by: { id: ctx.actor.id, role: ctx.actor.role } });

/** Collects one locked account now, once: nothing more when it was collected before. */
async function collectNow(
  ctx: Collector,
  em: EntityManager,
  account: TemporaryAccountRow,
  reference: string,
  trigger: CollectionTrigger,
  byCase: string | null,
): Promise<void> {
  if (account.collectedOn !== null) return;
  const today = ctx.clock.today();
  const { statement, periods } = await statementOf(em, account, monthOf(today));
  // A caseworker asking to collect an empty account is told so; a next transfer closes it with nothing booked but 0.00.
  if (statement.months === 0 && trigger === 'caseworker') {
    throw new DomainError('NOT_INSURED', `no contribution is recorded in the temporary account in ${account.poolingArea}: nothing to collect`, {
      path: 'reference',
    });
  }
  await collectTemporaryPensionAccount(em, {
    account,
    reference,
    statement,
    periods,
    trigger,
    collectedOn: today,
    by: ctx.by,
    byCase,
    at: ctx.clock.now(),
  });
}

/**
 * 归集 (rules §6.1, 国办发〔2009〕66号 art. 5): a caseworker of the region that keeps a temporary pension account collects
 * it into the place that kept the relationship — when the person reaches the place where the pension will be paid, or
 * at any later time the office decides. Its pooled part (12 %) and personal part are booked once in the transfer ledger
 * of the case that opened it, out of the account's pooling area and into the kept one, reconciling to the fen; a repeat
 * (a retry, a second click) changes nothing and answers the same. 404 for a transfer the caller cannot see, 409 when the
 * transfer opened no temporary account, 422 when nothing was paid into it.
 */
export async function collectTemporaryAccount(ctx: CommandContext, reference: string): Promise<TemporaryAccountView> {
  const found = await findCase(ctx.em, reference);
  const row = visibleOrNotFound(ctx, found?.type === 'transfer' ? found : null, 'Case', caseSubjectOf, {
    code: 'CASE_NOT_FOUND',
    message: `No transfer ${reference}`,
  });
  await ctx.em.transactional(async (em) => {
    const [account] = await temporaryAccountsOf(em, { openedByCase: row.caseId }, { forUpdate: true });
    if (!account) throw new DomainError('NOT_ALLOWED_NOW', `transfer ${row.reference} opened no temporary account: there is nothing to collect`);
    authorize(ctx, 'update', 'Transfer', { citizenId: account.citizenId, region: account.region, employerCreditCode: null });
    // Read under the account's lock: a pension transfer of the person that is open moves the relationship on and has
    // counted (or will count) what it holds; a collection now would move months it did not count, or move them twice.
    const open = await openTransferOf(em, account.citizenId, 'pension', account.openedByCase);
    if (open !== null && account.collectedOn === null) {
      throw new DomainError('NOT_ALLOWED_NOW', `pension transfer ${open} of the person is open: the account is settled with it, not collected now`, {
        path: 'reference',
      });
    }
    await collectNow(collectorOf(ctx), em, account, row.reference, 'caseworker', null);
  });
  return (await temporaryAccountOfCase(ctx.em.fork(), row.caseId, ctx.clock.today()))!;
}

/**
 * The next transfer sets the collection off (rules §6.1: the person moves on again): every temporary pension account of
 * the person still open, except one in the new transfer's own old place (that transfer moves those records itself), is
 * collected into its kept place before the new transfer's case is filed, in the caller's transaction — whether the
 * person applied here or a counterpart new office asked through the platform. Returns the accounts collected now.
 */
export async function collectOnNextTransfer(
  ctx: Collector,
  em: EntityManager,
  transfer: { citizenId: string; insurance: string; fromPoolingArea: string; byCase: string },
): Promise<number> {
  const accounts = await temporaryAccountsOf(em, { citizenId: transfer.citizenId }, { forUpdate: true });
  const open = collectionDueOnTransfer(transfer.insurance, accounts, transfer.fromPoolingArea);
  for (const account of open) {
    const [opening] = await em.execute<{ reference: string }[]>('select reference from case_record where id = ?', [account.openedByCase]);
    await collectNow(ctx, em, account, opening?.reference ?? account.openedByCase, 'nextTransfer', transfer.byCase);
  }
  return open.length;
}
