// `npm run audit:verify [-- --region 330102]`: verifies the hash chain of the audit log (docs/operations.md "Audit
// chain") on DATABASE_URL — or on the embedded PostgreSQL of a running `npm start` — and prints, per region, how many
// entries hold and the first broken link, checking the heads anchored outside the database (AUDIT_ANCHOR_FILE) too.
// Exits 1 when any chain is broken, so a cron job or CI step can alarm on it.
import { parseArgs } from 'node:util';
import { createOrm } from '../db/orm.js';
import { allAuditChains } from '../db/queries/audit-chain.query.js';
import { JsonLinesAuditAnchorStore } from '../services/adapters/audit-anchor-store.js';
import { verifyAuditChain } from '../services/audit/audit-chain-verifier.js';
import { loadConfig } from './config.js';
import { DEV_DATABASE_URL } from './tools/dev-locations.js';

const { values: flags } = parseArgs({ options: { region: { type: 'string', multiple: true } } });
const config = loadConfig();
const url = config.db.url ?? DEV_DATABASE_URL;
if (!config.db.url) console.error(`[audit] DATABASE_URL is not set: verifying npm start's database at 127.0.0.1:54329`);
const orm = await createOrm(url);
let broken = 0;
try {
  const em = orm.em.fork();
  // The heads copied outside the database (the worker, `npm run audit:anchor`): they catch a cut or rewritten end.
  const anchors = await new JsonLinesAuditAnchorStore(config.auditAnchors.file).all();
  console.log(`${anchors.length} anchors in ${config.auditAnchors.file}`);
  const chains = flags.region ?? (await allAuditChains(em));
  for (const chain of chains) {
    const verdict = await verifyAuditChain(em, chain, {
      anchors,
      onProgress: (checked) => process.stderr.write(`\r[audit] ${chain}: ${checked.toLocaleString('en')} entries checked`),
    });
    process.stderr.write('\n');
    const link = verdict.firstBroken;
    if (link === null) {
      console.log(`${chain}: intact, ${verdict.checked} entries (head #${verdict.lastGoodSeq})`);
    } else {
      broken += 1;
      console.log(
        `${chain}: BROKEN at entry id ${link.entryId} (#${link.chainSeq}, ${link.at}) — ${link.reason}: ${link.explanation}; ${verdict.checked} entries before it hold`,
      );
    }
  }
  console.log(broken === 0 ? `all ${chains.length} chains intact` : `${broken} of ${chains.length} chains broken`);
} finally {
  await orm.close();
}
process.exit(broken === 0 ? 0 : 1);
