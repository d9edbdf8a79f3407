import { open, mkdir, readFile } from 'node:fs/promises';
import { dirname } from 'node:path';

/**
 * 审计链锚点: the head of one region's audit chain as it stood at a moment, kept outside the database. A chain that
 * later ends before an anchored entry was cut; one whose anchored entry hashes differently was rewritten from there
 * or before (docs/operations.md "Audit chain").
 */
export interface AuditAnchor {
  chain: string;
  chainSeq: number;
  hash: string;
  /** When the head was read (ISO, UTC). */
  anchoredAt: string;
}

/** Where anchors go: somewhere the database's owner cannot rewrite (a write-once volume, a timestamping service). */
export interface AuditAnchorStore {
  append(anchors: readonly AuditAnchor[]): Promise<void>;
  /** Every anchor ever appended, oldest first. */
  all(): Promise<AuditAnchor[]>;
}

/**
 * Anchors as JSON Lines in one append-only file, one object per line with exactly the fields of `AuditAnchor`:
 * `{"chain":"330102","chainSeq":1234,"hash":"<64 hex>","anchoredAt":"2026-12-03T08:00:00.000Z"}`. Mount the folder
 * from a write-once (WORM) volume or ship the file to another host: a copy on the database's own disk proves little.
 * Each append is flushed to disk before it returns.
 */
export class JsonLinesAuditAnchorStore implements AuditAnchorStore {
  constructor(private readonly file: string) {}

  async append(anchors: readonly AuditAnchor[]): Promise<void> {
    if (anchors.length === 0) return;
    await mkdir(dirname(this.file), { recursive: true });
    const handle = await open(this.file, 'a');
    try {
      await handle.write(anchors.map((anchor) => JSON.stringify(anchor)).join('\n') + '\n');
      await handle.sync();
    } finally {
      await handle.close();
    }
  }

  async all(): Promise<AuditAnchor[]> {
    let text: string;
    try {
      text = await readFile(this.file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    }
    return text
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((line, index) => parseAnchor(line, index + 1, this.file));
  }
}

function parseAnchor(line: string, lineNumber: number, file: string): AuditAnchor {
  const value = JSON.parse(line) as Partial<AuditAnchor>;
  const valid =
    typeof value.chain === 'string' &&
    Number.isInteger(value.chainSeq) &&
    typeof value.hash === 'string' &&
    /^[0-9a-f]{64}$/.test(value.hash) &&
    typeof value.anchoredAt === 'string';
  // A damaged anchor file is itself a finding: say where, never skip the line.
  if (!valid) throw new Error(`${file}:${lineNumber}: not an audit anchor: ${line.slice(0, 120)}`);
  return { chain: value.chain!, chainSeq: value.chainSeq!, hash: value.hash!, anchoredAt: value.anchoredAt! };
}
