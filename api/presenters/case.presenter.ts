import { subject } from '@casl/ability';
import { daysBetween, shanghaiDateOf } from '../../domain/calendar/local-date.js';
import { maskCitizenId } from '../../domain/identity/masking.js';
import type { Actor, AppAbility } from '../../policies/abilities.js';
import { caseSubjectOf, type CaseRow, type TimelineItem } from '../../db/queries/case.query.js';
import { taskSubjectOf, type TaskView } from '../../db/queries/task.query.js';
import { summaryFor } from './medical-expense.presenter.js';
import { stepOutcomesFor } from './step-outcomes.js';

const STAFF_ROLES = new Set(['caseworker', 'reviewer', 'supervisor', 'auditor', 'admin']);

/** Lifecycle events → what the applicant may do about them. */
const APPLICANT_ACTIONS: Record<string, string> = { RESUBMIT: 'resubmit', WITHDRAW: 'withdraw' };

/** Who the case is about, with the ID number masked unless the caller may see it whole. */
function subjectOf(row: CaseRow, unmasked: boolean) {
  return {
    citizenId: row.citizenId === null ? null : unmasked ? row.citizenId : maskCitizenId(row.citizenId),
    name: row.subjectName,
    employerCreditCode: row.employerCreditCode,
  };
}

export function canReadUnmasked(ability: AppAbility, row: CaseRow): boolean {
  return ability.can('readUnmasked', subject('Case', caseSubjectOf(row)));
}

/** The actions the caller may take on this case now: the workflow's allowed events intersected with CASL. */
export function allowedActionsFor(row: CaseRow, tasks: TaskView[], actor: Actor, ability: AppAbility): string[] {
  const actions = new Set<string>();
  for (const task of tasks.filter((t) => t.status === 'open' || t.status === 'claimed' || t.status === 'waiting')) {
    const tagged = subject('Task', taskSubjectOf(task));
    if (task.status === 'open' && ability.can('claim', tagged)) actions.add('claim');
    if (task.status === 'claimed' && ability.can('release', tagged)) actions.add('release');
    if (task.status !== 'waiting' && ability.can('reassign', tagged)) actions.add('reassign');
    if (task.status === 'claimed' && ability.can('complete', tagged)) {
      for (const outcome of stepOutcomesFor(row.type, task.step, row.allowedEvents)) actions.add(outcome);
    }
  }
  const isApplicant =
    actor.id === row.applicantId ||
    (actor.role === 'employer' && actor.employer === row.employerCreditCode) ||
    (actor.role === 'citizen' && actor.id === row.citizenId);
  if (isApplicant) {
    for (const event of row.allowedEvents) {
      const action = APPLICANT_ACTIONS[event];
      if (action) actions.add(action);
    }
  }
  return [...actions];
}

/** The case as the caller may see it: ID numbers masked unless the role needs them, staff names hidden from the public. */
export function presentCase(row: CaseRow, extra: { timeline: TimelineItem[]; tasks: TaskView[]; actor: Actor; ability: AppAbility; now: Date }) {
  const { actor, ability } = extra;
  const unmasked = canReadUnmasked(ability, row);
  const staffViewer = STAFF_ROLES.has(actor.role);
  const today = shanghaiDateOf(extra.now.getTime());
  const actorName = (id: string) => (staffViewer || id === actor.id || id === 'system' ? id : 'agency');
  return {
    caseId: row.caseId,
    reference: row.reference,
    type: row.type,
    status: row.status,
    region: row.region,
    subject: subjectOf(row, unmasked),
    openedAt: row.openedAt,
    closedAt: row.closedAt,
    lastProgressAt: row.lastProgressAt,
    deadlines: row.deadlines.map((deadline) => ({ ...deadline, remainingDays: daysBetween(today, deadline.dueDate) })),
    timeline: extra.timeline.map((item) => ({ at: item.at, actor: actorName(item.actor), action: item.action, detail: item.detail })),
    tasks: staffViewer
      ? extra.tasks.map((task) => ({
          taskId: task.taskId,
          step: task.step,
          status: task.status,
          assignee: task.assignee,
          dueAt: task.dueAt,
          ...(task.dueProvisional ? { dueProvisional: true } : {}),
          escalated: task.escalated,
        }))
      : [],
    allowedActions: allowedActionsFor(row, extra.tasks, actor, ability),
    summary: summaryFor(row, unmasked),
  };
}

export type CaseResponse = ReturnType<typeof presentCase>;

/** The short form used in lists. */
export function presentCaseSummary(row: CaseRow, ability: AppAbility) {
  const unmasked = canReadUnmasked(ability, row);
  return {
    caseId: row.caseId,
    reference: row.reference,
    type: row.type,
    status: row.status,
    region: row.region,
    subject: subjectOf(row, unmasked),
    openedAt: row.openedAt,
    closedAt: row.closedAt,
    deadlines: row.deadlines,
  };
}
