import { createHash, randomUUID } from 'node:crypto';
import { mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** What an attachment may be: documents and photos, told apart by their first bytes, not by what the client claims. */
export const ATTACHMENT_TYPES = {
  'application/pdf': [0x25, 0x50, 0x44, 0x46, 0x2d], // %PDF-
  'image/jpeg': [0xff, 0xd8, 0xff],
  'image/png': [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
} as const satisfies Record<string, readonly number[]>;
export type AttachmentMediaType = keyof typeof ATTACHMENT_TYPES;

/** 10 MiB: a scanned multi-page letter fits; a video does not. */
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;

/** The media type the content really is, or null when it is none of the allowed ones. */
export function sniffMediaType(bytes: Uint8Array): AttachmentMediaType | null {
  for (const [type, magic] of Object.entries(ATTACHMENT_TYPES) as [AttachmentMediaType, readonly number[]][]) {
    if (magic.every((byte, i) => bytes[i] === byte)) return type;
  }
  return null;
}

/**
 * Content-addressed file store: bytes live at `<root>/<sha256>`, so an upload retried or sent twice is stored once
 * and a file can be checked against its checksum when read. Written to a temporary name and renamed, so a reader
 * never sees half a file. The root comes from configuration (`<DATA_DIR>/attachments`), tests pass their own.
 */
export class AttachmentStore {
  constructor(private readonly root: string) {}

  async put(bytes: Uint8Array): Promise<{ sha256: string; size: number }> {
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const path = join(this.root, sha256);
    const exists = await stat(path).then(
      () => true,
      () => false,
    );
    if (!exists) {
      await mkdir(this.root, { recursive: true });
      const temporary = join(this.root, `.${sha256}.${randomUUID()}`);
      await writeFile(temporary, bytes);
      await rename(temporary, path);
    }
    return { sha256, size: bytes.byteLength };
  }

  /** The bytes, refused when they no longer match their checksum (a damaged or tampered file is never served). */
  async get(sha256: string): Promise<Uint8Array> {
    if (!/^[0-9a-f]{64}$/.test(sha256)) throw new Error('not a sha256');
    const bytes = await readFile(join(this.root, sha256));
    if (createHash('sha256').update(bytes).digest('hex') !== sha256) throw new Error(`attachment ${sha256} fails its checksum`);
    return bytes;
  }
}
