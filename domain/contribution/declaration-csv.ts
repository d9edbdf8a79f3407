import { INSURANCE_TYPES, type InsuranceType } from './regional-parameters.js';
import type { DeclarationIssue, DeclarationLineInput } from './declaration.js';

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

export type DecodedText = { ok: true; text: string; encoding: 'utf-8' | 'gbk' } | { ok: false; message: string };

/**
 * Decodes an uploaded file: valid UTF-8 (with or without BOM) first, else GBK — the two encodings Chinese payroll
 * software exports (issue 3). Bytes that are neither are refused rather than turned into replacement characters.
 */
export function decodeRosterBytes(bytes: Uint8Array): DecodedText {
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes), encoding: 'utf-8' };
  } catch {
    try {
      return { ok: true, text: new TextDecoder('gbk', { fatal: true }).decode(bytes), encoding: 'gbk' };
    } catch {
      return { ok: false, message: 'the file is neither UTF-8 nor GBK text' };
    }
  }
}

/**
 * Splits CSV text into records (RFC 4180: quoted fields, doubled quotes, CRLF or LF). Blank lines are skipped.
 * Unquoted fields are sliced, not built a character at a time: a million-line roster is read in about a second.
 */
export function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  const endRecord = () => {
    if (record.length > 1 || record[0] !== '') records.push(record);
    record = [];
  };
  let i = 0;
  const n = text.length;
  while (i <= n) {
    if (i === n) {
      if (record.length > 0) endRecord();
      break;
    }
    let field: string;
    if (text.charCodeAt(i) === 34 /* " */) {
      field = '';
      let from = i + 1;
      for (;;) {
        const quote = text.indexOf('"', from);
        if (quote === -1) {
          field += text.slice(from); // an unterminated quote runs to the end, as before
          i = n;
          break;
        }
        field += text.slice(from, quote);
        if (text.charCodeAt(quote + 1) === 34) {
          field += '"';
          from = quote + 2;
        } else {
          i = quote + 1;
          break;
        }
      }
      // Characters between the closing quote and the separator are kept, as the character-by-character reader did.
      let j = i;
      while (j < n && text.charCodeAt(j) !== 44 && text.charCodeAt(j) !== 10) j += 1;
      field += text.slice(i, j).replaceAll('\r', '');
      i = j;
    } else {
      let j = i;
      while (j < n && text.charCodeAt(j) !== 44 && text.charCodeAt(j) !== 10) j += 1;
      field = text.slice(i, j);
      if (field.includes('\r')) field = field.replaceAll('\r', '');
      i = j;
    }
    record.push(field);
    if (i >= n) {
      endRecord();
      break;
    }
    if (text.charCodeAt(i) === 10) endRecord();
    i += 1;
  }
  return records;
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

/**
 * The lines of a roster file, or the issues that refuse it: missing or unknown columns, rows with the wrong number of
 * cells, unknown insurances. Value checks (ID, amounts, duplicates) are `validateDeclarationLines`'s job. Row numbers
 * in paths count data rows from 0 (`rows[0]` is the line after the header). Pure.
 */
export function readRoster(text: string): { lines: DeclarationLineInput[]; issues: DeclarationIssue[] } {
  const records = parseCsv(text.startsWith('\uFEFF') ? text.slice(1) : text);
  const header = records[0];
  if (!header) return { lines: [], issues: [{ path: 'columns', message: 'the file is empty' }] };
  const index = new Map<Column, number>();
  const issues: DeclarationIssue[] = [];
  header.forEach((raw, i) => {
    const name = raw.trim();
    const column = (Object.keys(ROSTER_COLUMNS) as Column[]).find((c) => (ROSTER_COLUMNS[c] as readonly string[]).includes(name));
    if (column === undefined) issues.push({ path: `columns[${i}]`, message: `unknown column "${name}"` });
    else if (index.has(column)) issues.push({ path: `columns[${i}]`, message: `column ${column} appears twice` });
    else index.set(column, i);
  });
  for (const column of REQUIRED) {
    if (!index.has(column)) issues.push({ path: 'columns', message: `missing column ${column} (${ROSTER_COLUMNS[column].join(' / ')})` });
  }
  if (issues.length > 0) return { lines: [], issues };

  const lines: DeclarationLineInput[] = [];
  records.slice(1).forEach((record, row) => {
    if (record.length !== header.length) {
      // Still read what is there, so the row keeps its number and its other faults are reported too.
      issues.push({ path: `rows[${row}]`, message: `has ${record.length} cells, the header has ${header.length}` });
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
  });
  return { lines, issues };
}
