import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../services/business-clock.js';
import { runContributionBenchmarks } from '../../bin/bench/contributions.bench.js';
import { startSystem, type TestSystem } from '../support/system.js';

// A small run of the issue-3 bench, so the bench code cannot rot: the full figures come from `npm run bench`.
describe('runContributionBenchmarks (small run on the test database)', () => {
  let system: TestSystem;
  beforeAll(async () => {
    system = await startSystem();
  });
  afterAll(async () => system?.close());

  it('imports lines end to end with bills written, and states late fees that agree with the domain (§4, E2 method)', async () => {
    // The bench takes its period and "as of" date from its clock: on New Year's Day it declares December and states
    // the late fees as of 1 January.
    const clock = fixedClock(`${Number(system.clock.today().slice(0, 4)) + 1}-01-01T10:00:00+08:00`);
    const lines: string[] = [];
    const rows = await runContributionBenchmarks({
      orm: system.orm,
      say: (l) => lines.push(l),
      lines: Number(process.env.BENCH_LINES ?? 20_000),
      linesPerEmployer: 1_000,
      overdueBills: Number(process.env.BENCH_BILLS ?? 5_000),
      clock,
    });
    console.log(lines.join('\n'));
    expect(rows).toHaveLength(3);
    expect(rows[0]!.figure).toContain('bills written');
    // The import's reference in the same run (issue 16): raw COPY of as many rows into the same table shape.
    expect(rows[1]!.figure).toMatch(/raw COPY of [\d,]+ rows/);
    expect(rows[1]!.value).toMatch(/rows\/s\); the import takes [\d.]+× as long$/);
    expect(rows[2]!.figure).toMatch(/for [\d,]+ overdue bills/);
    expect(rows[2]!.figure).toContain(`as of ${clock.today()}`);
  });
});
