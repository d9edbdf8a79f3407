import { describe, expect, it } from 'vitest';
import { runRestoreDrill } from '../../bin/backup/restore-drill.js';

// Issue 15 point 7: the drill of `npm run restore:drill`, small. The system is backed up while it runs, destroyed
// (servers stopped, folders deleted) and restored onto new servers.
describe('backup and restore drill (embedded PostgreSQL and a Temporal dev server with its state on disk)', () => {
  it('restores every row and every workflow: waiting cases still take decisions, and only what was written after the snapshot is gone', async () => {
    const lines: string[] = [];
    const result = await runRestoreDrill({ historicCases: 5_000, finishedCases: 3, waitingCases: 3, writesAfterBackup: 2, say: (line) => lines.push(line) });
    expect(result.tablesDiffering, lines.join('\n')).toEqual([]);
    expect(result).toMatchObject({ caseRows: 5_006, openCasesWithoutWorkflow: 0, workflowsWithoutCase: 0, writesLost: 2, decisionAfterRestore: 200 });
    expect(result.rpoSeconds).toBeGreaterThan(0);
  }, 300_000);
});
