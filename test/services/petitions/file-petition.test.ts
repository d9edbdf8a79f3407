import type { MikroORM } from '@mikro-orm/postgresql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DomainError } from '../../../domain/errors.js';
import type { PetitionInput } from '../../../workflows/index.js';
import { filePetition } from '../../../services/petitions/file-petition.js';
import { contextOn, openTestDatabase, recordingWorkflows } from '../../support/command-context.js';
import { aCitizen, petitionFiling } from './petition-fixture.js';

async function refusal(promise: Promise<unknown>): Promise<DomainError> {
  const error = await promise.then(
    () => undefined,
    (failure: unknown) => failure,
  );
  expect(error).toBeInstanceOf(DomainError);
  return error as DomainError;
}

describe('filePetition (services/petitions, real PostgreSQL, recording workflow port)', () => {
  let orm: MikroORM;
  beforeAll(async () => {
    orm = await openTestDatabase();
  });
  afterAll(async () => orm?.close());

  const rows = async (caseId: string) => {
    const [petition] = await orm.em
      .fork()
      .execute<{ channel: string; petitioner_id: string }[]>('select channel, petitioner_id from petition where case_id = ?', [caseId]);
    return petition;
  };
  const attachment = async (ownerId: string) => {
    const id = crypto.randomUUID();
    await orm.em
      .fork()
      .execute(
        `insert into attachment (id, owner_id, sha256, size, media_type, original_name, case_id, created_at) values (?, ?, ?, 10, 'application/pdf', 'a.pdf', null, now())`,
        [id, ownerId, 'a'.repeat(64)],
      );
    return id;
  };

  it('accepts a petition sent by fax: the case, the petition row with its channel, and the workflow started with it (信访工作条例 art. 17)', async () => {
    const petitioner = aCitizen();
    const workflows = recordingWorkflows();
    const row = await filePetition(contextOn(orm, petitioner, { workflows }), petitionFiling({ channel: 'fax' }));
    expect(row.reference).toMatch(/^XF\d{10}$/);
    expect(await rows(row.caseId)).toEqual({ channel: 'fax', petitioner_id: petitioner.id });
    const [start] = workflows.calls;
    expect(start?.method).toBe('startPetition');
    expect((start?.args[0] as PetitionInput).petition).toMatchObject({ channel: 'fax', region: '330102' });
  });

  it('lands the same submission twice on one case and starts the same workflow (docs/architecture.md "Case = workflow")', async () => {
    const petitioner = aCitizen();
    const filing = petitionFiling();
    const first = await filePetition(contextOn(orm, petitioner), filing);
    const again = await filePetition(contextOn(orm, petitioner), filing);
    expect(again.caseId).toBe(first.caseId);
    const keyed = await filePetition(contextOn(orm, petitioner), petitionFiling(), 'key-0001');
    expect((await filePetition(contextOn(orm, petitioner), petitionFiling(), 'key-0001')).caseId).toBe(keyed.caseId);
  });

  it('files the petitioner’s own uploads with it, and refuses someone else’s with 400 attachmentIds, writing nothing (§7)', async () => {
    const petitioner = aCitizen();
    const own = await attachment(petitioner.id);
    const row = await filePetition(contextOn(orm, petitioner), petitionFiling({ attachmentIds: [own] }));
    const [filed] = await orm.em.fork().execute<{ case_id: string }[]>('select case_id from attachment where id = ?', [own]);
    expect(filed?.case_id).toBe(row.caseId);

    const other = aCitizen();
    const workflows = recordingWorkflows();
    const error = await refusal(filePetition(contextOn(orm, other, { workflows }), petitionFiling({ attachmentIds: [own] })));
    expect(error).toMatchObject({ code: 'VALIDATION_FAILED', issues: [{ path: 'attachmentIds', message: expect.stringContaining(own) }] });
    expect(workflows.calls).toEqual([]);
    const [count] = await orm.em.fork().execute<{ n: string }[]>('select count(*) as n from petition where petitioner_id = ?', [other.id]);
    expect(Number(count?.n)).toBe(0);
  });

  it('refuses staff (only a citizen petitions, in their own name) and a region the system does not serve', async () => {
    const staff = await refusal(filePetition(contextOn(orm, { id: 'cw-040', role: 'caseworker', region: '330102' }), petitionFiling()));
    expect(staff.code).toBe('FORBIDDEN');
    const region = await refusal(filePetition(contextOn(orm, aCitizen()), petitionFiling({ region: '110105' })));
    expect(region).toMatchObject({ code: 'REGION_NOT_FOUND', path: 'region' });
  });
});
