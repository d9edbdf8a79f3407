import { assign, setup } from 'xstate';
import type { ApprovalTier } from './approval-tiers.js';
import type { BenefitClaimApplication } from './benefit-claim.js';
import type { ClaimAssessment, ClaimRefusal } from './claim-assessment.js';
import type { UnemploymentStop } from './unemployment-stop.js';
import type { DaySpan } from './work-injury-clocks.js';

export type BenefitNotice =
  | 'benefit_refused'
  | 'benefit_granted'
  | 'benefit_rejected'
  | 'benefit_stopped'
  | 'injury_not_recognized'
  | 'injury_suspended'
  | 'assessment_concluded'
  | 'assessment_no_grade';

/** Work-injury recognition (工伤认定, 工伤保险条例 arts. 17–20): accepted on the filing day, its clock suspended meanwhile. */
export interface RecognitionRecord {
  acceptedOn: string;
  clearCut: boolean;
  /** Spans waiting for a judicial or administrative conclusion; `to` is null while one runs. */
  suspensions: { from: string; to: string | null; reason: string }[];
  outcome: 'recognized' | 'notRecognized' | null;
  decidedBy: string | null;
  decidedOn: string | null;
  reason: string | null;
  /** The application periods as checked (art. 17), for the case page. */
  workings: string[];
}

/** Disability assessment (劳动能力鉴定, arts. 25–26): the conclusion, the extension and a re-assessment. */
export interface DisabilityRecord {
  /** The day the assessment was asked for (recognition day): its 60 (+30) days count from it. */
  requestedOn: string;
  extended: boolean;
  /** 1–10, or null for no disability grade. */
  grade: number | null;
  concludedOn: string | null;
  reassessmentRequestedOn: string | null;
  reassessmentRequestedBy: string | null;
  /** The grade benefits are paid on: the re-assessment's, else the first conclusion's. */
  finalGrade: number | null;
}

export interface ClaimProposal {
  outcome: 'grant' | 'refuse';
  reason: string | null;
  preparedBy: string;
  preparedOn: string;
  /** ['review'] or ['review', 'supervisorApproval'] by the amounts (approval-tiers.ts). */
  tiers: ApprovalTier[];
}

export interface ClaimDecision {
  outcome: 'granted' | 'rejected';
  reason: string | null;
  decidedBy: string;
  decidedOn: string;
}

export interface BenefitClaimContext {
  application: BenefitClaimApplication;
  filedOn: string;
  refusals: ClaimRefusal[];
  options: string[];
  /** The amounts as checked or as the preparer proposed them; null until known (a work injury before its grade). */
  assessment: ClaimAssessment | null;
  employerLiability: DaySpan | null;
  recognition: RecognitionRecord | null;
  disability: DisabilityRecord | null;
  proposal: ClaimProposal | null;
  reviewedBy: string | null;
  approvedBy: string | null;
  decision: ClaimDecision | null;
  returns: number;
  /** A new enrollment by an employer was insured: the unemployment benefit stops from its month. */
  reemployment: { date: string; employerCreditCode: string | null } | null;
  stop: UnemploymentStop | null;
}

export type BenefitClaimEvent =
  | { type: 'CHECKS_FAILED'; refusals: ClaimRefusal[]; options: string[]; assessment: ClaimAssessment | null }
  | { type: 'CHECKS_PASSED'; assessment: ClaimAssessment | null; employerLiability: DaySpan | null; recognition: RecognitionRecord | null }
  | { type: 'RECOGNIZED'; by: string; on: string }
  | { type: 'NOT_RECOGNIZED'; by: string; on: string; reason: string }
  | { type: 'SUSPENDED'; by: string; on: string; reason: string }
  | { type: 'RESUMED'; by: string; on: string }
  | { type: 'ASSESSMENT_EXTENDED'; by: string }
  | { type: 'ASSESSED'; by: string; on: string; grade: number | null }
  | { type: 'REASSESSMENT_REQUESTED'; by: string; on: string }
  | { type: 'REASSESSMENT_WINDOW_CLOSED'; assessment: ClaimAssessment | null }
  | { type: 'REASSESSED'; by: string; on: string; grade: number | null; assessment: ClaimAssessment | null }
  | { type: 'PROPOSED'; proposal: ClaimProposal; assessment: ClaimAssessment | null }
  | { type: 'APPROVE'; by: string; on: string }
  | { type: 'REJECT'; by: string; on: string; reason: string }
  | { type: 'RETURN'; by: string; reason: string }
  | { type: 'ENTITLEMENTS_RECORDED'; stop: UnemploymentStop | null }
  | { type: 'REEMPLOYED'; date: string; employerCreditCode: string | null; stop: UnemploymentStop | null }
  | { type: 'PERIOD_ENDED' };

const decided = (outcome: ClaimDecision['outcome'], by: string, on: string, reason: string | null): Partial<BenefitClaimContext> => ({
  decision: { outcome, reason, decidedBy: by, decidedOn: on },
});

/**
 * The lifecycle of a benefit claim (待遇审批, rules §5): checks, then for a work injury recognition (with its
 * suspension) and disability assessment (with re-assessment), then preparation by a caseworker, review by a reviewer
 * and — above the configured amounts — approval by a supervisor; an approved claim records its entitlements, and an
 * unemployment benefit runs until its period ends or re-employment stops it. The state value is the status everyone
 * sees; actions are declared here and run by the workflow as activities (effects).
 */
export const benefitClaimMachine = setup({
  types: {
    input: {} as { application: BenefitClaimApplication; filedOn: string },
    context: {} as BenefitClaimContext,
    events: {} as BenefitClaimEvent,
  },
  guards: {
    isWorkInjury: ({ context }) => context.application.type === 'workInjury',
    isUnemployment: ({ context }) => context.application.type === 'unemployment',
    wasReemployed: ({ context, event }) => event.type === 'ENTITLEMENTS_RECORDED' && context.application.type === 'unemployment' && event.stop !== null,
    proposesRefusal: ({ context }) => context.proposal?.outcome === 'refuse',
    needsSupervisor: ({ context }) => context.proposal?.tiers.includes('supervisorApproval') ?? false,
    extendable: ({ context }) => context.disability !== null && !context.disability.extended,
    noGrade: ({ context, event }) => {
      if (event.type === 'REASSESSED') return event.grade === null;
      return event.type === 'REASSESSMENT_WINDOW_CLOSED' && (context.disability?.grade ?? null) === null;
    },
    amountsRefused: ({ event }) => (event.type === 'REASSESSED' || event.type === 'REASSESSMENT_WINDOW_CLOSED') && (event.assessment?.refusals.length ?? 0) > 0,
  },
  actions: {
    notify: (_, _params: { notice: BenefitNotice }) => {},
    runChecks: () => {},
    recordEntitlements: () => {},
    stopEntitlements: () => {},
    takeRefusals: assign(({ event }) =>
      'assessment' in event && event.assessment ? { refusals: event.assessment.refusals, assessment: event.assessment } : {},
    ),
    takeAssessment: assign(({ event }) => ('assessment' in event && event.assessment ? { assessment: event.assessment } : {})),
    takeFinalGrade: assign(({ context, event }) =>
      event.type === 'REASSESSED' && context.disability ? { disability: { ...context.disability, finalGrade: event.grade } } : {},
    ),
  },
}).createMachine({
  id: 'benefitClaim',
  context: ({ input }) => ({
    application: input.application,
    filedOn: input.filedOn,
    refusals: [],
    options: [],
    assessment: null,
    employerLiability: null,
    recognition: null,
    disability: null,
    proposal: null,
    reviewedBy: null,
    approvedBy: null,
    decision: null,
    returns: 0,
    reemployment: null,
    stop: null,
  }),
  initial: 'checking',
  // Re-employment can be reported at any time before the end: it is kept and applied when the benefit is granted.
  on: { REEMPLOYED: { actions: assign(({ event }) => ({ reemployment: { date: event.date, employerCreditCode: event.employerCreditCode } })) } },
  states: {
    checking: {
      entry: 'runChecks',
      on: {
        CHECKS_FAILED: {
          target: 'refused',
          actions: assign(({ event }) => ({ refusals: event.refusals, options: event.options, assessment: event.assessment })),
        },
        CHECKS_PASSED: [
          {
            guard: 'isWorkInjury',
            target: 'recognition',
            actions: assign(({ event }) => ({ employerLiability: event.employerLiability, recognition: event.recognition })),
          },
          { target: 'preparing', actions: assign(({ event }) => ({ assessment: event.assessment })) },
        ],
      },
    },
    recognition: {
      on: {
        RECOGNIZED: {
          target: 'assessment',
          actions: assign(({ context, event }) => ({
            recognition: { ...context.recognition!, outcome: 'recognized' as const, decidedBy: event.by, decidedOn: event.on },
            disability: {
              requestedOn: event.on,
              extended: false,
              grade: null,
              concludedOn: null,
              reassessmentRequestedOn: null,
              reassessmentRequestedBy: null,
              finalGrade: null,
            },
          })),
        },
        NOT_RECOGNIZED: {
          target: 'notRecognized',
          actions: assign(({ context, event }) => ({
            recognition: { ...context.recognition!, outcome: 'notRecognized' as const, decidedBy: event.by, decidedOn: event.on, reason: event.reason },
            ...decided('rejected', event.by, event.on, event.reason),
          })),
        },
        SUSPENDED: {
          target: 'recognitionSuspended',
          actions: assign(({ context, event }) => ({
            recognition: { ...context.recognition!, suspensions: [...context.recognition!.suspensions, { from: event.on, to: null, reason: event.reason }] },
          })),
        },
      },
    },
    recognitionSuspended: {
      entry: { type: 'notify', params: { notice: 'injury_suspended' } },
      on: {
        RESUMED: {
          target: 'recognition',
          actions: assign(({ context, event }) => ({
            recognition: { ...context.recognition!, suspensions: context.recognition!.suspensions.map((s) => (s.to === null ? { ...s, to: event.on } : s)) },
          })),
        },
      },
    },
    assessment: {
      on: {
        ASSESSMENT_EXTENDED: { guard: 'extendable', actions: assign(({ context }) => ({ disability: { ...context.disability!, extended: true } })) },
        ASSESSED: {
          target: 'assessed',
          actions: assign(({ context, event }) => ({
            disability: { ...context.disability!, grade: event.grade, concludedOn: event.on, finalGrade: event.grade },
          })),
        },
      },
    },
    assessed: {
      entry: { type: 'notify', params: { notice: 'assessment_concluded' } },
      on: {
        REASSESSMENT_REQUESTED: {
          target: 'reassessment',
          actions: assign(({ context, event }) => ({
            disability: { ...context.disability!, reassessmentRequestedOn: event.on, reassessmentRequestedBy: event.by },
          })),
        },
        // After the final grade: no grade ends the case; figures that cannot be granted refuse it; otherwise a caseworker prepares.
        REASSESSMENT_WINDOW_CLOSED: [
          { guard: 'noGrade', target: 'noDisabilityGrade' },
          { guard: 'amountsRefused', target: 'refused', actions: 'takeRefusals' },
          { target: 'preparing', actions: 'takeAssessment' },
        ],
      },
    },
    reassessment: {
      on: {
        REASSESSED: [
          { guard: 'noGrade', target: 'noDisabilityGrade', actions: 'takeFinalGrade' },
          { guard: 'amountsRefused', target: 'refused', actions: ['takeFinalGrade', 'takeRefusals'] },
          { target: 'preparing', actions: ['takeFinalGrade', 'takeAssessment'] },
        ],
      },
    },
    preparing: {
      on: {
        PROPOSED: {
          target: 'reviewing',
          actions: assign(({ event }) => ({
            proposal: event.proposal,
            ...(event.assessment ? { assessment: event.assessment } : {}),
            reviewedBy: null,
            approvedBy: null,
          })),
        },
      },
    },
    reviewing: {
      on: {
        APPROVE: [
          {
            guard: 'proposesRefusal',
            target: 'rejected',
            actions: assign(({ context, event }) => ({ reviewedBy: event.by, ...decided('rejected', event.by, event.on, context.proposal!.reason) })),
          },
          { guard: 'needsSupervisor', target: 'supervisorApproval', actions: assign(({ event }) => ({ reviewedBy: event.by })) },
          { target: 'approved', actions: assign(({ event }) => ({ reviewedBy: event.by, ...decided('granted', event.by, event.on, null) })) },
        ],
        REJECT: { target: 'rejected', actions: assign(({ event }) => ({ reviewedBy: event.by, ...decided('rejected', event.by, event.on, event.reason) })) },
        RETURN: {
          target: 'preparing',
          actions: assign(({ context, event }) => ({ returns: context.returns + 1, proposal: { ...context.proposal!, reason: event.reason } })),
        },
      },
    },
    supervisorApproval: {
      on: {
        APPROVE: { target: 'approved', actions: assign(({ event }) => ({ approvedBy: event.by, ...decided('granted', event.by, event.on, null) })) },
        REJECT: { target: 'rejected', actions: assign(({ event }) => ({ approvedBy: event.by, ...decided('rejected', event.by, event.on, event.reason) })) },
        RETURN: {
          target: 'preparing',
          actions: assign(({ context, event }) => ({ returns: context.returns + 1, proposal: { ...context.proposal!, reason: event.reason } })),
        },
      },
    },
    approved: {
      entry: 'recordEntitlements',
      on: {
        ENTITLEMENTS_RECORDED: [
          { guard: 'wasReemployed', target: 'stopped', actions: assign(({ event }) => ({ stop: event.stop })) },
          { guard: 'isUnemployment', target: 'paying' },
          { target: 'granted' },
        ],
      },
    },
    paying: {
      entry: { type: 'notify', params: { notice: 'benefit_granted' } },
      on: {
        REEMPLOYED: {
          target: 'stopped',
          actions: assign(({ event }) => ({ reemployment: { date: event.date, employerCreditCode: event.employerCreditCode }, stop: event.stop })),
        },
        PERIOD_ENDED: { target: 'completed' },
      },
    },
    granted: { type: 'final', entry: { type: 'notify', params: { notice: 'benefit_granted' } } },
    stopped: { type: 'final', entry: ['stopEntitlements', { type: 'notify', params: { notice: 'benefit_stopped' } }] },
    completed: { type: 'final' },
    rejected: { type: 'final', entry: { type: 'notify', params: { notice: 'benefit_rejected' } } },
    refused: { type: 'final', entry: { type: 'notify', params: { notice: 'benefit_refused' } } },
    notRecognized: { type: 'final', entry: { type: 'notify', params: { notice: 'injury_not_recognized' } } },
    noDisabilityGrade: { type: 'final', entry: { type: 'notify', params: { notice: 'assessment_no_grade' } } },
  },
});

export const BENEFIT_CLAIM_STATUSES = [
  'checking',
  'recognition',
  'recognitionSuspended',
  'assessment',
  'assessed',
  'reassessment',
  'preparing',
  'reviewing',
  'supervisorApproval',
  'approved',
  'paying',
  'granted',
  'stopped',
  'completed',
  'rejected',
  'refused',
  'notRecognized',
  'noDisabilityGrade',
] as const;

export type BenefitClaimStatus = (typeof BENEFIT_CLAIM_STATUSES)[number];
