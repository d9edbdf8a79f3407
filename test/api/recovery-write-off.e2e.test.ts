// A partial write-off (部分核销, 社会保险经办条例 art. 46) over HTTP, four eyes: POST …/write-offs by one supervisor,
// POST …/write-offs/{id}/decision by another; the refusals name their field or their rule and book nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { citizenId } from '../support/factories.js';
import { startSystem, type TestSystem } from '../support/system.js';
import { openRecoveryOf } from './payroll-fixture.js';

const REGION = '330203';

interface RecoveryBody {
  outstanding: string;
  entries: { kind: string; amount: string; source: string }[];
  writeOffs: { id: string; amount: string; status: string; proposedBy: string; decidedBy: string | null }[];
}

describe('a partial write-off over HTTP takes two supervisors (部分核销, art. 46)', () => {
  let system: TestSystem;
  let sv1: string;
  let sv2: string;
  let cw: string;
  let id: string;
  beforeAll(async () => {
    system = await startSystem();
    sv1 = await system.token({ role: 'supervisor', region: REGION, sub: 'sv-271' });
    sv2 = await system.token({ role: 'supervisor', region: REGION, sub: 'sv-272' });
    cw = await system.token({ role: 'caseworker', region: REGION, sub: 'cw-271' });
    id = String(await openRecoveryOf(system.orm, { citizenId: citizenId({ birthDate: '1950-02-01' }), region: REGION, amount: '3300.00' }));
  });
  afterAll(async () => system?.close());

  const propose = (token: string, body: unknown) => system.call('POST', `/v1/overpayment-recoveries/${id}/write-offs`, { token, body });
  const decide = (token: string, writeOff: string, body: unknown) =>
    system.call('POST', `/v1/overpayment-recoveries/${id}/write-offs/${writeOff}/decision`, { token, body });
  const basis = { reason: '家庭生活困难', legalBasis: '社会保险经办条例第四十六条' };

  it('art. 46: 400 naming the field, 403 for a caseworker, 422 above repayable; nothing proposed', async () => {
    const bad = await propose(sv1, { amount: 'abc', ...basis });
    expect(bad.status).toBe(400);
    expect((bad.body.errors as { path: string }[]).map((e) => e.path)).toEqual(['amount']);
    expect((await propose(sv1, { amount: '100.00', reason: ' ', legalBasis: basis.legalBasis })).status).toBe(400);
    expect((await propose(cw, { amount: '100.00', ...basis })).status).toBe(403);
    const above = await propose(sv1, { amount: '3300.01', ...basis });
    expect(above.status).toBe(422);
    expect(above.body).toMatchObject({ code: 'INVALID_AMOUNT' });
    const got = await system.call('GET', `/v1/overpayment-recoveries/${id}`, { token: cw });
    expect((got.body as RecoveryBody).writeOffs).toEqual([]);
  });

  it('art. 46 four eyes: the proposer gets 403 FOUR_EYES; another supervisor approves and the ledger takes a writeOff entry', async () => {
    const proposed = await propose(sv1, { amount: '300.00', ...basis });
    expect(proposed.status, JSON.stringify(proposed.body)).toBe(201);
    const writeOff = (proposed.body as RecoveryBody).writeOffs[0]!;
    expect(writeOff).toMatchObject({ amount: '300.00', status: 'proposed', proposedBy: 'sv-271', decidedBy: null });
    expect((await propose(sv2, { amount: '10.00', ...basis })).status).toBe(409);

    const own = await decide(sv1, writeOff.id, { approve: true });
    expect(own.status).toBe(403);
    expect(own.body).toMatchObject({ code: 'FOUR_EYES' });
    expect((await decide(sv2, '999999', { approve: true })).status).toBe(404);
    const approved = await decide(sv2, writeOff.id, { approve: true, comment: '同意' });
    expect(approved.status, JSON.stringify(approved.body)).toBe(200);
    const body = approved.body as RecoveryBody;
    expect(body.outstanding).toBe('3000.00');
    expect(body.entries).toMatchObject([{ kind: 'writeOff', amount: '300.00', source: `write-off:${writeOff.id}` }]);
    expect(body.writeOffs[0]).toMatchObject({ status: 'approved', decidedBy: 'sv-272' });
    expect((await decide(sv2, writeOff.id, { approve: false })).status).toBe(409);
  });
});
