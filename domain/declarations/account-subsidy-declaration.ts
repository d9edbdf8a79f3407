import { compareDates } from '../calendar/local-date.js';
import { DomainError, invalidInput } from '../errors.js';
import { Money } from '../money.js';
import { computeAccountSubsidy, subsidyRulesInForce, type AccountSubsidyRule, type SubsidyPerson } from './account-subsidy.js';

/** One person of a 医疗帐户补助金 declaration as the declarer sent it: the ID and, for a rate rule, their own bases. */
export interface SubsidyRow {
  citizenId: string;
  bases?: Readonly<Record<string, string>>;
}

/** A credit the declaration asks for, with its workings (kept with the case, booked on approval). */
export interface SubsidyLine {
  citizenId: string;
  amount: string;
  workings: string[];
}

export interface SubsidyRefusal {
  code: 'VALIDATION_FAILED' | 'NOT_ELIGIBLE' | 'ALREADY_CREDITED';
  path: string;
  reason: string;
}

export type SubsidyAssessment =
  { accepted: true; rule: AccountSubsidyRule; creditDate: string; lines: SubsidyLine[]; total: string } | { accepted: false; refusals: SubsidyRefusal[] };

const PERIOD_FORMAT: Record<AccountSubsidyRule['period'], { pattern: RegExp; example: string }> = {
  monthly: { pattern: /^(\d{4})-(0[1-9]|1[0-2])$/, example: 'a month YYYY-MM' },
  quarterly: { pattern: /^(\d{4})-Q([1-4])$/, example: 'a quarter YYYY-Qn' },
  yearly: { pattern: /^(\d{4})$/, example: 'a year YYYY' },
};

/** The first day of the period a rule credits ('2026-11', '2026-Q4', '2026'), or null when it is not of the rule's kind. */
export function periodStart(kind: AccountSubsidyRule['period'], period: string): string | null {
  const m = PERIOD_FORMAT[kind].pattern.exec(period);
  if (!m) return null;
  if (kind === 'monthly') return `${m[1]}-${m[2]}-01`;
  if (kind === 'quarterly') return `${m[1]}-${String((Number(m[2]) - 1) * 3 + 1).padStart(2, '0')}-01`;
  return `${m[1]}-01-01`;
}

/** The ledger's key of one credit: a person is credited once per rule and period, whichever declaration asks. */
export const subsidyCreditKey = (ruleId: string, period: string, citizenId: string) => `subsidy:${ruleId}:${period}:${citizenId}`;

/**
 * The door checks of a 医疗帐户补助金 declaration (rules §5.6, open item 6: the meaning is local, so the rule is
 * configuration): the named rule exists and is in force on the first day of the period, the period is of the rule's
 * kind and has begun, each person appears once, is covered by the rule (its who: personnel category, age on the
 * period's first day, special lists) and was not credited for that rule and period before. A rate rule takes the
 * person's own base from the row, else the region's. Every refusal names its field; pure.
 */
export function assessAccountSubsidy(
  request: { ruleId: string; period: string; persons: readonly SubsidyRow[]; today: string },
  facts: {
    rules: readonly AccountSubsidyRule[];
    /** What the records say of each person (personnel category, lists), by ID number. */
    people: ReadonlyMap<string, Omit<SubsidyPerson, 'bases'>>;
    regionalBases: (date: string) => Readonly<Record<string, string>>;
    /** ID numbers already credited, or held by another open declaration, for this rule and period. */
    credited: ReadonlySet<string>;
  },
): SubsidyAssessment {
  const versions = facts.rules.filter((r) => r.ruleId === request.ruleId);
  if (versions.length === 0) {
    const known = [...new Set(facts.rules.map((r) => r.ruleId))].join(', ');
    return refused('VALIDATION_FAILED', 'ruleId', `is not a configured subsidy rule (configured: ${known || 'none'})`);
  }
  const kind = versions[0]!.period;
  const creditDate = periodStart(kind, request.period);
  if (creditDate === null)
    return refused('VALIDATION_FAILED', 'period', `rule ${request.ruleId} credits ${kind}: the period must be ${PERIOD_FORMAT[kind].example}`);
  if (compareDates(creditDate, request.today) > 0) return refused('VALIDATION_FAILED', 'period', `${request.period} has not begun`);
  const [rule] = subsidyRulesInForce(versions, creditDate);
  if (rule === undefined) return refused('VALIDATION_FAILED', 'period', `rule ${request.ruleId} is not in force on ${creditDate}`);

  const refusals: SubsidyRefusal[] = [];
  const lines: SubsidyLine[] = [];
  const firstRow = new Map<string, number>();
  const regional = facts.regionalBases(creditDate);
  request.persons.forEach((row, i) => {
    const path = `persons[${i}].citizenId`;
    const first = firstRow.get(row.citizenId);
    if (first !== undefined) return refusals.push({ code: 'VALIDATION_FAILED', path, reason: `the same person as persons[${first}]` });
    firstRow.set(row.citizenId, i);
    if (rule.credit.kind === 'rate' && row.bases?.[rule.credit.base] === undefined && regional[rule.credit.base] === undefined)
      return refusals.push({
        code: 'VALIDATION_FAILED',
        path: `persons[${i}].bases.${rule.credit.base}`,
        reason: `is required: rule ${rule.ruleId} credits a rate of it and no regional figure is configured`,
      });
    const person = facts.people.get(row.citizenId);
    if (person === undefined) return refusals.push({ code: 'NOT_ELIGIBLE', path, reason: 'has no insurance record here' });
    if (facts.credited.has(row.citizenId))
      return refusals.push({ code: 'ALREADY_CREDITED', path, reason: `was credited (or is declared) under ${rule.ruleId} for ${request.period} already` });
    const result = computeAccountSubsidy({ ...person, bases: row.bases ?? {} }, creditDate, [rule], regional);
    const credit = result.credits[0];
    if (credit === undefined) return refusals.push({ code: 'NOT_ELIGIBLE', path, reason: `not covered by the rule: ${result.workings[0] ?? rule.ruleId}` });
    lines.push({ citizenId: row.citizenId, amount: credit.amount, workings: result.workings.slice(0, -1) });
  });
  if (refusals.length > 0) return { accepted: false, refusals };
  return { accepted: true, rule, creditDate, lines, total: Money.sum(lines.map((l) => Money.of(l.amount))).toString() };
}

const refused = (code: SubsidyRefusal['code'], path: string, reason: string): SubsidyAssessment => ({ accepted: false, refusals: [{ code, path, reason }] });

/** The refusals as one problem: any input issue makes it a 400 naming every field; else the first rule's code (422). */
export function subsidyRefusalError(refusals: readonly SubsidyRefusal[]): DomainError {
  const issues = refusals.map((r) => ({ path: r.path, message: r.reason }));
  if (refusals.some((r) => r.code === 'VALIDATION_FAILED')) return invalidInput(issues);
  const first = refusals[0]!;
  return new DomainError(first.code, first.reason, { path: first.path, issues });
}
