import { assign, setup } from 'xstate';

/** What the investigator found (稽核结论); with fraud, the money to return and the fine of 2–5 × (社会保险法 art. 88). */
export interface InvestigationFindings {
  fraud: boolean;
  by: string;
  on: string;
  /** What the investigator wrote: the grounds of the conclusion. */
  reason: string;
  penalty: { returned: string; multiple: string; fine: string; total: string; workings: string[] } | null;
}

export interface InvestigationContext {
  assignedBy: string | null;
  investigatorId: string | null;
  findings: InvestigationFindings | null;
  closedBy: string | null;
  closedOn: string | null;
  /** How often the closing supervisor sent the findings back. */
  returns: number;
}

export type InvestigationEvent =
  | { type: 'ASSIGN'; by: string; investigatorId: string }
  | { type: 'FINDINGS'; findings: InvestigationFindings }
  | { type: 'CLOSE'; by: string; on: string }
  | { type: 'RETURN'; by: string; reason: string };

export type InvestigationStatus = 'assigning' | 'investigating' | 'closing' | 'closed';

/**
 * An investigation case (稽核调查) opened by a supervision control's hit (rules §8; 社会保险经办条例 arts. 36–38):
 * a supervisor assigns an investigator, the investigator records findings (fraud or not; with fraud the amount and the
 * fine), and a second supervisor closes it — never the investigator (four eyes) — or sends the findings back.
 * No effects: what the case decides is its read model; recovering the money is the recovery's own process.
 */
export const investigationMachine = setup({
  types: { context: {} as InvestigationContext, events: {} as InvestigationEvent },
}).createMachine({
  id: 'investigation',
  initial: 'assigning',
  context: { assignedBy: null, investigatorId: null, findings: null, closedBy: null, closedOn: null, returns: 0 },
  states: {
    assigning: {
      on: { ASSIGN: { target: 'investigating', actions: assign(({ event }) => ({ assignedBy: event.by, investigatorId: event.investigatorId })) } },
    },
    investigating: {
      on: { FINDINGS: { target: 'closing', actions: assign({ findings: ({ event }) => event.findings }) } },
    },
    closing: {
      on: {
        CLOSE: { target: 'closed', actions: assign(({ event }) => ({ closedBy: event.by, closedOn: event.on })) },
        RETURN: { target: 'investigating', actions: assign({ returns: ({ context }) => context.returns + 1 }) },
      },
    },
    closed: { type: 'final' },
  },
});
