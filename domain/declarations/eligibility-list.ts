import { DomainError } from '../errors.js';
import { parseCitizenId } from '../identity/citizen-id.js';
import { inFileOrder, readTable, type TableIssue, type TableSpec } from '../payroll/csv-table.js';

/**
 * The special medical-expense categories kept outside the basic pool, each in its own ledger (国发〔1998〕44号 §6,
 * rules §5.6): 离休人员 (retired veteran cadres) and 二乙 (disabled revolutionary servicemen of grade 2-B and
 * above).
 */
export type MedicalCategory = 'lixiu' | 'erYi';

export const MEDICAL_CATEGORIES = ['lixiu', 'erYi'] as const satisfies readonly MedicalCategory[];

const CATEGORY_NAMES: Record<string, MedicalCategory> = { lixiu: 'lixiu', 离休: 'lixiu', erYi: 'erYi', 二乙: 'erYi' };

/** Import format of the eligibility list (from veterans' affairs / the organisation department), see docs. */
export const ELIGIBILITY_LIST_SPEC: TableSpec<'citizenId' | 'name' | 'category' | 'sourceDocument'> = {
  columns: {
    citizenId: ['citizenId', '身份证号', '公民身份号码'],
    name: ['name', '姓名'],
    category: ['category', '类别'],
    sourceDocument: ['sourceDocument', '依据文件'],
  },
  required: ['citizenId', 'name', 'category', 'sourceDocument'],
};

export interface EligibilityEntry {
  citizenId: string;
  name: string;
  category: MedicalCategory;
  /** The document that put the person on the list (approval number), quoted in audits. */
  sourceDocument: string;
}

/**
 * Reads an eligibility list file with a per-row report (row and field named). A person may be on both lists; the same
 * person in the same category twice is reported as a duplicate and read once. Pure.
 */
export function readEligibilityList(text: string): {
  rows: number;
  entries: EligibilityEntry[];
  duplicates: { row: number; firstRow: number }[];
  issues: TableIssue[];
} {
  const { rows, issues } = readTable(text, ELIGIBILITY_LIST_SPEC);
  const entries: EligibilityEntry[] = [];
  const first = new Map<string, number>();
  const duplicates: { row: number; firstRow: number }[] = [];
  for (const { row, cells } of rows) {
    const before = issues.length;
    let citizenId = '';
    try {
      citizenId = parseCitizenId(cells.citizenId).value;
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      issues.push({ path: `rows[${row}].citizenId`, message: error.message });
    }
    if (cells.name === '') issues.push({ path: `rows[${row}].name`, message: 'must not be empty' });
    const category = CATEGORY_NAMES[cells.category];
    if (category === undefined) issues.push({ path: `rows[${row}].category`, message: `"${cells.category}" is not lixiu / erYi (离休 / 二乙)` });
    if (cells.sourceDocument === '') issues.push({ path: `rows[${row}].sourceDocument`, message: 'must name the document that granted the status' });
    if (issues.length > before || category === undefined) continue;
    const key = `${citizenId}:${category}`;
    const earlier = first.get(key);
    if (earlier !== undefined) {
      duplicates.push({ row, firstRow: earlier });
      continue;
    }
    first.set(key, row);
    entries.push({ citizenId, name: cells.name, category, sourceDocument: cells.sourceDocument });
  }
  return { rows: rows.length, entries, duplicates, issues: inFileOrder(issues) };
}

/** Who is on which list, for fast look-ups while validating declarations. */
export type EligibilityIndex = ReadonlyMap<string, ReadonlySet<MedicalCategory>>;

export function eligibilityIndex(entries: readonly EligibilityEntry[]): EligibilityIndex {
  const index = new Map<string, Set<MedicalCategory>>();
  for (const e of entries) {
    const set = index.get(e.citizenId) ?? new Set<MedicalCategory>();
    set.add(e.category);
    index.set(e.citizenId, set);
  }
  return index;
}
