import { ageOn } from '../calendar/local-date.js';
import { parseRegionAt } from './transfer-input.js';
import { DEFAULT_TEMPORARY_ACCOUNT_POLICY, type TemporaryAccountPolicy } from './transfer-policy.js';

/** Which way the temporary-account rule went, and why. */
export type TemporaryAccountRule =
  /** Moving into the hukou province: an ordinary transfer at any age. */
  | 'INTO_HUKOU_PROVINCE'
  /** Below the age limit on the transfer date: an ordinary transfer. */
  | 'BELOW_AGE_LIMIT'
  /** A transfer approved by an organisation or 人社 department: an ordinary transfer despite age and hukou. */
  | 'APPROVED_TRANSFER'
  /** The relationship stays; the new place opens a temporary contribution account. */
  | 'TEMPORARY_ACCOUNT';

export interface TemporaryAccountInput {
  /** Sex and birth date, e.g. straight from `parseCitizenId`. */
  person: { sex: 'male' | 'female'; birthDate: string };
  /** The day the transfer is applied for; age is counted on it. */
  transferDate: string;
  /** The person's household registration (户籍) region, 6 digits; only its province counts. */
  hukouRegion: string;
  /** The region the person moves to, 6 digits. */
  toRegion: string;
  /** An organisation department or 人社 department approved the move (组织/人社部门批准调动). */
  approvedTransfer: boolean;
}

export interface TemporaryAccountDecision {
  /** True: keep the relationship where it is and open a 临时基本养老保险缴费账户 in the new place. */
  temporaryAccount: boolean;
  rule: TemporaryAccountRule;
  age: { years: number; months: number };
  minAgeYears: number;
  workings: string[];
}

const BASIS = '国办发〔2009〕66号 art. 5; 人社部规〔2016〕5号';

const provinceOf = (code: string, path: string): string => `${parseRegionAt(code, path).slice(0, 2)}0000`;

/**
 * The temporary contribution account rule (临时基本养老保险缴费账户, 国办发〔2009〕66号 art. 5, 人社部规〔2016〕5号,
 * rules §6.1): a man aged 50 or more, or a woman aged 40 or more, on the transfer date who moves to a province
 * that is not their hukou province keeps the pension relationship where it is, and the new place records the
 * contributions in a temporary account — unless the move was approved by an organisation or 人社 department. Ages are
 * completed years on the transfer date (the birthday itself counts). Pure.
 * @throws DomainError INVALID_DATE for a bad date or a transfer before birth; INVALID_REGION_CODE for a bad region.
 */
export function decideTemporaryAccount(
  input: TemporaryAccountInput,
  policy: TemporaryAccountPolicy = DEFAULT_TEMPORARY_ACCOUNT_POLICY,
): TemporaryAccountDecision {
  const hukouProvince = provinceOf(input.hukouRegion, 'hukouRegion');
  const toProvince = provinceOf(input.toRegion, 'toRegion');
  const age = ageOn(input.person.birthDate, input.transferDate);
  const minAgeYears = input.person.sex === 'male' ? policy.minAgeMale : policy.minAgeFemale;
  const [who, limitKey] = input.person.sex === 'male' ? ['man', 'minAgeMale'] : ['woman', 'minAgeFemale'];
  const workings = [`age on ${input.transferDate}: ${age.years} y ${age.months} m; limit for a ${who} ${minAgeYears} (temporaryAccount.${limitKey}, ${BASIS})`];
  const decide = (rule: TemporaryAccountRule, why: string): TemporaryAccountDecision => {
    workings.push(why);
    return { temporaryAccount: rule === 'TEMPORARY_ACCOUNT', rule, age, minAgeYears, workings };
  };

  if (toProvince === hukouProvince) {
    return decide('INTO_HUKOU_PROVINCE', `moving into the hukou province ${hukouProvince}: ordinary transfer (${BASIS})`);
  }
  if (age.years < minAgeYears) {
    return decide('BELOW_AGE_LIMIT', `${age.years} < ${minAgeYears}: ordinary transfer (${BASIS})`);
  }
  if (input.approvedTransfer) {
    return decide('APPROVED_TRANSFER', `move approved by an organisation/人社 department: ordinary transfer (${BASIS})`);
  }
  return decide(
    'TEMPORARY_ACCOUNT',
    `${age.years} ≥ ${minAgeYears} and province ${toProvince} is not the hukou province ${hukouProvince}: the relationship stays, ` +
      `a temporary contribution account opens in the new place (${BASIS})`,
  );
}
