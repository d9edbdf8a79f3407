// The survivor claim form's dependant rows (issue 10 point 7; §5.5 供养亲属): any number of rows without JavaScript, blank
// rows not sent, and a refusal of the N-th dependant sent named as the row of the form the user filled in.
import { describe, expect, it } from 'vitest';
import type { ApiAnswer } from '../../../api/web/api-client.js';
import { ADD_DEPENDANT, dependantRowCount, dependantsOf, MAX_DEPENDANT_ROWS, onFormRows } from '../../../api/web/case-types/benefit-dependants.js';
import { describeProblem, fieldName } from '../../../api/web/i18n/problem-text.js';

describe('the survivor form’s dependant rows', () => {
  it('§5.5 draws two rows at first, one more after "add a dependant", never more than the API takes', () => {
    expect(dependantRowCount({})).toBe(2);
    expect(dependantRowCount({ dependantRows: '2', [ADD_DEPENDANT]: '1' })).toBe(3);
    expect(dependantRowCount({ dependantRows: '3' })).toBe(3);
    expect(dependantRowCount({ dependantRows: 'x' })).toBe(2);
    expect(dependantRowCount({ dependantRows: String(MAX_DEPENDANT_ROWS), [ADD_DEPENDANT]: '1' })).toBe(MAX_DEPENDANT_ROWS);
  });

  it('§5.5 sends the rows with a name, each with what the 供养亲属 test reads, and remembers their row', () => {
    const form = {
      dependantRows: '3',
      'dependants.0.name': ' 王芳 ',
      'dependants.0.relation': 'spouse',
      'dependants.0.sex': 'female',
      'dependants.0.birthDate': '1966-03-01',
      'dependants.0.monthlyIncome': '800.00',
      'dependants.1.relation': 'parent',
      'dependants.2.name': '张小明',
      'dependants.2.relation': 'child',
      'dependants.2.sex': 'male',
      'dependants.2.monthlyIncome': '0.00',
      'dependants.2.fullyDisabled': 'on',
      // A row past the count the form drew is not a row of the form.
      'dependants.3.name': '多余',
    };
    expect(dependantsOf(form)).toEqual([
      { row: 0, dependant: { name: '王芳', relation: 'spouse', sex: 'female', birthDate: '1966-03-01', monthlyIncome: '800.00' } },
      { row: 2, dependant: { name: '张小明', relation: 'child', sex: 'male', monthlyIncome: '0.00', fullyDisabled: true } },
    ]);
  });

  it('§5.5 names the field of the form’s row when the API refuses the second dependant sent (the third row)', () => {
    const refused: ApiAnswer<unknown> = {
      ok: false,
      status: 400,
      problem: {
        status: 400,
        code: 'VALIDATION_FAILED',
        title: 'Bad Request',
        detail: 'Invalid request: dependants.1.birthDate is required',
        errors: [{ path: 'dependants.1.birthDate', message: 'is required' }],
      },
    };
    const answer = onFormRows(refused, [0, 2]);
    if (answer.ok) throw new Error('expected the refusal');
    expect(answer.problem.errors).toEqual([{ path: 'dependants.2.birthDate', message: 'is required' }]);
    expect(answer.problem.detail).toBe('Invalid request: dependants.2.birthDate is required');
    expect(describeProblem(answer.problem, 'zh')).toBe('以下内容有误：第 3 位供养亲属 出生日期。');
    expect(fieldName('dependants.0.monthlyIncome', 'en')).toBe('own income a month (dependant 1)');
    expect(fieldName('lines[1].monthlyWage', 'zh')).toBe('第 2 项 月工资（元）');
  });
});
