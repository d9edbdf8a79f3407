import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { MikroORM } from '@mikro-orm/postgresql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DomainError } from '../../../domain/errors.js';
import { AttachmentStore } from '../../../services/adapters/attachment-store.js';
import { readAttachment } from '../../../services/attachments/read-attachment.js';
import { uploadAttachment } from '../../../services/attachments/upload-attachment.js';
import { filePetition } from '../../../services/petitions/file-petition.js';
import { contextOn, openTestDatabase } from '../../support/command-context.js';
import { aCitizen, petitionFiling } from '../petitions/petition-fixture.js';

const PDF = new TextEncoder().encode('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
const pdf = (bytes: Uint8Array = PDF, type = 'application/pdf', name = 'letter.pdf') => new File([bytes], name, { type });

async function refusal(promise: Promise<unknown>): Promise<DomainError> {
  const error = await promise.then(
    () => undefined,
    (failure: unknown) => failure,
  );
  expect(error).toBeInstanceOf(DomainError);
  return error as DomainError;
}

describe('uploadAttachment and readAttachment (services/attachments, real PostgreSQL, a store of its own)', () => {
  let orm: MikroORM;
  let root: string;
  let store: AttachmentStore;
  beforeAll(async () => {
    orm = await openTestDatabase();
    root = await mkdtemp(join(tmpdir(), 'attachments-'));
    store = new AttachmentStore(root);
  });
  afterAll(async () => {
    await orm?.close();
    await rm(root, { recursive: true, force: true });
  });

  const rowsOf = async (ownerId: string) =>
    Number((await orm.em.fork().execute<{ n: string }[]>('select count(*) as n from attachment where owner_id = ?', [ownerId]))[0]?.n);

  it('stores a PDF under its sha256 with an audit entry, and gives it back to its uploader', async () => {
    const citizen = aCitizen();
    const stored = await uploadAttachment(contextOn(orm, citizen), store, pdf());
    expect(stored).toMatchObject({ size: PDF.byteLength, mediaType: 'application/pdf', sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
    const [audit] = await orm.em.fork().execute<{ action: string }[]>('select action from audit_entry where object_id = ?', [stored.attachmentId]);
    expect(audit?.action).toBe('attachment.uploaded');
    const file = await readAttachment(contextOn(orm, citizen), store, stored.attachmentId);
    expect(new Uint8Array(file.bytes)).toEqual(PDF);
  });

  it('refuses an empty file, a script named .pdf and a PNG declared as PDF with 400 on file, writing nothing', async () => {
    const citizen = aCitizen();
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]);
    for (const file of [pdf(new Uint8Array()), pdf(new TextEncoder().encode('#!/bin/sh\necho hi\n'), 'application/pdf', 'scan.pdf'), pdf(png)]) {
      const error = await refusal(uploadAttachment(contextOn(orm, citizen), store, file));
      expect(error).toMatchObject({ code: 'VALIDATION_FAILED', issues: [{ path: 'file', message: expect.any(String) }] });
    }
    expect(await rowsOf(citizen.id)).toBe(0);
  });

  it('shows a filed attachment to staff who may read its case, never to the staff member the petition accuses or to another citizen (§7 art. 36 para. 3)', async () => {
    const citizen = aCitizen();
    const stored = await uploadAttachment(contextOn(orm, citizen), store, pdf());
    await filePetition(contextOn(orm, citizen), petitionFiling({ attachmentIds: [stored.attachmentId], whistleblowing: { accusedStaff: ['rv-666'] } }));

    const reviewer = await readAttachment(contextOn(orm, { id: 'rv-001', role: 'reviewer', region: '330102' }), store, stored.attachmentId);
    expect(reviewer.sha256).toBe(stored.sha256);
    for (const actor of [
      { id: 'rv-666', role: 'reviewer', region: '330102' } as const,
      { id: 'cw-031', role: 'caseworker', region: '330102' } as const, // sensitive: reviewers and supervisors only
      { id: 'rv-106', role: 'reviewer', region: '330106' } as const,
      aCitizen(),
    ]) {
      expect((await refusal(readAttachment(contextOn(orm, actor), store, stored.attachmentId))).code, actor.id).toBe('ATTACHMENT_NOT_FOUND');
    }
    expect((await refusal(readAttachment(contextOn(orm, citizen), store, 'not-a-uuid'))).code).toBe('ATTACHMENT_NOT_FOUND');
  });
});
