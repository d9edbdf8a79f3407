import { randomInt } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendAudit } from '../../db/writers/case-log.js';
import { JsonLinesAuditAnchorStore } from '../../services/adapters/audit-anchor-store.js';
import { anchorAuditChains } from '../../services/audit/anchor-audit-chains.js';
import { startSystem, type TestSystem } from '../support/system.js';

// A county of Tibet no other test uses: its chain holds only this file's entries, so cutting it breaks no other test.
const REGION = `54${randomInt(10, 100)}${randomInt(10, 100)}`;

describe('the API checks the audit chains against the anchors kept outside the database (issue 15 point 3)', () => {
  let system: TestSystem;
  let folder: string;
  let store: JsonLinesAuditAnchorStore;
  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), 'sis-anchors-'));
    store = new JsonLinesAuditAnchorStore(join(folder, 'anchors.jsonl'));
    system = await startSystem({ auditAnchors: store });
  });
  afterAll(async () => {
    await system?.close();
    await rm(folder, { recursive: true, force: true });
  });

  it('a chain whose anchored end was cut off with SQL is broken with reason "cut" on the API and the auditor’s page', async () => {
    for (let n = 1; n <= 3; n += 1) {
      await appendAudit(system.orm.em.fork(), {
        at: system.clock.now(),
        actorId: 'cw-anchor',
        actorRole: 'caseworker',
        region: REGION,
        action: 'test.appended',
        objectType: 'Test',
        objectId: `a-${n}`,
        detail: { n },
      });
    }
    const anchored = await anchorAuditChains({ em: system.orm.em.fork(), clock: system.clock, store });
    expect(anchored.find((a) => a.chain === REGION)).toMatchObject({ chainSeq: 3 });

    const auditor = await system.token({ role: 'auditor', region: REGION, sub: 'aud-anchor' });
    const before = await system.call('GET', '/v1/audit-entries/verification', { token: auditor });
    expect(before.status).toBe(200);
    expect(before.body.anchored).toBe(true);
    expect(before.body.chains).toEqual([{ chain: REGION, checked: 3, intact: true, lastGoodSeq: 3, firstBroken: null }]);

    // The last entry removed: every remaining link still holds, only the anchor knows the chain was longer.
    await system.orm.em.fork().transactional(async (tx) => {
      await tx.execute('alter table audit_entry disable trigger audit_entry_append_only');
      await tx.execute(`delete from audit_entry where chain = ? and chain_seq = 3`, [REGION]);
      await tx.execute('alter table audit_entry enable trigger audit_entry_append_only');
    });
    const after = await system.call('GET', '/v1/audit-entries/verification', { token: auditor });
    expect(after.body.chains[0]).toMatchObject({ chain: REGION, intact: false, checked: 2, firstBroken: { chainSeq: 3, reason: 'cut' } });

    const page = await fetch(`${system.url}/web/audit/chain?lang=en`, { headers: { cookie: `si_token=${auditor}` } });
    const html = await page.text();
    expect(page.status).toBe(200);
    expect(html).toContain('data-anchored="true"');
    expect(html).toContain(`data-chain="${REGION}" data-intact="false"`);
  });
});
