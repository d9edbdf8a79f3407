// Runs only the issue-14 statistics figure on a throw-away bench system: `node --import tsx bin/bench/statistics-only.ts [persons] [requests]`.
import { loadConfig } from '../config.js';
import { startBenchSystem } from './bench-system.js';
import { benchStatistics } from './statistics.bench.js';

const say = (line: string) => process.stderr.write(`[bench] ${line}\n`);
const system = await startBenchSystem({ databaseUrl: loadConfig().db.url, say });
try {
  const rows = await benchStatistics(system, { persons: Number(process.argv[2] ?? 1_000_000), requests: Number(process.argv[3] ?? 20), say });
  for (const row of rows) console.log(`| ${row.figure} | ${row.value} | ${row.goal} |`);
} finally {
  await system.close();
}
