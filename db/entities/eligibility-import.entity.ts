import { defineEntity, type InferEntity } from '@mikro-orm/core';

const p = defineEntity.properties;

/**
 * One eligibility list file as imported (docs/declarations.md): its SHA-256, so the same file sent again returns
 * the first report and applies nothing, and the counts of the per-row report.
 */
export const EligibilityImport = defineEntity({
  name: 'EligibilityImport',
  tableName: 'eligibility_import',
  properties: {
    id: p.uuid().primary(),
    region: p.string().length(6),
    fileSha256: p.string().length(64),
    rows: p.integer(),
    applied: p.integer(),
    alreadyListed: p.integer(),
    duplicates: p.integer(),
    importedBy: p.string().length(64),
    importedAt: p.datetime(),
  },
  uniques: [{ name: 'eligibility_import_file', properties: ['region', 'fileSha256'] }],
});
export type IEligibilityImport = InferEntity<typeof EligibilityImport>;
