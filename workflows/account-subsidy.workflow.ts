import { AccountSubsidyCase } from './account-subsidy/account-subsidy-case.js';
import type { AccountSubsidyInput } from './account-subsidy/account-subsidy-messages.js';
import { runDeclaration } from './declaration-case.js';
import { failingOnDomainErrors } from './domain-failures.js';

export type { AccountSubsidyInput } from './account-subsidy/account-subsidy-messages.js';

/**
 * 医疗帐户补助金申报 (rules §5.6; the meaning is local, so the rule is configuration): a declaration for a list of
 * persons passed the door checks (each covered by the rule, none credited twice); a caseworker reviews it, a reviewer
 * approves it (four eyes), and the credits are booked once to the personal medical account ledger. A rejection
 * releases them. The steps live in workflows/account-subsidy/account-subsidy-case.ts.
 */
export async function accountSubsidyDeclaration(input: AccountSubsidyInput): Promise<{ status: string }> {
  return failingOnDomainErrors(() => runDeclaration(new AccountSubsidyCase(input)));
}
