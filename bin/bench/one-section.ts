// Runs one section of the bench on a throw-away bench system, for profiling one path (the README figures come from
// `npm run bench`): `node --import tsx bin/bench/one-section.ts enrollment|decisions [count]`.
import { loadConfig } from '../config.js';
import { startBenchSystem } from './bench-system.js';
import { citizenIdSequence } from './citizen-ids.js';
import { benchEnrollmentThroughput } from './enrollment-throughput.bench.js';
import { ms } from './report.js';
import { benchTaskCompletion } from './task-completion.bench.js';

const [section, countText] = process.argv.slice(2);
const say = (line: string) => process.stderr.write(`[bench] ${line}\n`);
if (section !== 'enrollment' && section !== 'decisions') throw new Error('section: enrollment or decisions');
const system = await startBenchSystem({ databaseUrl: loadConfig().db.url, say });
try {
  const nextCitizenId = citizenIdSequence();
  if (section === 'enrollment') {
    const result = await benchEnrollmentThroughput(system, { count: Number(countText ?? 600), concurrency: 16, warmUp: 32, nextCitizenId, say });
    const ratio = result.enrollmentsPerSecond / result.noopPerSecond;
    console.log(`enrollments ${result.enrollmentsPerSecond.toFixed(1)} /s, no-op ${result.noopPerSecond.toFixed(1)} /s, ratio ${ratio.toFixed(2)}`);
  } else {
    const result = await benchTaskCompletion(system, { count: Number(countText ?? 200), concurrency: 16, nextCitizenId, say });
    const line = (name: string, sample: typeof result.client) => `${name} p50 ${ms(sample.percentile(50))} p99 ${ms(sample.percentile(99))}`;
    console.log(
      [line('decision', result.client), line('server', result.server), line('bare Update', result.bareUpdate), line('claim', result.claim)].join('\n'),
    );
  }
} finally {
  await system.close();
}
