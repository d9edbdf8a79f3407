import { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import { countingSink, CSV_OPTIONS, csvFaultOf, nulFault, unquotedCsvReader, type CsvSink } from '../../domain/contribution/csv-format.js';
import { decodedChunks, textEncodingOf, UNREADABLE_FILE_MESSAGE, type TextEncoding } from '../../domain/contribution/declaration-csv.js';
import type { DeclarationIssue } from '../../domain/contribution/declaration.js';

/** An upload read: the sink's result and a fault in the CSV, if any — or the bytes were not text at all. */
export type CsvUpload<R> = { ok: true; result: R; fault: DeclarationIssue | null } | { ok: false; issue: DeclarationIssue };

/**
 * Reads an uploaded CSV file into `sink` with csv-parse's streaming parser: decoded a megabyte at a time (UTF-8, else
 * GBK — domain/contribution/declaration-csv.ts) and handed on record by record, so a roster of a million lines is
 * never held a second time as text or as a table of cells; a file without quotes goes the same way through
 * `unquotedCsvReader` (same records, proved against the parser). The per-row checks are the sink's (domain/). A fault in
 * the CSV itself (`rows[n]`, a quote never closed) stops the reading; the sink's result holds the rows before it.
 * Bytes in neither encoding are refused as `file`.
 */
export async function readCsvUpload<R>(bytes: Uint8Array, sink: CsvSink<R>): Promise<CsvUpload<R>> {
  const encoding = textEncodingOf(bytes);
  if (encoding === null) return { ok: false, issue: { path: 'file', message: UNREADABLE_FILE_MESSAGE } };
  // A NUL byte is never part of a UTF-8 or GBK character: the lines before it are read, then its line is the fault.
  const nul = bytes.indexOf(0);
  if (nul === -1) return readCsvBytes(bytes, encoding, sink);
  const counted = countingSink(sink);
  const before = await readCsvBytes(bytes.subarray(0, bytes.lastIndexOf(0x0a, nul) + 1), encoding, counted);
  if (!before.ok || before.fault !== null) return before;
  const line = bytes.subarray(0, nul).reduce((lines, byte) => (byte === 0x0a ? lines + 1 : lines), 1);
  return { ok: true, result: before.result, fault: nulFault(counted.records(), line) };
}

async function readCsvBytes<R>(bytes: Uint8Array, encoding: TextEncoding, sink: CsvSink<R>): Promise<CsvUpload<R>> {
  // Without a quote (0x22 is never part of a multi-byte UTF-8 or GBK character) a record is a line: read by the
  // splitter that gives the parser's records five times faster (issue 16), and no CSV fault is possible.
  if (bytes.indexOf(0x22) === -1) {
    const reader = unquotedCsvReader(sink);
    for (const text of decodedChunks(bytes, encoding)) reader.push(text);
    reader.end();
    return { ok: true, result: sink.result(), fault: null };
  }
  const source = Readable.from(decodedChunks(bytes, encoding));
  // Records go to the sink as the parser makes them (`on_record`), not through the stream's buffer: a fault found
  // later in the same chunk would otherwise discard the rows parsed before it. Nothing is passed downstream.
  const parser = source.pipe(
    parse({
      ...CSV_OPTIONS,
      on_record: (record: string[]) => {
        sink.record(record);
        return null;
      },
    }),
  );
  let fault: DeclarationIssue | null = null;
  try {
    for await (const _ of parser) throw new Error('csv-parse passed a record downstream despite on_record');
  } catch (error) {
    fault = csvFaultOf(error);
    if (fault === null) throw error;
  } finally {
    source.destroy();
  }
  return { ok: true, result: sink.result(), fault };
}
