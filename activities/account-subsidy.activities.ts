import { bookAccountSubsidy, releaseSubsidyLines } from '../db/writers/account-subsidies.js';
import { appendAudit } from '../db/writers/case-log.js';
import type { ActivityDeps } from './deps.js';

/**
 * The side effects of a 医疗帐户补助金 declaration (workflows/account-subsidy.workflow.ts): crediting the approved
 * persons' medical accounts, and releasing a rejected declaration's credits. Each is idempotent by the case.
 */
export function createAccountSubsidyActivities({ orm, clock }: ActivityDeps) {
  return {
    bookAccountSubsidy: async (input: { caseId: string; reference: string; region: string; decidedBy: string }): Promise<{ booked: number }> =>
      bookAccountSubsidy(orm.em.fork(), input, clock.now()),

    releaseAccountSubsidy: async (input: { caseId: string; region: string }): Promise<void> => {
      await orm.em.fork().transactional(async (tx) => {
        const released = await releaseSubsidyLines(tx, input.caseId);
        await appendAudit(tx, {
          at: clock.now(),
          actorId: 'system',
          actorRole: 'system',
          region: input.region,
          action: 'accountSubsidy.released',
          objectType: 'Case',
          objectId: input.caseId,
          detail: { released },
          key: `case:${input.caseId}:credits-released`,
        });
      });
    },
  };
}
