import type { EntityManager } from '@mikro-orm/postgresql';
import { deathsWithPaidMonths, newTermsWithActiveBenefits } from '../../db/queries/supervision.query.js';
import type { StoppedEntitlement } from '../../db/writers/exchange-feeds.js';
import type { BenefitType } from '../../domain/payroll/entitlement.js';
import { deceasedWithActiveBenefit, imprisonedWithActiveBenefit } from '../../domain/supervision/controls.js';
import { type HitFinder, type RaisedHit, raiseSupervisionHits } from './raise-hits.js';

/**
 * The death-record match (rules §8 pattern 1, 死亡冒领): each person whose death the feed brought while a benefit of
 * theirs was still active — the feed has just stopped it — is a hit; the amount is what was paid for months after
 * the death. In the feed's transaction.
 */
export async function raiseDeathHits(tx: EntityManager, stopped: readonly StoppedEntitlement[], by: HitFinder): Promise<RaisedHit[]> {
  const byPerson = new Map<string, StoppedEntitlement[]>();
  for (const e of stopped) byPerson.set(e.citizenId, [...(byPerson.get(e.citizenId) ?? []), e]);
  const deaths = await deathsWithPaidMonths(tx, [...byPerson.keys()]);
  const raised: RaisedHit[] = [];
  for (const [citizenId, entitlements] of byPerson) {
    const death = deaths.get(citizenId);
    if (!death) continue;
    const benefits = entitlements.map((e) => ({ entitlementId: e.entitlementId, benefit: e.benefit as BenefitType, status: 'active' as const }));
    const hit = deceasedWithActiveBenefit({ citizenId, deathDate: death.deathDate }, benefits, death.paid);
    if (hit) raised.push(...(await raiseSupervisionHits(tx, [hit], { region: entitlements[0]!.region, citizenId }, by)));
  }
  return raised;
}

/**
 * The prison-record match (rules §8 pattern 2): a term the feed brought, running today or overlapping paid months,
 * of a person with an active periodic benefit. In the feed's transaction.
 */
export async function raiseImprisonmentHits(tx: EntityManager, importId: number, today: string, by: HitFinder): Promise<RaisedHit[]> {
  const raised: RaisedHit[] = [];
  for (const term of await newTermsWithActiveBenefits(tx, importId)) {
    const hit = imprisonedWithActiveBenefit({ citizenId: term.citizenId, from: term.from, to: term.to }, term.benefits, today, term.paid);
    if (hit) raised.push(...(await raiseSupervisionHits(tx, [hit], { region: term.region, citizenId: term.citizenId }, by)));
  }
  return raised;
}
