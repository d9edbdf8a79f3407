import { describe, expect, it } from 'vitest';
import { initialTransition, transition } from 'xstate';
import { toPetitionEffects } from '../../../domain/petition/petition-effects.js';
import type { PetitionSubmission } from '../../../domain/petition/petition-submission.js';
import { petitionMachine, type PetitionEvent } from '../../../domain/petition/petition.machine.js';

const petition: PetitionSubmission = {
  channel: 'letter',
  region: '330102',
  request: 'r',
  facts: 'f',
  reasons: 'why',
  concerns: { caseReference: null },
  anonymous: false,
  representatives: [],
  attachmentIds: [],
  accusedStaff: [],
};
const opinion = { kind: 'explain' as const, facts: 'f', reasons: 'r', legalBasis: 'l', issuedOn: '2026-03-01', issuedBy: 'cw-1' };

function run(...events: PetitionEvent[]) {
  let [snapshot] = initialTransition(petitionMachine, { petition, receivedOn: '2026-01-05' });
  const notices: string[] = [];
  for (const event of events) {
    const [next, actions] = transition(petitionMachine, snapshot, event);
    snapshot = next;
    notices.push(...toPetitionEffects(actions).flatMap((e) => (e.kind === 'notify' ? [e.notice] : [])));
  }
  return { snapshot, notices };
}

describe('petitionMachine', () => {
  it('follows registered → inProgress → opinionIssued → review → re-review, notifying at each decision (§7 status notifications)', () => {
    const { snapshot, notices } = run(
      { type: 'ACCEPT', officerId: 'cw-1', on: '2026-01-10' },
      { type: 'ISSUE_OPINION', opinion },
      { type: 'REQUEST_REVIEW', on: '2026-03-10' },
      { type: 'ISSUE_OPINION', opinion: { ...opinion, issuedBy: 'cw-9' } },
      { type: 'REQUEST_REREVIEW', on: '2026-04-01' },
      { type: 'ISSUE_OPINION', opinion: { ...opinion, issuedBy: 'cw-99' } },
    );
    expect(snapshot.value).toBe('rereviewed');
    expect(snapshot.status).toBe('done');
    expect(notices).toEqual(['petition_accepted', 'petition_reply', 'petition_review_opinion', 'petition_rereview_opinion']);
  });

  it('allows one approved extension only (§7 art. 32)', () => {
    const extended = run(
      { type: 'ACCEPT', officerId: 'cw-1', on: '2026-01-10' },
      { type: 'REQUEST_EXTENSION', officerId: 'cw-1', days: 20, reason: 'complex' },
      { type: 'APPROVE_EXTENSION', officerId: 'sv-1' },
    );
    expect(extended.snapshot.value).toBe('inProgress');
    expect(extended.snapshot.context.extension).toEqual({ days: 20, reason: 'complex', requestedBy: 'cw-1', approvedBy: 'sv-1' });
    expect(extended.notices).toContain('petition_extended');
    expect(extended.snapshot.can({ type: 'REQUEST_EXTENSION', officerId: 'cw-1', days: 5, reason: 'again' })).toBe(false);

    const refused = run(
      { type: 'ACCEPT', officerId: 'cw-1', on: '2026-01-10' },
      { type: 'REQUEST_EXTENSION', officerId: 'cw-1', days: 20, reason: 'complex' },
      { type: 'REFUSE_EXTENSION', officerId: 'sv-1', reason: 'no' },
    );
    expect(refused.snapshot.can({ type: 'REQUEST_EXTENSION', officerId: 'cw-1', days: 5, reason: 'again' })).toBe(true);
  });

  it('lets the petitioner rate a reply once, and ends when the review window closes (§7 arts. 34, 35)', () => {
    const { snapshot } = run(
      { type: 'ACCEPT', officerId: 'cw-1', on: '2026-01-10' },
      { type: 'ISSUE_OPINION', opinion },
      { type: 'RATE', score: 5, comment: '' },
    );
    expect(snapshot.context.rating).toEqual({ score: 5, comment: '' });
    expect(snapshot.can({ type: 'RATE', score: 1, comment: '' })).toBe(false);
    expect(transition(petitionMachine, snapshot, { type: 'WINDOW_CLOSED' })[0].value).toBe('concluded');
    expect(run().snapshot.can({ type: 'RATE', score: 3, comment: '' })).toBe(false); // nothing to rate yet
  });

  it('hands a forwarded petition to the forwardee on acceptance, and back to the sender on objection (§7 art. 23)', () => {
    const taken = run(
      { type: 'FORWARD', officerId: 'cw-1', toRegion: '330106', reason: 'x', on: '2026-01-06' },
      { type: 'ACCEPT', officerId: 'cw-6', on: '2026-01-08' },
    );
    expect(taken.snapshot.value).toBe('inProgress');
    expect(taken.snapshot.context.handlingRegion).toBe('330106');
    const objected = run(
      { type: 'FORWARD', officerId: 'cw-1', toRegion: '330106', reason: 'x', on: '2026-01-06' },
      { type: 'TRANSFER_OBJECTED', officerId: 'cw-6', reason: 'not ours' },
    );
    expect(objected.snapshot.value).toBe('registered');
    expect(objected.snapshot.context).toMatchObject({ handlingRegion: '330102', forwardedTo: null });
    expect(taken.notices).toEqual(['petition_forwarded', 'petition_accepted']);
  });

  it('answers a matter concluded by re-review as not accepted with that route (§7 art. 36)', () => {
    const { snapshot, notices } = run({ type: 'DUPLICATE_OF_CONCLUDED', reference: 'XF2026000001' });
    expect(snapshot.value).toBe('notAccepted');
    expect(snapshot.context.notAccepted).toMatchObject({ route: 'rereviewConcluded', concludedReference: 'XF2026000001' });
    expect(notices).toEqual(['petition_not_accepted']);
  });
});
