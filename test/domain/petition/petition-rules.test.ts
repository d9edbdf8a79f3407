// Issue 8: the petition rules of 信访工作条例 arts. 17, 32, 35, 36 as the 2026-12 cases apply them — review bodies from
// region data, review windows from the day of delivery, no extension once the 60-day period lapsed, fax a channel.
import { initialTransition, transition } from 'xstate';
import { describe, expect, it } from 'vitest';
import { CN_CALENDAR_YEARS as cal } from '../../../domain/calendar/default-calendar.js';
import { DomainError } from '../../../domain/errors.js';
import { parentRegionCode } from '../../../domain/region-code.js';
import {
  assertReviewWindowOpen,
  deliveryDateProblem,
  petitionClocks,
  receivedOn,
  reviewBodyOf,
  reviewWindowStart,
  type RegionParents,
} from '../../../domain/petition/petition-clocks.js';
import { petitionEventFor } from '../../../domain/petition/petition-decision.js';
import { DEFAULT_PETITION_POLICY as policy } from '../../../domain/petition/petition-policy.js';
import { isPetitionChannel, PETITION_CHANNELS, type PetitionSubmission } from '../../../domain/petition/petition-submission.js';
import { petitionSummary } from '../../../domain/petition/petition-summary.js';
import { petitionMachine } from '../../../domain/petition/petition.machine.js';
import type { TaskCompletion } from '../../../domain/task.js';

/** Region data as the region table holds it: the administrative parent, not the one the digits suggest. */
const parents: RegionParents = {
  '110000': null, // 北京市 (municipality)
  '110105': '110000', // 朝阳区: a district of the municipality, no city level in between
  '420000': null, // 湖北省
  '429004': '420000', // 仙桃市: a county-level city administered directly by the province
  '330000': null,
  '330100': '330000',
  '330102': '330100',
};

const decision = (outcome: string, comment = '', data: Record<string, unknown> = {}): TaskCompletion => ({
  taskId: 't',
  outcome,
  comment,
  data,
  actorId: 'cw-2',
  actorRole: 'caseworker',
});
const at = (today: string, handlingDue?: string) => ({ today, policy, extendedDays: 0, handlingRegion: '330102', handlingDue });

const submission = (channel: PetitionSubmission['channel']): PetitionSubmission => ({
  channel,
  region: '330102',
  request: '补发失业保险金',
  facts: '离职后仅发放两个月',
  reasons: '缴费满三年',
  concerns: { caseReference: null },
  anonymous: false,
  representatives: [],
  attachmentIds: [],
  accusedStaff: [],
});

describe('the review body is the administrative parent from region data (信访工作条例 arts. 35, 36)', () => {
  it('sends the review of a district of a municipality to the municipality: 110105 → 110000, not 110100', () => {
    expect(parentRegionCode('110105')).toBe('110100'); // what the digits alone would say
    expect(reviewBodyOf('110105', 'review', parents)).toBe('110000');
    expect(reviewBodyOf('110105', 'rereview', parents)).toBeNull(); // nothing above the municipality
  });

  it('sends the review of a county administered by the province to the province: 429004 → 420000', () => {
    expect(reviewBodyOf('429004', 'review', parents)).toBe('420000');
    expect(reviewBodyOf('429004', 'rereview', parents)).toBeNull();
  });

  it('sends re-review of an ordinary district two levels up, through its city (330102 → 330100 → 330000)', () => {
    expect(reviewBodyOf('330102', 'review', parents)).toBe('330100');
    expect(reviewBodyOf('330102', 'rereview', parents)).toBe('330000');
  });

  it('knows no body above a region the data does not list', () => {
    expect(reviewBodyOf('330106', 'review', parents)).toBeNull();
  });
});

describe('the review window runs from the delivery date (信访工作条例 arts. 35, 36, E12)', () => {
  const opinion = { issuedOn: '2025-04-01', deliveredOn: '2025-04-15' };

  it('refuses a review request one day after the window counted from delivery, naming the last day', () => {
    const from = receivedOn(opinion, { windowsFromDelivery: true })!;
    expect(from).toBe('2025-04-15');
    expect(assertReviewWindowOpen(cal, policy, 'review', from, '2025-05-15').dueDate).toBe('2025-05-15');
    const late = () => assertReviewWindowOpen(cal, policy, 'review', from, '2025-05-16');
    expect(late).toThrow(DomainError);
    expect(late).toThrow(/by 2025-05-15 \(30 days from 2025-04-15\)/);
  });

  it('starts no window while a letter’s reply awaits its delivery record, and counts from the record once it comes', () => {
    const ctx = { receivedOn: '2025-01-02', acceptedOn: '2025-01-10', extension: null, reviewRequestedOn: null, review: null, rereviewRequestedOn: null };
    const awaiting = petitionClocks(cal, policy, { ...ctx, opinion: { issuedOn: '2025-04-01', deliveredOn: null } }, { windowsFromDelivery: true });
    expect(awaiting.map((c) => c.clock)).not.toContain('reviewRequest');
    const delivered = petitionClocks(cal, policy, { ...ctx, opinion }, { windowsFromDelivery: true });
    expect(delivered.find((c) => c.clock === 'reviewRequest')?.due.dueDate).toBe('2025-05-15');
    // Counted from the issue day (cases started before the rule) the same reply's window would have closed in May's first week.
    expect(petitionClocks(cal, policy, { ...ctx, opinion }).find((c) => c.clock === 'reviewRequest')?.due.dueDate).toBe('2025-05-06');
  });

  it('counts a re-review window from the review opinion’s delivery too (art. 36)', () => {
    expect(receivedOn({ issuedOn: '2025-06-03', deliveredOn: '2025-06-09' }, { windowsFromDelivery: true })).toBe('2025-06-09');
    expect(() => assertReviewWindowOpen(cal, policy, 'rereview', '2025-06-09', '2025-07-10')).toThrow(/by 2025-07-09/);
  });

  it('leaves a window to the workflow while the case waits for a request without a delivery record; after it, counts from the record or the issue day', () => {
    expect(reviewWindowStart({ issuedOn: '2025-04-01', deliveredOn: '2025-04-15' }, true)).toBe('2025-04-15');
    expect(reviewWindowStart({ issuedOn: '2025-04-01', deliveredOn: null }, true)).toBeNull();
    expect(reviewWindowStart({ issuedOn: '2025-04-01', deliveredOn: '2025-04-15' }, false)).toBe('2025-04-15');
    expect(reviewWindowStart({ issuedOn: '2025-04-01' }, false)).toBe('2025-04-01');
  });

  it('takes a delivery day from the issue day to today, and nothing earlier or later', () => {
    expect(deliveryDateProblem('2025-04-15', '2025-04-01', '2025-04-20')).toBeNull();
    expect(deliveryDateProblem('2025-04-01', '2025-04-01', '2025-04-01')).toBeNull();
    expect(deliveryDateProblem('2025-03-31', '2025-04-01', '2025-04-20')).toMatch(/before the opinion was issued \(2025-04-01\)/);
    expect(deliveryDateProblem('2025-04-21', '2025-04-01', '2025-04-20')).toMatch(/after today \(2025-04-20\)/);
  });

  it('records the delivery on the opinion once, and shows it to the petitioner (the window they have)', () => {
    let [snapshot] = initialTransition(petitionMachine, { petition: submission('letter'), receivedOn: '2025-01-02' });
    [snapshot] = transition(petitionMachine, snapshot, { type: 'ACCEPT', officerId: 'cw-2', on: '2025-01-10' });
    [snapshot] = transition(petitionMachine, snapshot, {
      type: 'ISSUE_OPINION',
      opinion: { kind: 'explain', facts: 'f', reasons: 'r', legalBasis: 'l', issuedOn: '2025-04-01', issuedBy: 'cw-2' },
    });
    expect(petitionSummary(snapshot.context, { forPetitioner: true })).toMatchObject({ opinion: { issuedOn: '2025-04-01', deliveredOn: null } });
    [snapshot] = transition(petitionMachine, snapshot, { type: 'DELIVERED', document: 'opinion', on: '2025-04-15' });
    expect(snapshot.can({ type: 'DELIVERED', document: 'opinion', on: '2025-04-16' })).toBe(false);
    expect(petitionSummary(snapshot.context, { forPetitioner: true })).toMatchObject({ opinion: { deliveredOn: '2025-04-15' } });
  });
});

describe('no extension after the 60-day handling period lapsed (信访工作条例 art. 32, E12)', () => {
  // Accepted 10 Jan 2025: the 60 days end on 11 Mar 2025.
  const handlingDue = '2025-03-11';

  it('lets an extension be requested on the last day of the 60 days', () => {
    expect(petitionEventFor('handling', decision('extend', '需调取外省记录', { days: 30 }), at('2025-03-11', handlingDue))).toMatchObject({
      type: 'REQUEST_EXTENSION',
      days: 30,
    });
  });

  it('refuses an extension requested after the period lapsed, naming its last day', () => {
    expect(petitionEventFor('handling', decision('extend', '需调取外省记录', { days: 30 }), at('2025-03-12', handlingDue))).toEqual({
      refused: expect.stringMatching(/ended on 2025-03-11/),
    });
  });

  it('refuses to approve an extension once the period lapsed, though it was asked for in time', () => {
    expect(petitionEventFor('extension', decision('approve'), at('2025-03-11', handlingDue))).toMatchObject({ type: 'APPROVE_EXTENSION' });
    expect(petitionEventFor('extension', decision('approve'), at('2025-03-12', handlingDue))).toEqual({
      refused: expect.stringMatching(/no longer be extended/),
    });
    // A refusal of the extension stays possible: the body still has to answer.
    expect(petitionEventFor('extension', decision('reject', '材料已齐'), at('2025-03-12', handlingDue))).toMatchObject({ type: 'REFUSE_EXTENSION' });
  });
});

describe('fax is a petition channel (信访工作条例 art. 17)', () => {
  it('accepts fax alongside online, letter, visit and phone, and nothing else', () => {
    expect(PETITION_CHANNELS).toEqual(['online', 'letter', 'fax', 'visit', 'phone']);
    expect(isPetitionChannel('fax')).toBe(true);
    expect(isPetitionChannel('email')).toBe(false);
    expect(isPetitionChannel(undefined)).toBe(false);
  });

  it('registers a fax petition like any other and keeps its channel for staff', () => {
    const [snapshot] = initialTransition(petitionMachine, { petition: submission('fax'), receivedOn: '2025-01-02' });
    expect(snapshot.value).toBe('registered');
    expect(petitionSummary(snapshot.context, { forPetitioner: false })).toMatchObject({ channel: 'fax' });
  });
});
