import type { EntityManager } from '@mikro-orm/postgresql';
import { loadCalendarYears } from '../../db/queries/calendar.query.js';
import { businessKeyOf, caseIdFor, registerCase } from '../../db/writers/case-intake.js';
import { appendAudit } from '../../db/writers/case-log.js';
import { insertHitOnce, linkInvestigation } from '../../db/writers/supervision-hits.js';
import { shanghaiDateOf } from '../../domain/calendar/local-date.js';
import { loadFraudPenaltyVersions } from '../../db/queries/settings.query.js';
import { fraudPenaltyPolicyOn } from '../../domain/supervision/penalty.js';
import type { SupervisionHit } from '../../domain/supervision/supervision-policy.js';
import type { InvestigationInput } from '../../workflows/index.js';
import type { CaseWorkflows } from '../workflow-port.js';

/** What the hits are about, as the calling command knows it. */
export interface HitSubject {
  /** The region whose supervisors and auditors see the investigation (the benefit's, the employer's, the task's). */
  region: string;
  /** The case the matter came from, when there is one (a claim, a declaration, the task's case). */
  sourceCaseId?: string | null;
  citizenId?: string | null;
  employerCreditCode?: string | null;
  /** Staff the matter is about (self-dealing): they never see the investigation, as with a whistle-blowing petition. */
  accusedStaff?: readonly string[];
}

/** Who or what found them: the command's actor, or the daily sweep. */
export interface HitFinder {
  actorId: string;
  actorRole: string;
  requestId: string | null;
  now: Date;
}

/** A hit that opened an investigation; hand it to {@link startInvestigations} after the transaction commits. */
export type RaisedHit = InvestigationInput['hit'] & { caseId: string; reference: string; region: string };

/** The investigation case's author on its timeline: the controls, not the person whose command ran them. */
const SUPERVISION = 'supervision';

/**
 * The one entry point of the fund-supervision controls (rules §8) for every command: call it inside the command's own
 * transaction with the hits the domain's controls gave (domain/supervision/controls.ts). Each hit is recorded once
 * per subject key — a matter found again (the same feed re-imported, the same person on a later sweep) changes
 * nothing — and a new one gets its investigation case row and an audit entry in the same transaction. Returns the new
 * ones only; after commit, pass them to {@link startInvestigations}.
 *
 *     const raised = await em.transactional((tx) => raiseSupervisionHits(tx, hits, { region, sourceCaseId }, finder));
 *     await startInvestigations(em, ctx.workflows, raised);
 */
export async function raiseSupervisionHits(tx: EntityManager, hits: readonly SupervisionHit[], subject: HitSubject, by: HitFinder): Promise<RaisedHit[]> {
  const raised: RaisedHit[] = [];
  for (const hit of hits) {
    const sourceCaseId = subject.sourceCaseId ?? null;
    const amount = hit.amount ?? null;
    const hitId = await insertHitOnce(
      tx,
      {
        control: hit.control,
        subjectKey: hit.subjectKey,
        region: subject.region,
        citizenId: subject.citizenId ?? null,
        employerCreditCode: subject.employerCreditCode ?? null,
        amount,
        reason: hit.reason,
        sourceCaseId,
      },
      by.now,
    );
    if (hitId === null) continue;
    const businessKey = businessKeyOf('investigation', hit.subjectKey);
    const { caseId } = await caseIdFor(tx, 'investigation', businessKey, new Set());
    const foundOn = shanghaiDateOf(by.now.getTime());
    // The row names no person: who it is about stays on the hit, which only supervisors and auditors read.
    const row = await registerCase(tx, caseId, {
      type: 'investigation',
      businessKey,
      region: subject.region,
      citizenId: null,
      employerCreditCode: null,
      applicantId: SUPERVISION,
      applicantRole: 'system',
      subjectName: null,
      sensitive: true,
      accusedStaff: [...(subject.accusedStaff ?? [])],
      summary: { control: hit.control, reason: hit.reason, amount, sourceCaseId, foundOn },
      requestId: by.requestId,
      now: by.now,
    });
    await linkInvestigation(tx, hitId, caseId);
    await appendAudit(tx, {
      at: by.now,
      actorId: by.actorId,
      actorRole: by.actorRole,
      region: subject.region,
      action: 'supervision.hit',
      objectType: 'SupervisionHit',
      objectId: String(hitId),
      requestId: by.requestId,
      detail: { control: hit.control, investigation: row.reference, sourceCaseId },
      key: `supervision-hit:${hitId}`,
    });
    raised.push({
      control: hit.control,
      subjectKey: hit.subjectKey,
      reason: hit.reason,
      amount,
      sourceCaseId,
      foundOn,
      caseId,
      reference: row.reference,
      region: subject.region,
    });
  }
  return raised;
}

/**
 * Starts the investigation workflow of each raised hit, after the hits' transaction committed. The workflow ID is the
 * case ID, which comes from the subject key: starting one that already runs is a no-op.
 */
export async function startInvestigations(em: EntityManager, workflows: CaseWorkflows, raised: readonly RaisedHit[]): Promise<void> {
  if (raised.length === 0) return;
  const calendar = await loadCalendarYears(em);
  // The fine range in force on the day the matter was found (`fraudPenalty.policy`); the case keeps it.
  const penalties = await loadFraudPenaltyVersions(em);
  for (const { caseId, reference, region, ...hit } of raised) {
    const penaltyPolicy = fraudPenaltyPolicyOn(penalties, hit.foundOn);
    await workflows.startInvestigation({ caseId, reference, region, hit, penaltyPolicy, calendar });
  }
}
