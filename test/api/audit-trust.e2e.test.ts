import { execFile } from 'node:child_process';
import { randomInt } from 'node:crypto';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { maskCitizenId } from '../../domain/identity/masking.js';
import { appendAudit } from '../../db/writers/case-log.js';
import { SEEDED_EMPLOYER_330102 } from '../support/factories.js';
import { servicesForTest } from '../support/services.js';
import { startSystem, type TestSystem } from '../support/system.js';
import { lateHireInReview } from './review-fixture.js';

const run = promisify(execFile);

// A county of Xinjiang no other test uses: its audit chain holds only this file's entries, so tampering with it
// breaks no other test's region.
const REGION = `65${randomInt(10, 100)}${randomInt(10, 100)}`;

describe('tamper-evident audit and audited reads of personal data (issue 15 point 3)', () => {
  let system: TestSystem;
  beforeAll(async () => {
    system = await startSystem();
  });
  afterAll(async () => system?.close());

  const auditOf = (actorId: string) =>
    system.orm.em
      .fork()
      .execute<{ object_id: string; detail: { path: string; counts: Record<string, number>; subjects: string[] } }[]>(
        `select object_id, detail from audit_entry where actor_id = ? and action = 'personal-data.read' order by id`,
        [actorId],
      );

  it('records who received an unmasked ID number, naming it masked; a masked answer records nothing', async () => {
    const employer = await system.token({ role: 'employer', employer: SEEDED_EMPLOYER_330102, sub: 'agent-disclosure' });
    const filed = await lateHireInReview(system, employer);
    const cw = await system.token({ role: 'caseworker', region: '330102', sub: 'cw-disclosure' });
    const seen = await system.call('GET', `/v1/cases/${filed.caseId}`, { token: cw });
    expect(seen.body.subject.citizenId).toBe(filed.citizenId);
    const [entry, ...more] = await auditOf('cw-disclosure');
    expect(more).toEqual([]);
    expect(entry!.object_id).toBe('GET /v1/cases/:caseId');
    expect(entry!.detail.counts).toEqual({ citizenId: 1 });
    expect(entry!.detail.subjects).toEqual([`citizenId:${maskCitizenId(filed.citizenId)}`]);
    expect(JSON.stringify(entry!.detail)).not.toContain(filed.citizenId);

    // The auditor reads the same case masked (no readUnmasked), so nothing was disclosed and nothing is recorded.
    const auditor = await system.token({ role: 'auditor', region: '330102', sub: 'aud-disclosure' });
    const masked = await system.call('GET', `/v1/cases/${filed.caseId}`, { token: auditor });
    expect(masked.body.subject.citizenId).toBe(maskCitizenId(filed.citizenId));
    expect(await auditOf('aud-disclosure')).toEqual([]);
    // The entry is itself part of the region's chain and readable in the audit log.
    const log = await system.call('GET', '/v1/audit-entries?action=personal-data.read&actorId=cw-disclosure', { token: auditor });
    expect(log.body.items).toHaveLength(1);
  });

  it('an edit made with SQL shows on the API, the auditor’s page and npm run audit:verify at the first broken link', async () => {
    for (let n = 1; n <= 4; n += 1) {
      await appendAudit(system.orm.em.fork(), {
        at: system.clock.now(),
        actorId: 'cw-x',
        actorRole: 'caseworker',
        region: REGION,
        action: 'test.appended',
        objectType: 'Test',
        objectId: `o-${n}`,
        detail: { n },
      });
    }
    const auditor = await system.token({ role: 'auditor', region: REGION, sub: 'aud-chain' });
    const before = await system.call('GET', '/v1/audit-entries/verification', { token: auditor });
    expect(before.status).toBe(200);
    expect(before.body.chains).toEqual([{ chain: REGION, checked: 4, intact: true, lastGoodSeq: 4, firstBroken: null }]);

    const [third] = await system.orm.em.fork().execute<{ id: string }[]>(`select id from audit_entry where chain = ? and chain_seq = 3`, [REGION]);
    await system.orm.em.fork().transactional(async (tx) => {
      await tx.execute('alter table audit_entry disable trigger audit_entry_append_only');
      await tx.execute(`update audit_entry set actor_id = 'someone-else' where id = ?`, [third!.id]);
      await tx.execute('alter table audit_entry enable trigger audit_entry_append_only');
    });

    const after = await system.call('GET', '/v1/audit-entries/verification', { token: auditor });
    expect(after.body.chains[0]).toMatchObject({
      chain: REGION,
      intact: false,
      checked: 2,
      firstBroken: { entryId: Number(third!.id), chainSeq: 3, reason: 'hash' },
    });

    const page = await fetch(`${system.url}/web/audit/chain?lang=en`, { headers: { cookie: `si_token=${auditor}` } });
    const html = await page.text();
    expect(page.status).toBe(200);
    expect(html).toContain(`data-chain="${REGION}" data-intact="false"`);
    expect(html).toContain(`data-entry-id="${third!.id}"`);
    expect(html).toContain('content changed');

    const verify = await run(process.execPath, ['--import', 'tsx', 'bin/audit-verify.ts', '--region', REGION], {
      env: { ...process.env, DATABASE_URL: (await servicesForTest()).databaseUrl },
    }).then(
      () => ({ code: 0, stdout: '' }),
      (error: { code: number; stdout: string }) => ({ code: error.code, stdout: error.stdout }),
    );
    expect(verify.code).toBe(1);
    expect(verify.stdout).toContain(`${REGION}: BROKEN at entry id ${third!.id} (#3`);
  });
});
