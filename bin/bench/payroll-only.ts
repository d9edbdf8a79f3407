// Runs only the issue-12 payroll figures on a throw-away bench system: `node --import tsx bin/bench/payroll-only.ts [entitlements] [deathRows]`.
import { loadConfig } from '../config.js';
import { startBenchSystem } from './bench-system.js';
import { benchPayroll } from './payroll.bench.js';

const say = (line: string) => process.stderr.write(`[bench] ${line}\n`);
const system = await startBenchSystem({ databaseUrl: loadConfig().db.url, say });
try {
  const rows = await benchPayroll(system, { entitlements: Number(process.argv[2] ?? 1_000_000), deathRows: Number(process.argv[3] ?? 200_000), say });
  for (const row of rows) console.log(`| ${row.figure} | ${row.value} | ${row.goal} |`);
} finally {
  await system.close();
}
