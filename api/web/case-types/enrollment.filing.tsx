// 参保登记: an employer agent registers a hire (or uploads a roster, one line per hire), a citizen registers as a
// flexible worker, a caseworker registers at the counter. The body is docs/api.md's POST /v1/enrollments.
import type { ApiAnswer } from '../api-client.js';
import { INSURANCE_CHOICES } from '../i18n/enum-labels.js';
import type { CaseTypeFiling, Filed, PostedForm } from './filings.js';

const text = (form: PostedForm, name: string): string => {
  const value = form[name];
  return typeof value === 'string' ? value.trim() : '';
};

const list = (form: PostedForm, name: string): string[] => {
  const value = form[name] ?? [];
  return (Array.isArray(value) ? value : [value]).filter((item): item is string => typeof item === 'string');
};

const words = {
  name: { zh: '姓名', en: 'Name' },
  citizenId: { zh: '公民身份号码', en: 'Citizen ID number' },
  phone: { zh: '手机号码', en: 'Mobile phone' },
  employer: { zh: '用人单位统一社会信用代码', en: 'Employer credit code' },
  hireDate: { zh: '用工日期', en: 'Hire date' },
  wage: { zh: '月工资（元）', en: 'Monthly wage (CNY)' },
  insurances: { zh: '参保险种', en: 'Insurances' },
  region: { zh: '参保地', en: 'Region' },
  roster: { zh: '批量导入花名册（CSV：身份号码,姓名,用工日期,月工资）', en: 'Upload a roster (CSV: citizen ID,name,hire date,monthly wage)' },
} as const;

export const enrollmentFiling: CaseTypeFiling = {
  type: 'enrollment',
  title: { zh: '参保登记', en: 'Enrollment' },
  roles: ['citizen', 'employer', 'caseworker', 'reviewer'],
  Form({ lang, session, values, regions }) {
    const actor = session.actor;
    // A citizen registers themself (their own name and ID number); anyone else registers another person, whose name
    // the form must not guess from the signed-in user's own.
    const flexible = actor.role === 'citizen';
    const offered = flexible ? INSURANCE_CHOICES.filter(([type]) => type === 'pension' || type === 'medical') : INSURANCE_CHOICES;
    const chosen = values.insuranceTypes ? values.insuranceTypes.split(',') : offered.map(([type]) => type);
    return (
      <>
        <label>
          {words.name[lang]}
          <input name="name" required maxlength={50} value={values.name ?? (flexible ? (actor.name ?? '') : '')} autocomplete={flexible ? 'name' : 'off'} />
        </label>
        <label>
          {words.citizenId[lang]}
          <input name="citizenId" required pattern="\d{17}[\dXx]" value={flexible ? actor.id : (values.citizenId ?? '')} readonly={flexible} />
        </label>
        <label>
          {words.phone[lang]}
          <input name="phone" type="tel" pattern="1\d{10}" value={values.phone ?? ''} autocomplete="tel" />
        </label>
        {actor.role !== 'citizen' && (
          <label>
            {words.employer[lang]}
            <input name="employerCreditCode" required value={actor.employer ?? values.employerCreditCode ?? ''} readonly={actor.role === 'employer'} />
          </label>
        )}
        <label>
          {words.hireDate[lang]}
          <input name="hireDate" type="date" required value={values.hireDate ?? ''} />
        </label>
        <label>
          {words.wage[lang]}
          <input name="monthlyWage" required inputmode="decimal" pattern="\d+(\.\d{1,2})?" value={values.monthlyWage ?? ''} />
        </label>
        <label>
          {words.region[lang]}
          <select name="region" required>
            {regions.map((region) => (
              <option value={region.code} selected={region.code === (values.region ?? actor.region ?? '330102')}>
                {region.code} {region.name}
              </option>
            ))}
          </select>
        </label>
        <fieldset>
          <legend>{words.insurances[lang]}</legend>
          {offered.map(([type, label]) => (
            <label class="check">
              <input type="checkbox" name="insuranceTypes" value={type} checked={chosen.includes(type)} /> {label[lang]}
            </label>
          ))}
        </fieldset>
        {actor.role === 'employer' && (
          <label>
            {words.roster[lang]}
            <input type="file" name="roster" accept=".csv,text/csv" />
          </label>
        )}
      </>
    );
  },
  async submit(form, call, actor) {
    const roster = form.roster;
    const insuranceTypes = list(form, 'insuranceTypes');
    const common = {
      ...(actor.role === 'citizen' ? {} : { employerCreditCode: text(form, 'employerCreditCode') || undefined }),
      insuranceTypes,
      region: text(form, 'region'),
    };
    if (roster instanceof File && roster.size > 0) {
      // One registration per roster line; the first refusal stops the import and names its line.
      const lines = (await roster.text())
        .split(/\r?\n/)
        .map((line) => line.trim())
        .filter((line) => line && !line.startsWith('#'));
      let last: ApiAnswer<Filed> | null = null;
      for (const [index, line] of lines.entries()) {
        const [citizenId = '', name = '', hireDate = '', monthlyWage = ''] = line.split(',').map((cell) => cell.trim());
        last = await call<Filed>('POST', '/v1/enrollments', { person: { citizenId, name }, hireDate, monthlyWage, ...common });
        if (!last.ok) return { ...last, problem: { ...last.problem, row: index + 1 } };
      }
      if (last) return last;
    }
    const phone = text(form, 'phone');
    return call<Filed>('POST', '/v1/enrollments', {
      person: { citizenId: text(form, 'citizenId'), name: text(form, 'name'), ...(phone ? { phone } : {}) },
      hireDate: text(form, 'hireDate'),
      monthlyWage: text(form, 'monthlyWage'),
      ...common,
    });
  },
  correctionPath: (caseId) => `/v1/enrollments/${encodeURIComponent(caseId)}/corrections`,
  withdrawalPath: (caseId) => `/v1/enrollments/${encodeURIComponent(caseId)}/withdrawal`,
};
