import { caseTimeline } from '../../db/queries/case.query.js';
import { petitionerDocuments } from '../../db/queries/petition.query.js';
import { daysBetween } from '../../domain/calendar/local-date.js';
import type { CaseDeadline } from '../../domain/case/case-projection.js';
import type { CommandContext } from '../command-context.js';
import { opinionOnRecord, ownPetition } from './petition-access.js';

/** What the petitioner sees of their petition (docs/api.md GET /v1/petitions/{reference}). */
export interface PetitionerView {
  reference: string;
  caseId: string;
  status: string;
  timeline: { at: string; action: string; detail: Record<string, unknown> }[];
  /** Each running statutory deadline with the days left; the review windows count from the day of delivery. */
  deadlines: (CaseDeadline & { remainingDays: number })[];
  documents: { kind: string; sentAt: string; content: Record<string, unknown> }[];
  /** The day the latest written opinion (reply or review opinion) reached the petitioner; null until it has. */
  deliveredOn: string | null;
  allowedActions: string[];
}

const ACTIONS: Readonly<Record<string, string>> = { REQUEST_REVIEW: 'requestReview', REQUEST_REREVIEW: 'requestRereview', RATE: 'rate' };

/**
 * The petitioner's own view (信访工作条例 art. 34: petitioners query progress): status, the case's own steps, every
 * statutory deadline with the days left, the documents sent to them and what they may do now. Staff names and
 * internal comments never appear: task lines are left out and status lines carry no detail.
 */
export async function readPetition(ctx: CommandContext, idOrReference: string): Promise<PetitionerView> {
  const { row, petition } = await ownPetition(ctx, idOrReference);
  const today = ctx.clock.today();
  const [timeline, documents] = await Promise.all([caseTimeline(ctx.em, row.caseId), petitionerDocuments(ctx.em, row.caseId, petition.petitionerId)]);
  const latest = opinionOnRecord(row, 'review') ?? opinionOnRecord(row, 'opinion');
  return {
    reference: row.reference,
    caseId: row.caseId,
    status: row.status,
    timeline: timeline
      .filter((line) => !line.action.startsWith('task.'))
      .map((line) => ({ at: line.at, action: line.action, detail: line.action.startsWith('status.') ? {} : line.detail })),
    deadlines: row.deadlines.map((d) => ({ ...d, remainingDays: daysBetween(today, d.dueDate) })),
    documents,
    deliveredOn: latest?.deliveredOn ?? null,
    allowedActions: row.allowedEvents.flatMap((event) => ACTIONS[event] ?? []),
  };
}
