// A fake counterpart agency on the national transfer platform: the office of a pooling area this system does not
// serve. It reads what this system sent in the real wire format (services/adapters/transfer-exchange.ts) and answers
// with real messages, as the agency would: the information table and the money, a refusal, a confirmation — or
// silence, to make a leg run late. Used by the workflow tests (answers delivered as signals) and the end-to-end tests
// (answers written into the spool's inbox, read by the worker).
import { randomUUID } from 'node:crypto';
import { readdir, readFile, writeFile, mkdir, rename } from 'node:fs/promises';
import { join } from 'node:path';
import { decodeExchangeMessage, encodeExchangeMessage, type SpoolDirectoryTransferExchange } from '../../services/adapters/transfer-exchange.js';
import { toShanghaiIso } from '../../domain/case/deadline-clock.js';
import { EXCHANGE_FORMAT, type ExchangeMessage, type InformationTableYear, type TransferRequestMessage } from '../../domain/transfer/exchange-message.js';
import type { TransferAmounts } from '../../domain/transfer/transfer-reconciliation.js';
import type { TransferInsurance } from '../../domain/transfer/transfer-policy.js';

/** The E3 history as a counterpart's information table: 2010–2018 full years, six months of 2019 (rules E3). */
export const E3_TABLE: InformationTableYear[] = [
  ...(
    [
      [2010, '3000.00'],
      [2011, '3300.00'],
      [2012, '3600.00'],
      [2013, '4000.00'],
      [2014, '4400.00'],
      [2015, '4800.00'],
      [2016, '5200.00'],
      [2017, '5600.00'],
      [2018, '6000.00'],
    ] as const
  ).map(([year, wage]) => ({ year, months: 12, contributionWage: (Number(wage) * 12).toFixed(2) })),
  { year: 2019, months: 6, contributionWage: '39000.00' },
];
export const E3_AMOUNTS: TransferAmounts = { pooledFund: '62136.00', personalAccount: '41424.00' };

export type CounterpartBehaviour =
  /** Sends the information table and the money at once. */
  | 'transferOut'
  /** Refuses with a reason in writing. */
  | 'refuse'
  /** Answers nothing: the leg runs late. */
  | 'silent'
  /** Answers nothing to the first request, then the information table to the second (sent after escalation). */
  | 'lateTransferOut';

/** Inbox documents are read in name order: a running number keeps them in the order they were delivered. */
let delivered = 0;

/** Round trip through the wire format: what an agency sends is what this system reads. */
const onTheWire = (message: ExchangeMessage): ExchangeMessage => decodeExchangeMessage(encodeExchangeMessage(message));

export class FakeCounterpartAgency {
  /** Every message this agency received from us, decoded from the wire format. */
  readonly received: ExchangeMessage[] = [];
  /** Every answer it gave. */
  readonly sent: ExchangeMessage[] = [];

  constructor(
    readonly office: { poolingArea: string; region: string },
    private readonly behaviour: CounterpartBehaviour = 'transferOut',
    private readonly table: { amounts: TransferAmounts; years: InformationTableYear[]; months: number; lastCoveredMonth: string | null } = {
      amounts: E3_AMOUNTS,
      years: E3_TABLE,
      months: 114,
      lastCoveredMonth: '2019-06',
    },
    /** Deliver each answer twice (a platform redelivery) — the second must change nothing. */
    private readonly duplicate = false,
  ) {}

  /** The reference of this agency's own case for the transfer. */
  readonly reference = `NJ${randomUUID().slice(0, 8).toUpperCase()}`;

  /** Reads one of our documents and gives the agency's answers (none, one, or the same answer twice). */
  answer(document: string | ExchangeMessage, nowMs: number): ExchangeMessage[] {
    const message = typeof document === 'string' ? decodeExchangeMessage(document) : onTheWire(document);
    this.received.push(message);
    const reply = (body: Record<string, unknown>): ExchangeMessage =>
      onTheWire({
        format: EXCHANGE_FORMAT,
        messageId: randomUUID(),
        sentAt: toShanghaiIso(nowMs),
        transferId: message.transferId,
        insurance: message.insurance,
        person: message.person,
        from: { ...message.to, reference: this.reference },
        to: message.from,
        ...body,
      } as ExchangeMessage);
    let answers: ExchangeMessage[] = [];
    if (message.type === 'TRANSFER_REQUEST') {
      const requests = this.received.filter((m) => m.type === 'TRANSFER_REQUEST').length;
      const transferOut = () => reply({ type: 'TRANSFER_OUT', ...this.table, paymentId: `${this.reference}:pay` });
      if (this.behaviour === 'transferOut' || (this.behaviour === 'lateTransferOut' && requests >= 2)) answers = [transferOut()];
      if (this.behaviour === 'refuse') answers = [reply({ type: 'TRANSFER_REFUSED', reason: '该人员在本统筹地区无养老保险参保记录' })];
    }
    if (message.type === 'TRANSFER_OUT') answers = [reply({ type: 'TRANSFER_COMPLETED', completedOn: toShanghaiIso(nowMs).slice(0, 10) })];
    if (this.duplicate) answers = answers.flatMap((a) => [a, a]);
    this.sent.push(...answers);
    return answers;
  }

  /** The agency, as a new office, asks this system (the old office) to transfer a person out: its letter of acceptance. */
  request(
    to: { poolingArea: string; region: string },
    person: { citizenId: string; name: string | null },
    insurance: TransferInsurance,
    nowMs: number,
  ): TransferRequestMessage {
    const day = toShanghaiIso(nowMs).slice(0, 10);
    const message = onTheWire({
      format: EXCHANGE_FORMAT,
      type: 'TRANSFER_REQUEST',
      messageId: randomUUID(),
      sentAt: toShanghaiIso(nowMs),
      transferId: this.reference,
      insurance,
      person,
      from: { ...this.office, reference: this.reference },
      to: { ...to, reference: null },
      appliedOn: day,
      acceptedOn: day,
      attempt: 1,
    }) as TransferRequestMessage;
    this.sent.push(message);
    return message;
  }

  /**
   * Serves a spool directory as the platform gateway plus this agency would: every document in our outbox addressed
   * to this agency is answered into the inbox. Returns a stop function.
   */
  serve(exchange: SpoolDirectoryTransferExchange, clock: () => number, everyMs = 100): () => Promise<void> {
    // Documents already in the outbox went to an agency served before this one.
    const seen = new Set<string>();
    let stopped = false;
    const loop = (async () => {
      await mkdir(exchange.outbox, { recursive: true });
      for (const name of await readdir(exchange.outbox)) seen.add(name);
      while (!stopped) {
        await mkdir(exchange.outbox, { recursive: true });
        for (const name of (await readdir(exchange.outbox)).filter((n) => n.endsWith('.json') && !seen.has(n)).sort()) {
          const text = await readFile(join(exchange.outbox, name), 'utf8');
          const message = decodeExchangeMessage(text);
          if (message.to.poolingArea !== this.office.poolingArea) continue;
          seen.add(name);
          for (const answer of this.answer(text, clock())) await this.deliver(exchange, answer);
        }
        await new Promise((resolve) => setTimeout(resolve, everyMs));
      }
    })();
    return async () => {
      stopped = true;
      await loop;
    };
  }

  /** Puts a message into this system's inbox as the platform gateway would (written aside, then moved in). */
  async deliver(exchange: SpoolDirectoryTransferExchange, message: ExchangeMessage): Promise<void> {
    await mkdir(exchange.inbox, { recursive: true });
    delivered += 1;
    const name = `${String(delivered).padStart(8, '0')}-${message.messageId}.json`;
    const aside = join(exchange.root, name);
    await writeFile(aside, encodeExchangeMessage(message), 'utf8');
    await rename(aside, join(exchange.inbox, name));
  }
}
