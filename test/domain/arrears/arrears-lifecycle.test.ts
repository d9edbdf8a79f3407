import { initialTransition, transition } from 'xstate';
import { describe, expect, it } from 'vitest';
import { arrearsEventFor, hardshipDeferral } from '../../../domain/arrears/arrears-decision.js';
import { toArrearsEffects } from '../../../domain/arrears/arrears-effects.js';
import { DEFAULT_CONTRIBUTION_POLICY } from '../../../domain/arrears/arrears-policy.js';
import { arrearsStatement } from '../../../domain/arrears/arrears-statement.js';
import { arrearsMachine, type ArrearsEvent } from '../../../domain/arrears/arrears.machine.js';
import { Money } from '../../../domain/money.js';

const run = (...events: ArrearsEvent[]) => {
  let [snapshot, actions] = initialTransition(arrearsMachine, { employer: 'E', periods: ['2025-02'] });
  const effects = [toArrearsEffects(actions)];
  for (const event of events) {
    [snapshot, actions] = transition(arrearsMachine, snapshot, event);
    effects.push(toArrearsEffects(actions));
  }
  return { snapshot, effects };
};
const completion = (outcome: string, data: Record<string, unknown> = {}, comment = '') => ({
  taskId: 't',
  outcome,
  comment,
  data,
  actorId: 'cw-1',
  actorRole: 'caseworker',
});
const facts = { step: 'proposeFine' as const, arrears: Money.of('8000.00'), today: '2025-05-01', policy: DEFAULT_CONTRIBUTION_POLICY };

describe('arrears lifecycle (§4, 社会保险法 arts. 63, 86)', () => {
  it('starts with an order to pay and climbs to the fine when the order expires', () => {
    const { snapshot, effects } = run({ type: 'ORDER_EXPIRED' });
    expect(effects[0]).toEqual([{ kind: 'issueOrder' }, { kind: 'notify', notice: 'order_to_pay' }]);
    expect(snapshot.value).toBe('fineProposal');
    expect(effects[1]).toEqual([{ kind: 'openTask', step: 'proposeFine' }]);
  });

  it('settles from any stage on payment in full and cancels the open task', () => {
    const { snapshot, effects } = run({ type: 'ORDER_EXPIRED' }, { type: 'PAID_IN_FULL' });
    expect(snapshot.status).toBe('done');
    expect(effects[2]).toEqual([{ kind: 'cancelTask' }, { kind: 'notify', notice: 'arrears_settled' }]);
  });

  it('lets later overdue periods join the open case (issue 3)', () => {
    const { snapshot } = run({ type: 'PERIODS_JOINED', periods: ['2025-03', '2025-02'] });
    expect(snapshot.context.periods).toEqual(['2025-02', '2025-03']);
  });

  it('proposes a fine of 1–3 × the arrears, computed, never typed (§4, E2: 8 000 → 8 000–24 000)', () => {
    expect(arrearsEventFor(completion('propose', { multiple: '3' }), facts)).toMatchObject({ type: 'FINE_PROPOSED', proposal: { amount: '24000.00' } });
    expect(arrearsEventFor(completion('propose', { multiple: '1' }), facts)).toMatchObject({ proposal: { amount: '8000.00' } });
    expect(arrearsEventFor(completion('propose', { multiple: '3.5' }), facts)).toHaveProperty('refused');
    expect(arrearsEventFor(completion('propose', { multiple: '0.5' }), facts)).toHaveProperty('refused');
  });

  it('records the fine only after a second person approves it (four eyes), then asks the bank', () => {
    const proposal = { multiple: '1.5', amount: '12000.00', proposedBy: 'cw-1' };
    const { snapshot, effects } = run({ type: 'ORDER_EXPIRED' }, { type: 'FINE_PROPOSED', proposal }, { type: 'FINE_APPROVED', officerId: 'rv-1' });
    expect(effects[2]).toEqual([{ kind: 'closeTask' }, { kind: 'openTask', step: 'approveFine' }]);
    expect(effects[3]).toEqual(expect.arrayContaining([{ kind: 'recordFine' }, { kind: 'openTask', step: 'bankInquiry' }]));
    expect(snapshot.value).toBe('accountInquiry');
    expect(snapshot.context.fine).toBe('12000.00');
  });

  it('allows a hardship deferral of at most one year with a reason (§4 (b))', () => {
    expect(hardshipDeferral({ until: '2026-05-01', reason: 'flood' }, '2025-05-01', DEFAULT_CONTRIBUTION_POLICY)).toMatchObject({
      deferral: { from: '2025-05-02', until: '2026-05-01' },
    });
    expect(hardshipDeferral({ until: '2026-05-02', reason: 'flood' }, '2025-05-01', DEFAULT_CONTRIBUTION_POLICY)).toHaveProperty('refused');
    expect(hardshipDeferral({ until: '2025-06-01', reason: ' ' }, '2025-05-01', DEFAULT_CONTRIBUTION_POLICY)).toHaveProperty('refused');
  });

  it('states E2 with no late fee on deferral days and principal repaid (§4, E2)', () => {
    const periods = [{ period: '2025-02', dueDate: '2025-03-15', charged: Money.of('8000.00'), repayments: [], lateFeePayments: [] }];
    expect(arrearsStatement({ asOf: '2025-04-29', periods }).lateFee.toString()).toBe('180.00');
    const deferred = arrearsStatement({
      asOf: '2025-04-29',
      periods,
      feeFree: [{ from: '2025-04-01', to: '2025-04-29', reason: 'hardship' }],
      fine: Money.of('8000.00'),
    });
    expect(deferred).toMatchObject({ asOf: '2025-04-29' });
    expect([deferred.lateFee.toString(), deferred.total.toString()]).toEqual(['64.00', '16064.00']);
    // A payment after the as-of date is not yet counted.
    const later = arrearsStatement({ asOf: '2025-04-29', periods: [{ ...periods[0]!, repayments: [{ date: '2025-05-01', amount: Money.of('8000.00') }] }] });
    expect(later.principal.toString()).toBe('8000.00');
  });

  it('§4 states a back-paid month approved without late fee (issue 13): principal due, no fee before the bill’s own due date', () => {
    const backPaid = {
      period: '2025-02',
      dueDate: '2025-03-15',
      charged: Money.of('1280.00'),
      repayments: [],
      lateFeePayments: [],
      laterDue: [{ amount: Money.of('1280.00'), dueDate: '2026-12-18' }],
      paymentDueOn: '2026-12-18',
    };
    const due = arrearsStatement({ asOf: '2026-12-18', periods: [backPaid] });
    expect(due.periods[0]).toMatchObject({ paymentDueOn: '2026-12-18', lateFeeDays: 0 });
    expect([due.principal.toString(), due.lateFee.toString(), due.total.toString()]).toEqual(['1280.00', '0.00', '1280.00']);
    // Three days past its own due date: 1 280.00 × 0.0005 × 3 = 1.92.
    const late = arrearsStatement({ asOf: '2026-12-21', periods: [backPaid] });
    expect([late.periods[0]!.lateFeeDays, late.lateFee.toString()]).toEqual([3, '1.92']);
    // The same month billed under chargeLateFee true bears the fee from its statutory due date.
    const { laterDue: _later, ...charged } = backPaid;
    expect(arrearsStatement({ asOf: '2026-12-18', periods: [charged] }).periods[0]!.lateFeeDays).toBe(643);
  });
});
