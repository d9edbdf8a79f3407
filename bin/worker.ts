// The worker alone (production topology: see docker-compose.yml). Needs DATABASE_URL and TEMPORAL_ADDRESS.
import { join } from 'node:path';
import { JsonLinesAuditAnchorStore } from '../services/adapters/audit-anchor-store.js';
import { SpoolFileNoticeChannel } from '../services/adapters/notice-channel.js';
import { SpoolDirectoryTransferExchange } from '../services/adapters/transfer-exchange.js';
import { createOrm } from '../db/orm.js';
import { loadConfig } from './config.js';
import { tracingFromEnvironment } from '../services/telemetry/tracing.js';
import { startWorker } from './worker-runtime.js';

const config = loadConfig();
if (!config.db.url || !config.temporal.address) throw new Error('bin/worker.ts needs DATABASE_URL and TEMPORAL_ADDRESS');
const orm = await createOrm(config.db.url);
// Traces over OTLP when OTEL_EXPORTER_OTLP_ENDPOINT is set (docs/operations.md "Traces").
const tracing = tracingFromEnvironment('worker');
const worker = await startWorker({
  orm,
  temporalAddress: config.temporal.address,
  namespace: config.temporal.namespace,
  taskQueue: config.temporal.taskQueue,
  notices: new SpoolFileNoticeChannel(join(config.dataDir, 'notices', 'outbox.jsonl')),
  // The national transfer platform's gateway reads outbox/ and delivers into inbox/ (docs/transfers.md).
  exchange: new SpoolDirectoryTransferExchange(join(config.dataDir, 'transfer-exchange')),
  arrearsSweepSchedule: true,
  verificationSweepSchedule: true,
  workflowBundlePath: config.workflowBundlePath,
  ...(config.maxCachedWorkflows !== undefined && { maxCachedWorkflows: config.maxCachedWorkflows }),
  auditAnchors: { store: new JsonLinesAuditAnchorStore(config.auditAnchors.file), everyMs: config.auditAnchors.everyMs },
  documentRendering: config.documentRendering,
  ...(tracing && { tracing }),
});
console.log(`[worker] polling task queue ${config.temporal.taskQueue} on ${config.temporal.address}`);
const stop = async () => {
  await worker.shutdown();
  await tracing?.shutdown();
  await orm.close();
  process.exit(0);
};
process.once('SIGINT', () => void stop());
process.once('SIGTERM', () => void stop());
