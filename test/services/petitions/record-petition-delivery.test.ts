import type { MikroORM } from '@mikro-orm/postgresql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DomainError } from '../../../domain/errors.js';
import type { Actor } from '../../../policies/abilities.js';
import { systemClock } from '../../../services/business-clock.js';
import { recordPetitionDelivery } from '../../../services/petitions/record-petition-delivery.js';
import { businessDates } from '../../support/business-dates.js';
import { contextOn, openTestDatabase, recordingWorkflows } from '../../support/command-context.js';
import { filedPetition, projectOpinion } from './petition-fixture.js';

const caseworker: Actor = { id: 'cw-031', role: 'caseworker', region: '330102' };
const dates = businessDates(systemClock);

async function refusal(promise: Promise<unknown>): Promise<DomainError> {
  const error = await promise.then(
    () => undefined,
    (failure: unknown) => failure,
  );
  expect(error).toBeInstanceOf(DomainError);
  return error as DomainError;
}

describe('recordPetitionDelivery (services/petitions, real PostgreSQL, recording workflow port)', () => {
  let orm: MikroORM;
  beforeAll(async () => {
    orm = await openTestDatabase();
  });
  afterAll(async () => orm?.close());

  const written = async (caseId: string) => {
    const em = orm.em.fork();
    const [timeline] = await em.execute<{ n: string }[]>(`select count(*) as n from timeline_entry where case_id = ? and action = 'petition.delivered'`, [
      caseId,
    ]);
    const [audit] = await em.execute<{ n: string }[]>(`select count(*) as n from audit_entry where object_id = ? and action = 'petition.delivered'`, [caseId]);
    return { timeline: Number(timeline?.n), audit: Number(audit?.n) };
  };

  it('records a letter’s delivery by staff of the region holding the petition: the workflow gets the day, the timeline and the audit log say who (§7 arts. 35, 36)', async () => {
    const { row } = await filedPetition(orm);
    await projectOpinion(orm, row.caseId, { status: 'opinionIssued', opinion: { issuedOn: dates.day(-3) } });
    const workflows = recordingWorkflows({}, 'opinionIssued');

    const recorded = await recordPetitionDelivery(contextOn(orm, caseworker, { workflows }), row.reference, { document: 'opinion', receivedOn: dates.day(-1) });

    expect(recorded.caseId).toBe(row.caseId);
    expect(workflows.calls).toEqual([{ method: 'recordPetitionDelivery', args: [row.caseId, { document: 'opinion', receivedOn: dates.day(-1) }, 'cw-031'] }]);
    expect(await written(row.caseId)).toEqual({ timeline: 1, audit: 1 });
    const [entry] = await orm.em
      .fork()
      .execute<{ actor_id: string; detail: unknown }[]>(`select actor_id, detail from audit_entry where object_id = ? and action = 'petition.delivered'`, [
        row.caseId,
      ]);
    expect(entry).toEqual({ actor_id: 'cw-031', detail: { document: 'opinion', receivedOn: dates.day(-1) } });
  });

  it('lets the body the petition was forwarded to, or that reviews it, record the delivery of its own opinion (§7 arts. 23, 35)', async () => {
    const { row } = await filedPetition(orm);
    await projectOpinion(orm, row.caseId, {
      status: 'reviewed',
      opinion: { issuedOn: dates.day(-40), deliveredOn: dates.day(-38) },
      review: { issuedOn: dates.day(-2) },
    });
    await orm.em.fork().execute(`update case_record set shared_with_regions = '{330100}' where id = ?`, [row.caseId]);
    const cityReviewer: Actor = { id: 'rv-100', role: 'reviewer', region: '330100' };
    const workflows = recordingWorkflows({}, 'reviewed');
    await recordPetitionDelivery(contextOn(orm, cityReviewer, { workflows }), row.caseId, { document: 'review', receivedOn: dates.today });
    expect(workflows.calls.map((call) => call.method)).toEqual(['recordPetitionDelivery']);
  });

  it('refuses a day after today or before the opinion was issued with 400 naming receivedOn, and writes and sends nothing', async () => {
    const { row } = await filedPetition(orm);
    await projectOpinion(orm, row.caseId, { status: 'opinionIssued', opinion: { issuedOn: dates.day(-3) } });
    for (const [receivedOn, words] of [
      [dates.day(1), /after today/],
      [dates.day(-4), new RegExp(`before the opinion was issued \\(${dates.day(-3)}\\)`)],
      ['2026-02-30', /YYYY-MM-DD/],
    ] as const) {
      const workflows = recordingWorkflows();
      const error = await refusal(recordPetitionDelivery(contextOn(orm, caseworker, { workflows }), row.reference, { document: 'opinion', receivedOn }));
      expect(error.code, receivedOn).toBe('VALIDATION_FAILED');
      expect(error.issues).toEqual([{ path: 'receivedOn', message: expect.stringMatching(words) }]);
      expect(workflows.calls).toEqual([]);
    }
    expect(await written(row.caseId)).toEqual({ timeline: 0, audit: 0 });
  });

  it('answers the workflow’s own date refusal as 400 receivedOn, and its "nothing awaits delivery" as NOT_ALLOWED_NOW, writing nothing', async () => {
    const { row } = await filedPetition(orm);
    await projectOpinion(orm, row.caseId, { status: 'opinionIssued', opinion: { issuedOn: dates.day(-3) } });
    const badDay = recordingWorkflows({
      recordPetitionDelivery: async () => {
        throw new DomainError('INVALID_DATE', 'receivedOn must be a date from the issue day to today');
      },
    });
    const dated = await refusal(
      recordPetitionDelivery(contextOn(orm, caseworker, { workflows: badDay }), row.reference, { document: 'opinion', receivedOn: dates.today }),
    );
    expect(dated).toMatchObject({ code: 'VALIDATION_FAILED', issues: [{ path: 'receivedOn', message: expect.stringMatching(/issue day/) }] });
    const nothing = recordingWorkflows({
      recordPetitionDelivery: async () => {
        throw new DomainError('NOT_ALLOWED_NOW', 'there is no opinion awaiting its delivery record');
      },
    });
    expect(
      (
        await refusal(
          recordPetitionDelivery(contextOn(orm, caseworker, { workflows: nothing }), row.reference, { document: 'opinion', receivedOn: dates.today }),
        )
      ).code,
    ).toBe('NOT_ALLOWED_NOW');
    expect(await written(row.caseId)).toEqual({ timeline: 0, audit: 0 });
  });

  it('refuses the petitioner and an auditor (403), and hides the petition from another region and from the staff member a whistle-blowing petition accuses (404) (§7 art. 36 para. 3)', async () => {
    const { row, petitioner } = await filedPetition(orm);
    await projectOpinion(orm, row.caseId, { status: 'opinionIssued', opinion: { issuedOn: dates.today } });
    const delivery = { document: 'opinion', receivedOn: dates.today } as const;
    const attempt = (actor: Actor, reference = row.reference) => refusal(recordPetitionDelivery(contextOn(orm, actor), reference, delivery));
    expect((await attempt(petitioner)).code).toBe('FORBIDDEN');
    expect((await attempt({ id: 'au-001', role: 'auditor', region: '330102' })).code).toBe('FORBIDDEN');
    expect((await attempt({ id: 'cw-106', role: 'caseworker', region: '330106' })).code).toBe('CASE_NOT_FOUND');

    const accusing = await filedPetition(orm, { whistleblowing: { accusedStaff: ['rv-666'] } });
    await projectOpinion(orm, accusing.row.caseId, { status: 'opinionIssued', opinion: { issuedOn: dates.today } });
    expect((await attempt({ id: 'rv-666', role: 'reviewer', region: '330102' }, accusing.row.reference)).code).toBe('CASE_NOT_FOUND');
    // Sensitive: a front-line caseworker does not see it either; a reviewer records it.
    expect((await attempt(caseworker, accusing.row.reference)).code).toBe('CASE_NOT_FOUND');
    await recordPetitionDelivery(contextOn(orm, { id: 'rv-001', role: 'reviewer', region: '330102' }), accusing.row.reference, delivery);
    expect(await written(row.caseId)).toEqual({ timeline: 0, audit: 0 });
  });
});
