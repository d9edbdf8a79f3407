// 医疗帐户补助金申报: an employer agent (for its own people) or the front office asks a configured subsidy rule's
// credit for a period for a list of persons (rules §5.6; the rules are configuration, docs/declarations.md). The
// persons are typed one a line: the ID number, then — for a rate rule that takes the person's own base — `name=amount`
// pairs. The body is POST /v1/account-subsidy-declarations; the API names any bad row (persons.2.citizenId).
import { DEFAULT_ACCOUNT_SUBSIDY_RULES } from '../../../domain/declarations/account-subsidy.js';
import type { CaseTypeFiling, PostedForm } from './filings.js';

const words = {
  ruleId: { zh: '补助规则', en: 'Subsidy rule' },
  period: { zh: '补助期间（月 YYYY-MM / 季 YYYY-Qn / 年 YYYY）', en: 'Period (month YYYY-MM, quarter YYYY-Qn or year YYYY)' },
  region: { zh: '参保地', en: 'Region' },
  persons: {
    zh: '人员名单（每行一人：公民身份号码，按比例计发时可加“基数名=金额”）',
    en: 'Persons (one a line: the citizen ID, then "base=amount" where a rate rule takes the person’s own base)',
  },
} as const;

const text = (form: PostedForm, name: string): string => {
  const value = form[name];
  return typeof value === 'string' ? value.trim() : '';
};

/** `330102195507010011, monthlyPension=3500.00` → { citizenId, bases }; blank lines are skipped, the rest sent as typed. */
function personOf(line: string): { citizenId: string; bases?: Record<string, string> } {
  const [citizenId = '', ...pairs] = line.split(/[,，\s]+/).filter((part) => part !== '');
  const bases = Object.fromEntries(pairs.map((pair) => [pair.split('=')[0] ?? '', pair.split('=')[1] ?? '']));
  return pairs.length > 0 ? { citizenId, bases } : { citizenId };
}

function bodyOf(form: PostedForm): Record<string, unknown> {
  return {
    ruleId: text(form, 'ruleId'),
    period: text(form, 'period'),
    region: text(form, 'region'),
    persons: text(form, 'persons')
      .split(/\r?\n/)
      .map((line) => line.trim())
      .filter((line) => line !== '')
      .map(personOf),
  };
}

export const accountSubsidyFiling: CaseTypeFiling = {
  type: 'accountSubsidy',
  title: { zh: '医疗帐户补助金申报', en: 'Medical account subsidy' },
  roles: ['employer', 'caseworker', 'reviewer', 'supervisor'],
  Form({ lang, session, values, regions }) {
    return (
      <>
        <label>
          {words.ruleId[lang]}
          <input name="ruleId" required list="subsidy-rules" value={values.ruleId ?? DEFAULT_ACCOUNT_SUBSIDY_RULES[0]?.ruleId ?? ''} data-testid="ruleId" />
          <datalist id="subsidy-rules">
            {DEFAULT_ACCOUNT_SUBSIDY_RULES.map((rule) => (
              <option value={rule.ruleId}>{rule.basis}</option>
            ))}
          </datalist>
        </label>
        <label>
          {words.period[lang]}
          <input name="period" required value={values.period ?? ''} data-testid="period" />
        </label>
        <label>
          {words.region[lang]}
          <select name="region" required>
            {regions.map((region) => (
              <option value={region.code} selected={region.code === (values.region ?? session.actor.region ?? '330102')}>
                {region.code} {region.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          {words.persons[lang]}
          <textarea name="persons" rows={8} required data-testid="persons">
            {values.persons ?? ''}
          </textarea>
        </label>
      </>
    );
  },
  submit(form, call) {
    return call('POST', '/v1/account-subsidy-declarations', bodyOf(form));
  },
};
