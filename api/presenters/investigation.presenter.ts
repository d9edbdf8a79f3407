import type { CaseRow } from '../../db/queries/case.query.js';
import { daysBetween, shanghaiDateOf } from '../../domain/calendar/local-date.js';
import { maskCitizenId } from '../../domain/identity/masking.js';
import type { Actor, AppAbility } from '../../policies/abilities.js';
import type { InvestigationRead } from '../../services/supervision/read-investigations.js';
import { allowedActionsFor } from './case.presenter.js';

const text = (value: unknown): string | null => (typeof value === 'string' ? value : null);

/** One line of GET /v1/investigations: what was found and where it came from; no person named. */
export function presentInvestigationSummary(row: CaseRow) {
  const s = row.summary;
  return {
    reference: row.reference,
    caseId: row.caseId,
    status: row.status,
    closed: row.closedAt !== null,
    region: row.region,
    control: text(s.control) ?? '',
    reason: text(s.reason) ?? '',
    amount: text(s.amount),
    sourceCaseId: text(s.sourceCaseId),
    openedAt: row.openedAt,
    closedAt: row.closedAt,
  };
}

/** GET /v1/investigations/{reference}: the hit, the person or employer it concerns (ID masked for auditors), the steps. */
export function presentInvestigation(read: InvestigationRead, extra: { actor: Actor; ability: AppAbility; now: Date }) {
  const { row, hit, timeline, tasks, unmasked } = read;
  const s = row.summary;
  const today = shanghaiDateOf(extra.now.getTime());
  const citizenId = hit?.citizenId ?? null;
  return {
    ...presentInvestigationSummary(row),
    foundAt: hit?.foundAt ?? null,
    subject: {
      citizenId: citizenId === null ? null : unmasked ? citizenId : maskCitizenId(citizenId),
      employerCreditCode: hit?.employerCreditCode ?? null,
    },
    source: hit?.sourceCaseId ? { caseId: hit.sourceCaseId, reference: hit.sourceReference } : null,
    assignedBy: text(s.assignedBy),
    investigatorId: text(s.investigatorId),
    findings: (s.findings ?? null) as Record<string, unknown> | null,
    closedBy: text(s.closedBy),
    closedOn: text(s.closedOn),
    returns: typeof s.returns === 'number' ? s.returns : 0,
    deadlines: row.deadlines.map((deadline) => ({ ...deadline, remainingDays: daysBetween(today, deadline.dueDate) })),
    tasks: tasks.map((task) => ({ taskId: task.taskId, step: task.step, status: task.status, assignee: task.assignee, dueAt: task.dueAt })),
    allowedActions: allowedActionsFor(row, tasks, extra.actor, extra.ability),
    timeline: timeline.map((item) => ({ at: item.at, actor: item.actor, action: item.action, detail: item.detail })),
  };
}
