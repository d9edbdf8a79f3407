import { findContributionAccount, type ContributionAccount } from '../../db/queries/contribution-account.query.js';
import { findEmployer, type EmployerRow } from '../../db/queries/employer.query.js';
import { DomainError } from '../../domain/errors.js';
import type { Action } from '../../policies/abilities.js';
import type { SubjectType } from '../../policies/subjects.js';
import { authorize, may } from '../authorization.js';
import type { CommandContext } from '../command-context.js';

type Caller = Pick<CommandContext, 'em' | 'actor' | 'ability'>;

/**
 * What the caller wants to do with an employer, and what each asks of the ability (policies/abilities.ts): seeing
 * the contribution account (its bills) — or, to close it, the employer record — and then the right to act on it.
 */
const PURPOSES = {
  read: { sees: 'Bill', act: null },
  declare: { sees: 'Bill', act: ['create', 'Declaration'] },
  pay: { sees: 'Bill', act: ['create', 'Payment'] },
  close: { sees: 'Employer', act: ['update', 'Employer'] },
} as const satisfies Record<string, { sees: SubjectType; act: readonly [Action, SubjectType] | null }>;

export type EmployerPurpose = keyof typeof PURPOSES;

function subjectFor(type: SubjectType, account: ContributionAccount) {
  return type === 'Employer' ? { creditCode: account.creditCode, region: account.region } : { employerCreditCode: account.creditCode, region: account.region };
}

/**
 * The employer a request is about (an employer agent's own when it names none), or EMPLOYER_NOT_FOUND when it is
 * unknown or not visible to the caller — the same answer for both, so credit codes cannot be probed (docs/api.md
 * "Errors"). Then the typed refusal (403 with the reason) unless the caller may do what `purpose` needs. Every command
 * about one employer's account starts here.
 */
export async function employerFor(ctx: Caller, code: string | undefined, purpose: EmployerPurpose, path = 'employerCreditCode'): Promise<ContributionAccount> {
  const creditCode = code ?? (ctx.actor.role === 'employer' ? ctx.actor.employer : undefined);
  if (!creditCode) throw new DomainError('VALIDATION_FAILED', `${path} is required`, { path });
  const account = await findContributionAccount(ctx.em, creditCode);
  const { sees, act } = PURPOSES[purpose];
  if (!account || !may(ctx, 'read', sees, subjectFor(sees, account))) {
    throw new DomainError('EMPLOYER_NOT_FOUND', `No employer ${creditCode}`, { path });
  }
  if (act) authorize(ctx, act[0], act[1], subjectFor(act[1], account));
  return account;
}

/** An employer the caller may read — otherwise the same EMPLOYER_NOT_FOUND an unknown one gets. */
export async function visibleEmployer(ctx: Caller, creditCode: string): Promise<EmployerRow> {
  const employer = await findEmployer(ctx.em, creditCode);
  if (!employer || !may(ctx, 'read', 'Employer', { creditCode: employer.creditCode, region: employer.region })) {
    throw new DomainError('EMPLOYER_NOT_FOUND', `No employer ${creditCode}`, { path: 'creditCode' });
  }
  return employer;
}
