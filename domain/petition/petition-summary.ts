import type { PetitionContext } from './petition.machine.js';

/**
 * What the case read model and the petitioner's notices say about a petition. Staff get the matter and its
 * handling; the petitioner gets the decisions and opinions addressed to them (the documents of art. 23, 32–36) and
 * never a staff member's id. Representatives appear by name only: ID numbers stay in the petition table.
 */
export function petitionSummary(ctx: PetitionContext, { forPetitioner }: { forPetitioner: boolean }): Record<string, unknown> {
  // `deliveredOn`: the day the petitioner received it (送达), which the review windows run from (arts. 35, 36); null while
  // a letter is on its way or on cases that counted from the issue day.
  const opinion = (o: PetitionContext['opinion']) =>
    o && {
      kind: o.kind,
      facts: o.facts,
      reasons: o.reasons,
      legalBasis: o.legalBasis,
      issuedOn: o.issuedOn,
      deliveredOn: o.deliveredOn ?? null,
      ...(forPetitioner ? {} : { issuedBy: o.issuedBy }),
    };
  const decisions = {
    receivedOn: ctx.receivedOn,
    acceptedOn: ctx.acceptedOn,
    notAccepted: ctx.notAccepted,
    forwardedTo: ctx.forwardedTo,
    extension: ctx.extension && { days: ctx.extension.days, reason: ctx.extension.reason, approved: ctx.extension.approvedBy !== null },
    opinion: opinion(ctx.opinion),
    reviewRequestedOn: ctx.reviewRequestedOn,
    review: opinion(ctx.review),
    rereviewRequestedOn: ctx.rereviewRequestedOn,
    rereview: opinion(ctx.rereview),
    rating: ctx.rating,
  };
  if (forPetitioner) return decisions;
  const p = ctx.petition;
  return {
    ...decisions,
    channel: p.channel,
    anonymous: p.anonymous,
    request: p.request,
    facts: p.facts,
    reasons: p.reasons,
    concerns: p.concerns,
    representatives: p.representatives.map((r) => r.name),
    attachmentIds: p.attachmentIds,
    whistleblowing: p.accusedStaff.length > 0,
    handlingRegion: ctx.handlingRegion,
    decidedBy: ctx.decidedBy,
  };
}
