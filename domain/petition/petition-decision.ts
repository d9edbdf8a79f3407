import type { TaskCompletion } from '../task.js';
import { extensionLapsed, extensionRefusal } from './petition-clocks.js';
import type { PetitionPolicy } from './petition-policy.js';
import type { PetitionEvent } from './petition.machine.js';
import { NOT_ACCEPTED_ROUTES, type NotAcceptedRoute, OPINION_KINDS, type OpinionKind } from './petition-submission.js';

/** The human steps of a petition and the outcomes each takes (rules §7). */
export const PETITION_STEP_OUTCOMES = {
  acceptance: ['accept', 'notAccept', 'forward'],
  transferReceipt: ['accept', 'object'],
  handling: [...OPINION_KINDS, 'extend'],
  extension: ['approve', 'reject'],
  review: [...OPINION_KINDS],
  rereview: [...OPINION_KINDS],
} as const satisfies Record<string, readonly string[]>;
export type PetitionStep = keyof typeof PETITION_STEP_OUTCOMES;

const text = (data: Record<string, unknown>, key: string): string => (typeof data[key] === 'string' ? data[key].trim() : '');

/**
 * Turns a decision on a petition task into a lifecycle event, or says why the step cannot take it. Every refusal
 * here happens in the Update validator, so nothing reaches history.
 * - acceptance (art. 23): `notAccept` needs `data.route` and a reason; `forward` needs `data.toRegion` and a reason.
 * - handling (art. 32): an opinion needs `data.facts`, `data.reasons`, `data.legalBasis`; `extend` needs `data.days`
 *   (≤ 30, once) and the reason the petitioner will be sent in `comment`.
 */
export function petitionEventFor(
  step: PetitionStep,
  completion: TaskCompletion,
  ctx: {
    today: string;
    policy: PetitionPolicy;
    extendedDays: number;
    handlingRegion: string;
    /** The last day of the 60-day handling period: after it no extension is asked for or approved (art. 32). */
    handlingDue?: string;
  },
): PetitionEvent | { refused: string } {
  const reason = completion.comment.trim();
  const officerId = completion.actorId;
  const data = completion.data;
  switch (`${step}:${completion.outcome}`) {
    case 'acceptance:accept':
    case 'transferReceipt:accept':
      return { type: 'ACCEPT', officerId, on: ctx.today };
    case 'acceptance:notAccept': {
      const route = text(data, 'route');
      if (!(NOT_ACCEPTED_ROUTES as readonly string[]).includes(route) || route === 'rereviewConcluded') {
        return {
          refused: `not accepting needs data.route, the route the petitioner must follow: one of ${NOT_ACCEPTED_ROUTES.filter((r) => r !== 'rereviewConcluded').join(', ')}`,
        };
      }
      return reason ? { type: 'NOT_ACCEPT', officerId, route: route as NotAcceptedRoute, reason } : { refused: 'not accepting needs the reason in comment' };
    }
    case 'acceptance:forward': {
      const toRegion = text(data, 'toRegion');
      if (!/^\d{6}$/.test(toRegion)) return { refused: 'forwarding needs data.toRegion, the competent body’s 6-digit region code' };
      if (toRegion === ctx.handlingRegion) return { refused: 'a petition cannot be forwarded to the body that holds it' };
      return reason ? { type: 'FORWARD', officerId, toRegion, reason, on: ctx.today } : { refused: 'forwarding needs the reason in comment' };
    }
    case 'transferReceipt:object':
      return reason ? { type: 'TRANSFER_OBJECTED', officerId, reason } : { refused: 'an objection needs its reasons in comment (art. 23)' };
    case 'handling:extend': {
      const days = Number(data.days);
      const handling = ctx.handlingDue ? { today: ctx.today, dueDate: ctx.handlingDue } : undefined;
      const refusal = extensionRefusal(ctx.policy, ctx.extendedDays, days, handling);
      if (refusal) return { refused: refusal };
      return reason
        ? { type: 'REQUEST_EXTENSION', officerId, days, reason }
        : { refused: 'an extension needs the reason the petitioner will be told, in comment (art. 32)' };
    }
    case 'extension:approve': {
      const lapsed = extensionLapsed(ctx.handlingDue ? { today: ctx.today, dueDate: ctx.handlingDue } : undefined);
      return lapsed ? { refused: lapsed } : { type: 'APPROVE_EXTENSION', officerId };
    }
    case 'extension:reject':
      return reason ? { type: 'REFUSE_EXTENSION', officerId, reason } : { refused: 'a refusal needs a reason in comment' };
    default:
      break;
  }
  if ((step === 'handling' || step === 'review' || step === 'rereview') && (OPINION_KINDS as readonly string[]).includes(completion.outcome)) {
    const facts = text(data, 'facts');
    const reasons = text(data, 'reasons');
    const legalBasis = text(data, 'legalBasis');
    const missing = [!facts && 'data.facts', !reasons && 'data.reasons', !legalBasis && 'data.legalBasis'].filter(Boolean);
    if (missing.length > 0) return { refused: `a written opinion states facts, reasons and legal basis (art. 32): missing ${missing.join(', ')}` };
    return {
      type: 'ISSUE_OPINION',
      opinion: { kind: completion.outcome as OpinionKind, facts, reasons, legalBasis, issuedOn: ctx.today, issuedBy: officerId },
    };
  }
  return { refused: `step ${step} takes ${PETITION_STEP_OUTCOMES[step].join(', ')}, not "${completion.outcome}"` };
}
