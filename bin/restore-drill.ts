// `npm run restore:drill [-- --cases <n>]`: the backup-and-restore drill (bin/backup/restore-drill.ts) on a history of
// <n> closed cases (default 1,000,000), printing RPO and RTO. Exits 1 when the restored system does not reconcile.
import { arch, cpus, totalmem } from 'node:os';
import { runRestoreDrill } from './backup/restore-drill.js';

const casesArg = process.argv.indexOf('--cases');
const historicCases = casesArg > 0 ? Number(process.argv[casesArg + 1]) : 1_000_000;
if (!Number.isInteger(historicCases) || historicCases < 0) throw new Error('--cases takes a whole number');
const say = (line: string) => process.stdout.write(`[drill] ${line}\n`);

const r = await runRestoreDrill({ historicCases, finishedCases: 20, waitingCases: 10, writesAfterBackup: 3, say });
console.log(`
restore drill — ${new Date().toISOString()} — ${cpus().length} × ${cpus()[0]?.model ?? '?'} (${arch()}), ${(totalmem() / 2 ** 30).toFixed(0)} GiB, node ${process.version}
command: npm run restore:drill${casesArg > 0 ? ` -- --cases ${historicCases}` : ''}
  case rows                 ${r.caseRows}
  backup                    ${r.backupSeconds.toFixed(1)} s, ${r.backupMiB.toFixed(1)} MiB (database snapshot + Temporal state, while running)
  RTO                       ${r.rtoSeconds.toFixed(1)} s (servers destroyed → restored → a decision taken on a restored case: HTTP ${r.decisionAfterRestore})
  RPO                       ${r.rpoSeconds.toFixed(1)} s (age of the snapshot at the destruction); acknowledged writes lost: ${r.writesLost}
  open cases w/o workflow   ${r.openCasesWithoutWorkflow}
  workflows w/o case        ${r.workflowsWithoutCase}
  tables differing          ${r.tablesDiffering.length === 0 ? 0 : r.tablesDiffering.join('; ')}
`);
process.exit(r.openCasesWithoutWorkflow === 0 && r.workflowsWithoutCase === 0 && r.tablesDiffering.length === 0 && r.decisionAfterRestore === 200 ? 0 : 1);
