import { randomUUID } from 'node:crypto';
import { link, mkdir, readFile, readdir, rename, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { DomainError, invalidInput } from '../../domain/errors.js';
import { isCitizenId } from '../../domain/identity/citizen-id.js';
import { isRegionCode } from '../../domain/region-code.js';
import { EXCHANGE_FORMAT, type ExchangeMessage } from '../../domain/transfer/exchange-message.js';
import { TRANSFER_INSURANCES } from '../../domain/transfer/transfer-policy.js';

/**
 * The exchange adapter for the national transfer platform (全国社会保险关系转移系统): how this system talks to an
 * agency of a pooling area it does not serve. The wire format — one JSON document per message, `cn-si-transfer/1` — is
 * described in docs/transfers.md; this module writes and reads it, and refuses a document that does not match it.
 */

const Month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, { error: 'must be a month YYYY-MM' });
const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'must be a date YYYY-MM-DD' });
const Amount = z.string().regex(/^(0|[1-9]\d{0,15})\.\d{2}$/, { error: 'must be a decimal string with two places, e.g. "8000.00"' });
const Region = z.string().refine(isRegionCode, { error: 'must be a GB/T 2260 region code' });

const Party = z.object({ poolingArea: Region, region: Region, reference: z.string().min(1).max(32).nullable() });

const Base = z.object({
  format: z.literal(EXCHANGE_FORMAT),
  messageId: z.uuid(),
  sentAt: z.iso.datetime({ offset: true }),
  transferId: z.string().min(1).max(32),
  insurance: z.enum(TRANSFER_INSURANCES),
  person: z.object({
    citizenId: z.string().refine((id) => isCitizenId(id), { error: 'must be a valid citizen ID number' }),
    name: z.string().max(50).nullable(),
  }),
  from: Party,
  to: Party,
});

const Message = z.discriminatedUnion('type', [
  Base.extend({ type: z.literal('TRANSFER_REQUEST'), appliedOn: Day, acceptedOn: Day.nullable(), attempt: z.number().int().min(1).max(99) }),
  Base.extend({
    type: z.literal('TRANSFER_OUT'),
    amounts: z.object({ pooledFund: Amount, personalAccount: Amount }),
    paymentId: z.string().min(1).max(64),
    years: z
      .array(
        z.object({
          year: z.number().int().min(1951).max(9999),
          months: z.number().int().min(1).max(12),
          contributionWage: Amount,
          poolingArea: z
            .string()
            .regex(/^\d{6}$/)
            .optional(),
        }),
      )
      .max(160),
    months: z.number().int().min(0).max(1200),
    lastCoveredMonth: Month.nullable(),
  }),
  Base.extend({ type: z.literal('TRANSFER_REFUSED'), reason: z.string().min(1).max(500) }),
  Base.extend({ type: z.literal('TRANSFER_COMPLETED'), completedOn: Day }),
]);

/** The document as it travels: UTF-8 JSON, one message per document. */
export function encodeExchangeMessage(message: ExchangeMessage): string {
  return `${JSON.stringify(Message.parse(message), null, 2)}\n`;
}

/**
 * Reads one document; a document that does not match the format is refused naming every field at fault
 * (VALIDATION_FAILED), so it is set aside instead of reaching a case.
 */
export function decodeExchangeMessage(text: string): ExchangeMessage {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw invalidInput([{ path: '', message: 'is not JSON' }]);
  }
  const parsed = Message.safeParse(json);
  if (!parsed.success) throw invalidInput(parsed.error.issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message })));
  return parsed.data;
}

/** A document found in the inbox: its message, or why it cannot be read. */
export type InboundDocument = { name: string; message: ExchangeMessage } | { name: string; error: string };

/** The port behind which platform messages leave and arrive. `send` is idempotent by message ID. */
export interface TransferExchange {
  send(message: ExchangeMessage): Promise<void>;
  /** Documents waiting in the inbox, oldest first. */
  receive(limit?: number): Promise<InboundDocument[]>;
  /** Moves a document out of the inbox once it is recorded (`processed`) or refused (`rejected`, with the reason). */
  acknowledge(name: string, outcome: 'processed' | 'rejected', note?: string): Promise<void>;
}

/**
 * A spool directory shared with the platform's gateway: outgoing documents are written to `outbox/<messageId>.json`
 * (written under a hidden temporary name and linked into place, so the gateway never reads half a file; an existing
 * file is left as it is, so a retried send writes once); incoming ones are read from `inbox/` and moved to `inbox/processed/` or
 * `inbox/rejected/` (with a `.reason.txt` beside it) once handled.
 */
export class SpoolDirectoryTransferExchange implements TransferExchange {
  readonly outbox: string;
  readonly inbox: string;

  constructor(readonly root: string) {
    this.outbox = join(root, 'outbox');
    this.inbox = join(root, 'inbox');
  }

  async send(message: ExchangeMessage): Promise<void> {
    await mkdir(this.outbox, { recursive: true });
    const target = join(this.outbox, `${message.messageId}.json`);
    const temporary = join(this.outbox, `.${message.messageId}.${randomUUID()}.partial`);
    await writeFile(temporary, encodeExchangeMessage(message), 'utf8');
    try {
      // A hard link never replaces an existing file: a retried send of the same message leaves the first one.
      await link(temporary, target);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    } finally {
      await unlink(temporary);
    }
  }

  async receive(limit = 100): Promise<InboundDocument[]> {
    await mkdir(this.inbox, { recursive: true });
    const names = (await readdir(this.inbox, { withFileTypes: true }))
      .filter((entry) => entry.isFile() && entry.name.endsWith('.json'))
      .map((entry) => entry.name)
      .sort()
      .slice(0, limit);
    const documents: InboundDocument[] = [];
    for (const name of names) {
      try {
        documents.push({ name, message: decodeExchangeMessage(await readFile(join(this.inbox, name), 'utf8')) });
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        const fields = (error.issues ?? []).map((issue) => `${issue.path || '(document)'}: ${issue.message}`);
        documents.push({ name, error: [error.message, ...fields].join('\n') });
      }
    }
    return documents;
  }

  async acknowledge(name: string, outcome: 'processed' | 'rejected', note?: string): Promise<void> {
    const folder = join(this.inbox, outcome);
    await mkdir(folder, { recursive: true });
    try {
      await rename(join(this.inbox, name), join(folder, name));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return; // another worker moved it already
      throw error;
    }
    if (note !== undefined) await writeFile(join(folder, `${name}.reason.txt`), `${note}\n`, 'utf8');
  }
}
