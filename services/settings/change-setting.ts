import { writeSetting } from '../../db/writers/settings.js';
import { invalidInput } from '../../domain/errors.js';
import { assertValidSetting, isSettingKey, SETTING_KEYS } from '../../domain/settings/setting-keys.js';
import { authorize } from '../authorization.js';
import type { CommandContext } from '../command-context.js';
import { ReferenceCache } from '../reference-cache.js';

/**
 * PUT /v1/settings/{key}: an administrator replaces a policy override (the whole stored value; absent keys fall back
 * to the defaults). Refused with the field named, and nothing written, for an unknown key or a value that does not fit
 * the policy. Applies to cases started afterwards: a running case keeps the policy it was given.
 */
export async function changeSetting(
  ctx: CommandContext,
  key: string,
  value: unknown,
): Promise<{ key: string; value: unknown; created: boolean; updatedAt: string }> {
  authorize(ctx, 'manage', 'Setting', {});
  if (!isSettingKey(key)) throw invalidInput([{ path: 'key', message: `is not a setting; one of ${SETTING_KEYS.join(', ')}` }]);
  assertValidSetting(key, value);
  const now = ctx.clock.now();
  const { created } = await writeSetting(ctx.em, key, value, { actor: ctx.actor, requestId: ctx.requestId, now });
  ReferenceCache.forgetEverywhere(key);
  return { key, value, created, updatedAt: now.toISOString() };
}
