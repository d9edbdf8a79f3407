import { isIsoDate, compareDates } from '../calendar/local-date.js';
import type { InputIssue } from '../errors.js';
import { AMOUNT_PATTERN, isRate } from '../money.js';
import { DEFAULT_ACCOUNT_SUBSIDY_RULES, type AccountSubsidyRule, type PersonnelCategory } from './account-subsidy.js';

/** The `setting` row that holds the local 医疗帐户补助金 rules and the regional bases they use (docs/declarations.md). */
export const ACCOUNT_SUBSIDY_SETTING_KEY = 'accountSubsidy.rules';

/** A dated regional figure a rate rule may take as its base (e.g. the local average pension); `region` null: every region. */
export interface RegionalSubsidyBase {
  base: string;
  region: string | null;
  effectiveFrom: string;
  amount: string;
}

/**
 * The subsidy configuration in force. The meaning of 医疗帐户补助金 is local (rules §5.6, unverified), so the rules
 * (who, amount or rate, period) are data: every version of a rule is kept with its `effectiveFrom`, and a declaration
 * uses the version in force on the first day of the period it credits.
 */
export interface AccountSubsidyConfig {
  rules: readonly AccountSubsidyRule[];
  regionalBases: readonly RegionalSubsidyBase[];
}

export const DEFAULT_ACCOUNT_SUBSIDY_CONFIG: AccountSubsidyConfig = { rules: DEFAULT_ACCOUNT_SUBSIDY_RULES, regionalBases: [] };

/** A stored value replaces the defaults section by section (a stored `rules` list is the whole list). Pure. */
export function accountSubsidyConfigWith(stored: Partial<AccountSubsidyConfig> | null | undefined): AccountSubsidyConfig {
  return { ...DEFAULT_ACCOUNT_SUBSIDY_CONFIG, ...(stored ?? {}) };
}

/** Each regional base's latest version on or before `date`, for the region (a region's own figure over the general one). */
export function regionalBasesOn(bases: readonly RegionalSubsidyBase[], region: string, date: string): Record<string, string> {
  const chosen = new Map<string, RegionalSubsidyBase>();
  for (const b of bases) {
    if (compareDates(b.effectiveFrom, date) > 0 || (b.region !== null && b.region !== region)) continue;
    const found = chosen.get(b.base);
    const better =
      found === undefined ||
      (b.region !== null && found.region === null) ||
      ((b.region === null) === (found.region === null) && compareDates(b.effectiveFrom, found.effectiveFrom) >= 0);
    if (better) chosen.set(b.base, b);
  }
  return Object.fromEntries([...chosen].map(([base, b]) => [base, b.amount]));
}

const PERSONNEL: readonly PersonnelCategory[] = ['employed', 'retired', 'flexible', 'resident'];
const PERIODS = ['monthly', 'quarterly', 'yearly'];
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isName = (v: unknown): v is string => typeof v === 'string' && /^[A-Za-z][A-Za-z0-9._-]{0,39}$/.test(v);

/** Why a stored subsidy configuration does not fit (PUT /v1/settings/accountSubsidy.rules), each issue under `value`. */
export function accountSubsidyIssues(value: unknown): InputIssue[] {
  if (!isObject(value)) return [{ path: 'value', message: 'must be an object { rules, regionalBases }' }];
  const issues: InputIssue[] = [];
  const { rules, regionalBases, ...rest } = value;
  for (const key of Object.keys(rest)) issues.push({ path: `value.${key}`, message: 'is not part of the subsidy configuration' });
  if (rules !== undefined) {
    if (!Array.isArray(rules)) issues.push({ path: 'value.rules', message: 'must be an array of dated rules' });
    else rules.forEach((rule, i) => issues.push(...ruleIssues(rule, `value.rules.${i}`)));
  }
  if (regionalBases !== undefined) {
    if (!Array.isArray(regionalBases)) issues.push({ path: 'value.regionalBases', message: 'must be an array of dated figures' });
    else
      regionalBases.forEach((b, i) => {
        const path = `value.regionalBases.${i}`;
        if (!isObject(b)) return issues.push({ path, message: 'must be an object { base, region, effectiveFrom, amount }' });
        if (!isName(b.base)) issues.push({ path: `${path}.base`, message: 'must be a name such as localAveragePension' });
        if (b.region !== null && (typeof b.region !== 'string' || !/^\d{6}$/.test(b.region)))
          issues.push({ path: `${path}.region`, message: 'must be a six-digit region code or null' });
        if (typeof b.effectiveFrom !== 'string' || !isIsoDate(b.effectiveFrom))
          issues.push({ path: `${path}.effectiveFrom`, message: 'must be a date YYYY-MM-DD' });
        if (typeof b.amount !== 'string' || !AMOUNT_PATTERN.test(b.amount))
          issues.push({ path: `${path}.amount`, message: 'must be an amount as a string with at most 2 decimals' });
      });
  }
  return issues;
}

function ruleIssues(rule: unknown, path: string): InputIssue[] {
  if (!isObject(rule)) return [{ path, message: 'must be a rule { ruleId, effectiveFrom, who, credit, period, basis }' }];
  const issues: InputIssue[] = [];
  const bad = (field: string, message: string) => issues.push({ path: `${path}.${field}`, message });
  if (!isName(rule.ruleId)) bad('ruleId', 'must be a name of letters, digits, dots or dashes');
  if (typeof rule.effectiveFrom !== 'string' || !isIsoDate(rule.effectiveFrom)) bad('effectiveFrom', 'must be a date YYYY-MM-DD');
  if (rule.endsOn != null && (typeof rule.endsOn !== 'string' || !isIsoDate(rule.endsOn))) bad('endsOn', 'must be a date YYYY-MM-DD or null');
  if (typeof rule.period !== 'string' || !PERIODS.includes(rule.period)) bad('period', `must be one of ${PERIODS.join(', ')}`);
  if (typeof rule.basis !== 'string' || rule.basis.trim() === '') bad('basis', 'must name the local document');
  const who = rule.who;
  if (!isObject(who)) bad('who', 'must be an object (an empty one covers everybody)');
  else {
    const cats = who.personnelCategories;
    if (cats !== undefined && (!Array.isArray(cats) || cats.some((c) => !PERSONNEL.includes(c as PersonnelCategory))))
      bad('who.personnelCategories', `must list some of ${PERSONNEL.join(', ')}`);
    for (const age of ['minAge', 'maxAge'] as const)
      if (who[age] !== undefined && (!Number.isInteger(who[age]) || (who[age] as number) < 0 || (who[age] as number) > 150))
        bad(`who.${age}`, 'must be a whole number of years');
    if (who.categories !== undefined && (!Array.isArray(who.categories) || who.categories.some((c) => !isName(c))))
      bad('who.categories', 'must list list names such as lixiu');
  }
  const credit = rule.credit;
  if (!isObject(credit)) bad('credit', 'must be { kind: fixed, amount } or { kind: rate, rate, base }');
  else if (credit.kind === 'fixed') {
    if (typeof credit.amount !== 'string' || !AMOUNT_PATTERN.test(credit.amount)) bad('credit.amount', 'must be an amount as a string with at most 2 decimals');
  } else if (credit.kind === 'rate') {
    if (typeof credit.rate !== 'string' || !isRate(credit.rate)) bad('credit.rate', 'must be a rate as a decimal string such as "0.02"');
    if (!isName(credit.base)) bad('credit.base', 'must name a base such as localAveragePension');
  } else bad('credit.kind', 'must be fixed or rate');
  return issues;
}
