import type { MikroORM } from '@mikro-orm/postgresql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CN_CALENDAR_YEARS } from '../../../domain/calendar/default-calendar.js';
import { addDays, daysBetween } from '../../../domain/calendar/local-date.js';
import { computeDeadline } from '../../../domain/case/deadline-clock.js';
import { DomainError } from '../../../domain/errors.js';
import { systemClock } from '../../../services/business-clock.js';
import { ratePetition } from '../../../services/petitions/rate-petition.js';
import { readPetition } from '../../../services/petitions/read-petition.js';
import { requestPetitionReview } from '../../../services/petitions/request-petition-review.js';
import { contextOn, openTestDatabase, recordingWorkflows } from '../../support/command-context.js';
import { aCitizen, filedPetition, projectOpinion } from './petition-fixture.js';

const today = systemClock.today();
const windowEnd = (deliveredOn: string) => computeDeadline(CN_CALENDAR_YEARS, deliveredOn, 30, 'calendar').dueDate;
const daysBack = Array.from({ length: 45 }, (_, i) => addDays(today, -25 - i));
/** The latest delivery day whose 30-day window (rolled over rest days) has already ended, and that window's last day. */
const lapsed = () => {
  const deliveredOn = daysBack.find((day) => windowEnd(day) < today)!;
  return { deliveredOn, lastDay: windowEnd(deliveredOn) };
};
/** The earliest delivery day whose window still runs today. */
const stillOpen = () => [...daysBack].reverse().find((day) => windowEnd(day) >= today)!;

async function refusal(promise: Promise<unknown>): Promise<DomainError> {
  const error = await promise.then(
    () => undefined,
    (failure: unknown) => failure,
  );
  expect(error).toBeInstanceOf(DomainError);
  return error as DomainError;
}

describe('the petitioner’s commands (services/petitions, real PostgreSQL, recording workflow port)', () => {
  let orm: MikroORM;
  beforeAll(async () => {
    orm = await openTestDatabase();
  });
  afterAll(async () => orm?.close());

  it('counts the review window from the delivery date: a request one day late is refused naming the last day, even once the case concluded (§7 art. 35)', async () => {
    const { row, petitioner } = await filedPetition(orm);
    const { deliveredOn, lastDay } = lapsed();
    // Issued long before it was delivered: counted from the issue day the window would have ended much earlier.
    await projectOpinion(orm, row.caseId, { status: 'concluded', opinion: { issuedOn: addDays(deliveredOn, -20), deliveredOn } });
    const workflows = recordingWorkflows();
    const late = await refusal(requestPetitionReview(contextOn(orm, petitioner, { workflows }), row.reference, 'review'));
    expect(late.code).toBe('REVIEW_WINDOW_CLOSED');
    expect(late.message).toContain(`by ${lastDay}`);
    expect(late.message).toContain(`from ${deliveredOn}`);
    expect(workflows.calls).toEqual([]);
  });

  it('asks the workflow while a letter’s reply awaits its delivery record, however long ago it was issued, and audits the request (§7 art. 35)', async () => {
    const { row, petitioner } = await filedPetition(orm);
    await projectOpinion(orm, row.caseId, { status: 'opinionIssued', opinion: { issuedOn: addDays(today, -60), deliveredOn: null } });
    const workflows = recordingWorkflows({}, 'reviewRequested');
    const asked = await requestPetitionReview(contextOn(orm, petitioner, { workflows }), row.reference, 'review');
    expect(asked.status).toBe('reviewRequested');
    expect(workflows.calls).toEqual([{ method: 'requestPetitionReview', args: [row.caseId, 'review', petitioner.id] }]);
    const audit = await orm.em
      .fork()
      .execute<{ actor_id: string; action: string }[]>('select actor_id, action from audit_entry where object_id = ? and action like ?', [
        row.caseId,
        'petition.%',
      ]);
    expect(audit).toContainEqual({ actor_id: 'petitioner', action: 'petition.reviewRequested' });
  });

  it('allows a request inside the window counted from the delivery date, though more than 30 days after the issue day (§7 art. 35)', async () => {
    const { row, petitioner } = await filedPetition(orm);
    const deliveredOn = stillOpen();
    await projectOpinion(orm, row.caseId, { status: 'concluded', opinion: { issuedOn: addDays(deliveredOn, -20), deliveredOn } });
    const workflows = recordingWorkflows({}, 'reviewRequested');
    await requestPetitionReview(contextOn(orm, petitioner, { workflows }), row.reference, 'review');
    expect(workflows.calls.map((call) => call.method)).toEqual(['requestPetitionReview']);
  });

  it('shows the petitioner the delivery date and each deadline with the days left, and nobody else anything (§7 art. 34)', async () => {
    const { row, petitioner } = await filedPetition(orm);
    const due = computeDeadline(CN_CALENDAR_YEARS, addDays(today, -2), 30, 'calendar');
    await projectOpinion(orm, row.caseId, {
      status: 'opinionIssued',
      opinion: { issuedOn: addDays(today, -5), deliveredOn: addDays(today, -2) },
      deadlines: [{ name: 'reviewRequest', dueDate: due.dueDate, dueAt: new Date(due.dueAtMs).toISOString(), unit: 'calendar' }],
    });
    const view = await readPetition(contextOn(orm, petitioner), row.reference);
    expect(view.deliveredOn).toBe(addDays(today, -2));
    expect(view.deadlines).toEqual([expect.objectContaining({ name: 'reviewRequest', dueDate: due.dueDate, remainingDays: daysBetween(today, due.dueDate) })]);

    for (const stranger of [aCitizen(), { id: 'cw-031', role: 'caseworker' as const, region: '330102' }]) {
      expect((await refusal(readPetition(contextOn(orm, stranger), row.reference))).code).toBe('CASE_NOT_FOUND');
      expect((await refusal(ratePetition(contextOn(orm, stranger), row.reference, { score: 5 }))).code).toBe('CASE_NOT_FOUND');
      expect((await refusal(requestPetitionReview(contextOn(orm, stranger), row.caseId, 'review'))).code).toBe('CASE_NOT_FOUND');
    }
  });
});
