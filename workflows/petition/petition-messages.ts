import * as wf from '@temporalio/workflow';
import type { CalendarYear } from '../../domain/calendar/holiday-calendar.js';
import type { RegionParents } from '../../domain/petition/petition-clocks.js';
import type { PetitionPolicy } from '../../domain/petition/petition-policy.js';
import type { PetitionSubmission } from '../../domain/petition/petition-submission.js';
import type { PetitionContext } from '../../domain/petition/petition.machine.js';
import type { CaseView } from '../messages.js';

/** What starts a petition case (POST /v1/petitions, services/petitions/file-petition.ts). */
export interface PetitionInput {
  caseId: string;
  reference: string;
  petition: PetitionSubmission;
  /** The petitioner's ID number: notices and documents go to them (never shown to staff when anonymous). */
  petitionerId: string;
  /** Hash of the normalised matter (petition-submission.ts): art. 36 recognises a concluded matter by it. */
  matterKey: string;
  sensitive: boolean;
  receivedOn: string;
  policy: PetitionPolicy;
  /** Carried over by continue-as-new: the machine's state and what the workflow had loaded. */
  carried?: {
    value: string;
    context: PetitionContext;
    version: number;
    calendar: CalendarYear[];
    regions: string[] | null;
    /** Present on cases started with the 2026-12 rules (review bodies from region data, windows from delivery). */
    parents?: RegionParents | null;
    rules2026?: boolean;
  };
}

/** The petitioner asks for review (复查, art. 35) or re-review (复核, art. 36). */
export const requestPetitionReview = wf.defineUpdate<CaseView, [{ stage: 'review' | 'rereview'; actorId: string }]>('requestPetitionReview');
/** The petitioner rates the reply (art. 34: evaluation through the petition information system), 1–5. */
export const ratePetition = wf.defineUpdate<CaseView, [{ score: number; comment: string; actorId: string }]>('ratePetition');
/** Staff record the day the petitioner received an opinion by letter (送达回证): the review window runs from it. */
export const recordPetitionDelivery = wf.defineUpdate<CaseView, [{ document: 'opinion' | 'review'; receivedOn: string; actorId: string }]>(
  'recordPetitionDelivery',
);
