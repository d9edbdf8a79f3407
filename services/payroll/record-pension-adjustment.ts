import { findRegion } from '../../db/queries/region.query.js';
import { recordPensionAdjustment as writeAdjustment } from '../../db/writers/pension-recalculations.js';
import { DomainError, invalidInput } from '../../domain/errors.js';
import { isRate } from '../../domain/money.js';
import type { PensionAdjustmentRule } from '../../domain/payroll/recalculation.js';
import { authorize } from '../authorization.js';
import type { CommandContext } from '../command-context.js';

/**
 * PUT /v1/regions/{code}/pension-adjustments/{effectiveFrom}: an administrator records the region's yearly pension
 * adjustment (养老金调整) — dated reference data; a rule of the same date is replaced (the audit log keeps both). It
 * changes no pension by itself: the recalculation (POST /v1/pension-recalculations) applies it. Refused with the field
 * named, nothing written, for a share that is not a decimal below 1.
 */
export async function recordPensionAdjustment(
  ctx: CommandContext,
  rule: PensionAdjustmentRule & { region: string },
): Promise<PensionAdjustmentRule & { region: string; replaced: boolean }> {
  authorize(ctx, 'manage', 'RegionParameters', { region: rule.region });
  if (!isRate(rule.share) || Number(rule.share) >= 1) throw invalidInput([{ path: 'share', message: 'must be a decimal share below 1, e.g. "0.02"' }]);
  if (!(await findRegion(ctx.em, rule.region))) throw new DomainError('REGION_NOT_FOUND', `No region ${rule.region}`);
  const { replaced } = await writeAdjustment(ctx.em, rule, { actor: ctx.actor, requestId: ctx.requestId, now: ctx.clock.now() });
  return { ...rule, replaced };
}
