// The API alone (production topology: see docker-compose.yml). Needs DATABASE_URL and TEMPORAL_ADDRESS.
import { createOrm } from '../db/orm.js';
import { migrateToLatest } from '../db/migrator.js';
import { startApiServer } from '../api/server.js';
import { tokenVerifierFor } from '../api/auth/select-verifier.js';
import { JsonLinesAuditAnchorStore } from '../services/adapters/audit-anchor-store.js';
import { loadConfig } from './config.js';
import { tracingFromEnvironment } from '../services/telemetry/tracing.js';

const config = loadConfig();
if (!config.db.url || !config.temporal.address) throw new Error('bin/api.ts needs DATABASE_URL and TEMPORAL_ADDRESS');
const orm = await createOrm(config.db.url);
// Traces over OTLP when OTEL_EXPORTER_OTLP_ENDPOINT is set (docs/operations.md "Traces").
const tracing = tracingFromEnvironment('api');
await migrateToLatest(orm); // safe on every start: applies only what is missing, under a lock-free single runner
const server = await startApiServer({
  orm,
  temporal: { address: config.temporal.address, namespace: config.temporal.namespace, taskQueue: config.temporal.taskQueue },
  port: config.http.port,
  jwtSecret: config.auth.jwtSecret,
  verifyToken: await tokenVerifierFor(config.auth),
  rateLimits: config.rateLimits,
  devSignIn: config.demoSignIn,
  dataDir: config.dataDir,
  auditAnchors: new JsonLinesAuditAnchorStore(config.auditAnchors.file),
  ...(tracing && { tracing }),
});
console.log(
  `[api] listening on ${server.url} (docs: ${server.url}/docs; sign-in: ${config.auth.mode === 'oidc' ? `identity provider ${config.auth.issuer}` : 'HS256 secret'}${config.demoSignIn ? ', demo identities on' : ''})`,
);
const stop = async () => {
  await server.close();
  await tracing?.shutdown();
  await orm.close();
  process.exit(0);
};
process.once('SIGINT', () => void stop());
process.once('SIGTERM', () => void stop());
