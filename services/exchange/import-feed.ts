import { applyDeathFeed, applyImprisonmentFeed, applyLifeProofFeed, type FeedApplied } from '../../db/writers/exchange-feeds.js';
import { loadVerificationPolicy } from '../../db/queries/settings.query.js';
import type { TableIssue } from '../../domain/payroll/csv-table.js';
import { returnFileFingerprint } from '../../domain/payroll/bank-return.js';
import { readDeathFeed, readImprisonmentFeed, readLifeProofFeed } from '../../domain/payroll/exchange-feeds.js';
import { overdueIfDueOnOrBefore } from '../../domain/payroll/verification.js';
import { authorize } from '../authorization.js';
import type { CommandContext } from '../command-context.js';
import { raiseDeathHits, raiseImprisonmentHits } from '../supervision/feed-controls.js';
import { startInvestigations } from '../supervision/raise-hits.js';

export type Feed = 'deaths' | 'imprisonments' | 'life-proofs';

/** The answer to a feed import (docs/api.md "POST /v1/exchange/{feed}"): counts and the per-row report. */
export interface FeedReport {
  feed: Feed;
  rows: number;
  /** New records about people with a benefit entitlement here. */
  matched: number;
  /** Rows repeating an earlier row of the file. */
  duplicates: number;
  /** The file had been imported before: nothing was applied. */
  alreadyImported: boolean;
  applied: number;
  stopped: number;
  recoveries: number;
  /** Investigations the supervision controls opened (rules §8): none for a person already found. */
  investigations: number;
  /** Life proofs: suspended benefits resumed with back pay (待遇资格认证, §8). */
  resumed: number;
  report: { issues: TableIssue[]; duplicates: { row: number; firstRow: number }[] };
}

/**
 * POST /v1/exchange/deaths | imprisonments: a data-exchange file from public security, civil affairs, health or justice
 * (rules §8; formats in docs/payroll.md). Every row is read and reported (row and field); the good rows are
 * applied in one transaction; the same file imported twice is applied once. A death stops the person's pension from
 * the month after and opens a recovery for months already paid after it. In the same transaction the supervision
 * controls (docs/supervision.md) match the new deaths and terms against active benefits; each new hit opens one
 * investigation, started after commit. A life proof (a record of life, a hospital visit) verifies the person
 * (待遇资格认证) and resumes a suspended benefit with back pay.
 */
export async function importFeed(ctx: CommandContext, feed: Feed, text: string): Promise<FeedReport> {
  authorize(ctx, 'create', 'ExchangeFeed', {});
  const today = ctx.clock.today();
  const deaths = feed === 'deaths' ? readDeathFeed(text, { today }) : null;
  const terms = feed === 'imprisonments' ? readImprisonmentFeed(text, { today }) : null;
  const proofs = feed === 'life-proofs' ? readLifeProofFeed(text, { today }) : null;
  const read = deaths ?? terms ?? proofs!;
  const base = {
    fingerprint: returnFileFingerprint(text),
    rows: read.rows,
    importedBy: ctx.actor.id,
    importedRole: ctx.actor.role,
    requestId: ctx.requestId,
    report: { issues: read.issues.length, duplicates: read.duplicates.length },
  };
  const at = ctx.clock.now();
  const finder = { actorId: ctx.actor.id, actorRole: ctx.actor.role, requestId: ctx.requestId, now: at };
  if (proofs) {
    // A life proof stops nothing: no supervision control looks at it.
    const done = await applyLifeProofFeed(ctx.em, { ...base, feed }, proofs.records, await lifeProofScope(ctx, today), at);
    return reportOf(done, 0);
  }
  const { done, raised } = await ctx.em.transactional(async (tx) => {
    if (deaths) {
      const applied = await applyDeathFeed(tx, { ...base, feed }, deaths.records, at);
      return { done: applied, raised: await raiseDeathHits(tx, applied.stoppedEntitlements, finder) };
    }
    const applied: FeedApplied = await applyImprisonmentFeed(tx, { ...base, feed }, terms!.records, at);
    return { done: applied, raised: applied.importId === null ? [] : await raiseImprisonmentHits(tx, applied.importId, today, finder) };
  });
  await startInvestigations(ctx.em, ctx.workflows, raised);
  return reportOf(done, raised.length);

  function reportOf(done: FeedApplied, investigations: number): FeedReport {
    return {
      feed,
      rows: read.rows,
      matched: done.matched,
      duplicates: read.duplicates.length,
      alreadyImported: done.importId === null,
      applied: done.applied,
      stopped: done.stopped,
      recoveries: done.recoveries,
      investigations,
      resumed: done.resumed ?? 0,
      report: { issues: read.issues, duplicates: read.duplicates },
    };
  }
}

/** What a life-proof feed needs to resume suspensions: the policy in force and today's bound (rules §8). */
async function lifeProofScope(ctx: CommandContext, today: string) {
  const policy = await loadVerificationPolicy(ctx.em, ctx.clock.today());
  return { today, policy, dueOnOrBefore: overdueIfDueOnOrBefore(today, policy) };
}
