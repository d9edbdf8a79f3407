import { randomUUID } from 'node:crypto';
import { activeRecordsWith } from '../../db/queries/insurance-record.query.js';
import { findParametersInForce } from '../../db/queries/region-parameters.query.js';
import { appendAudit } from '../../db/writers/case-log.js';
import { applyBase } from '../../db/writers/insurance-records.js';
import { decideBaseChange, findBaseChange, insertBaseChange, type BaseChangeRow } from '../../db/writers/person-changes.js';
import { clampBase } from '../../domain/contribution/contribution-base.js';
import { DomainError, invalidInput } from '../../domain/errors.js';
import { maskCitizenId } from '../../domain/identity/masking.js';
import { Money } from '../../domain/money.js';
import { authorize } from '../authorization.js';
import type { CommandContext } from '../command-context.js';

export interface BaseChangeRequest {
  /** The employer whose records change; null for a flexible worker's own records. */
  employerCreditCode: string | null;
  newBase: string;
  fromMonth: string;
  reason: string;
}

/**
 * 缴费基数变更: a person's contribution base from a month on, within the region's bounds for that month (§3.2). A raise
 * is applied at once; a drop lowers what the fund receives and waits for a reviewer other than the one who asked
 * (four eyes, 社会保险经办条例 arts. 36–38). Audited either way.
 */
export async function requestBaseChange(ctx: CommandContext, citizenId: string, request: BaseChangeRequest): Promise<BaseChangeRow> {
  const records = await activeRecordsWith(ctx.em, citizenId, request.employerCreditCode);
  const region = records[0]?.region;
  if (!region) throw new DomainError('NOT_INSURED', 'the person has no open insurance record with this employer', { path: 'employerCreditCode' });
  authorize(ctx, 'create', 'BaseChange', { region, requestedBy: ctx.actor.id });
  const parameters = await findParametersInForce(ctx.em, region, `${request.fromMonth}-01`);
  if (!parameters) throw new DomainError('PARAMETERS_NOT_FOUND', `region ${region} has no parameters in force for ${request.fromMonth}`, { path: 'fromMonth' });
  const bounds = clampBase(Money.zero(), parameters);
  const newBase = Money.of(request.newBase);
  if (newBase.compare(bounds.floor) < 0 || newBase.compare(bounds.ceiling) > 0) {
    throw invalidInput([
      {
        path: 'newBase',
        message: `must lie within the region's bounds ${bounds.floor.toString()}–${bounds.ceiling.toString()} for ${request.fromMonth} (§3.2)`,
      },
    ]);
  }
  const oldBase = Money.of(records[0]!.contributionBase);
  const drop = newBase.compare(oldBase) < 0;
  const change: BaseChangeRow = {
    id: randomUUID(),
    citizenId,
    employerCreditCode: request.employerCreditCode,
    region,
    insuranceTypes: records.map((r) => r.insuranceType),
    fromMonth: request.fromMonth,
    oldBase: oldBase.toString(),
    newBase: newBase.toString(),
    status: drop ? 'pending' : 'applied',
    reason: request.reason,
    requestedBy: ctx.actor.id,
    decidedBy: drop ? null : ctx.actor.id,
  };
  await ctx.em.transactional(async (tx) => {
    const now = ctx.clock.now();
    await insertBaseChange(tx, change, now);
    if (!drop) await applyBase(tx, { recordIds: records.map((r) => r.id), newBase: change.newBase });
    await audit(tx, ctx, change, drop ? 'base.change_requested' : 'base.changed', now);
  });
  return change;
}

/** The second person's decision on a base drop: approve applies it, reject leaves the base as it was. */
export async function decideBaseDrop(ctx: CommandContext, changeId: string, decision: { approve: boolean; comment: string }): Promise<BaseChangeRow> {
  const change = await findBaseChange(ctx.em, changeId);
  if (!change) throw new DomainError('CASE_NOT_FOUND', `No base change ${changeId}`);
  authorize(ctx, 'update', 'BaseChange', { region: change.region, requestedBy: change.requestedBy });
  if (change.status !== 'pending') throw new DomainError('TASK_ALREADY_DECIDED', `the base change is already ${change.status}`);
  if (!decision.approve && decision.comment.trim() === '') throw invalidInput([{ path: 'comment', message: 'a rejection needs a reason' }]);
  const status = decision.approve ? 'applied' : 'rejected';
  await ctx.em.transactional(async (tx) => {
    const now = ctx.clock.now();
    if (!(await decideBaseChange(tx, change.id, status, ctx.actor.id, now)))
      throw new DomainError('TASK_ALREADY_DECIDED', 'the base change was decided meanwhile');
    if (decision.approve) {
      const records = await activeRecordsWith(tx, change.citizenId, change.employerCreditCode);
      await applyBase(tx, { recordIds: records.map((r) => r.id), newBase: change.newBase });
    }
    await audit(tx, ctx, { ...change, status }, decision.approve ? 'base.changed' : 'base.change_rejected', now);
  });
  return { ...change, status, decidedBy: ctx.actor.id };
}

function audit(em: CommandContext['em'], ctx: CommandContext, change: BaseChangeRow, action: string, at: Date) {
  return appendAudit(em, {
    at,
    actorId: ctx.actor.id,
    actorRole: ctx.actor.role,
    region: change.region,
    action,
    objectType: 'BaseChange',
    objectId: change.id,
    requestId: ctx.requestId,
    detail: { person: maskCitizenId(change.citizenId), from: change.fromMonth, oldBase: change.oldBase, newBase: change.newBase, status: change.status },
  });
}
