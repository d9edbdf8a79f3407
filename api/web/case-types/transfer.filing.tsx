// 转移接续: the person, their new employer's agent or the receiving office's staff apply at the new office
// (国办发〔2009〕66号 art. 8 (1)). The body is docs/api.md's POST /v1/transfers; the person's own page follows the legs.
import type { CaseTypeFiling, Filed, PostedForm } from './filings.js';
import { transferFollowUp } from './transfer.follow-up.js';
import { transferInsuranceLabels } from './transfer-labels.js';

const text = (form: PostedForm, name: string): string => {
  const value = form[name];
  return typeof value === 'string' ? value.trim() : '';
};

const words = {
  citizenId: { zh: '公民身份号码', en: 'Citizen ID number' },
  insurance: { zh: '转移险种', en: 'Insurance to transfer' },
  fromRegion: { zh: '转出地（原参保地行政区划代码）', en: 'From (region code where the relationship is now)' },
  fromHint: {
    zh: '本系统未覆盖的统筹地区（如 320102 南京市玄武区）经全国社会保险关系转移系统办理。',
    en: 'A pooling area this system does not serve (e.g. 320102 Nanjing) is reached through the national transfer platform.',
  },
  toRegion: { zh: '转入地（现参保地）', en: 'To (where you are insured now)' },
  approved: { zh: '组织或人社部门批准调动', en: 'Move approved by an organisation or 人社 department' },
} as const;

export const transferFiling: CaseTypeFiling = {
  type: 'transfer',
  title: { zh: '转移接续申请', en: 'Transfer application' },
  roles: ['citizen', 'employer', 'caseworker', 'reviewer', 'supervisor'],
  Form({ lang, session, values, regions }) {
    const actor = session.actor;
    const self = actor.role === 'citizen';
    const chosen = values.insurance ?? 'pension';
    return (
      <>
        <label>
          {words.citizenId[lang]}
          <input name="citizenId" required pattern="\d{17}[\dXx]" value={self ? actor.id : (values.citizenId ?? '')} readonly={self} />
        </label>
        <label>
          {words.insurance[lang]}
          <select name="insurance" required>
            {Object.entries(transferInsuranceLabels).map(([value, label]) => (
              <option value={value} selected={value === chosen}>
                {label[lang]}
              </option>
            ))}
          </select>
        </label>
        <label>
          {words.fromRegion[lang]}
          <input name="fromRegion" required pattern="\d{6}" list="served-regions" value={values.fromRegion ?? ''} />
        </label>
        <p class="hint">{words.fromHint[lang]}</p>
        <datalist id="served-regions">
          {regions.map((region) => (
            <option value={region.code}>{region.name}</option>
          ))}
        </datalist>
        <label>
          {words.toRegion[lang]}
          <select name="toRegion" required>
            {regions.map((region) => (
              <option value={region.code} selected={region.code === (values.toRegion ?? actor.region)}>
                {region.code} {region.name}
              </option>
            ))}
          </select>
        </label>
        <label class="check">
          <input type="checkbox" name="approvedTransfer" value="true" checked={values.approvedTransfer === 'true'} /> {words.approved[lang]}
        </label>
      </>
    );
  },
  submit: (form, call) =>
    call<Filed>('POST', '/v1/transfers', {
      citizenId: text(form, 'citizenId'),
      insurance: text(form, 'insurance'),
      fromRegion: text(form, 'fromRegion'),
      toRegion: text(form, 'toRegion'),
      ...(text(form, 'approvedTransfer') === 'true' ? { approvedTransfer: true } : {}),
    }),
  followUp: transferFollowUp,
};
