// 离休 / 二乙 医疗费申报: an employer agent (the person's former unit) or the front office declares itemised medical
// expenses for a person on the category's list (rules §5.6). The form carries up to three invoices of up to three
// items each; only filled rows are sent. The body is POST /v1/medical-expense-declarations (docs/declarations.md).
import type { CaseTypeFiling, PostedForm } from './filings.js';

const words = {
  category: { zh: '类别', en: 'Category' },
  lixiu: { zh: '离休人员', en: 'Retired cadre (离休)' },
  erYi: { zh: '二等乙级以上革命伤残军人', en: 'Disabled serviceman, grade 2-B and above (二乙)' },
  citizenId: { zh: '公民身份号码', en: 'Citizen ID' },
  region: { zh: '参保地', en: 'Region' },
  hospitalCode: { zh: '医院编码', en: 'Hospital code' },
  hospitalName: { zh: '医院名称', en: 'Hospital name' },
  serviceFrom: { zh: '就诊（入院）日期', en: 'Treatment from (admission)' },
  serviceTo: { zh: '结束（出院）日期', en: 'Treatment to (discharge)' },
  invoice: { zh: '发票', en: 'Invoice' },
  invoiceNo: { zh: '发票号码', en: 'Invoice number' },
  issuedOn: { zh: '开票日期', en: 'Issued on' },
  item: { zh: '项目', en: 'Item' },
  amount: { zh: '金额（元）', en: 'Amount (yuan)' },
} as const;

const INVOICES = 3;
const ITEMS = 3;

const text = (form: PostedForm, name: string): string => {
  const value = form[name];
  return typeof value === 'string' ? value.trim() : '';
};

/** The JSON body from the posted form: the invoices and items that were filled in, in order. */
function bodyOf(form: PostedForm): Record<string, unknown> {
  const invoices = [];
  for (let i = 0; i < INVOICES; i += 1) {
    const invoiceNo = text(form, `invoice${i}.no`);
    const items = [];
    for (let j = 0; j < ITEMS; j += 1) {
      const description = text(form, `invoice${i}.item${j}.description`);
      const amount = text(form, `invoice${i}.item${j}.amount`);
      if (description || amount) items.push({ description, amount });
    }
    if (invoiceNo || items.length > 0) invoices.push({ invoiceNo, issuedOn: text(form, `invoice${i}.issuedOn`), items });
  }
  return {
    category: text(form, 'category') || 'lixiu',
    citizenId: text(form, 'citizenId'),
    region: text(form, 'region'),
    hospital: { code: text(form, 'hospitalCode'), name: text(form, 'hospitalName') },
    serviceFrom: text(form, 'serviceFrom'),
    serviceTo: text(form, 'serviceTo'),
    invoices,
  };
}

export const medicalExpenseFiling: CaseTypeFiling = {
  type: 'medicalExpense',
  title: { zh: '离休 / 二乙医疗费申报', en: 'Medical expenses of retired cadres / disabled servicemen' },
  roles: ['employer', 'caseworker', 'reviewer', 'supervisor'],
  Form({ lang, session, values, regions }) {
    const actor = session.actor;
    const field = (name: string, label: { zh: string; en: string }, type = 'text', extra: Record<string, string> = {}) => (
      <label>
        {label[lang]}
        <input name={name} type={type} value={values[name] ?? ''} data-testid={name} {...extra} />
      </label>
    );
    return (
      <>
        <label>
          {words.category[lang]}
          <select name="category" required data-testid="category">
            {(['lixiu', 'erYi'] as const).map((c) => (
              <option value={c} selected={c === (values.category ?? 'lixiu')}>
                {words[c][lang]}
              </option>
            ))}
          </select>
        </label>
        {field('citizenId', words.citizenId, 'text', { required: '', pattern: '\\d{17}[\\dXx]' })}
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
        {field('hospitalCode', words.hospitalCode)}
        {field('hospitalName', words.hospitalName)}
        {field('serviceFrom', words.serviceFrom, 'date')}
        {field('serviceTo', words.serviceTo, 'date')}
        {Array.from({ length: INVOICES }, (_, i) => (
          <fieldset>
            <legend>
              {words.invoice[lang]} {i + 1}
            </legend>
            {field(`invoice${i}.no`, words.invoiceNo)}
            {field(`invoice${i}.issuedOn`, words.issuedOn, 'date')}
            {Array.from({ length: ITEMS }, (_, j) => (
              <div class="row">
                {field(`invoice${i}.item${j}.description`, words.item)}
                {field(`invoice${i}.item${j}.amount`, words.amount, 'text', { inputmode: 'decimal' })}
              </div>
            ))}
          </fieldset>
        ))}
      </>
    );
  },
  submit(form, call) {
    return call('POST', '/v1/medical-expense-declarations', bodyOf(form));
  },
};
