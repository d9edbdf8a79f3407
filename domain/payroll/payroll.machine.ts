import { assign, setup } from 'xstate';

/**
 * The lifecycle of one monthly payroll (待遇拨付): gathering (lines built and checked chunk by chunk) → approval (a
 * supervisor approves the batch; held lines wait on their own tasks meanwhile) → paying (the bank file is out, the
 * return files come back) → paid (every sent line paid or failed, every line task decided).
 */
export interface PayrollContext {
  gathered: number;
  held: number;
  approvedBy: string | null;
}

export type PayrollEvent = { type: 'GATHERED'; lines: number; held: number } | { type: 'APPROVED'; by: string } | { type: 'SETTLED' };

export type PayrollStatus = 'gathering' | 'approval' | 'paying' | 'paid';

export const payrollMachine = setup({
  types: { context: {} as PayrollContext, events: {} as PayrollEvent },
}).createMachine({
  id: 'payroll',
  initial: 'gathering',
  context: { gathered: 0, held: 0, approvedBy: null },
  states: {
    gathering: {
      on: { GATHERED: { target: 'approval', actions: assign(({ event }) => ({ gathered: event.lines, held: event.held })) } },
    },
    approval: {
      on: { APPROVED: { target: 'paying', actions: assign(({ event }) => ({ approvedBy: event.by })) } },
    },
    paying: { on: { SETTLED: 'paid' } },
    paid: { type: 'final' },
  },
});
