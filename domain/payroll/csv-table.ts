import { readCsvText } from '../contribution/csv-format.js';

/** A refused or reported field, named the way the roster reader names it: `rows[12].deathDate`, `columns[3]`. */
export interface TableIssue {
  path: string;
  message: string;
}

/** The columns of a documented file: every column's accepted header names (Chinese or English) and the required ones. */
export interface TableSpec<C extends string> {
  columns: Readonly<Record<C, readonly string[]>>;
  required: readonly C[];
}

export interface TableRow<C extends string> {
  /** 0 for the line after the header, as `rows[0]` in issue paths. */
  row: number;
  /** Trimmed cells by column; a missing optional column or cell is ''. */
  cells: Record<C, string>;
}

/**
 * Reads a CSV file with a header line into rows keyed by column, reporting what the roster reader reports
 * (domain/contribution/declaration-csv.ts): unknown or repeated columns, missing required ones, and rows with the
 * wrong number of cells (still read, so their other faults are reported too). A BOM is dropped; the CSV dialect is
 * domain/contribution/csv-format.ts's. Pure.
 */
export function readTable<C extends string>(text: string, spec: TableSpec<C>): { rows: TableRow<C>[]; issues: TableIssue[] } {
  const records: string[][] = [];
  // A file that is not CSV (a quote never closed) is refused with the row it breaks on, after the rows before it.
  const { fault } = readCsvText(text, { record: (cells) => void records.push(cells), result: () => records });
  const read = tableOf(records, spec);
  return fault ? { rows: read.rows, issues: [...read.issues, fault] } : read;
}

function tableOf<C extends string>(records: readonly string[][], spec: TableSpec<C>): { rows: TableRow<C>[]; issues: TableIssue[] } {
  const header = records[0];
  if (!header) return { rows: [], issues: [{ path: 'columns', message: 'the file is empty' }] };
  const names = Object.keys(spec.columns) as C[];
  const index = new Map<C, number>();
  const issues: TableIssue[] = [];
  header.forEach((raw, i) => {
    const name = raw.trim();
    const column = names.find((c) => spec.columns[c].includes(name));
    if (column === undefined) issues.push({ path: `columns[${i}]`, message: `unknown column "${name}"` });
    else if (index.has(column)) issues.push({ path: `columns[${i}]`, message: `column ${column} appears twice` });
    else index.set(column, i);
  });
  for (const column of spec.required) {
    if (!index.has(column)) issues.push({ path: 'columns', message: `missing column ${column} (${spec.columns[column].join(' / ')})` });
  }
  if (issues.length > 0) return { rows: [], issues };

  const rows: TableRow<C>[] = [];
  records.slice(1).forEach((record, row) => {
    if (record.length !== header.length) {
      issues.push({ path: `rows[${row}]`, message: `has ${record.length} cells, the header has ${header.length}` });
    }
    const cells = {} as Record<C, string>;
    for (const c of names) {
      const i = index.get(c);
      cells[c] = i === undefined ? '' : (record[i] ?? '').trim();
    }
    rows.push({ row, cells });
  });
  return { rows, issues };
}

// File-level issues ('file', 'columns…') sort before every row.
function rowOf(path: string): number {
  const m = /^rows\[(\d+)\]/.exec(path);
  return m === null ? -1 : Number(m[1]);
}

/** Issues in file order: whole-file and header ones first, then row by row, each row's in the order found. */
export function inFileOrder<I extends TableIssue>(issues: readonly I[]): I[] {
  return issues
    .map((issue, i) => ({ issue, i, row: rowOf(issue.path) }))
    .sort((a, b) => a.row - b.row || a.i - b.i)
    .map((x) => x.issue);
}

/** One CSV field, quoted when it holds a separator, a quote or a line break (RFC 4180). */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}
