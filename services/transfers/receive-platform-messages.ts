import type { EntityManager } from '@mikro-orm/postgresql';
import { shanghaiDateOf } from '../../domain/calendar/local-date.js';
import { listServedRegions } from '../../db/queries/region.query.js';
import { loadPersonalAccountPolicy, loadTransferPolicy } from '../../db/queries/settings.query.js';
import { caseOfTransferId, transferRegionOf } from '../../db/queries/transfer.query.js';
import { businessKeyOf, caseIdFor, registerCase } from '../../db/writers/case-intake.js';
import { markExchangeMessageHandled, recordExchangeMessage, unhandledInboundMessages } from '../../db/writers/transfers.js';
import type { ExchangeMessage, TransferRequestMessage } from '../../domain/transfer/exchange-message.js';
import type { TransferInput } from '../../workflows/index.js';
import type { TransferExchange } from '../adapters/transfer-exchange.js';
import type { BusinessClock } from '../business-clock.js';
import type { CaseWorkflows } from '../workflow-port.js';
import { collectOnNextTransfer } from './collect-temporary-account.js';

/** What the inbound platform run needs; the worker's housekeeping runs it as the system. */
export interface PlatformContext {
  em: EntityManager;
  clock: BusinessClock;
  workflows: CaseWorkflows;
  exchange: TransferExchange;
}

export interface PlatformRun {
  /** Documents read from the inbox. */
  received: number;
  /** Messages handed to a running case. */
  delivered: number;
  /** Transfer cases opened for a person moving out (we are the old office). */
  opened: number;
  /** Documents or messages set aside: not in the format, not addressed to a served area, or for no known transfer. */
  rejected: number;
}

/** The business key of a case opened by a counterpart's request: the transfer's platform ID. */
export const platformKeyOf = (transferId: string) => businessKeyOf('transfer', 'platform', transferId);

/**
 * Takes what the national transfer platform delivered (services/adapters/transfer-exchange.ts): each document is
 * recorded once by its message ID — a message delivered twice is one message — and moved out of the inbox; then every
 * recorded message not yet handled goes to its case, or opens one when a counterpart new office asks this system, as
 * the old office, to transfer a person out. A document not in the format is set aside with the reason. Running it
 * twice does no harm.
 */
export async function receivePlatformMessages(ctx: PlatformContext, limit = 100): Promise<PlatformRun> {
  const run: PlatformRun = { received: 0, delivered: 0, opened: 0, rejected: 0 };
  for (const document of await ctx.exchange.receive(limit)) {
    run.received += 1;
    if ('error' in document) {
      await ctx.exchange.acknowledge(document.name, 'rejected', document.error);
      run.rejected += 1;
      continue;
    }
    const m = document.message;
    await recordExchangeMessage(
      ctx.em,
      { messageId: m.messageId, direction: 'in', type: m.type, transferId: m.transferId, caseId: null, counterpart: m.from.poolingArea, body: { ...m } },
      ctx.clock.now(),
    );
    await ctx.exchange.acknowledge(document.name, 'processed');
  }
  const served = new Set((await listServedRegions(ctx.em)).map((r) => r.poolingRegion ?? r.code));
  for (const { messageId, body } of await unhandledInboundMessages(ctx.em, limit)) {
    const m = body as unknown as ExchangeMessage;
    let caseId: string | null = null;
    if (served.has(m.to.poolingArea)) {
      const found = await caseOfTransferId(ctx.em, m.transferId, platformKeyOf(m.transferId));
      if (found) {
        if (!found.closed) await ctx.workflows.deliverTransferMessage(found.caseId, m);
        caseId = found.caseId;
        run.delivered += 1;
      } else if (m.type === 'TRANSFER_REQUEST') {
        caseId = await openOutboundTransfer(ctx, m);
        if (caseId !== null) run.opened += 1;
      }
    }
    if (caseId === null) run.rejected += 1;
    await markExchangeMessageHandled(ctx.em, messageId, caseId, ctx.clock.now());
  }
  return run;
}

/**
 * A counterpart new office asks this system, as the old office, to transfer a person out (its letter of acceptance or
 * transfer request): a case at the old office's region, whose staff send the information table and the money or say
 * why not. Null when the request names a region this system does not hold.
 */
async function openOutboundTransfer(ctx: PlatformContext, m: TransferRequestMessage): Promise<string | null> {
  const old = await transferRegionOf(ctx.em, m.to.region);
  if (!old.served) return null;
  const businessKey = platformKeyOf(m.transferId);
  const { caseId, existing } = await caseIdFor(ctx.em, 'transfer', businessKey, new Set());
  const [person] = await ctx.em.execute<{ name: string }[]>('select name from person where citizen_id = ?', [m.person.citizenId]);
  // 归集: the person moving on collects a temporary pension account kept elsewhere first, as when they apply here (§6.1).
  if (!existing) {
    await ctx.em.transactional((tx) =>
      collectOnNextTransfer({ clock: ctx.clock, by: { id: 'platform', role: 'system' } }, tx, {
        citizenId: m.person.citizenId,
        insurance: m.insurance,
        fromPoolingArea: old.poolingArea,
        byCase: caseId,
      }),
    );
  }
  const row =
    existing ??
    (await registerCase(ctx.em, caseId, {
      type: 'transfer',
      businessKey,
      region: old.code,
      citizenId: m.person.citizenId,
      employerCreditCode: null,
      applicantId: 'platform',
      applicantRole: 'system',
      subjectName: person?.name ?? m.person.name,
      summary: { insurance: m.insurance, fromRegion: old.code, toRegion: m.from.region, transferId: m.transferId },
      requestId: null,
      now: ctx.clock.now(),
    }));
  if (row.closedAt !== null) return row.caseId;
  const input: TransferInput = {
    caseId: row.caseId,
    reference: row.reference,
    application: {
      citizenId: m.person.citizenId,
      personName: person?.name ?? m.person.name,
      insurance: m.insurance,
      fromRegion: old.code,
      toRegion: m.from.region,
      fromPoolingArea: old.poolingArea,
      toPoolingArea: m.from.poolingArea,
      approvedTransfer: false,
      appliedOn: shanghaiDateOf(Date.parse(row.openedAt)),
    },
    role: 'old',
    offices: {
      old: { region: old.code, poolingArea: old.poolingArea, served: true },
      new: { region: m.from.region, poolingArea: m.from.poolingArea, served: false },
    },
    platform: { transferId: m.transferId, counterpartReference: m.from.reference },
    submittedBy: { id: 'platform', role: 'system' },
    policy: await loadTransferPolicy(ctx.em),
    accountInterest: await loadPersonalAccountPolicy(ctx.em),
  };
  await ctx.workflows.startTransfer(input);
  return row.caseId;
}
