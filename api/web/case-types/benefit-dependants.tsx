// The dependants (供养亲属) of a work-injury survivor claim on the filing form: any number of rows, without JavaScript.
// The form shows `dependantRows` rows (two at first); the "add a dependant" button posts the form back and it is drawn
// again with one more row and everything typed kept. A row without a name is blank and not sent. The API numbers the
// dependants it was sent (`dependants.0.birthDate`); a refusal is turned back to the row the user sees.
import { DEPENDANT_RELATIONS } from '../../../domain/benefit/survivor-dependants.js';
import type { ApiAnswer } from '../api-client.js';
import type { Lang } from '../i18n/messages.js';
import { dependantRelationLabels } from './benefit-labels.js';
import type { PostedForm } from './filings.js';

/** Rows on a fresh form, and the most the API takes (docs/api.md: at most 20 dependants). */
export const FIRST_DEPENDANT_ROWS = 2;
export const MAX_DEPENDANT_ROWS = 20;
/** The submit button that only draws the form again with one more row. */
export const ADD_DEPENDANT = 'addDependant';

const words = {
  legend: { zh: '供养亲属（因工死亡遗属待遇，可不填空行）', en: 'Dependants (work-injury survivor benefits; blank rows are ignored)' },
  row: { zh: '供养亲属', en: 'Dependant' },
  name: { zh: '姓名', en: 'Name' },
  relation: { zh: '与逝者关系', en: 'Relation to the deceased' },
  sex: { zh: '性别', en: 'Sex' },
  male: { zh: '男', en: 'Male' },
  female: { zh: '女', en: 'Female' },
  birthDate: { zh: '出生日期', en: 'Date of birth' },
  monthlyIncome: { zh: '本人月收入（元）', en: 'Own income a month (yuan)' },
  fullyDisabled: { zh: '完全丧失劳动能力', en: 'Fully unable to work' },
  closerRelativesGone: {
    zh: '顺序在前的亲属已不在（祖父母：逝者父母均已死亡；孙子女：其父母已死亡或完全丧失劳动能力；兄弟姐妹：逝者父母均已死亡或完全丧失劳动能力）',
    en: 'The closer relatives are gone (grandparent: both of the deceased’s parents dead; grandchild: their parent dead or fully disabled; sibling: both parents dead or fully disabled)',
  },
  orphanOrLoneElderly: { zh: '孤寡老人或孤儿', en: 'A lone elderly person or an orphan' },
  add: { zh: '增加一位供养亲属', en: 'Add a dependant' },
} as const;

const field = (row: number, name: string) => `dependants.${row}.${name}`;

const text = (form: PostedForm, name: string): string => {
  const value = form[name];
  return typeof value === 'string' ? value.trim() : '';
};

/** How many rows to draw: as many as the form had (at least the first two), one more after "add a dependant". */
export function dependantRowCount(values: Record<string, string>): number {
  const had = Number.parseInt(values.dependantRows ?? '', 10);
  const rows = Number.isInteger(had) && had > 0 ? had : FIRST_DEPENDANT_ROWS;
  return Math.min(MAX_DEPENDANT_ROWS, Math.max(FIRST_DEPENDANT_ROWS, rows + (values[ADD_DEPENDANT] ? 1 : 0)));
}

/** The rows of the form that are filled in (a name given), each with its row number on the form (0-based). */
export function dependantsOf(form: PostedForm): { row: number; dependant: Record<string, unknown> }[] {
  const filled: { row: number; dependant: Record<string, unknown> }[] = [];
  for (let row = 0; row < dependantRowCount({ dependantRows: text(form, 'dependantRows') }); row += 1) {
    const name = text(form, field(row, 'name'));
    if (!name) continue;
    const given = (key: string) => (text(form, field(row, key)) ? { [key]: text(form, field(row, key)) } : {});
    const ticked = (key: string) => (text(form, field(row, key)) === 'on' ? { [key]: true } : {});
    filled.push({
      row,
      dependant: {
        name,
        relation: text(form, field(row, 'relation')) || 'spouse',
        ...given('sex'),
        ...given('birthDate'),
        ...given('monthlyIncome'),
        ...ticked('fullyDisabled'),
        ...ticked('closerRelativesGone'),
        ...ticked('orphanOrLoneElderly'),
      },
    });
  }
  return filled;
}

/**
 * The API's refusal with `dependants.N…` turned back to the row of the form (blank rows are not sent, so the N-th
 * dependant sent may be a later row): the page then names the field of the row the user filled in.
 */
export function onFormRows<T>(answer: ApiAnswer<T>, rows: readonly number[]): ApiAnswer<T> {
  if (answer.ok) return answer;
  const toRow = (path: string) =>
    path.replace(/\bdependants\.(\d+)(?=\.|\b)/g, (whole, n: string) => {
      const row = rows[Number(n)];
      return row === undefined ? whole : `dependants.${row}`;
    });
  const problem = answer.problem;
  return {
    ...answer,
    problem: { ...problem, detail: toRow(problem.detail), ...(problem.errors ? { errors: problem.errors.map((e) => ({ ...e, path: toRow(e.path) })) } : {}) },
  };
}

/** The rows, refilled from `values` after a refusal or an "add a dependant". */
export function DependantRows(props: { lang: Lang; values: Record<string, string> }) {
  const { lang, values } = props;
  const rows = dependantRowCount(values);
  const value = (row: number, name: string) => values[field(row, name)] ?? '';
  const checkbox = (row: number, name: keyof typeof words) => (
    <label class="check">
      <input name={field(row, name)} type="checkbox" checked={value(row, name) === 'on'} /> {words[name][lang]}
    </label>
  );
  return (
    <fieldset data-testid="dependants">
      <legend>{words.legend[lang]}</legend>
      <input type="hidden" name="dependantRows" value={String(rows)} />
      {Array.from({ length: rows }, (_, row) => (
        <fieldset data-testid="dependant-row" data-row={String(row + 1)}>
          <legend>
            {words.row[lang]} {row + 1}
          </legend>
          <label>
            {words.name[lang]}
            <input name={field(row, 'name')} maxlength={50} value={value(row, 'name')} />
          </label>
          <label>
            {words.relation[lang]}
            <select name={field(row, 'relation')}>
              {DEPENDANT_RELATIONS.map((relation) => (
                <option value={relation} selected={relation === (value(row, 'relation') || 'spouse')}>
                  {dependantRelationLabels[relation][lang]}
                </option>
              ))}
            </select>
          </label>
          <label>
            {words.sex[lang]}
            <select name={field(row, 'sex')}>
              <option value="">—</option>
              <option value="female" selected={value(row, 'sex') === 'female'}>
                {words.female[lang]}
              </option>
              <option value="male" selected={value(row, 'sex') === 'male'}>
                {words.male[lang]}
              </option>
            </select>
          </label>
          <label>
            {words.birthDate[lang]}
            <input name={field(row, 'birthDate')} type="date" value={value(row, 'birthDate')} />
          </label>
          <label>
            {words.monthlyIncome[lang]}
            <input name={field(row, 'monthlyIncome')} inputmode="decimal" pattern="\d+(\.\d{1,2})?" value={value(row, 'monthlyIncome')} />
          </label>
          {checkbox(row, 'fullyDisabled')}
          {checkbox(row, 'closerRelativesGone')}
          {checkbox(row, 'orphanOrLoneElderly')}
        </fieldset>
      ))}
      {rows < MAX_DEPENDANT_ROWS && (
        <button type="submit" name={ADD_DEPENDANT} value="1" formnovalidate data-testid="add-dependant">
          {words.add[lang]}
        </button>
      )}
    </fieldset>
  );
}
