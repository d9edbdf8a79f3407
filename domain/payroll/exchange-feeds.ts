import { compareDates, isIsoDate } from '../calendar/local-date.js';
import { DomainError } from '../errors.js';
import { parseCitizenId } from '../identity/citizen-id.js';
import { inFileOrder, readTable, type TableIssue, type TableRow, type TableSpec } from './csv-table.js';

/*
 * The data-exchange feeds the payroll controls match against (社会保险经办条例 art. 8; rules §8), documented
 * column by column in docs/rules/payroll.md: CSV with a header line, UTF-8, columns named in English or Chinese.
 */

export type DeathSource = 'publicSecurity' | 'civilAffairs' | 'health';

const DEATH_SOURCES: Record<string, DeathSource> = {
  publicSecurity: 'publicSecurity',
  公安: 'publicSecurity',
  civilAffairs: 'civilAffairs',
  民政: 'civilAffairs',
  health: 'health',
  卫健: 'health',
};

export const DEATH_FEED_SPEC: TableSpec<'citizenId' | 'name' | 'deathDate' | 'source' | 'certificateNo'> = {
  columns: {
    citizenId: ['citizenId', '身份证号', '公民身份号码'],
    name: ['name', '姓名'],
    deathDate: ['deathDate', '死亡日期'],
    source: ['source', '来源'],
    certificateNo: ['certificateNo', '证明编号'],
  },
  required: ['citizenId', 'name', 'deathDate', 'source', 'certificateNo'],
};

export const IMPRISONMENT_FEED_SPEC: TableSpec<'citizenId' | 'name' | 'from' | 'to' | 'institution' | 'judgmentNo'> = {
  columns: {
    citizenId: ['citizenId', '身份证号', '公民身份号码'],
    name: ['name', '姓名'],
    from: ['from', '入监日期'],
    to: ['to', '出监日期'],
    institution: ['institution', '执行机关'],
    judgmentNo: ['judgmentNo', '判决书编号'],
  },
  required: ['citizenId', 'from', 'to', 'institution'],
};

export interface DeathRecord {
  row: number;
  citizenId: string;
  name: string;
  deathDate: string;
  source: DeathSource;
  certificateNo: string;
}

export interface ImprisonmentRecord {
  row: number;
  citizenId: string;
  name: string | null;
  from: string;
  /** Null while the sentence is being served. */
  to: string | null;
  /** The court or prison that reported it. */
  institution: string;
  judgmentNo: string | null;
}

export interface FeedReport<R> {
  /** Data rows in the file. */
  rows: number;
  records: R[];
  /** Rows repeating an earlier row of the file exactly; they add nothing. */
  duplicates: { row: number; firstRow: number }[];
  issues: TableIssue[];
}

interface FieldCheck {
  issues: TableIssue[];
  row: number;
}

function citizenIdOf(value: string, c: FieldCheck): string | null {
  try {
    return parseCitizenId(value).value;
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    c.issues.push({ path: `rows[${c.row}].citizenId`, message: error.message });
    return null;
  }
}

function dateOf(value: string, field: string, c: FieldCheck, today: string | undefined): string | null {
  if (!isIsoDate(value)) c.issues.push({ path: `rows[${c.row}].${field}`, message: 'must be a date written YYYY-MM-DD' });
  else if (today !== undefined && compareDates(value, today) > 0) c.issues.push({ path: `rows[${c.row}].${field}`, message: `is after today (${today})` });
  else return value;
  return null;
}

function required(value: string, field: string, c: FieldCheck): string | null {
  if (value !== '') return value;
  c.issues.push({ path: `rows[${c.row}].${field}`, message: 'must not be empty' });
  return null;
}

/** Keeps the first row per key; an identical repeat is a duplicate, a different row with the same key an issue. */
function dedupe<R extends { row: number }>(records: R[], keyOf: (r: R) => string, same: (a: R, b: R) => boolean, issues: TableIssue[], what: string) {
  const first = new Map<string, R>();
  const kept: R[] = [];
  const duplicates: { row: number; firstRow: number }[] = [];
  for (const r of records) {
    const earlier = first.get(keyOf(r));
    if (earlier === undefined) {
      first.set(keyOf(r), r);
      kept.push(r);
    } else if (same(earlier, r)) duplicates.push({ row: r.row, firstRow: earlier.row });
    else
      issues.push({
        path: `rows[${r.row}]`,
        message: `${what} as rows[${earlier.row}] with different details; not read`,
      });
  }
  return { kept, duplicates };
}

function report<C extends string, R extends { row: number }>(
  text: string,
  spec: TableSpec<C>,
  readRow: (r: TableRow<C>, c: FieldCheck) => R | null,
): { rows: number; records: R[]; issues: TableIssue[] } {
  const { rows, issues } = readTable(text, spec);
  const records: R[] = [];
  for (const r of rows) {
    const before = issues.length;
    const record = readRow(r, { issues, row: r.row });
    if (record !== null && issues.length === before) records.push(record);
  }
  return { rows: rows.length, records, issues };
}

/**
 * Reads a death feed (public security, civil affairs or health; §8 data exchange) with a per-row report naming the
 * row and field — the roster reader's style. A death after `today` is refused; the same person twice with the same
 * details is a duplicate, with different details an issue. Pure.
 */
export function readDeathFeed(text: string, opts: { today?: string } = {}): FeedReport<DeathRecord> {
  const { rows, records, issues } = report(text, DEATH_FEED_SPEC, ({ row, cells }, c) => {
    const citizenId = citizenIdOf(cells.citizenId, c);
    const name = required(cells.name, 'name', c);
    const deathDate = dateOf(cells.deathDate, 'deathDate', c, opts.today);
    const source = DEATH_SOURCES[cells.source];
    if (source === undefined)
      c.issues.push({
        path: `rows[${row}].source`,
        message: `"${cells.source}" is not publicSecurity / civilAffairs / health (公安 / 民政 / 卫健)`,
      });
    const certificateNo = required(cells.certificateNo, 'certificateNo', c);
    if (citizenId === null || name === null || deathDate === null || source === undefined || certificateNo === null) return null;
    return { row, citizenId, name, deathDate, source, certificateNo };
  });
  const { kept, duplicates } = dedupe(
    records,
    (r) => r.citizenId,
    (a, b) => a.deathDate === b.deathDate,
    issues,
    'the same person',
  );
  return { rows, records: kept, duplicates, issues: inFileOrder(issues) };
}

/**
 * Reads an imprisonment feed (justice: courts and prisons; §8) with the same per-row report. `to` may be empty while
 * the sentence runs and must not be before `from`. The same person and start date twice is a duplicate when the
 * details agree, an issue when they differ. Pure.
 */
export function readImprisonmentFeed(text: string, opts: { today?: string } = {}): FeedReport<ImprisonmentRecord> {
  const { rows, records, issues } = report(text, IMPRISONMENT_FEED_SPEC, ({ row, cells }, c) => {
    const citizenId = citizenIdOf(cells.citizenId, c);
    const from = dateOf(cells.from, 'from', c, opts.today);
    const to = cells.to === '' ? null : dateOf(cells.to, 'to', c, undefined);
    if (from !== null && to !== null && compareDates(to, from) < 0) c.issues.push({ path: `rows[${row}].to`, message: `is before from (${from})` });
    const institution = required(cells.institution, 'institution', c);
    if (citizenId === null || from === null || (cells.to !== '' && to === null) || institution === null) return null;
    return {
      row,
      citizenId,
      name: cells.name === '' ? null : cells.name,
      from,
      to,
      institution,
      judgmentNo: cells.judgmentNo === '' ? null : cells.judgmentNo,
    };
  });
  const { kept, duplicates } = dedupe(
    records,
    (r) => `${r.citizenId}:${r.from}`,
    (a, b) => a.to === b.to && a.institution === b.institution,
    issues,
    'the same person and start date',
  );
  return { rows, records: kept, duplicates, issues: inFileOrder(issues) };
}

/** Evidence kinds a life-proof feed may carry: the data matches (§8); self-service checks come from the citizen. */
export type LifeProofKind = 'lifeRecord' | 'hospitalVisit';

const LIFE_PROOF_KINDS: Record<string, LifeProofKind> = {
  lifeRecord: 'lifeRecord',
  生存记录: 'lifeRecord',
  hospitalVisit: 'hospitalVisit',
  就医记录: 'hospitalVisit',
};

export const LIFE_PROOF_FEED_SPEC: TableSpec<'citizenId' | 'name' | 'date' | 'kind' | 'source' | 'reference'> = {
  columns: {
    citizenId: ['citizenId', '身份证号', '公民身份号码'],
    name: ['name', '姓名'],
    date: ['date', '发生日期'],
    kind: ['kind', '类别'],
    source: ['source', '来源'],
    reference: ['reference', '记录编号'],
  },
  required: ['citizenId', 'date', 'kind', 'source', 'reference'],
};

/** One record that proves the beneficiary was alive on `date` (待遇资格认证 by data matching, §8). */
export interface LifeProofRecord {
  row: number;
  citizenId: string;
  name: string | null;
  date: string;
  kind: LifeProofKind;
  /** The reporting system: public security, transport, a hospital, the medical-insurance platform… */
  source: string;
  /** The record's number in the reporting system; with the person and kind it makes the row unique. */
  reference: string;
}

/**
 * Reads a life-proof feed (a record of life or a hospital visit from another agency; §8 data matching) with the same
 * per-row report as the other feeds. A date after `today` is refused (future evidence does not count). The same person,
 * kind and reference twice is a duplicate when the date agrees, an issue when it differs. Pure.
 */
export function readLifeProofFeed(text: string, opts: { today?: string } = {}): FeedReport<LifeProofRecord> {
  const { rows, records, issues } = report(text, LIFE_PROOF_FEED_SPEC, ({ row, cells }, c) => {
    const citizenId = citizenIdOf(cells.citizenId, c);
    const date = dateOf(cells.date, 'date', c, opts.today);
    const kind = LIFE_PROOF_KINDS[cells.kind];
    if (kind === undefined) {
      c.issues.push({ path: `rows[${row}].kind`, message: `"${cells.kind}" is not lifeRecord / hospitalVisit (生存记录 / 就医记录)` });
    }
    const source = required(cells.source, 'source', c);
    const reference = required(cells.reference, 'reference', c);
    if (citizenId === null || date === null || kind === undefined || source === null || reference === null) return null;
    return { row, citizenId, name: cells.name === '' ? null : cells.name, date, kind, source, reference };
  });
  const { kept, duplicates } = dedupe(
    records,
    (r) => `${r.citizenId}:${r.kind}:${r.reference}`,
    (a, b) => a.date === b.date,
    issues,
    'the same person, kind and reference',
  );
  return { rows, records: kept, duplicates, issues: inFileOrder(issues) };
}
