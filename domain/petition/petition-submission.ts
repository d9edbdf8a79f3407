/** How the petition reached the agency (rules §7, 信访工作条例 art. 17). */
export const PETITION_CHANNELS = ['online', 'letter', 'fax', 'visit', 'phone'] as const;
export type PetitionChannel = (typeof PETITION_CHANNELS)[number];

/** True for a channel art. 17 names (online, letter, fax, visit, phone); anything else is not a way a petition arrives. */
export function isPetitionChannel(value: unknown): value is PetitionChannel {
  return typeof value === 'string' && (PETITION_CHANNELS as readonly string[]).includes(value);
}

/**
 * Where a matter the agency does not take as a petition belongs (rules §7, "What is not handled as an ordinary
 * petition", arts. 19, 22, 31): the petitioner is told the route.
 */
export const NOT_ACCEPTED_ROUTES = [
  'court',
  'arbitration',
  'administrativeReview',
  'administrativeProcedure',
  'disciplinaryBody',
  'rereviewConcluded',
  'other',
] as const;
export type NotAcceptedRoute = (typeof NOT_ACCEPTED_ROUTES)[number];

export interface Representative {
  name: string;
  citizenId: string;
}

/** What a citizen files (docs/api.md POST /v1/petitions; rules §7 data model). */
export interface PetitionSubmission {
  channel: PetitionChannel;
  region: string;
  request: string;
  facts: string;
  reasons: string;
  concerns: { caseReference: string | null };
  anonymous: boolean;
  representatives: Representative[];
  attachmentIds: string[];
  /** Whistle-blowing against staff: the accused staff ids, never shown to them (art. 36 para. 3 / §7). Empty otherwise. */
  accusedStaff: string[];
}

/**
 * The "same facts and reasons" test of art. 36 made mechanical: request, facts and reasons with case, width and
 * whitespace differences removed, so re-typing the same petition is recognised. Hashing happens at the edge.
 */
export function normalisedMatter(
  submission: Pick<PetitionSubmission, 'request' | 'facts' | 'reasons'> & { concerns: { caseReference: string | null } },
): string {
  const clean = (text: string) =>
    text
      .normalize('NFKC')
      .toLowerCase()
      .replace(/[\s\p{P}]+/gu, '');
  return [submission.concerns.caseReference ?? '', clean(submission.request), clean(submission.facts), clean(submission.reasons)].join('|');
}

/** A written handling, review or re-review opinion (信访处理意见书, art. 32): the kind and its grounds. */
export const OPINION_KINDS = ['support', 'explain', 'notSupport'] as const;
export type OpinionKind = (typeof OPINION_KINDS)[number];

export interface PetitionOpinion {
  kind: OpinionKind;
  facts: string;
  reasons: string;
  legalBasis: string;
  issuedOn: string;
  issuedBy: string;
  /**
   * The day the petitioner received it (送达): the 30-day review and re-review windows run from here (arts. 35, 36).
   * Online petitions receive it through the petition information system the day it is issued; a letter's day comes
   * from its delivery receipt. Absent on opinions of cases that counted from the issue day.
   */
  deliveredOn?: string | null;
}
