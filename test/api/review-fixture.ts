// Shared steps of the API end-to-end tests: a late registration that the checks send to a caseworker, and row
// counts that prove a refused request wrote nothing. Not a test file itself (no `.test.ts`).
import { addDays } from '../../domain/calendar/local-date.js';
import { systemClock } from '../../services/business-clock.js';
import { citizenId, enrollmentBody, type EnrollmentBodyOverrides } from '../support/factories.js';
import type { TestSystem } from '../support/system.js';

/** A hire date 60 days before today: a registration today is past the 30-day deadline (§2) whatever day it is. */
export const LATE_HIRE_DATE = addDays(systemClock.today(), -60);

export interface CaseInReview {
  caseId: string;
  reference: string;
  taskId: string;
  citizenId: string;
}

/**
 * Files a late registration with `token` and waits until the workflow has opened its review task (§2: a late
 * registration is accepted but goes to a person).
 */
export async function lateHireInReview(system: TestSystem, token: string, overrides: EnrollmentBodyOverrides = {}): Promise<CaseInReview> {
  const id = overrides.citizenId ?? citizenId();
  const started = await system.call('POST', '/v1/enrollments', {
    token,
    body: enrollmentBody({ hireDate: LATE_HIRE_DATE, ...overrides, citizenId: id }),
  });
  if (started.status !== 202) throw new Error(`enrollment refused: ${started.status} ${JSON.stringify(started.body)}`);
  const { caseId, reference } = started.body as { caseId: string; reference: string };
  const taskId = await system.eventually(async () => {
    const [row] = await system.orm.em
      .fork()
      .execute<{ id: string }[]>(
        `select t.id from task t join case_record c on c.id = t.case_id where t.case_id = ? and t.status = 'open' and c.status = 'underReview'`,
        [caseId],
      );
    return row?.id;
  });
  return { caseId, reference, taskId, citizenId: id };
}

/** Rows in the tables a state change writes to, so a refused request can be shown to have written nothing. */
export async function writtenRows(system: TestSystem): Promise<{ cases: number; audit: number; timeline: number; tasks: number }> {
  const [row] = await system.orm.em.fork().execute<{ cases: string; audit: string; timeline: string; tasks: string }[]>(
    `select (select count(*) from case_record) as cases, (select count(*) from audit_entry) as audit,
            (select count(*) from timeline_entry) as timeline, (select count(*) from task) as tasks`,
  );
  return { cases: Number(row?.cases), audit: Number(row?.audit), timeline: Number(row?.timeline), tasks: Number(row?.tasks) };
}

/** The audit actions recorded for one object (a task ID, a case ID, `330102:2027-01-01`). */
export async function auditActions(system: TestSystem, objectId: string): Promise<{ action: string; actor_id: string }[]> {
  return system.orm.em
    .fork()
    .execute<{ action: string; actor_id: string }[]>('select action, actor_id from audit_entry where object_id = ? order by id', [objectId]);
}

/** The `items` of a list answer (the test client parses bodies untyped). */
export function itemsOf<T = Record<string, unknown>>(body: unknown): T[] {
  return (body as { items: T[] }).items;
}

/** The task IDs of a worklist answer, in order. */
export const taskIdsOf = (body: unknown): string[] => itemsOf<{ taskId: string }>(body).map((t) => t.taskId);

/** The field paths a problem+json answer names in `errors`. */
export const fieldPathsOf = (body: unknown): string[] => ((body as { errors?: { path: string }[] }).errors ?? []).map((e) => e.path);
