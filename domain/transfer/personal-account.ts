import { DomainError } from '../errors.js';
import { Money } from '../money.js';
import { DEFAULT_PERSONAL_ACCOUNT_POLICY, type PersonalAccountPolicy } from './transfer-policy.js';
import { assertYearLines, parseAmount } from './transfer-input.js';

/** One year of the personal account statement (个人账户对账单), decimal strings. */
export interface AccountStatementLine {
  year: number;
  /** Individual contributions (个人缴费) credited that year. */
  individualContributions: string;
  /** Employer contributions credited to the account that year (单位划转; up to 2005 only). Default "0.00". */
  employerContributions?: string;
  /** Interest (记账利息) credited that year on the whole balance. */
  interest: string;
  /**
   * The part of `interest` earned by employer money credited before 1998 — that money and its interest stay behind.
   * The agency's statement supplies it; default "0.00" (an account without pre-1998 employer money).
   */
  interestOnRetainedMoney?: string;
}

export interface PersonalAccountInput {
  statement: readonly AccountStatementLine[];
  asOfYear: number;
  /** The statement's closing balance, when known: the lines must add up to it. */
  closingBalance?: string;
}

export interface PersonalAccountResult {
  /** What moves to the new office. */
  transferAmount: string;
  /** What stays: pre-1998 employer money and its interest. */
  retainedAmount: string;
  /** transferAmount + retainedAmount: the account balance. */
  balance: string;
  workings: string[];
}

const BASIS = '国办发〔2009〕66号 art. 4';

/**
 * The personal account (个人账户) money that moves with a pension transfer: before 1998 the individual contributions
 * with their interest, from 1998 everything credited to the account (国办发〔2009〕66号 art. 4, rules §6.1).
 * A line is placed by its year: a pre-1998 line moves its individual contributions and its interest less the part
 * earned by pre-1998 employer money; a line from 1998 on moves every contribution and its interest less that same
 * part (the retained money keeps earning interest where it stays). Pure.
 * @throws DomainError INVALID_DATE for a year listed twice or in the future; INVALID_AMOUNT for a malformed amount,
 * retained interest larger than the year's interest, or lines that do not add up to `closingBalance`.
 */
export function calculatePersonalAccountTransfer(
  input: PersonalAccountInput,
  policy: PersonalAccountPolicy = DEFAULT_PERSONAL_ACCOUNT_POLICY,
): PersonalAccountResult {
  assertYearLines(input.statement, input.asOfYear, 'statement');
  const lines = input.statement.map((line, i) => {
    const at = (field: string): string => `statement[${i}].${field}`;
    const parsed = {
      year: line.year,
      individual: parseAmount(line.individualContributions, at('individualContributions')),
      employer: parseAmount(line.employerContributions ?? '0.00', at('employerContributions')),
      interest: parseAmount(line.interest, at('interest')),
      retainedInterest: parseAmount(line.interestOnRetainedMoney ?? '0.00', at('interestOnRetainedMoney')),
    };
    if (parsed.retainedInterest.compare(parsed.interest) > 0) {
      throw new DomainError('INVALID_AMOUNT', `${line.year}: interest on retained money exceeds the year's interest`, {
        path: at('interestOnRetainedMoney'),
      });
    }
    return parsed;
  });
  lines.sort((a, b) => a.year - b.year);

  const split = policy.wholeBalanceFromYear;
  const workings: string[] = [];
  const moving: Money[] = [];
  const staying: Money[] = [];
  for (const l of lines) {
    const movingInterest = l.interest.minus(l.retainedInterest);
    const retained = l.retainedInterest.isZero() ? '' : ` − ${l.retainedInterest.toString()} on retained money`;
    if (l.year < split) {
      const moves = l.individual.plus(movingInterest);
      moving.push(moves);
      staying.push(l.employer.plus(l.retainedInterest));
      workings.push(
        `${l.year} (before ${split}): individual ${l.individual.toString()} + interest ${l.interest.toString()}${retained} = ${moves.toString()}; ` +
          `employer ${l.employer.toString()} stays (${BASIS}, personalAccount.wholeBalanceFromYear ${split})`,
      );
    } else {
      const moves = l.individual.plus(l.employer).plus(movingInterest);
      moving.push(moves);
      staying.push(l.retainedInterest);
      workings.push(
        `${l.year}: individual ${l.individual.toString()} + employer ${l.employer.toString()} + interest ${l.interest.toString()}${retained} = ` +
          `${moves.toString()} (whole credit from ${split}, ${BASIS})`,
      );
    }
  }

  const transferAmount = Money.sum(moving);
  const retainedAmount = Money.sum(staying);
  const balance = transferAmount.plus(retainedAmount);
  workings.push(`personal account to transfer = ${transferAmount.toString()}; retained ${retainedAmount.toString()}; balance ${balance.toString()}`);
  if (input.closingBalance !== undefined) {
    const closing = parseAmount(input.closingBalance, 'closingBalance');
    if (!closing.equals(balance)) {
      throw new DomainError('INVALID_AMOUNT', `the statement lines add up to ${balance.toString()}, not the closing balance ${closing.toString()}`, {
        path: 'closingBalance',
      });
    }
    workings.push(`lines agree with the closing balance ${closing.toString()}`);
  }
  return {
    transferAmount: transferAmount.toString(),
    retainedAmount: retainedAmount.toString(),
    balance: balance.toString(),
    workings,
  };
}
