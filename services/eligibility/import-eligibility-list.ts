import { createHash } from 'node:crypto';
import { applyEligibilityList, type EligibilityImportReport } from '../../db/writers/eligibility-lists.js';
import { decodeRosterBytes } from '../../domain/contribution/declaration-csv.js';
import { readEligibilityList } from '../../domain/declarations/eligibility-list.js';
import { DomainError, invalidInput } from '../../domain/errors.js';
import { authorize } from '../authorization.js';
import type { CommandContext } from '../command-context.js';

export interface EligibilityImportOutcome extends EligibilityImportReport {
  /** Rows naming a person already given earlier in the same file: read once (rows counted from 0 after the header). */
  duplicateRows: { row: number; firstRow: number }[];
}

/**
 * POST /v1/eligibility-lists/imports: an administrator imports the 离休 / 二乙 list of their region from the veterans'
 * affairs / organisation department feed (format: docs/declarations.md, rules §5.6). A file with a bad row is refused
 * whole — 400 naming each row and field, nothing applied — as wage rosters are; a good one is applied in one
 * transaction. Idempotent: a person already listed is counted, not written again, and the same file sent again
 * answers its first report and applies nothing.
 */
export async function importEligibilityList(ctx: CommandContext, file: { bytes: Uint8Array }): Promise<EligibilityImportOutcome> {
  const region = ctx.actor.region;
  if (!region) throw new DomainError('FORBIDDEN', 'an eligibility list is imported by an administrator of a region');
  authorize(ctx, 'create', 'EligibilityList', { region });
  // UTF-8 or GBK, as the wage rosters (the feeds come from office software).
  const decoded = decodeRosterBytes(file.bytes);
  if (!decoded.ok) throw invalidInput([{ path: 'file', message: decoded.message }]);
  const read = readEligibilityList(decoded.text);
  if (read.issues.length > 0) throw invalidInput(read.issues);
  if (read.rows === 0) throw invalidInput([{ path: 'file', message: 'has no rows after the header' }]);
  const report = await applyEligibilityList(
    ctx.em,
    {
      region,
      fileSha256: createHash('sha256').update(file.bytes).digest('hex'),
      entries: read.entries,
      rows: read.rows,
      duplicates: read.duplicates.length,
      importedBy: ctx.actor.id,
      importedByRole: ctx.actor.role,
      requestId: ctx.requestId,
    },
    ctx.clock.now(),
  );
  return { ...report, duplicateRows: read.duplicates };
}
