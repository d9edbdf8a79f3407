import { initialTransition, transition } from 'xstate';
import { describe, expect, it } from 'vitest';
import { declarationEventFor, declarationStepOf, toDeclarationEffects } from '../../../domain/declarations/declaration-review.js';
import { declarationReviewMachine, type DeclarationReviewEvent } from '../../../domain/declarations/declaration-review.machine.js';
import { medicalExpenseConfigWith } from '../../../domain/declarations/medical-expense-policy.js';
import type { TaskCompletion } from '../../../domain/task.js';

const completion = (outcome: string, comment = '', actorId = 'cw-1'): TaskCompletion => ({
  taskId: 't',
  outcome,
  comment,
  data: {},
  actorId,
  actorRole: 'caseworker',
});

/** Runs the events from the start; answers the status, the effects asked for on the way and the context. */
function run(needsSupervisor: boolean, events: DeclarationReviewEvent[]) {
  let [snapshot, actions] = initialTransition(declarationReviewMachine, { needsSupervisor });
  const effects = [...toDeclarationEffects(actions)];
  for (const event of events) {
    [snapshot, actions] = transition(declarationReviewMachine, snapshot, event);
    effects.push(...toDeclarationEffects(actions));
  }
  return { status: String(snapshot.value), effects: effects.map((e) => e.kind), context: snapshot.context };
}

describe('declaration review (审核 → 复核 → 审批, rules §5.6, §6.1; 经办条例 arts. 36–38)', () => {
  it('books once after review and approval, and records who decided (rules §5.6)', () => {
    const r = run(false, [{ type: 'REVIEWED', by: 'cw-1' }, { type: 'APPROVE', by: 'rv-1', on: '2026-12-01' }, { type: 'BOOKED' }]);
    expect(r).toMatchObject({
      status: 'approved',
      effects: ['book'],
      context: { reviewedBy: 'cw-1', approvedBy: 'rv-1', decision: { outcome: 'approved', by: 'rv-1' } },
    });
  });

  it('sends a declaration that needs a supervisor to the supervisor after approval, and a return back to review (§6.1, §8)', () => {
    const r = run(true, [
      { type: 'REVIEWED', by: 'cw-1' },
      { type: 'APPROVE', by: 'rv-1', on: '2026-12-01' },
    ]);
    expect(r.status).toBe('supervising');
    expect(r.effects).toEqual([]);
    const back = run(true, [
      { type: 'REVIEWED', by: 'cw-1' },
      { type: 'APPROVE', by: 'rv-1', on: '2026-12-01' },
      { type: 'RETURN', by: 'sv-1', reason: '补充证据' },
    ]);
    expect(back).toMatchObject({ status: 'reviewing', context: { returns: 1, reviewedBy: null, approvedBy: null } });
  });

  it('releases what a rejected declaration held and books nothing (rules §5.6)', () => {
    const r = run(false, [
      { type: 'REVIEWED', by: 'cw-1' },
      { type: 'REJECT', by: 'rv-1', on: '2026-12-01', reason: '发票与病历不符' },
    ]);
    expect(r).toMatchObject({ status: 'rejected', effects: ['release'], context: { decision: { outcome: 'rejected', reason: '发票与病历不符' } } });
  });

  it('maps a decision to its event and refuses a reject or return without a reason and a return at review (经办条例 art. 6)', () => {
    expect(declarationStepOf('reviewing')).toBe('review');
    expect(declarationStepOf('approved')).toBeNull();
    expect(declarationEventFor('review', completion('approve'), '2026-12-01')).toEqual({ type: 'REVIEWED', by: 'cw-1' });
    expect(declarationEventFor('approval', completion('approve', '', 'rv-1'), '2026-12-01')).toEqual({ type: 'APPROVE', by: 'rv-1', on: '2026-12-01' });
    expect(declarationEventFor('approval', completion('reject'), '2026-12-01')).toHaveProperty('refused');
    expect(declarationEventFor('review', completion('return', 'x'), '2026-12-01')).toHaveProperty('refused');
    expect(declarationEventFor('approval', completion('grant'), '2026-12-01')).toHaveProperty('refused');
  });

  it('lays stored configuration over the defaults: full reimbursement, hospitals not required (rules §5.6, unverified)', () => {
    expect(medicalExpenseConfigWith(null)).toEqual({ reimbursementShare: { lixiu: '1', erYi: '1' }, requireKnownHospital: false, designatedHospitals: [] });
    expect(medicalExpenseConfigWith({ reimbursementShare: { erYi: '0.9' } as never, requireKnownHospital: true })).toMatchObject({
      reimbursementShare: { lixiu: '1', erYi: '0.9' },
      requireKnownHospital: true,
    });
  });
});
