import type { DeadlineUnit } from './calendar/holiday-calendar.js';

/** The permission a workflow step requires; CASL maps roles to permissions (policies/abilities.ts). */
export type TaskPermission = 'review' | 'approve' | 'supervise';

/** The generic outcomes every decision task understands (docs/api.md); steps may allow more. */
export type TaskOutcome = 'approve' | 'reject' | 'return';

/** The decision a person sends for an open task (POST /v1/tasks/{taskId}/complete), as the workflow receives it. */
export interface TaskCompletion {
  taskId: string;
  outcome: string;
  comment: string;
  data: Record<string, unknown>;
  actorId: string;
  actorRole: string;
}

/** How a workflow step asks for a person: what, who may do it, and by when. */
export interface TaskSpec {
  step: string;
  permission: TaskPermission;
  slaDays: number;
  slaUnit: DeadlineUnit;
  priority: number;
  /** Whoever prepared what is being decided may not decide it (four eyes). */
  preparedBy: string | null;
  /** Staff a whistle-blowing petition accuses: the task is never shown to them (信访工作条例 art. 36 para. 3). */
  accusedStaff?: readonly string[];
  /**
   * People who already acted at an earlier tier of the same decision (preparer, reviewer): none of them acts at this
   * tier (separation of duties, 社会保险经办条例 arts. 36–38). Absent on tasks of single-tier steps.
   */
  earlierDeciders?: readonly string[];
  outcomes: readonly string[];
}

/** How long a claim holds before the task returns to the pool by itself (the worker's housekeeping frees it). */
export const CLAIM_LEASE_MS = 8 * 3_600_000;

/** Outcomes that need a reason in the comment: a refusal or a return must say why (经办条例 art. 6). */
export const OUTCOMES_NEEDING_REASON: ReadonlySet<string> = new Set(['reject', 'return']);
