import { readCsvText, type CsvSink } from './csv-format.js';
import type { DeclarationIssue, DeclarationLineInput } from './declaration.js';
import { INSURANCE_TYPES, type InsuranceType } from './regional-parameters.js';

/**
 * The documented roster file (docs/contributions.md): a header row, then one employee per row. Each column may be
 * named in Chinese or English. Required: citizenId, name, monthlyWage. Optional: insuranceTypes (default: all four),
 * workInjuryClass, workInjuryTier.
 */
export const ROSTER_COLUMNS = {
  citizenId: ['citizenId', '身份证号', '公民身份号码'],
  name: ['name', '姓名'],
  monthlyWage: ['monthlyWage', '月工资', '缴费工资'],
  insuranceTypes: ['insuranceTypes', '险种'],
  workInjuryClass: ['workInjuryClass', '工伤类别'],
  workInjuryTier: ['workInjuryTier', '工伤浮动档'],
} as const;

type Column = keyof typeof ROSTER_COLUMNS;
const REQUIRED: readonly Column[] = ['citizenId', 'name', 'monthlyWage'];

const INSURANCE_NAMES: Record<string, InsuranceType> = {
  pension: 'pension',
  medical: 'medical',
  unemployment: 'unemployment',
  workInjury: 'workInjury',
  养老: 'pension',
  医疗: 'medical',
  失业: 'unemployment',
  工伤: 'workInjury',
};

export type TextEncoding = 'utf-8' | 'gbk';

export type DecodedText = { ok: true; text: string; encoding: TextEncoding } | { ok: false; message: string };

/** The message a file gets when {@link textEncodingOf} finds neither encoding. */
export const UNREADABLE_FILE_MESSAGE = 'the file is neither UTF-8 nor GBK text';
const CHUNK_BYTES = 1 << 20;

function decodesAs(bytes: Uint8Array, encoding: TextEncoding): boolean {
  const decoder = new TextDecoder(encoding, { fatal: true });
  try {
    for (let at = 0; at < bytes.length; at += CHUNK_BYTES) decoder.decode(bytes.subarray(at, at + CHUNK_BYTES), { stream: true });
    decoder.decode();
    return true;
  } catch {
    return false;
  }
}

/**
 * The encoding of an uploaded file: valid UTF-8 (with or without BOM) first, else GBK — the two encodings Chinese
 * payroll software exports (issue 3); null for bytes that are neither, which are refused rather than turned into
 * replacement characters. Checked a megabyte at a time, without building the text.
 */
export function textEncodingOf(bytes: Uint8Array): TextEncoding | null {
  if (decodesAs(bytes, 'utf-8')) return 'utf-8';
  return decodesAs(bytes, 'gbk') ? 'gbk' : null;
}

/** The text of bytes known to be in `encoding` (see {@link textEncodingOf}), a megabyte at a time. A BOM is dropped. */
export function* decodedChunks(bytes: Uint8Array, encoding: TextEncoding, chunkBytes = CHUNK_BYTES): Generator<string> {
  const decoder = new TextDecoder(encoding, { fatal: true });
  for (let at = 0; at < bytes.length; at += chunkBytes) {
    const text = decoder.decode(bytes.subarray(at, at + chunkBytes), { stream: true });
    if (text !== '') yield text;
  }
  const rest = decoder.decode();
  if (rest !== '') yield rest;
}

/** Decodes a whole file held in memory by {@link textEncodingOf}'s rule. */
export function decodeRosterBytes(bytes: Uint8Array): DecodedText {
  const encoding = textEncodingOf(bytes);
  if (encoding === null) return { ok: false, message: UNREADABLE_FILE_MESSAGE };
  return { ok: true, text: new TextDecoder(encoding).decode(bytes), encoding };
}

/** Reads the insurance list of one cell: names separated by `;`, `|`, `、` or spaces, in Chinese or English. */
export function parseInsuranceList(cell: string): { types: InsuranceType[]; unknown: string[] } {
  const known = LIST_CACHE.get(cell);
  if (known !== undefined) return { types: [...known.types], unknown: [...known.unknown] };
  const read = readInsuranceList(cell);
  if (LIST_CACHE.size < 1_000) LIST_CACHE.set(cell, read);
  return { types: [...read.types], unknown: [...read.unknown] };
}

// Rosters repeat the same few insurance cells on every row; reading each distinct cell once saves a regex per row.
const LIST_CACHE = new Map<string, { types: readonly InsuranceType[]; unknown: readonly string[] }>();

function readInsuranceList(cell: string): { types: InsuranceType[]; unknown: string[] } {
  const names = cell.split(/[;|、\s]+/).filter((s) => s !== '');
  const types: InsuranceType[] = [];
  const unknown: string[] = [];
  for (const name of names) {
    const type = INSURANCE_NAMES[name];
    if (type === undefined) unknown.push(name);
    else if (!types.includes(type)) types.push(type);
  }
  return { types, unknown };
}

export interface RosterRead {
  lines: DeclarationLineInput[];
  issues: DeclarationIssue[];
}

/**
 * Reads a roster file record by record (a header, then one employee per record): the lines, or the issues that refuse
 * it — missing or unknown columns, rows with the wrong number of cells, unknown insurances. Value checks (ID, amounts,
 * duplicates) are `validateDeclarationLines`'s job. Row numbers in paths count data rows from 0 (`rows[0]` is the
 * record after the header). Whoever splits the file into records feeds it: `readRoster` for text in memory, the
 * streaming reader of services/contributions for uploads. Pure.
 */
export function rosterReader(): CsvSink<RosterRead> {
  let header: string[] | null = null;
  const index = new Map<Column, number>();
  const headerIssues: DeclarationIssue[] = [];
  const lines: DeclarationLineInput[] = [];
  const issues: DeclarationIssue[] = [];

  const readHeader = (cells: string[]) => {
    cells.forEach((raw, i) => {
      const name = raw.trim();
      const column = (Object.keys(ROSTER_COLUMNS) as Column[]).find((c) => (ROSTER_COLUMNS[c] as readonly string[]).includes(name));
      if (column === undefined) headerIssues.push({ path: `columns[${i}]`, message: `unknown column "${name}"` });
      else if (index.has(column)) headerIssues.push({ path: `columns[${i}]`, message: `column ${column} appears twice` });
      else index.set(column, i);
    });
    for (const column of REQUIRED) {
      if (!index.has(column)) headerIssues.push({ path: 'columns', message: `missing column ${column} (${ROSTER_COLUMNS[column].join(' / ')})` });
    }
  };

  const readRow = (record: string[], columns: number) => {
    const row = lines.length;
    if (record.length !== columns) {
      // Still read what is there, so the row keeps its number and its other faults are reported too.
      issues.push({ path: `rows[${row}]`, message: `has ${record.length} cells, the header has ${columns}` });
    }
    const cell = (c: Column) => {
      const i = index.get(c);
      return i === undefined ? undefined : (record[i] ?? '').trim();
    };
    const list = cell('insuranceTypes');
    const { types, unknown } = list === undefined ? { types: [...INSURANCE_TYPES], unknown: [] } : parseInsuranceList(list);
    if (unknown.length > 0) issues.push({ path: `rows[${row}].insuranceTypes`, message: `unknown insurance ${unknown.join(', ')}` });
    const workInjuryClass = cell('workInjuryClass');
    const workInjuryTier = cell('workInjuryTier');
    lines.push({
      citizenId: cell('citizenId') ?? '',
      name: cell('name') ?? '',
      monthlyWage: cell('monthlyWage') ?? '',
      insuranceTypes: types,
      ...(workInjuryClass ? { workInjuryClass } : {}),
      ...(workInjuryTier ? { workInjuryTier } : {}),
    });
  };

  return {
    record(cells) {
      if (header === null) {
        header = cells;
        readHeader(cells);
      } else if (headerIssues.length === 0) {
        readRow(cells, header.length);
      }
    },
    result() {
      if (header === null) return { lines: [], issues: [{ path: 'columns', message: 'the file is empty' }] };
      return headerIssues.length > 0 ? { lines: [], issues: [...headerIssues] } : { lines, issues };
    },
  };
}

/** A roster file's text in memory, read by {@link rosterReader}; a file that is not CSV adds its fault. Pure. */
export function readRoster(text: string): RosterRead {
  const { result, fault } = readCsvText(text, rosterReader());
  return fault ? { lines: result.lines, issues: [...result.issues, fault] } : result;
}
