import type { PersonalAccountPolicy as AccountInterestPolicy } from '../insurance/personal-account.js';
import { DomainError } from '../errors.js';
import { parseMonthAt } from './transfer-input.js';
import { transferAmountsOf, type AccountPeriod } from './transfer-amounts.js';
import type { TransferAmounts } from './transfer-reconciliation.js';
import { DEFAULT_TRANSFER_POLICY, type TransferPolicy } from './transfer-policy.js';

/** What set the collection off: the person moving on with a new transfer, or a caseworker's command. */
export type CollectionTrigger = 'nextTransfer' | 'caseworker';

export const COLLECTION_TRIGGERS = ['nextTransfer', 'caseworker'] as const satisfies readonly CollectionTrigger[];

/** A temporary contribution account as opened by a transfer case (domain/transfer/temporary-account.ts decides when). */
export interface TemporaryAccountRef {
  /** The pooling area the account is kept in (where the person pays now). */
  poolingArea: string;
  /** Where the pension relationship stayed: the collection goes there. */
  keptInPoolingArea: string;
  openedOn: string;
}

export interface TemporaryAccountStatementInput {
  account: TemporaryAccountRef;
  /** The person's pension records paid in the account's pooling area and not moved by any case, with the employee rate. */
  periods: readonly AccountPeriod[];
  /** The last month counted: an open record runs to it. */
  throughMonth: string;
  /** The yearly 记账利率 the personal part is credited with (setting `personal-account.policy`). */
  accountInterest?: AccountInterestPolicy;
}

export interface TemporaryAccountStatement {
  poolingArea: string;
  keptInPoolingArea: string;
  openedOn: string;
  throughMonth: string;
  /** Contribution months recorded in the account. */
  months: number;
  /** What the collection moves: the 12 % pooled part and the personal part. */
  amounts: TransferAmounts;
  /** Where the collection goes: the relationship's place. */
  collectInto: string;
  workings: string[];
}

const BASIS = '国办发〔2009〕66号 art. 5; 人社部规〔2016〕5号 §2';

/**
 * The temporary contribution account (临时基本养老保险缴费账户) as it stands, and what its collection (归集) moves (rules
 * §6.1): every pension contribution month paid in the account's place is recorded in it; when the person moves on or
 * the pension is to be paid, the account's personal part (individual contributions with their credited interest, before
 * 1998 only the individual part) and its pooled part (12 % of each year's contribution wage from 1998, part years by
 * their months) move to the place that kept the relationship — by the same amount rules as a transfer
 * ({@link transferAmountsOf}). Pure.
 * @throws DomainError INVALID_DATE for a bad month or a month counted twice; INVALID_REGION_CODE when the account is kept
 * in its own place (there is nothing to collect into).
 */
export function temporaryAccountStatement(input: TemporaryAccountStatementInput, policy: TransferPolicy = DEFAULT_TRANSFER_POLICY): TemporaryAccountStatement {
  const { account, periods, throughMonth } = input;
  parseMonthAt(throughMonth, 'throughMonth');
  if (account.poolingArea === account.keptInPoolingArea) {
    throw new DomainError('INVALID_REGION_CODE', `the temporary account is kept in ${account.poolingArea}, where the relationship is: nothing to collect`, {
      path: 'keptInPoolingArea',
    });
  }
  const moved = transferAmountsOf(
    { insurance: 'pension', periods, throughMonth, ...(input.accountInterest ? { accountInterest: input.accountInterest } : {}) },
    policy,
  );
  return {
    poolingArea: account.poolingArea,
    keptInPoolingArea: account.keptInPoolingArea,
    openedOn: account.openedOn,
    throughMonth,
    months: moved.months,
    amounts: moved.amounts,
    collectInto: account.keptInPoolingArea,
    workings: [
      `temporary account in ${account.poolingArea} since ${account.openedOn}: ${moved.months} contribution months through ${throughMonth} (${BASIS})`,
      ...moved.workings,
      `collected into ${account.keptInPoolingArea}, where the relationship is kept: pooled part ${moved.amounts.pooledFund}, personal part ${moved.amounts.personalAccount} (${BASIS})`,
    ],
  };
}

/**
 * The temporary accounts a new transfer of the person sets off to collect (rules §6.1: "when the person moves on
 * again"): for a pension transfer, every account not collected yet — the account's money must reach the relationship's
 * place before the relationship moves on — except one kept in the new transfer's own old place, whose records that
 * transfer moves itself (collecting them as well would move the same months twice). Medical and unemployment transfers
 * set nothing off. Pure.
 */
export function collectionDueOnTransfer<A extends { poolingArea: string; collectedOn: string | null }>(
  insurance: string,
  accounts: readonly A[],
  fromPoolingArea: string,
): A[] {
  if (insurance !== 'pension') return [];
  return accounts.filter((a) => a.collectedOn === null && a.poolingArea !== fromPoolingArea);
}

/** A collected temporary pension account as a later transfer reads it (rules §6.1). */
export interface CollectedAccount {
  /** The place the account was kept in: its months left it with the collection. */
  poolingArea: string;
  /** The relationship's place the collection went into. */
  collectedInto: string;
  /** The last month the collection counted. */
  throughMonth: string;
  /** The spans the collection counted, as it counted them. */
  periods: readonly AccountPeriod[];
  /** A later transfer out of the kept place already moved these months on. */
  movedOn: boolean;
}

const nextMonth = (month: string) => {
  const [year, m] = month.split('-').map(Number) as [number, number];
  return m === 12 ? `${year + 1}-01` : `${year}-${String(m + 1).padStart(2, '0')}`;
};

/** The spans cut to the months after `throughMonth` (those through it were collected); a span wholly before it drops out. Pure. */
export function periodsAfter(periods: readonly AccountPeriod[], throughMonth: string): AccountPeriod[] {
  const from = nextMonth(throughMonth);
  return periods.filter((p) => p.endMonth === null || p.endMonth >= from).map((p) => (p.startMonth >= from ? { ...p } : { ...p, startMonth: from }));
}
