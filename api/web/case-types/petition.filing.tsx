// 信访: a citizen petitions online with attachments. Written against docs/api.md (POST /v1/attachments multipart,
// then POST /v1/petitions). The petitioner's follow-up (documents, rating, review) is petition.follow-up.tsx.
import type { CaseTypeFiling } from './filings.js';
import { petitionFollowUp } from './petition.follow-up.js';

const words = {
  request: { zh: '信访请求', en: 'What you ask for' },
  facts: { zh: '事实', en: 'Facts' },
  reasons: { zh: '理由', en: 'Reasons' },
  concerns: { zh: '涉及的案件编号（可选）', en: 'Case reference concerned (optional)' },
  attachments: { zh: '附件（可多选）', en: 'Attachments (you may pick several)' },
} as const;

export const petitionFiling: CaseTypeFiling = {
  type: 'petition',
  title: { zh: '信访', en: 'Petition' },
  roles: ['citizen'],
  Form({ lang, values, regions }) {
    return (
      <>
        <label>
          {lang === 'zh' ? '地区' : 'Region'}
          <select name="region" required>
            {regions.map((region) => (
              <option value={region.code} selected={region.code === (values.region ?? '330102')}>
                {region.code} {region.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          {words.request[lang]}
          <textarea name="request" required maxlength={2000} rows={3}>
            {values.request ?? ''}
          </textarea>
        </label>
        <label>
          {words.facts[lang]}
          <textarea name="facts" required maxlength={5000} rows={4}>
            {values.facts ?? ''}
          </textarea>
        </label>
        <label>
          {words.reasons[lang]}
          <textarea name="reasons" required maxlength={5000} rows={3}>
            {values.reasons ?? ''}
          </textarea>
        </label>
        <label>
          {words.concerns[lang]}
          <input name="caseReference" pattern="(EN|AR|XF|BC|TR)\d{10}" value={values.caseReference ?? ''} />
        </label>
        <label>
          {words.attachments[lang]}
          <input type="file" name="attachments" multiple />
        </label>
      </>
    );
  },
  followUp: petitionFollowUp,
  async submit(form, call) {
    const files = (Array.isArray(form.attachments) ? form.attachments : [form.attachments]).filter(
      (item): item is File => item instanceof File && item.size > 0,
    );
    const attachmentIds: string[] = [];
    for (const file of files) {
      const upload = new FormData();
      upload.append('file', file, file.name);
      const stored = await call<{ attachmentId: string }>('POST', '/v1/attachments', upload);
      if (!stored.ok) return stored;
      attachmentIds.push(stored.body.attachmentId);
    }
    const value = (name: string) => (typeof form[name] === 'string' ? form[name].trim() : '');
    const reference = value('caseReference');
    return call('POST', '/v1/petitions', {
      channel: 'online',
      region: value('region'),
      request: value('request'),
      facts: value('facts'),
      reasons: value('reasons'),
      ...(reference ? { concerns: { caseReference: reference } } : {}),
      ...(attachmentIds.length > 0 ? { attachmentIds } : {}),
    });
  },
};
