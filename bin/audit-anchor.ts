// `npm run audit:anchor`: copies the head of every audit chain that grew since its last anchor to AUDIT_ANCHOR_FILE
// (docs/operations.md "Audit chain"), on DATABASE_URL or npm start's database. The worker does the same every
// AUDIT_ANCHOR_EVERY_MINUTES; this is for cron on a host that keeps the file away from the database's.
import { createOrm } from '../db/orm.js';
import { JsonLinesAuditAnchorStore } from '../services/adapters/audit-anchor-store.js';
import { anchorAuditChains } from '../services/audit/anchor-audit-chains.js';
import { systemClock } from '../services/business-clock.js';
import { loadConfig } from './config.js';
import { DEV_DATABASE_URL } from './tools/dev-locations.js';

const config = loadConfig();
const orm = await createOrm(config.db.url ?? DEV_DATABASE_URL);
try {
  const written = await anchorAuditChains({ em: orm.em.fork(), clock: systemClock, store: new JsonLinesAuditAnchorStore(config.auditAnchors.file) });
  for (const anchor of written) console.log(`${anchor.chain}: head #${anchor.chainSeq} ${anchor.hash.slice(0, 12)}… anchored`);
  console.log(`${written.length} chains anchored to ${config.auditAnchors.file}`);
} finally {
  await orm.close();
}
