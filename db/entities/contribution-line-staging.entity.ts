import { defineEntity, type InferEntity } from '@mikro-orm/core';
import { contributionLineColumns } from './contribution-line.entity.js';

const p = defineEntity.properties;

/**
 * Contribution lines on their way in (issue 16): a roster is COPYed here first, on a connection of its own, and moved
 * into `contribution_line` by one `insert … select` inside the declaration's transaction (db/writers/contribution-ledger.ts).
 * Unlogged and, between imports, empty: a row left behind by a refused or crashed import belongs to no declaration and
 * is deleted by the import that staged it. Same columns as `contribution_line`, keyed by the import's batch id.
 */
export const ContributionLineStaging = defineEntity({
  name: 'ContributionLineStaging',
  tableName: 'contribution_line_staging',
  properties: {
    batchId: p.uuid().primary(),
    lineNo: p.integer().primary(),
    citizenId: p.string().length(18),
    ...contributionLineColumns(),
  },
});
export type IContributionLineStaging = InferEntity<typeof ContributionLineStaging>;
