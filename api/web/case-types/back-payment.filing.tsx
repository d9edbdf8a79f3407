// 无记录补缴: an employer agent (or the front office, naming the employer) applies to back-pay a person's months without
// a record, with the evidence of the labour relation (rules §3, §4, §6.1). The scans are uploaded first
// (POST /v1/attachments), each with its kind; a legal document also gives its number and date. The body is
// POST /v1/back-payments (docs/declarations.md); the amounts and workings are on the case page once it is filed.
import { EVIDENCE_KINDS } from '../../../domain/declarations/back-payment-evidence.js';
import { backPaymentFollowUp } from './back-payment.follow-up.js';
import type { CaseTypeFiling, PostedForm } from './filings.js';

const words = {
  employerCreditCode: { zh: '用人单位统一社会信用代码', en: 'Employer credit code' },
  citizenId: { zh: '公民身份号码', en: 'Citizen ID' },
  from: { zh: '补缴起始月', en: 'First month' },
  to: { zh: '补缴截止月', en: 'Last month' },
  monthlyWage: { zh: '月工资（元）', en: 'Monthly wage (yuan)' },
  insurances: { zh: '补缴险种', en: 'Insurances' },
  evidence: { zh: '劳动关系证明', en: 'Evidence of the labour relation' },
  kind: { zh: '材料类别', en: 'Kind' },
  file: { zh: '扫描件', en: 'Scan' },
  reference: { zh: '文书编号（法律文书必填）', en: 'Document number (legal documents)' },
  issuedOn: { zh: '文书日期（法律文书必填）', en: 'Issued on (legal documents)' },
} as const;

const kindWords: Record<(typeof EVIDENCE_KINDS)[number], { zh: string; en: string }> = {
  contract: { zh: '劳动合同', en: 'Labour contract' },
  payroll: { zh: '工资发放记录', en: 'Payroll records' },
  court: { zh: '法院判决书', en: 'Court judgment' },
  arbitration: { zh: '劳动仲裁裁决书', en: 'Arbitration award' },
  labourInspection: { zh: '劳动监察指令书', en: 'Labour-inspection order' },
  audit: { zh: '审计决定', en: 'Audit finding' },
};

const insuranceWords = {
  pension: { zh: '养老保险', en: 'Pension' },
  medical: { zh: '医疗保险', en: 'Medical' },
  unemployment: { zh: '失业保险', en: 'Unemployment' },
  workInjury: { zh: '工伤保险', en: 'Work injury' },
} as const;

const EVIDENCE_ROWS = 3;

const field = (form: PostedForm, name: string): string => {
  const value = form[name];
  return typeof value === 'string' ? value.trim() : '';
};

export const backPaymentFiling: CaseTypeFiling = {
  type: 'backPayment',
  title: { zh: '无记录补缴申请', en: 'Back-payment of months without a record' },
  roles: ['employer', 'caseworker', 'reviewer', 'supervisor'],
  followUp: backPaymentFollowUp,
  Form({ lang, session, values }) {
    const input = (name: string, label: { zh: string; en: string }, type = 'text', extra: Record<string, string> = {}) => (
      <label>
        {label[lang]}
        <input name={name} type={type} value={values[name] ?? ''} data-testid={name} {...extra} />
      </label>
    );
    const chosen = values.insuranceTypes ? values.insuranceTypes.split(',') : ['pension', 'medical', 'unemployment'];
    return (
      <>
        {session.actor.role === 'employer' ? null : input('employerCreditCode', words.employerCreditCode, 'text', { required: '' })}
        {input('citizenId', words.citizenId, 'text', { required: '', pattern: '\\d{17}[\\dXx]' })}
        {input('from', words.from, 'month', { required: '' })}
        {input('to', words.to, 'month', { required: '' })}
        {input('monthlyWage', words.monthlyWage, 'text', { required: '', inputmode: 'decimal' })}
        <fieldset>
          <legend>{words.insurances[lang]}</legend>
          {(Object.keys(insuranceWords) as (keyof typeof insuranceWords)[]).map((type) => (
            <label>
              <input type="checkbox" name="insuranceTypes" value={type} checked={chosen.includes(type)} data-testid={`insurance-${type}`} />{' '}
              {insuranceWords[type][lang]}
            </label>
          ))}
        </fieldset>
        {Array.from({ length: EVIDENCE_ROWS }, (_, i) => (
          <fieldset>
            <legend>
              {words.evidence[lang]} {i + 1}
            </legend>
            <label>
              {words.kind[lang]}
              <select name={`evidence${i}.kind`} data-testid={`evidence${i}.kind`}>
                {EVIDENCE_KINDS.map((kind) => (
                  <option value={kind} selected={kind === (values[`evidence${i}.kind`] ?? 'contract')}>
                    {kindWords[kind][lang]}
                  </option>
                ))}
              </select>
            </label>
            <label>
              {words.file[lang]}
              <input type="file" name={`evidence${i}.file`} data-testid={`evidence${i}.file`} />
            </label>
            {input(`evidence${i}.reference`, words.reference)}
            {input(`evidence${i}.issuedOn`, words.issuedOn, 'date')}
          </fieldset>
        ))}
      </>
    );
  },
  async submit(form, call, actor) {
    // Each evidence row with a scan is uploaded first; a row without one is left out.
    const evidence = [];
    for (let i = 0; i < EVIDENCE_ROWS; i += 1) {
      const file = form[`evidence${i}.file`];
      if (!(file instanceof File) || file.size === 0) continue;
      const upload = new FormData();
      upload.append('file', file, file.name);
      const stored = await call<{ attachmentId: string }>('POST', '/v1/attachments', upload);
      if (!stored.ok) return stored;
      const reference = field(form, `evidence${i}.reference`);
      const issuedOn = field(form, `evidence${i}.issuedOn`);
      evidence.push({
        attachmentId: stored.body.attachmentId,
        kind: field(form, `evidence${i}.kind`) || 'contract',
        ...(reference ? { reference } : {}),
        ...(issuedOn ? { issuedOn } : {}),
      });
    }
    const insurances = form.insuranceTypes ?? [];
    return call('POST', '/v1/back-payments', {
      ...(actor.role === 'employer' ? {} : { employerCreditCode: field(form, 'employerCreditCode') }),
      citizenId: field(form, 'citizenId'),
      from: field(form, 'from'),
      to: field(form, 'to'),
      monthlyWage: field(form, 'monthlyWage'),
      insuranceTypes: (Array.isArray(insurances) ? insurances : [insurances]).filter((item): item is string => typeof item === 'string'),
      evidence,
    });
  },
};
