import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { MikroORM } from '@mikro-orm/postgresql';
import { Client, Connection } from '@temporalio/client';
import { DefaultLogger, NativeConnection, Runtime, Worker } from '@temporalio/worker';
import {
  ensureArrearsSweepSchedule,
  ensureMissedInstalmentSweepSchedule,
  ensureSupervisionSweepSchedule,
  ensureVerificationSweepSchedule,
} from '../services/temporal/schedules.js';
import { createActivities } from '../activities/index.js';
import type { NoticeChannel } from '../services/adapters/notice-channel.js';
import { SpoolDirectoryTransferExchange, type TransferExchange } from '../services/adapters/transfer-exchange.js';
import { temporalCaseWorkflows } from '../services/temporal/temporal-case-workflows.js';
import { receivePlatformMessages } from '../services/transfers/receive-platform-messages.js';
import { dispatchPendingNotices } from '../services/notices/dispatch-notices.js';
import { releaseExpiredLeases } from '../db/writers/task-store.js';
import { systemClock, type BusinessClock } from '../services/business-clock.js';
import type { Tracing } from '../services/telemetry/tracing.js';
import type { AuditAnchorStore } from '../services/adapters/audit-anchor-store.js';
import { anchorAuditChains } from '../services/audit/anchor-audit-chains.js';
import { renderPendingOfficialDocuments } from '../services/documents/render-official-documents.js';
import { redactPersonalIds } from '../api/middleware/access-log.js';
import { startPeriodicRound, type PeriodicRound } from './periodic-round.js';

export interface WorkerOptions {
  orm: MikroORM;
  temporalAddress: string;
  namespace: string;
  taskQueue: string;
  notices: NoticeChannel;
  /** How often the housekeeping loop delivers notices and frees expired claims. */
  housekeepingMs?: number;
  /** Ensure the daily arrears sweep schedule (issue 3); off for test workers on throwaway task queues. */
  arrearsSweepSchedule?: boolean;
  /** Ensure the daily verification and missed-instalment sweep schedules (待遇资格认证, 催收; issue 12); off for test workers too. */
  verificationSweepSchedule?: boolean;
  /** The business clock of the activities and the housekeeping loop (default: the system clock). */
  clock?: BusinessClock;
  /** The national transfer platform's spool (default: `.data/transfer-exchange`); the housekeeping loop reads its inbox. */
  exchange?: TransferExchange;
  /**
   * A workflow bundle built ahead (`bundleWorkflowCode`, written to a file): the worker then starts in a second
   * instead of bundling `workflows/` again. Production images and the crash drill, which restarts workers often, use it.
   */
  workflowBundlePath?: string;
  /**
   * OpenTelemetry traces (services/telemetry/tracing.ts): activity and workflow spans joining the trace of the request
   * that started the workflow. A bundle built ahead must include the workflow interceptor module itself.
   */
  tracing?: Tracing;
  /** Copy the audit chains' heads to this store every `everyMs` (审计链锚定); off for test workers. */
  auditAnchors?: { store: AuditAnchorStore; everyMs: number };
  /**
   * Render the official documents (正式文书) of new notices off the request path: every `everyMs`, at most `batch`
   * of the oldest notices not rendered yet (DOCUMENT_RENDER_BATCH, docs/operations.md). Off when absent or `batch` is
   * 0: the documents listing then renders a case's letters on demand (test workers, which should not spend CPU on
   * every notice of a run).
   */
  documentRendering?: { batch: number; everyMs: number };
  /** How long shutdown waits for a housekeeping round under way before it closes anyway (default `roundStopWaitMs`). */
  roundStopWaitMs?: number;
  /** The sticky cache's size (WORKER_MAX_CACHED_WORKFLOWS): bounds the worker's memory whatever the open cases. */
  maxCachedWorkflows?: number;
}

/**
 * Sets the Temporal SDK's own log level for this process (it logs every worker state change at INFO). Only the first
 * call takes effect: the SDK runtime is installed once per process.
 */
export function installSdkLogging(level: 'DEBUG' | 'INFO' | 'WARN' | 'ERROR'): void {
  try {
    Runtime.install({ logger: new DefaultLogger(level) });
  } catch {
    // Already installed (by an earlier call or a worker created before): keep it.
  }
}

export const workflowsPath = fileURLToPath(new URL('../workflows/sandbox-entry.ts', import.meta.url));

/**
 * Runs the Temporal worker (workflows + activities), the housekeeping loop (notice outbox delivery, expired claim
 * leases, the transfer platform's inbox) and, when asked, the audit anchors' and the official documents' rounds.
 * `shutdown()` drains in-flight tasks and waits for the rounds under way (bin/periodic-round.ts, bounded), then closes
 * the connections; the caller closes the ORM after it.
 */
export async function startWorker(options: WorkerOptions): Promise<{ shutdown(): Promise<void> }> {
  const clock = options.clock ?? systemClock;
  const exchange = options.exchange ?? new SpoolDirectoryTransferExchange(join('.data', 'transfer-exchange'));
  const connection = await NativeConnection.connect({ address: options.temporalAddress });
  const worker = await Worker.create({
    connection,
    namespace: options.namespace,
    taskQueue: options.taskQueue,
    ...(options.workflowBundlePath ? { workflowBundle: { codePath: options.workflowBundlePath } } : { workflowsPath }),
    ...(options.maxCachedWorkflows !== undefined && { maxCachedWorkflows: options.maxCachedWorkflows }),
    activities: createActivities({ orm: options.orm, notices: options.notices, clock, exchange }),
    plugins: options.tracing ? [options.tracing.plugin] : [],
  });
  const running = worker.run();
  if (options.arrearsSweepSchedule || options.verificationSweepSchedule) {
    const scheduling = await Connection.connect({ address: options.temporalAddress });
    const client = new Client({ connection: scheduling, namespace: options.namespace });
    try {
      if (options.arrearsSweepSchedule) {
        await ensureArrearsSweepSchedule(client, options.taskQueue);
        await ensureSupervisionSweepSchedule(client, options.taskQueue);
      }
      if (options.verificationSweepSchedule) {
        await ensureVerificationSweepSchedule(client, options.taskQueue);
        await ensureMissedInstalmentSweepSchedule(client, options.taskQueue);
      }
    } finally {
      await scheduling.close();
    }
  }
  // Platform messages reach their cases as signals: the housekeeping loop needs a client of its own.
  const signalling = await Connection.connect({ address: options.temporalAddress });
  const workflows = temporalCaseWorkflows(new Client({ connection: signalling, namespace: options.namespace }), options.taskQueue);
  const rounds: PeriodicRound[] = [
    startPeriodicRound({
      name: 'housekeeping',
      everyMs: options.housekeepingMs ?? 2_000,
      round: async (stopped) => {
        await dispatchPendingNotices(options.orm, options.notices);
        if (stopped()) return;
        await releaseExpiredLeases(options.orm.em.fork(), clock.now());
        if (stopped()) return;
        await receivePlatformMessages({ em: options.orm.em.fork(), clock, workflows, exchange });
      },
      onError: (error) => console.error('[worker] housekeeping failed', error),
    }),
  ];
  if (options.auditAnchors) rounds.push(startAuditAnchoring(options.orm, clock, options.auditAnchors));
  if (options.documentRendering?.batch) rounds.push(startDocumentRendering(options.orm, clock, options.documentRendering));
  return {
    async shutdown() {
      // The rounds finish (bounded) while the worker drains its tasks; only then do the connections and the ORM close.
      worker.shutdown();
      await Promise.all(rounds.map((round) => round.stop(options.roundStopWaitMs)));
      await running;
      await connection.close();
      await signalling.close();
    },
  };
}

/** The audit chains' heads to the anchor store at start and then every `everyMs`; a failed round is logged and retried. */
function startAuditAnchoring(orm: MikroORM, clock: BusinessClock, anchors: { store: AuditAnchorStore; everyMs: number }): PeriodicRound {
  return startPeriodicRound({
    name: 'audit anchoring',
    everyMs: anchors.everyMs,
    atStart: true,
    round: () => anchorAuditChains({ em: orm.em.fork(), clock, store: anchors.store }),
    onError: (error) => console.error('[worker] audit anchoring failed', error),
  });
}

/**
 * The official documents' round (issue 14): every `everyMs`, the oldest `batch` notices not rendered yet and not
 * claimed by another worker's round, one letter at a time; a round that rendered something says so, a letter that
 * failed is logged by notice id (ID numbers redacted from the error) and tried again next round. Stopping ends the
 * round under way after its current letter.
 */
function startDocumentRendering(orm: MikroORM, clock: BusinessClock, rendering: { batch: number; everyMs: number }): PeriodicRound {
  const described = (error: unknown) => redactPersonalIds(error instanceof Error ? (error.stack ?? error.message) : String(error));
  return startPeriodicRound({
    name: 'official documents',
    everyMs: rendering.everyMs,
    round: async (stopped) => {
      const { rendered, failed } = await renderPendingOfficialDocuments(orm.em.fork(), clock, rendering.batch, {
        stopped,
        onFailure: (noticeId, error) => console.error(`[worker] official document of notice ${noticeId} failed: ${described(error)}`),
        onMismatch: (noticeId) =>
          console.warn(`[worker] official document of notice ${noticeId} is stored with other bytes than it renders to now; kept as issued`),
      });
      if (rendered > 0 || failed > 0) console.log(`[worker] official documents: ${rendered} rendered, ${failed} failed`);
    },
    onError: (error) => console.error(`[worker] official document rendering failed: ${described(error)}`),
  });
}
