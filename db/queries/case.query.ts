import type { EntityManager, FilterQuery } from '@mikro-orm/postgresql';
import { REFERENCE_PATTERN } from '../../domain/case/case-type.js';
import type { CaseSubject } from '../../policies/subjects.js';
import { CaseRecord, Task, TimelineEntry } from '../entities/index.js';
import type { CaseDeadline, ICaseRecord } from '../entities/case-record.entity.js';
import { toTaskView, type TaskView } from './task.query.js';

/** The case read model as the API works with it (whitelisted; the API masks it per caller before answering). */
export interface CaseRow {
  caseId: string;
  reference: string;
  type: string;
  status: string;
  region: string;
  citizenId: string | null;
  employerCreditCode: string | null;
  applicantId: string;
  subjectName: string | null;
  sensitive: boolean;
  openedAt: string;
  closedAt: string | null;
  lastProgressAt: string;
  deadlines: CaseDeadline[];
  allowedEvents: string[];
  summary: Record<string, unknown>;
  /** Staff a whistle-blowing petition accuses (never shown to them); empty for every other case. */
  accusedStaff: string[];
  /** Regions besides `region` whose staff decide on the case (petition forwarding, review, re-review). */
  sharedWithRegions: string[];
}

export function toCaseRow(record: ICaseRecord): CaseRow {
  return {
    caseId: record.id,
    reference: record.reference,
    type: record.caseType,
    status: record.status,
    region: record.region,
    citizenId: record.citizenId ?? null,
    employerCreditCode: record.employerCreditCode ?? null,
    applicantId: record.applicantId,
    subjectName: record.subjectName ?? null,
    sensitive: record.sensitive,
    openedAt: record.openedAt.toISOString(),
    closedAt: record.closedAt?.toISOString() ?? null,
    lastProgressAt: record.lastProgressAt.toISOString(),
    deadlines: record.deadlines,
    allowedEvents: record.allowedEvents,
    summary: record.summary,
    accusedStaff: record.accusedStaff ?? [],
    sharedWithRegions: record.sharedWithRegions ?? [],
  };
}

export function caseSubjectOf(row: CaseRow): CaseSubject {
  return {
    id: row.caseId,
    caseType: row.type,
    region: row.region,
    citizenId: row.citizenId,
    employerCreditCode: row.employerCreditCode,
    applicantId: row.applicantId,
    status: row.status,
    sensitive: row.sensitive,
    accusedStaff: row.accusedStaff,
    sharedWithRegions: row.sharedWithRegions,
  };
}

/** By case ID or by the human-readable reference printed on notices. */
export async function findCase(em: EntityManager, idOrReference: string): Promise<CaseRow | null> {
  const where = REFERENCE_PATTERN.test(idOrReference) ? { reference: idOrReference } : { id: idOrReference };
  const record = await em.findOne(CaseRecord, where, { refresh: true });
  return record ? toCaseRow(record) : null;
}

export interface TimelineItem {
  at: string;
  actor: string;
  action: string;
  taskId: string | null;
  detail: Record<string, unknown>;
}

export async function caseTimeline(em: EntityManager, caseId: string): Promise<TimelineItem[]> {
  const rows = await em.find(TimelineEntry, { caseId }, { orderBy: { id: 'asc' } });
  return rows.map((row) => ({ at: row.at.toISOString(), actor: row.actor, action: row.action, taskId: row.taskId ?? null, detail: row.detail }));
}

export async function caseTasks(em: EntityManager, caseId: string): Promise<TaskView[]> {
  const rows = await em.find(Task, { caseId }, { orderBy: { createdAt: 'asc' }, refresh: true });
  return rows.map((row) => toTaskView(row));
}

export interface CaseListQuery {
  scope: Record<string, unknown> | null;
  type?: string;
  status?: string;
  region?: string;
  overdue?: boolean;
  now: Date;
  limit: number;
  after?: { openedAt: string; id: string };
}

/** Cases the caller may see, newest first, filtered in SQL by the caller's CASL scope. */
export async function listCases(em: EntityManager, q: CaseListQuery): Promise<{ items: CaseRow[]; more: boolean }> {
  if (q.scope === null) return { items: [], more: false };
  const where: FilterQuery<ICaseRecord>[] = [q.scope];
  if (q.type) where.push({ caseType: q.type });
  if (q.status) where.push({ status: q.status });
  if (q.region) where.push({ region: q.region });
  if (q.overdue) {
    const overdue = await em.find(
      Task,
      { status: { $in: ['open', 'claimed'] }, $or: [{ escalated: true }, { dueAt: { $lt: q.now } }] },
      { fields: ['caseId'], limit: 10_000 },
    );
    where.push({ id: { $in: [...new Set(overdue.map((task) => task.caseId))] } });
  }
  if (q.after) {
    const opened = new Date(q.after.openedAt);
    where.push({ $or: [{ openedAt: { $lt: opened } }, { openedAt: opened, id: { $lt: q.after.id } }] });
  }
  const rows = await em.find(
    CaseRecord,
    { $and: where },
    {
      orderBy: [{ openedAt: 'desc' }, { id: 'desc' }],
      limit: q.limit + 1,
    },
  );
  return { items: rows.slice(0, q.limit).map(toCaseRow), more: rows.length > q.limit };
}

/** The version of the case's read model: the basis an applicant's answer is made on (a retry on it applies once). */
export async function caseStatusVersion(em: EntityManager, caseId: string): Promise<number> {
  const [row] = await em.execute<{ status_version: number }[]>('select status_version from case_record where id = ?', [caseId]);
  return row?.status_version ?? 0;
}
