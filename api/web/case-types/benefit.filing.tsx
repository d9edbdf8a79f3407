// 待遇申领: a citizen claims their own benefit (or a relative a death benefit), an employer agent files for its
// employee, a caseworker at the counter. One form for every claim type: the type's own fields are grouped, and only the
// chosen type's are sent. The body is docs/api.md's POST /v1/benefit-claims; the follow-up is benefit.follow-up.tsx; a
// survivor claim's dependants are rows of benefit-dependants.tsx (any number, "add a dependant" draws one more).
import { BENEFIT_CLAIM_TYPES } from '../../../domain/benefit/claim-processing.js';
import { claimTypeLabels } from './benefit-labels.js';
import { ADD_DEPENDANT, DependantRows, dependantsOf, onFormRows } from './benefit-dependants.js';
import { benefitFollowUp } from './benefit.follow-up.js';
import type { CaseTypeFiling, Filed, PostedForm } from './filings.js';

const words = {
  type: { zh: '申领待遇', en: 'Benefit' },
  citizenId: { zh: '参保人公民身份号码（死亡待遇填逝者的）', en: 'Insured person’s citizen ID (the deceased’s for death benefits)' },
  region: { zh: '参保地', en: 'Region' },
  employer: { zh: '用人单位统一社会信用代码', en: 'Employer credit code' },
  pension: { zh: '养老金：退休日期', en: 'Pension: retirement date' },
  category: { zh: '女职工退休类别', en: 'Retirement category (women)' },
  cadre: { zh: '管理岗位（原 55 岁）', en: 'Cadre (formerly 55)' },
  worker: { zh: '生产岗位（原 50 岁）', en: 'Worker (formerly 50)' },
  deemedMonths: { zh: '视同缴费月数（可不填）', en: 'Deemed contribution months (optional)' },
  leaveDate: { zh: '失业：离职日期', en: 'Unemployment: leave date' },
  eventType: { zh: '生育：事件', en: 'Maternity: event' },
  birth: { zh: '生育', en: 'Birth' },
  miscarriage: { zh: '流产', en: 'Miscarriage' },
  eventDate: { zh: '生育（流产）日期', en: 'Date of the birth (miscarriage)' },
  babies: { zh: '胎数', en: 'Babies' },
  difficultBirth: { zh: '难产', en: 'Difficult birth' },
  pregnancyMonths: { zh: '流产时怀孕月数', en: 'Months of pregnancy (miscarriage)' },
  accidentDate: { zh: '工伤：事故日期', en: 'Work injury: accident date' },
  description: { zh: '事故经过', en: 'What happened' },
  deathDate: { zh: '死亡待遇：死亡日期', en: 'Death benefits: date of death' },
  cause: { zh: '死亡原因', en: 'Cause of death' },
  workInjury: { zh: '因工死亡', en: 'Work injury' },
  other: { zh: '非因工死亡', en: 'Other causes' },
  injuryReference: { zh: '工伤认定案件编号（因工死亡时填）', en: 'Work-injury claim reference (work-injury deaths)' },
} as const;

const text = (form: PostedForm, name: string): string => {
  const value = form[name];
  return typeof value === 'string' ? value.trim() : '';
};
const optional = (form: PostedForm, name: string) => (text(form, name) ? { [name]: text(form, name) } : {});
const optionalNumber = (form: PostedForm, name: string) => (text(form, name) ? { [name]: Number(text(form, name)) } : {});

/** The JSON body of the chosen claim type from the posted form. */
function bodyOf(form: PostedForm, employerOfAgent: string | undefined): Record<string, unknown> {
  const type = text(form, 'type');
  const employerCreditCode = employerOfAgent ?? text(form, 'employerCreditCode');
  const common = { type, citizenId: text(form, 'citizenId'), region: text(form, 'region') };
  switch (type) {
    case 'pension':
      return { ...common, retirementDate: text(form, 'retirementDate'), ...optional(form, 'retirementCategory'), ...optionalNumber(form, 'deemedMonths') };
    case 'unemployment':
      return { ...common, leaveDate: text(form, 'leaveDate'), employerCreditCode };
    case 'maternity':
      return {
        ...common,
        employerCreditCode,
        event: {
          type: text(form, 'eventType') || 'birth',
          date: text(form, 'eventDate'),
          ...optionalNumber(form, 'babies'),
          ...(text(form, 'difficultBirth') === 'on' ? { difficultBirth: true } : {}),
          ...optionalNumber(form, 'pregnancyMonths'),
        },
      };
    case 'workInjury':
      return { ...common, accidentDate: text(form, 'accidentDate'), employerCreditCode, description: text(form, 'description') };
    default: {
      const dependants = dependantsOf(form).map((filled) => filled.dependant);
      return {
        ...common,
        deathDate: text(form, 'deathDate'),
        cause: text(form, 'cause') || 'other',
        ...optional(form, 'injuryReference'),
        ...(dependants.length > 0 ? { dependants } : {}),
      };
    }
  }
}

export const benefitFiling: CaseTypeFiling = {
  type: 'benefit',
  title: { zh: '待遇申领', en: 'Benefit claim' },
  roles: ['citizen', 'employer', 'caseworker', 'reviewer', 'supervisor'],
  Form({ lang, session, values, regions }) {
    const actor = session.actor;
    const own = actor.role === 'citizen';
    const date = (name: string, label: { zh: string; en: string }) => (
      <label>
        {label[lang]}
        <input name={name} type="date" value={values[name] ?? ''} />
      </label>
    );
    return (
      <>
        <label>
          {words.type[lang]}
          <select name="type" required data-testid="claim-type">
            {BENEFIT_CLAIM_TYPES.map((type) => (
              <option value={type} selected={type === (values.type ?? 'pension')}>
                {claimTypeLabels[type][lang]}
              </option>
            ))}
          </select>
        </label>
        <label>
          {words.citizenId[lang]}
          <input name="citizenId" required pattern="\d{17}[\dXx]" value={values.citizenId ?? (own ? actor.id : '')} />
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
        {actor.role !== 'employer' && (
          <label>
            {words.employer[lang]}
            <input name="employerCreditCode" value={values.employerCreditCode ?? ''} />
          </label>
        )}
        <fieldset>
          <legend>{claimTypeLabels.pension[lang]}</legend>
          {date('retirementDate', words.pension)}
          <label>
            {words.category[lang]}
            <select name="retirementCategory">
              <option value="">—</option>
              <option value="female55" selected={values.retirementCategory === 'female55'}>
                {words.cadre[lang]}
              </option>
              <option value="female50" selected={values.retirementCategory === 'female50'}>
                {words.worker[lang]}
              </option>
            </select>
          </label>
          <label>
            {words.deemedMonths[lang]}
            <input name="deemedMonths" type="number" min={0} max={600} value={values.deemedMonths ?? ''} />
          </label>
        </fieldset>
        <fieldset>
          <legend>{claimTypeLabels.unemployment[lang]}</legend>
          {date('leaveDate', words.leaveDate)}
        </fieldset>
        <fieldset>
          <legend>{claimTypeLabels.maternity[lang]}</legend>
          <label>
            {words.eventType[lang]}
            <select name="eventType">
              <option value="birth">{words.birth[lang]}</option>
              <option value="miscarriage" selected={values.eventType === 'miscarriage'}>
                {words.miscarriage[lang]}
              </option>
            </select>
          </label>
          {date('eventDate', words.eventDate)}
          <label>
            {words.babies[lang]}
            <input name="babies" type="number" min={1} max={10} value={values.babies ?? ''} />
          </label>
          <label class="check">
            <input name="difficultBirth" type="checkbox" checked={values.difficultBirth === 'on'} /> {words.difficultBirth[lang]}
          </label>
          <label>
            {words.pregnancyMonths[lang]}
            <input name="pregnancyMonths" type="number" min={0} max={10} value={values.pregnancyMonths ?? ''} />
          </label>
        </fieldset>
        <fieldset>
          <legend>{claimTypeLabels.workInjury[lang]}</legend>
          {date('accidentDate', words.accidentDate)}
          <label>
            {words.description[lang]}
            <textarea name="description" rows={2} maxlength={2000}>
              {values.description ?? ''}
            </textarea>
          </label>
        </fieldset>
        <fieldset>
          <legend>
            {claimTypeLabels.funeral[lang]} / {claimTypeLabels.survivor[lang]}
          </legend>
          {date('deathDate', words.deathDate)}
          <label>
            {words.cause[lang]}
            <select name="cause">
              <option value="other">{words.other[lang]}</option>
              <option value="workInjury" selected={values.cause === 'workInjury'}>
                {words.workInjury[lang]}
              </option>
            </select>
          </label>
          <label>
            {words.injuryReference[lang]}
            <input name="injuryReference" pattern="BC\d{10}" value={values.injuryReference ?? ''} />
          </label>
        </fieldset>
        <DependantRows lang={lang} values={values} />
      </>
    );
  },
  followUp: benefitFollowUp,
  isRedraw: (form) => form[ADD_DEPENDANT] !== undefined,
  async submit(form, call, actor) {
    const answer = await call<Filed>('POST', '/v1/benefit-claims', bodyOf(form, actor.role === 'employer' ? actor.employer : undefined));
    // The dependants sent are the filled rows: a refusal names the row of the form, not the position in the request.
    return onFormRows(
      answer,
      dependantsOf(form).map((filled) => filled.row),
    );
  },
};
