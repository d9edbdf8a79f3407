// The exchange adapter for the national transfer platform (services/adapters/transfer-exchange.ts): the wire format
// `cn-si-transfer/1` read and written, and the spool directory shared with the platform's gateway.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DomainError } from '../../../domain/errors.js';
import type { TransferRefusedMessage } from '../../../domain/transfer/exchange-message.js';
import { decodeExchangeMessage, encodeExchangeMessage, SpoolDirectoryTransferExchange } from '../../../services/adapters/transfer-exchange.js';
import { citizenId } from '../../support/factories.js';

const refusal = (): TransferRefusedMessage => ({
  format: 'cn-si-transfer/1',
  type: 'TRANSFER_REFUSED',
  messageId: randomUUID(),
  sentAt: '2026-12-04T10:15:00+08:00',
  transferId: 'TR2026000007',
  insurance: 'pension',
  person: { citizenId: citizenId(), name: '陈转移' },
  from: { poolingArea: '320100', region: '320102', reference: 'NJ-42' },
  to: { poolingArea: '330200', region: '330212', reference: 'TR2026000007' },
  reason: '无参保记录',
});

describe('the platform wire format and spool (services/adapters/transfer-exchange.ts)', () => {
  const dirs: string[] = [];
  const spool = () => {
    const dir = mkdtempSync(join(tmpdir(), 'sis-spool-'));
    dirs.push(dir);
    return new SpoolDirectoryTransferExchange(dir);
  };
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  it('reads back exactly what it writes (docs/transfers.md, cn-si-transfer/1)', () => {
    const message = refusal();
    expect(decodeExchangeMessage(encodeExchangeMessage(message))).toEqual(message);
  });

  it('refuses a document out of the format, naming every field at fault', () => {
    const bad = { ...refusal(), messageId: 'x', insurance: 'workInjury', from: { poolingArea: '12', region: '320102', reference: null } };
    let caught: unknown;
    try {
      decodeExchangeMessage(JSON.stringify(bad));
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(DomainError);
    expect((caught as DomainError).issues?.map((i) => i.path).sort()).toEqual(['from.poolingArea', 'insurance', 'messageId']);
    expect(() => decodeExchangeMessage('{not json')).toThrow(DomainError);
    const money = {
      ...refusal(),
      type: 'TRANSFER_OUT',
      amounts: { pooledFund: 62136, personalAccount: '41424.00' },
      paymentId: 'p',
      years: [],
      months: 0,
      lastCoveredMonth: null,
    };
    expect(() => decodeExchangeMessage(JSON.stringify(money))).toThrow(/fields are wrong|amounts/);
  });

  it('writes a message once to the outbox however often it is sent, and never a half-written file', async () => {
    const exchange = spool();
    const message = refusal();
    await exchange.send(message);
    await exchange.send({ ...message, reason: 'a retry that must not replace the first' });
    expect(await readdir(exchange.outbox)).toEqual([`${message.messageId}.json`]);
    expect(decodeExchangeMessage(await readFile(join(exchange.outbox, `${message.messageId}.json`), 'utf8'))).toMatchObject({ reason: '无参保记录' });
  });

  it('reads the inbox in name order and moves each document to processed/ or rejected/ with the reason', async () => {
    const exchange = spool();
    await mkdir(exchange.inbox, { recursive: true });
    const good = refusal();
    await writeFile(join(exchange.inbox, '001.json'), encodeExchangeMessage(good));
    await writeFile(join(exchange.inbox, '002.json'), '{"format":"cn-si-transfer/1"}');
    const documents = await exchange.receive();
    expect(documents.map((d) => d.name)).toEqual(['001.json', '002.json']);
    expect(documents[0]).toEqual({ name: '001.json', message: good });
    const bad = documents[1]!;
    expect('error' in bad && bad.error).toMatch(/type|messageId/);
    await exchange.acknowledge('001.json', 'processed');
    await exchange.acknowledge('002.json', 'rejected', 'error' in bad ? bad.error : '');
    await exchange.acknowledge('002.json', 'rejected', 'again'); // another worker got there first: no error
    expect(await readdir(join(exchange.inbox, 'processed'))).toEqual(['001.json']);
    expect((await readdir(join(exchange.inbox, 'rejected'))).sort()).toEqual(['002.json', '002.json.reason.txt']);
    expect(await readFile(join(exchange.inbox, 'rejected', '002.json.reason.txt'), 'utf8')).toMatch(/type|messageId/);
    expect(await exchange.receive()).toEqual([]);
  });
});
