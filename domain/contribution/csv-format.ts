// csv-parse's self-contained browser build: the same parser as its Node build, without node: imports, so the domain
// stays free of Node built-ins (the streaming reader of large files is services/contributions/csv-stream.ts).
import { parse, type Options } from 'csv-parse/browser/esm/sync';
import type { DeclarationIssue } from './declaration.js';

/**
 * How every CSV file we take is read (RFC 4180 with csv-parse): quoted cells, doubled quotes, LF, CRLF or CR line
 * ends, a UTF-8 byte-order mark dropped, empty lines skipped, a trailing empty cell kept (`a,b,` is three cells, with
 * or without a final line break). Rows whose cell count differs from the header's are kept: the readers report them
 * with their row number (`rows[3]`). Quotes follow RFC 4180 strictly: a cell holding a quote is quoted as a whole,
 * with the quote doubled (`"5""3"`); anything else refuses the file with the row it is on, rather than guessing.
 */
export const CSV_OPTIONS = {
  bom: true,
  skip_empty_lines: true,
  relax_column_count: true,
} as const satisfies Options;

/** What consumes a file one record at a time: the roster and payment-file readers, the payroll tables. */
export interface CsvSink<R> {
  /** Called for every record in file order; the first is the header. */
  record(cells: string[]): void;
  result(): R;
}

/**
 * A file that is not CSV (a quote never closed, text after a closing quote) as the issue that refuses it, or null for
 * any other error. `rows[n]` counts data rows from 0, as the readers do; a fault in the header is `columns`. Takes
 * the error of either csv-parse build (they are different classes, so it looks at the fields).
 */
export function csvFaultOf(error: unknown): DeclarationIssue | null {
  if (!(error instanceof Error) || !('code' in error) || typeof error.code !== 'string') return null;
  const records = 'records' in error && typeof error.records === 'number' ? error.records : 0;
  const line = 'lines' in error && typeof error.lines === 'number' ? ` (line ${error.lines})` : '';
  const path = records === 0 ? 'columns' : `rows[${records - 1}]`;
  switch (error.code) {
    case 'CSV_QUOTE_NOT_CLOSED':
      return { path, message: `a quoted cell is never closed${line}` };
    case 'CSV_INVALID_CLOSING_QUOTE':
      return { path, message: `a closing quote is followed by other characters${line}; quote the whole cell and double the quotes inside it` };
    case 'INVALID_OPENING_QUOTE':
      return { path, message: `a quote inside an unquoted cell${line}; quote the whole cell and double the quotes inside it` };
    default:
      return error.code.startsWith('CSV_') || error.code.startsWith('INVALID_') ? { path, message: `cannot be read as CSV${line}: ${error.message}` } : null;
  }
}

/**
 * Reads CSV text held in memory record by record into `sink` (records are handed on as they are parsed, not
 * collected). A malformed file stops the reading: what was read so far is in the result, the fault comes apart.
 * For files that are small or already in memory; large uploads go through the streaming reader. Pure.
 */
export function readCsvText<R>(text: string, sink: CsvSink<R>): { result: R; fault: DeclarationIssue | null } {
  const nul = text.indexOf('\u0000');
  const counted = countingSink(sink);
  let fault: DeclarationIssue | null = null;
  try {
    parse(nul === -1 ? text : text.slice(0, text.lastIndexOf('\n', nul) + 1), {
      ...CSV_OPTIONS,
      on_record: (record: string[]) => {
        counted.record(record);
        return null;
      },
    });
  } catch (error) {
    fault = csvFaultOf(error);
    if (fault === null) throw error;
  }
  if (fault === null && nul !== -1) fault = nulFault(counted.records(), text.slice(0, nul).split('\n').length);
  return { result: sink.result(), fault };
}

/**
 * The sink with a count of the records handed to it, so a fault found outside the parser can name its row the way
 * csvFaultOf names the parser's.
 */
export function countingSink<R>(sink: CsvSink<R>): CsvSink<R> & { records(): number } {
  let records = 0;
  return {
    record(cells) {
      records += 1;
      sink.record(cells);
    },
    result: () => sink.result(),
    records: () => records,
  };
}

/**
 * A file holding U+0000 (a NUL byte: a binary or UTF-16 file, or a damaged one) is refused on the line that holds it:
 * no stored text can carry that character (PostgreSQL refuses it), so reading on would only fail later at the write.
 * The readers read the lines before it, as for any other fault; `recordsBefore` counts the header.
 */
export function nulFault(recordsBefore: number, line: number): DeclarationIssue {
  return {
    path: recordsBefore === 0 ? 'columns' : `rows[${recordsBefore - 1}]`,
    message: `line ${line} holds the character U+0000 (a NUL byte), which no stored text can hold`,
  };
}

/**
 * The records of CSV text that holds no quote character, fed chunk by chunk, handed to `sink` exactly as csv-parse
 * with {@link CSV_OPTIONS} hands them (test/domain/contribution/csv-format.test.ts compares both on random texts and
 * chunkings): without quotes a record is a line and a cell what lies between commas. The line end is the first one
 * met (CRLF, LF or CR), as csv-parse discovers it; a CR or LF of another kind stays in its cell; empty lines are
 * skipped. Some five times faster than the parser on rosters (issue 16: a million lines in 15 s), which is why the
 * upload reader takes it for any file without a `"` byte. Pure apart from the sink.
 */
export function unquotedCsvReader(sink: CsvSink<unknown>): { push(text: string): void; end(): void } {
  let lineEnd: string | null = null;
  let rest = '';
  let started = false;
  const emit = (line: string) => {
    if (line !== '') sink.record(line.split(','));
  };
  return {
    push(text) {
      const buffer = started ? rest + text : text.replace(/^\uFEFF/, ''); // a byte-order mark is dropped, as bom: true does
      started = true;
      if (lineEnd === null) {
        const cr = buffer.indexOf('\r');
        const lf = buffer.indexOf('\n');
        const at = cr === -1 ? lf : lf === -1 ? cr : Math.min(cr, lf);
        // A CR at the very end may be the first half of a CRLF: wait for the next chunk.
        if (at === -1 || (buffer[at] === '\r' && at === buffer.length - 1)) {
          rest = buffer;
          return;
        }
        lineEnd = buffer[at] === '\r' ? (buffer[at + 1] === '\n' ? '\r\n' : '\r') : '\n';
      }
      const lines = buffer.split(lineEnd);
      rest = lines.pop()!;
      for (const line of lines) emit(line);
    },
    end() {
      if (lineEnd === null && rest.endsWith('\r')) {
        // The file's only line end is a CR at its very end.
        emit(rest.slice(0, -1));
      } else {
        emit(rest);
      }
      rest = '';
    },
  };
}
