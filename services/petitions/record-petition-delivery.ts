import { caseSubjectOf, findCase, type CaseRow } from '../../db/queries/case.query.js';
import { appendAudit, appendTimeline } from '../../db/writers/case-log.js';
import { isIsoDate } from '../../domain/calendar/local-date.js';
import { DomainError, invalidInput } from '../../domain/errors.js';
import { deliveryDateProblem } from '../../domain/petition/petition-clocks.js';
import { authorize } from '../authorization.js';
import type { CommandContext } from '../command-context.js';
import type { PetitionDelivery } from '../workflow-port.js';
import { opinionOnRecord, visiblePetitionCase } from './petition-access.js';

export type { PetitionDelivery } from '../workflow-port.js';

/**
 * 送达: staff of a region deciding on the petition record the day the petitioner received a written opinion sent by
 * letter (the delivery receipt, 送达回证). The 30-day review (re-review) window runs from that day (信访工作条例 arts.
 * 35, 36); an online petition receives its opinion the day it is issued and needs no record.
 * - 404 for a petition the caller may not read (another region, a sensitive one below reviewer level, the accused);
 *   403 for one they may read but not record on (the petitioner, an auditor);
 * - 400 `receivedOn` for a day before the opinion was issued or after today;
 * - 409 NOT_ALLOWED_NOW when no opinion awaits its delivery record (already recorded, received online, none yet).
 * The workflow applies the record once (a retry carries the same update ID) and answers with the window counted from
 * it; the timeline and the audit log then say who recorded what.
 */
export async function recordPetitionDelivery(ctx: CommandContext, idOrReference: string, delivery: PetitionDelivery): Promise<CaseRow> {
  const row = await visiblePetitionCase(ctx, idOrReference);
  authorize(ctx, 'update', 'Case', caseSubjectOf(row));
  const problem = isIsoDate(delivery.receivedOn)
    ? deliveryDateProblem(delivery.receivedOn, opinionOnRecord(row, delivery.document)?.issuedOn ?? null, ctx.clock.today())
    : 'must be a date written YYYY-MM-DD';
  if (problem) throw invalidInput([{ path: 'receivedOn', message: problem }]);

  try {
    await ctx.workflows.recordPetitionDelivery(row.caseId, delivery, ctx.actor.id);
  } catch (error) {
    // The workflow checks the day against the opinion it holds (and its own clock): the same bad input, the same 400.
    if (error instanceof DomainError && error.code === 'INVALID_DATE') throw invalidInput([{ path: 'receivedOn', message: error.message }]);
    throw error;
  }
  const at = ctx.clock.now();
  const detail = { document: delivery.document, receivedOn: delivery.receivedOn };
  await ctx.em.transactional(async (tx) => {
    const key = `${row.caseId}:delivered:${delivery.document}`;
    await appendTimeline(tx, { caseId: row.caseId, key, at, actor: ctx.actor.id, action: 'petition.delivered', detail });
    await appendAudit(tx, {
      at,
      actorId: ctx.actor.id,
      actorRole: ctx.actor.role,
      region: ctx.actor.region ?? row.region,
      action: 'petition.delivered',
      objectType: 'Case',
      objectId: row.caseId,
      requestId: ctx.requestId,
      detail,
      key: `case:${key}`,
    });
  });
  // The workflow projected the new window before it answered: the row shows it now.
  return (await findCase(ctx.em, row.caseId)) ?? row;
}
