import type { Refusal } from '../domain/errors.js';

/**
 * The two people who may never act on a task, as properties of the task row itself (docs/architecture.md "Tasks: the human part"):
 * - whoever prepared what is being decided does not also decide it (four eyes, 社会保险经办条例 arts. 36–38);
 * - a staff member a whistle-blowing petition accuses never sees it, down to its tasks (信访工作条例 art. 36 para. 3);
 * - whoever acted at an earlier tier of a graded decision does not act at a later one (社会保险经办条例 arts. 36–38).
 *
 * One table, read three ways: policies/abilities.ts turns each entry into a CASL prohibition (so every route and, via
 * policies/sql-scope.ts, every worklist query applies it), and the workflows' decision validator calls
 * {@link taskProhibitionFor} on the same fields before a decision reaches history.
 */
export const FOUR_EYES_REASON = 'four-eyes: you prepared this decision';
export const ACCUSED_REASON = 'whistle-blowing: a petition is never shown to the staff member it accuses';
export const TWO_TIERS_REASON = 'separation of duties: you already acted at an earlier tier of this decision';

/** What a task row says about the people it concerns. */
export interface TaskPeople {
  preparedBy: string | null;
  /** `text[] not null default '{}'` on the row; absent on tasks of cases that accuse nobody. */
  accusedStaff?: readonly string[];
  /** `text[] not null default '{}'`: who acted at an earlier tier of the decision (preparer, reviewer). */
  earlierDeciders?: readonly string[];
}

export interface TaskProhibition {
  refusal: Refusal;
  /** The task field holding the person (a scalar or a list that must not contain the actor). */
  field: 'preparedBy' | 'accusedStaff' | 'earlierDeciders';
  /** What the person may not do with the task. */
  actions: readonly ('read' | 'claim' | 'complete' | 'release' | 'reassign')[];
}

export const TASK_PROHIBITIONS: readonly TaskProhibition[] = [
  { refusal: { code: 'FOUR_EYES', reason: FOUR_EYES_REASON }, field: 'preparedBy', actions: ['claim', 'complete'] },
  {
    refusal: { code: 'ACCUSED_STAFF', reason: ACCUSED_REASON },
    field: 'accusedStaff',
    actions: ['read', 'claim', 'complete', 'release', 'reassign'],
  },
  // Graded approval (社会保险经办条例 arts. 36–38): preparer, reviewer and approver are different people.
  { refusal: { code: 'SAME_PERSON_AT_TWO_TIERS', reason: TWO_TIERS_REASON }, field: 'earlierDeciders', actions: ['claim', 'complete'] },
];

/** The prohibition `actorId` meets on this task, or null. Pure, deterministic: workflow code calls it. */
export function taskProhibitionFor(task: TaskPeople, actorId: string): Refusal | null {
  for (const { refusal, field } of TASK_PROHIBITIONS) {
    const value = task[field];
    const hit = Array.isArray(value) ? value.includes(actorId) : value === actorId;
    if (hit) return refusal;
  }
  return null;
}

/** The prohibition whose reason CASL reported (a `.because()` text is one of the table's, by identity). */
export function prohibitionByReason(reason: string): Refusal | null {
  return TASK_PROHIBITIONS.find((p) => p.refusal.reason === reason)?.refusal ?? null;
}
