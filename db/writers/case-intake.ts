import { createHash } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { type CaseType, formatReference } from '../../domain/case/case-type.js';
import { shanghaiDateOf } from '../../domain/calendar/local-date.js';
import { findCase, type CaseRow } from '../queries/case.query.js';
import { appendAudit, appendTimeline } from './case-log.js';

/**
 * A business key as a one-way hash: case IDs and logs must not carry ID numbers (docs/architecture.md "Data"), yet the same
 * person and employer must always map to the same key.
 */
export function businessKeyOf(type: CaseType, ...parts: string[]): string {
  return createHash('sha256')
    .update([type, ...parts].join('|'))
    .digest('hex')
    .slice(0, 40);
}

export interface CaseIntake {
  type: CaseType;
  businessKey: string;
  region: string;
  citizenId: string | null;
  employerCreditCode: string | null;
  applicantId: string;
  applicantRole: string;
  subjectName: string | null;
  sensitive?: boolean;
  /** Whistle-blowing petitions: the accused staff ids, written with the row so no reader ever sees it without them. */
  accusedStaff?: string[];
  /** Other regions whose staff decide on the case from the start (a transfer's old office), written with the row. */
  sharedWithRegions?: string[];
  summary: Record<string, unknown>;
  requestId: string | null;
  now: Date;
}

/**
 * The case that a request for this business key should land on: the newest one unless it ended in a way that lets
 * the applicant file again (`reopenable` statuses, e.g. rejected or withdrawn), in which case a new generation's
 * ID is returned. Deterministic, so two identical concurrent requests pick the same case ID.
 */
export async function caseIdFor(
  em: EntityManager,
  type: CaseType,
  businessKey: string,
  reopenable: ReadonlySet<string>,
): Promise<{ caseId: string; existing: CaseRow | null }> {
  const rows = await em.execute<{ id: string; status: string; closed_at: Date | null }[]>(
    'select id, status, closed_at from case_record where business_key = ? order by opened_at desc, id desc',
    [businessKey],
  );
  const newest = rows[0];
  if (newest && !(newest.closed_at !== null && reopenable.has(newest.status))) {
    return { caseId: newest.id, existing: await findCase(em, newest.id) };
  }
  return { caseId: `${type}-${businessKey.slice(0, 24)}-${rows.length + 1}`, existing: null };
}

/** A PostgreSQL array literal: drivers differ in how they bind a JS array, a string binds the same everywhere. */
const textArray = (values: readonly string[]) => `{${values.map((v) => `"${v.replace(/["\\]/g, '\\$&')}"`).join(',')}}`;

/**
 * Writes the case row before its workflow starts, so the 202 answer always points at a readable case. Idempotent by
 * case ID: a retried request finds the row and (re)starts the same workflow, which Temporal deduplicates.
 */
export async function registerCase(em: EntityManager, caseId: string, intake: CaseIntake): Promise<CaseRow> {
  return em.transactional(async (tx) => {
    const [sequence] = await tx.execute<{ value: string }[]>(`select nextval('case_reference_${intake.type}_seq') as value`);
    const year = Number(shanghaiDateOf(intake.now.getTime()).slice(0, 4));
    const reference = formatReference(intake.type, year, Number(sequence!.value));
    const inserted = await tx.execute<{ id: string }[]>(
      `insert into case_record (id, reference, case_type, business_key, status, status_version, region, citizen_id,
         employer_credit_code, applicant_id, subject_name, sensitive, opened_at, last_progress_at, deadlines, allowed_events, summary, accused_staff,
         shared_with_regions)
       values (?, ?, ?, ?, 'submitted', 0, ?, ?, ?, ?, ?, ?, ?, ?, '[]', '[]', ?, cast(? as text[]), cast(? as text[])) on conflict (id) do nothing returning id`,
      [
        caseId,
        reference,
        intake.type,
        intake.businessKey,
        intake.region,
        intake.citizenId,
        intake.employerCreditCode,
        intake.applicantId,
        intake.subjectName,
        intake.sensitive ?? false,
        intake.now,
        intake.now,
        JSON.stringify(intake.summary),
        textArray(intake.accusedStaff ?? []),
        textArray(intake.sharedWithRegions ?? []),
      ],
    );
    if (inserted.length > 0) {
      await appendTimeline(tx, { caseId, key: `${caseId}:submitted`, at: intake.now, actor: intake.applicantId, action: 'case.submitted', detail: {} });
      await appendAudit(tx, {
        at: intake.now,
        actorId: intake.applicantId,
        actorRole: intake.applicantRole,
        region: intake.region,
        action: `${intake.type}.submitted`,
        objectType: 'Case',
        objectId: caseId,
        requestId: intake.requestId,
        detail: { reference },
        key: `${caseId}:submitted`,
      });
    }
    return (await findCase(tx, caseId))!;
  });
}
