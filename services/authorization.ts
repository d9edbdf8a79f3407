import { subject } from '@casl/ability';
import { DomainError, refused, type DomainErrorCode } from '../domain/errors.js';
import { refusalFor, type Action, type TaggedSubject } from '../policies/abilities.js';
import type { SubjectMap, SubjectType } from '../policies/subjects.js';
import type { CommandContext } from './command-context.js';

type Caller = Pick<CommandContext, 'actor' | 'ability'>;

/** True when the caller may do `action` on the object (CASL, policies/abilities.ts). */
export function may<K extends SubjectType>(ctx: Caller, action: Action, type: K, object: SubjectMap[K]): boolean {
  return ctx.ability.can(action, subject(type, { ...object }) as TaggedSubject);
}

/**
 * Refuses with the typed reason policies/refusal-reasons.ts gives (FOUR_EYES, NOT_TASK_HOLDER, FORBIDDEN, …) unless the
 * caller may do `action` on the object. The code travels unchanged to the HTTP status (api/errors.ts).
 */
export function authorize<K extends SubjectType>(ctx: Caller, action: Action, type: K, object: SubjectMap[K]): void {
  const refusal = refusalFor(ctx.ability, ctx.actor, action, type, object);
  if (refusal) throw refused(refusal);
}

/**
 * The object if the caller may read it; otherwise the same "not found" an unknown one gets, so IDs cannot be probed
 * (docs/api.md "Errors": 404 for unknown or not visible).
 */
export function visibleOrNotFound<K extends SubjectType, T>(
  ctx: Caller,
  found: T | null | undefined,
  type: K,
  subjectOf: (row: T) => SubjectMap[K],
  notFound: { code: DomainErrorCode; message: string },
): T {
  if (found === null || found === undefined || !may(ctx, 'read', type, subjectOf(found))) {
    throw new DomainError(notFound.code, notFound.message);
  }
  return found;
}
