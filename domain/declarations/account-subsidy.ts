import { ageOn, compareDates, isIsoDate } from '../calendar/local-date.js';
import { DomainError } from '../errors.js';
import { parseCitizenId } from '../identity/citizen-id.js';
import { Money, isRate } from '../money.js';

/*
 * 医疗帐户补助金 — money credited to a person's medical account from the pool or a special subsidy. The term was not
 * found in any source (rules §5.6, open item 6): its meaning is local, so who receives it, how much and how
 * often are all configuration. The default below models the nearest verified practice: retirees' accounts receive
 * a fixed monthly amount of about 2 % of the local average pension (国办发〔2021〕14号, §3.1 ◐).
 */

export type PersonnelCategory = 'employed' | 'retired' | 'flexible' | 'resident';

/** Who a rule credits: every condition given must hold; within a list, any entry matches. */
export interface SubsidyWho {
  personnelCategories?: readonly PersonnelCategory[];
  /** Completed years of age on the credit date, inclusive. */
  minAge?: number;
  maxAge?: number;
  /** Special lists the person must be on (any of them): 'lixiu', 'erYi', 'civilServant', … */
  categories?: readonly string[];
}

export type SubsidyCredit =
  | { kind: 'fixed'; amount: string }
  /** A rate of a named base: the person's own (`bases`) or, failing that, the region's (`regionalBases`). */
  | { kind: 'rate'; rate: string; base: string };

export interface AccountSubsidyRule {
  ruleId: string;
  effectiveFrom: string;
  /** Last day the rule applies; null or absent while in force. */
  endsOn?: string | null;
  who: SubsidyWho;
  credit: SubsidyCredit;
  /** How often the credit is made; the amount is per period. */
  period: 'monthly' | 'quarterly' | 'yearly';
  /** The local document, quoted in the workings. */
  basis: string;
}

/** Suggested default (meaning unverified, open item 6): retirees, monthly 2 % of the local average pension. */
export const DEFAULT_ACCOUNT_SUBSIDY_RULES: readonly AccountSubsidyRule[] = [
  {
    ruleId: 'retiree-account-credit',
    effectiveFrom: '2021-01-01',
    who: { personnelCategories: ['retired'] },
    credit: { kind: 'rate', rate: '0.02', base: 'localAveragePension' },
    period: 'monthly',
    basis: '国办发〔2021〕14号: retirees’ accounts credited about 2 % of the local average pension (suggested, unverified)',
  },
];

export interface SubsidyPerson {
  citizenId: string;
  /** Defaults to the birth date in the citizen ID. */
  birthDate?: string;
  personnelCategory: PersonnelCategory;
  categories?: readonly string[];
  bases?: Readonly<Record<string, string>>;
}

export interface SubsidyCreditLine {
  ruleId: string;
  period: AccountSubsidyRule['period'];
  amount: string;
}

/** For each rule ID the version in force on `date` (latest effectiveFrom on or before it, not ended). */
export function subsidyRulesInForce(rules: readonly AccountSubsidyRule[], date: string): AccountSubsidyRule[] {
  const latest = new Map<string, AccountSubsidyRule>();
  for (const r of rules) {
    if (compareDates(r.effectiveFrom, date) > 0) continue;
    const found = latest.get(r.ruleId);
    if (found === undefined || compareDates(r.effectiveFrom, found.effectiveFrom) >= 0) latest.set(r.ruleId, r);
  }
  return [...latest.values()].filter((r) => r.endsOn == null || compareDates(date, r.endsOn) <= 0);
}

function whyNot(who: SubsidyWho, person: SubsidyPerson, age: number): string | null {
  if (who.personnelCategories !== undefined && !who.personnelCategories.includes(person.personnelCategory)) {
    return `personnel category ${person.personnelCategory} is not ${who.personnelCategories.join(' / ')}`;
  }
  if (who.minAge !== undefined && age < who.minAge) return `age ${age} < ${who.minAge}`;
  if (who.maxAge !== undefined && age > who.maxAge) return `age ${age} > ${who.maxAge}`;
  if (who.categories !== undefined && !who.categories.some((c) => person.categories?.includes(c))) {
    return `not on the list ${who.categories.join(' / ')}`;
  }
  return null;
}

/**
 * The 医疗帐户补助金 credits of one person on `date`: every rule in force whose conditions the person meets adds its
 * credit — a fixed amount, or a rate of a base rounded half-up to the fen — and the total adds the rounded credits.
 * Rules that do not apply are named in the workings with the reason. Pure.
 * @throws DomainError PARAMETERS_NOT_FOUND when a rule's base is given neither for the person nor the region;
 * INVALID_AMOUNT for a malformed rate or amount; INVALID_DATE / INVALID_CITIZEN_ID for a bad date or ID.
 */
export function computeAccountSubsidy(
  person: SubsidyPerson,
  date: string,
  rules: readonly AccountSubsidyRule[] = DEFAULT_ACCOUNT_SUBSIDY_RULES,
  regionalBases: Readonly<Record<string, string>> = {},
): { credits: SubsidyCreditLine[]; total: string; workings: string[] } {
  if (!isIsoDate(date)) throw new DomainError('INVALID_DATE', `"${date}" is not a date`, { path: 'date' });
  const birthDate = person.birthDate ?? parseCitizenId(person.citizenId).birthDate;
  const age = ageOn(birthDate, date).years;
  const credits: SubsidyCreditLine[] = [];
  const workings: string[] = [];
  for (const rule of subsidyRulesInForce(rules, date)) {
    const reason = whyNot(rule.who, person, age);
    if (reason !== null) {
      workings.push(`${rule.ruleId}: not credited — ${reason}`);
      continue;
    }
    let amount: Money;
    if (rule.credit.kind === 'fixed') {
      amount = Money.of(rule.credit.amount);
      workings.push(`${rule.ruleId}: fixed ${amount.toString()} per ${rule.period} (${rule.basis})`);
    } else {
      const { rate, base } = rule.credit;
      const value = person.bases?.[base] ?? regionalBases[base];
      if (value === undefined)
        throw new DomainError('PARAMETERS_NOT_FOUND', `rule ${rule.ruleId} needs the base "${base}"`, {
          path: `bases.${base}`,
        });
      if (!isRate(rate))
        throw new DomainError('INVALID_AMOUNT', `rule ${rule.ruleId}: "${rate}" is not a rate`, {
          path: 'credit.rate',
        });
      amount = Money.of(value).applyRate(rate, 'HALF_UP_FEN');
      workings.push(`${rule.ruleId}: ${base} ${Money.of(value).toString()} × ${rate} = ${amount.toString()} per ${rule.period} (${rule.basis})`);
    }
    credits.push({ ruleId: rule.ruleId, period: rule.period, amount: amount.toString() });
  }
  const total = Money.sum(credits.map((c) => Money.of(c.amount)));
  workings.push(`total credit ${credits.length === 0 ? '0' : credits.map((c) => c.amount).join(' + ')} = ${total.toString()}`);
  return { credits, total: total.toString(), workings };
}
