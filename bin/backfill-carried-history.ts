// `npm run backfill:carried-history`: writes what completed transfers carried into a served place for those that have
// no row yet (issue 11 multi-hop; db/writers/transfer-carried-backfill.ts), and prints each with its reconciliation.
// The migration Migration20261204194000 runs it once; running it again writes nothing new.
import { createOrm } from '../db/orm.js';
import { runCarriedHistoryBackfill } from '../db/migrator.js';
import { loadConfig } from './config.js';

const config = loadConfig();
if (!config.db.url) throw new Error('npm run backfill:carried-history needs DATABASE_URL');
const orm = await createOrm(config.db.url);
try {
  const report = await runCarriedHistoryBackfill(orm);
  for (const w of report.written) {
    const balanced = w.reconciliation === null ? 'no ledger to reconcile' : w.reconciliation.balanced ? 'reconciled' : 'NOT reconciled';
    console.log(
      `${w.reference} ${w.insurance} ${w.from} → ${w.into} through ${w.through}: ${w.months} months, carried ${JSON.stringify(w.carried)}, moved ${JSON.stringify(w.moved)} — ${balanced}`,
    );
  }
  for (const s of report.skipped) console.log(`${s.reference}: not back-filled, ${s.reason}`);
  console.log(`${report.written.length} transfers back-filled, ${report.skipped.length} left as they were`);
} finally {
  await orm.close();
}
