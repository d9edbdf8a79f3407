import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { EligibilityEntry } from '../../domain/declarations/eligibility-list.js';
import { appendAudit } from './case-log.js';

export interface EligibilityImportReport {
  importId: string;
  rows: number;
  applied: number;
  alreadyListed: number;
  duplicates: number;
  /** True when this file had been imported before: the first report, nothing applied now. */
  repeated: boolean;
}

/**
 * Applies a read eligibility list (rules §5.6) in one transaction: a person already on the region's list of that
 * category is counted, not written again; the same file (by SHA-256) imported again returns its first report and
 * writes nothing. The audit entry names the import and its counts, never an ID number.
 */
export async function applyEligibilityList(
  em: EntityManager,
  input: {
    region: string;
    fileSha256: string;
    entries: readonly EligibilityEntry[];
    rows: number;
    duplicates: number;
    importedBy: string;
    importedByRole: string;
    requestId: string | null;
  },
  at: Date,
): Promise<EligibilityImportReport> {
  return em.transactional(async (tx) => {
    const importId = randomUUID();
    const inserted = await tx.execute<{ id: string }[]>(
      `insert into eligibility_import (id, region, file_sha256, rows, applied, already_listed, duplicates, imported_by, imported_at)
       values (?, ?, ?, ?, 0, 0, ?, ?, ?) on conflict (region, file_sha256) do nothing returning id`,
      [importId, input.region, input.fileSha256, input.rows, input.duplicates, input.importedBy, at],
    );
    if (inserted.length === 0) {
      const [first] = await tx.execute<{ id: string; rows: number; applied: number; already_listed: number; duplicates: number }[]>(
        'select id, rows, applied, already_listed, duplicates from eligibility_import where region = ? and file_sha256 = ?',
        [input.region, input.fileSha256],
      );
      return {
        importId: first!.id,
        rows: first!.rows,
        applied: first!.applied,
        alreadyListed: first!.already_listed,
        duplicates: first!.duplicates,
        repeated: true,
      };
    }
    let applied = 0;
    for (const entry of input.entries) {
      const rows = await tx.execute<{ citizen_id: string }[]>(
        `insert into eligibility_entry (region, citizen_id, category, name, source_document, import_id, listed_at)
         values (?, ?, ?, ?, ?, ?, ?) on conflict (region, citizen_id, category) do nothing returning citizen_id`,
        [input.region, entry.citizenId, entry.category, entry.name, entry.sourceDocument, importId, at],
      );
      applied += rows.length;
    }
    const alreadyListed = input.entries.length - applied;
    await tx.execute('update eligibility_import set applied = ?, already_listed = ? where id = ?', [applied, alreadyListed, importId]);
    await appendAudit(tx, {
      at,
      actorId: input.importedBy,
      actorRole: input.importedByRole,
      region: input.region,
      action: 'eligibilityList.imported',
      objectType: 'EligibilityList',
      objectId: importId,
      requestId: input.requestId,
      detail: { rows: input.rows, applied, alreadyListed, duplicates: input.duplicates },
    });
    return { importId, rows: input.rows, applied, alreadyListed, duplicates: input.duplicates, repeated: false };
  });
}
