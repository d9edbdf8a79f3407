import type { EntityManager } from '@mikro-orm/postgresql';
import type { EvidenceKind } from '../../domain/payroll/payroll-policy.js';

/** A suspension as the person's verification page and the caseworker see it. */
export interface SuspensionRow {
  benefit: string;
  fromMonth: string;
  toMonth: string | null;
  resumedIn: string | null;
  reason: string;
}

/** What the verification status of one person is built from (rules §8). */
export interface VerificationFacts {
  /** The regions of the person's active monthly fund benefits: whose staff verify them. Empty: nothing to verify. */
  regions: string[];
  /**
   * The day the verification that falls due first was made: per benefit the latest accepted evidence or the benefit's
   * approval day, whichever is later — the same rule the sweep applies (db/writers/verification.ts).
   */
  lastVerifiedOn: string | null;
  lastEvidence: { kind: EvidenceKind; verifiedOn: string; source: string } | null;
  suspensions: SuspensionRow[];
}

/** One person's verification facts as of `today`, in three index lookups on the person. */
export async function verificationFactsOf(em: EntityManager, citizenId: string, today: string, accepted: readonly EvidenceKind[]): Promise<VerificationFacts> {
  const evidence = await em.execute<{ kind: EvidenceKind; verified_on: string; source: string }[]>(
    `select kind, verified_on::text as verified_on, source from verification_evidence
     where citizen_id = ? and verified_on <= ?::date and kind in (select jsonb_array_elements_text(?::jsonb)) order by verified_on desc, id desc limit 1`,
    [citizenId, today, JSON.stringify(accepted)],
  );
  const last = evidence[0] ?? null;
  const benefits = await em.execute<{ region: string; approved_on: string }[]>(
    `select region, min((created_at at time zone 'Asia/Shanghai')::date)::text as approved_on from benefit_entitlement
     where citizen_id = ? and payer = 'fund' and status = 'active' and kind = 'monthly' group by region order by region`,
    [citizenId],
  );
  const suspensions = await em.execute<{ benefit: string; from_month: string; to_month: string | null; resumed_in: string | null; reason: string }[]>(
    `select e.benefit, s.from_month, s.to_month, s.resumed_in, s.reason from benefit_suspension s join benefit_entitlement e on e.id = s.entitlement_id
     where s.citizen_id = ? order by s.from_month desc, s.id desc limit 20`,
    [citizenId],
  );
  const approvedOn = benefits.map((b) => b.approved_on).sort()[0] ?? null;
  const lastVerifiedOn = approvedOn === null ? null : last !== null && last.verified_on > approvedOn ? last.verified_on : approvedOn;
  return {
    regions: benefits.map((b) => b.region),
    lastVerifiedOn,
    lastEvidence: last === null ? null : { kind: last.kind, verifiedOn: last.verified_on, source: last.source },
    suspensions: suspensions.map((s) => ({ benefit: s.benefit, fromMonth: s.from_month, toMonth: s.to_month, resumedIn: s.resumed_in, reason: s.reason })),
  };
}
