import { defineEntity, type InferEntity } from '@mikro-orm/core';

const p = defineEntity.properties;

export interface CaseDeadline {
  name: string;
  dueAt: string; // ISO instant with offset: the end (24:00 Asia/Shanghai) of the due day
  unit: 'working' | 'calendar';
  dueDate: string; // YYYY-MM-DD, the statutory day
}

/**
 * The read model of a case. The case itself lives in its Temporal workflow (the ID is the workflow ID); this row is
 * what lists, permissions and pages query. `statusVersion` only grows, so an older projection never overwrites a newer one.
 * `citizenId`, `employerCreditCode`, `applicantId` and `region` are the columns CASL scopes lists by.
 */
export const CaseRecord = defineEntity({
  name: 'CaseRecord',
  tableName: 'case_record',
  properties: {
    id: p.string().length(64).primary(),
    reference: p.string().length(20).unique(),
    caseType: p.string().length(16),
    businessKey: p.string().length(64).index(),
    status: p.string().length(32),
    statusVersion: p.integer().default(0),
    region: p.string().length(6),
    citizenId: p.string().length(18).nullable().index(),
    employerCreditCode: p.string().length(18).nullable().index(),
    applicantId: p.string().length(64).index(),
    subjectName: p.string().length(100).nullable(),
    sensitive: p.boolean().default(false),
    openedAt: p.datetime(),
    closedAt: p.datetime().nullable(),
    lastProgressAt: p.datetime(),
    deadlines: p.json<CaseDeadline[]>(),
    allowedEvents: p.json<string[]>(),
    summary: p.json<Record<string, unknown>>(),
    /** Staff ids a whistle-blowing petition accuses: never shown to them (rules §7; policies/abilities.ts). */
    accusedStaff: p.array().defaultRaw(`'{}'`),
    /** Other bodies deciding on the case (a forwardee, the review and re-review bodies): their staff may read it. */
    sharedWithRegions: p.array().defaultRaw(`'{}'`),
  },
  indexes: [
    { name: 'case_record_region_type_status', properties: ['region', 'caseType', 'status'] },
    // Every worklist request asks "which cases accuse me?" (whistle-blowing petitions hide their tasks from the accused).
    { name: 'case_record_accused_staff', properties: ['accusedStaff'], type: 'gin' },
    // Case lists of a region, newest first (GET /v1/cases, keyset on opened_at, id).
    { name: 'case_record_region_opened', properties: ['region', 'openedAt', 'id'] },
  ],
});
export type ICaseRecord = InferEntity<typeof CaseRecord>;
