import { describe, expect, it } from 'vitest';
import { initialTransition, transition } from 'xstate';
import { toTransferEffects } from '../../../domain/transfer/transfer-effects.js';
import { TRANSFER_STEPS, transferEventFor } from '../../../domain/transfer/transfer-decision.js';
import { legOfStatus, transferMachine, type TransferEvent, type TransferRole } from '../../../domain/transfer/transfer.machine.js';
import type { TransferInsurance } from '../../../domain/transfer/transfer-policy.js';

const start = (insurance: TransferInsurance, role: TransferRole = 'both', temporaryAccount = false) =>
  initialTransition(transferMachine, { insurance, role, temporaryAccount });

function run(insurance: TransferInsurance, role: TransferRole, events: TransferEvent[], temporaryAccount = false) {
  const [first, firstActions] = start(insurance, role, temporaryAccount);
  const effects = [toTransferEffects(firstActions)];
  let snapshot = first;
  for (const event of events) {
    const [next, actions] = transition(transferMachine, snapshot, event);
    snapshot = next;
    effects.push(toTransferEffects(actions));
  }
  return { snapshot, effects };
}

const decision = (outcome: string, comment = '') => ({ taskId: 't', outcome, comment, data: {}, actorId: 'cw-1', actorRole: 'caseworker' });

describe('transfer lifecycle', () => {
  it('runs a pension transfer through the letter of acceptance, the transfer-out and the completion (§6.1, 国办发〔2009〕66号 art. 8)', () => {
    const { snapshot, effects } = run('pension', 'both', [
      { type: 'ACCEPT', officerId: 'nb-1' },
      { type: 'SENT', officerId: 'hz-1' },
      { type: 'RECEIVED' },
      { type: 'COMPLETE', by: 'nb-2' },
    ]);
    expect(snapshot.value).toBe('completed');
    expect(snapshot.status).toBe('done');
    expect(effects[0]).toEqual([
      { kind: 'notify', notice: 'transfer_received' },
      { kind: 'openLeg', leg: 'acceptanceLetter' },
    ]);
    expect(effects[1]).toEqual([
      { kind: 'notify', notice: 'acceptance_letter_sent' },
      { kind: 'openLeg', leg: 'transferOut' },
    ]);
    expect(effects[2]).toEqual([{ kind: 'payOut' }, { kind: 'notify', notice: 'transfer_out_sent' }, { kind: 'collectFunds' }]);
    expect(effects[3]).toEqual([
      { kind: 'notify', notice: 'funds_received' },
      { kind: 'openLeg', leg: 'completion' },
    ]);
    expect(effects[4]).toEqual([{ kind: 'completeRelationship' }, { kind: 'notify', notice: 'transfer_completed' }]);
    expect(snapshot.context).toMatchObject({ acceptedBy: 'nb-1', sentBy: 'hz-1', completedBy: 'nb-2', refusal: null });
  });

  it('moves nothing when the new office refuses the application: no pay-out, no relationship change (§6.1 art. 8 (2), issue 11 point 4)', () => {
    const { snapshot, effects } = run('pension', 'both', [{ type: 'REFUSE', office: 'new', by: 'nb-1', reason: '未在本地参保缴费' }]);
    expect(snapshot.value).toBe('refused');
    expect(effects.flat().map((e) => e.kind)).not.toContain('payOut');
    expect(effects.flat().map((e) => e.kind)).not.toContain('completeRelationship');
    expect(snapshot.context.refusal).toEqual({ office: 'new', by: 'nb-1', reason: '未在本地参保缴费' });
  });

  it('lets the old office refuse before the money moves, and never after it was sent', () => {
    const refused = run('pension', 'both', [
      { type: 'ACCEPT', officerId: 'nb-1' },
      { type: 'REFUSE', office: 'old', by: 'hz-1', reason: '无参保记录' },
    ]);
    expect(refused.snapshot.value).toBe('refused');
    const sent = run('pension', 'both', [
      { type: 'ACCEPT', officerId: 'nb-1' },
      { type: 'SENT', officerId: 'hz-1' },
    ]);
    expect(sent.snapshot.value).toBe('inTransit');
    expect(sent.snapshot.can({ type: 'REFUSE', office: 'old', by: 'hz-1', reason: 'x' })).toBe(false);
  });

  it('starts medical and unemployment transfers at the old office: no letter of acceptance (§6.2, 医保办发〔2021〕43号; §6.3)', () => {
    for (const insurance of ['medical', 'unemployment'] as const) {
      const [first, actions] = start(insurance);
      expect(first.value).toBe('transferOut');
      expect(toTransferEffects(actions)).toEqual([{ kind: 'openLeg', leg: 'transferOut' }]);
      expect(legOfStatus('completion', insurance)).toBe('load');
    }
    expect(legOfStatus('completion', 'pension')).toBe('completion');
  });

  it('opens a temporary contribution account instead of moving the relationship for a person the art. 5 rule keeps where they are', () => {
    const { snapshot, effects } = run('pension', 'both', [{ type: 'ACCEPT', officerId: 'nb-1' }], true);
    expect(snapshot.value).toBe('temporaryAccount');
    expect(effects[1]).toEqual([{ kind: 'openTemporaryAccount' }, { kind: 'notify', notice: 'temporary_account_opened' }]);
  });

  it('takes the counterpart’s information table and money in one message when the old office is outside (role new)', () => {
    const { snapshot } = run('pension', 'new', [{ type: 'ACCEPT', officerId: 'nb-1' }, { type: 'RECEIVED' }, { type: 'COMPLETE', by: 'nb-2' }]);
    expect(snapshot.value).toBe('completed');
    const [first] = start('pension', 'new');
    const [accepted] = transition(transferMachine, first, { type: 'ACCEPT', officerId: 'nb-1' });
    expect(accepted.can({ type: 'SENT', officerId: 'x' })).toBe(false); // only the counterpart sends
  });

  it('as the old office for an outside new office (role old), sends and then waits for the counterpart to confirm', () => {
    const [first] = start('pension', 'old');
    expect(first.value).toBe('transferOut');
    const { snapshot, effects } = run('pension', 'old', [
      { type: 'SENT', officerId: 'hz-1' },
      { type: 'COMPLETE', by: 'counterpart' },
    ]);
    expect(effects[1]).toEqual([{ kind: 'payOut' }, { kind: 'notify', notice: 'transfer_out_sent' }, { kind: 'openLeg', leg: 'completion' }]);
    expect(snapshot.value).toBe('completed');
    expect(first.can({ type: 'RECEIVED' })).toBe(false);
  });
});

describe('transfer decisions', () => {
  it('turns each step’s outcome into its event and asks a refusal for its reason in writing (国办发〔2009〕66号 art. 8 (2))', () => {
    expect(transferEventFor(decision('approve'), 'acceptanceLetter')).toEqual({ type: 'ACCEPT', officerId: 'cw-1' });
    expect(transferEventFor(decision('reject', '不符合条件'), 'acceptanceLetter')).toEqual({ type: 'REFUSE', office: 'new', by: 'cw-1', reason: '不符合条件' });
    expect(transferEventFor(decision('reject'), 'acceptanceLetter')).toHaveProperty('refused');
    expect(transferEventFor(decision('approve'), 'transferOut')).toEqual({ type: 'SENT', officerId: 'cw-1' });
    expect(transferEventFor(decision('reject', '无记录'), 'transferOut')).toEqual({ type: 'REFUSE', office: 'old', by: 'cw-1', reason: '无记录' });
    expect(transferEventFor(decision('approve'), 'load')).toEqual({ type: 'COMPLETE', by: 'cw-1' });
    expect(transferEventFor(decision('reject', 'x'), 'completion')).toHaveProperty('refused');
  });

  it('gives each step to the office the statute names: the letter and the completion to the new office, the transfer-out to the old', () => {
    expect(Object.fromEntries(Object.entries(TRANSFER_STEPS).map(([step, spec]) => [step, spec.office]))).toEqual({
      acceptanceLetter: 'new',
      transferOut: 'old',
      completion: 'new',
      load: 'new',
    });
  });
});
