// Writing off part of an overpayment recovery (部分核销, 社会保险经办条例 art. 46; docs/payroll.md "Writing off part of a
// recovery"), four eyes: one supervisor proposes, another approves or rejects; each step audited, nothing booked by a
// refusal.
import type { MikroORM } from '@mikro-orm/postgresql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findRecovery } from '../../../db/queries/overpayment-recovery.query.js';
import type { Actor } from '../../../policies/abilities.js';
import { decideRecoveryWriteOff, proposeRecoveryWriteOff } from '../../../services/overpayment-recoveries/write-off-part.js';
import { viewOf } from '../../../services/overpayment-recoveries/read-overpayment-recovery.js';
import { openRecoveryOf } from '../../api/payroll-fixture.js';
import { contextOn, openTestDatabase } from '../../support/command-context.js';

const REGION = '330106';
const sv1: Actor = { id: 'sv-wo-1', role: 'supervisor', region: REGION };
const sv2: Actor = { id: 'sv-wo-2', role: 'supervisor', region: REGION };
const cw: Actor = { id: 'cw-wo-1', role: 'caseworker', region: REGION };
const basis = { reason: '家庭生活困难', legalBasis: '社会保险经办条例第四十六条' };

describe('a partial write-off of a recovery takes two supervisors (部分核销, art. 46)', () => {
  let orm: MikroORM;
  let citizenId: string;
  let id: number;
  beforeAll(async () => {
    orm = await openTestDatabase();
    citizenId = `3301061960030${String(Math.floor(Math.random() * 90000) + 10000)}`;
    id = await openRecoveryOf(orm, { citizenId, region: REGION, amount: '3300.00' });
  });
  afterAll(async () => orm?.close());

  const recovery = async () => viewOf((await findRecovery(orm.em.fork(), id))!);
  const audits = async () =>
    (
      await orm.em
        .fork()
        .execute<{ action: string; actor_id: string }[]>(
          `select action, actor_id from audit_entry where object_type = 'OverpaymentRecovery' and object_id = ? order by id`,
          [String(id)],
        )
    ).map((a) => `${a.action} ${a.actor_id}`);
  const propose = (actor: Actor, amount: string, more: Partial<typeof basis> = {}) =>
    proposeRecoveryWriteOff(contextOn(orm, actor), { recoveryId: id, amount, ...basis, ...more });
  const decide = (actor: Actor, writeOffId: number, approve: boolean) =>
    decideRecoveryWriteOff(contextOn(orm, actor), { recoveryId: id, writeOffId, approve, comment: approve ? '同意' : '材料不足' });

  it('art. 46: refuses a caseworker, a blank reason, and more than may be written off, writing nothing', async () => {
    await expect(propose(cw, '500.00')).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(propose(sv1, '500.00', { reason: '  ' })).rejects.toMatchObject({ code: 'VALIDATION_FAILED', path: 'reason' });
    await expect(propose(sv1, '500.00', { legalBasis: '' })).rejects.toMatchObject({ code: 'VALIDATION_FAILED', path: 'legalBasis' });
    await expect(propose(sv1, '3300.01')).rejects.toMatchObject({ code: 'INVALID_AMOUNT', path: 'amount' });
    await expect(propose(sv1, '0.00')).rejects.toMatchObject({ code: 'INVALID_AMOUNT', path: 'amount' });
    expect((await recovery()).writeOffs).toEqual([]);
    expect(await audits()).toEqual([]);
  });

  it('art. 46 four eyes: the proposer cannot approve; another supervisor approves, one writeOff entry, a notice, audited', async () => {
    const proposed = await propose(sv1, '500.00');
    const [writeOff] = proposed.writeOffs;
    expect(writeOff).toMatchObject({ amount: '500.00', status: 'proposed', proposedBy: 'sv-wo-1', ...basis });
    expect(proposed.outstanding).toBe('3300.00');
    await expect(propose(sv2, '100.00')).rejects.toMatchObject({ code: 'NOT_ALLOWED_NOW' });
    await expect(decide(sv1, writeOff!.id, true)).rejects.toMatchObject({ code: 'FOUR_EYES' });
    await expect(decide(cw, writeOff!.id, true)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(decide(sv2, writeOff!.id + 1000, true)).rejects.toMatchObject({ code: 'RECOVERY_NOT_FOUND' });

    const approved = await decide(sv2, writeOff!.id, true);
    expect(approved).toMatchObject({ status: 'open', booked: '500.00', outstanding: '2800.00' });
    expect(approved.entries.map((e) => `${e.kind} ${e.amount} ${e.sourceRef}`)).toEqual([`writeOff 500.00 write-off:${writeOff!.id}`]);
    expect(approved.writeOffs[0]).toMatchObject({ status: 'approved', decidedBy: 'sv-wo-2', decisionComment: '同意' });
    await expect(decide(sv2, writeOff!.id, true)).rejects.toMatchObject({ code: 'NOT_ALLOWED_NOW' });
    const [notice] = await orm.em
      .fork()
      .execute<{ n: string }[]>(`select count(*) as n from notice_outbox where recipient_id = ? and kind = 'overpayment_written_off_part'`, [citizenId]);
    expect(notice!.n).toBe('1');
    expect(await audits()).toEqual(['overpaymentRecovery.writeOffProposed sv-wo-1', 'overpaymentRecovery.writeOffApproved sv-wo-2']);
  });

  it('art. 46: a rejected proposal books nothing; writing off the rest closes the recovery', async () => {
    const first = (await propose(sv2, '800.00')).writeOffs.at(-1)!;
    const rejected = await decide(sv1, first.id, false);
    expect(rejected).toMatchObject({ booked: '500.00', outstanding: '2800.00' });
    expect(rejected.writeOffs.at(-1)).toMatchObject({ status: 'rejected', decidedBy: 'sv-wo-1', decisionComment: '材料不足' });

    const rest = (await propose(sv2, '2800.00')).writeOffs.at(-1)!;
    // A repayment booked in between: the proposal is more than is left now, so approving it is refused, nothing booked.
    await orm.em.fork().execute(
      `insert into overpayment_recovery_entry (recovery_id, kind, amount, source_ref, note, recorded_by, booked_at)
       values (?, 'repayment', '100.00', 'repayment:cw-wo-1:k1', null, 'cw-wo-1', now())`,
      [id],
    );
    await expect(decide(sv1, rest.id, true)).rejects.toMatchObject({ code: 'INVALID_AMOUNT', path: 'amount' });
    await decide(sv1, rest.id, false);
    const last = (await propose(sv2, '2700.00')).writeOffs.at(-1)!;
    const closed = await decide(sv1, last.id, true);
    expect(closed).toMatchObject({ status: 'closed', outstanding: '0.00' });
  });
});
