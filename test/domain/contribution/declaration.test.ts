import { describe, expect, it } from 'vitest';
import { HolidayCalendar } from '../../../domain/calendar/holiday-calendar.js';
import { CN_CALENDAR_YEARS } from '../../../domain/calendar/default-calendar.js';
import { billDueDate, computeDeclaration, periodProblem, provisionalAmount, validateDeclarationLines } from '../../../domain/contribution/declaration.js';
import { decodeRosterBytes, readRoster } from '../../../domain/contribution/declaration-csv.js';
import { Money } from '../../../domain/money.js';
import { citizenId } from '../../support/factories.js';
import { e1Parameters } from './e1-parameters.js';

const ALL = ['pension', 'medical', 'unemployment', 'workInjury'] as const;

describe('declarations', () => {
  it('computes each employee and sums the bill per insurance (§3.1–3.3, E1)', () => {
    const lines = [
      { citizenId: citizenId(), name: '张三', monthlyWage: '12000.00', insuranceTypes: [...ALL] },
      { citizenId: citizenId({ sex: 'female' }), name: '李四', monthlyWage: '4000.00', insuranceTypes: [...ALL] },
    ];
    const r = computeDeclaration(lines, e1Parameters(), '2');
    expect(r.issues).toEqual([]);
    expect(r.lines[0]!.total.toString()).toBe('4368.00'); // E1
    expect(r.lines[1]!.base.toString()).toBe('6000.00'); // E1 step 5: floor
    expect(r.totals.byInsurance.pension.employer.toString()).toBe('2880.00'); // 1920 + 960
    expect(r.totals.total.toString()).toBe('6552.00'); // 4368 + 6000 × 0.364
  });

  it('reports every bad row and field at once: bad ID, negative and three-decimal wages, duplicates (issue 3)', () => {
    const id = citizenId();
    const bad = id.slice(0, 17) + (id.endsWith('1') ? '2' : '1');
    const issues = validateDeclarationLines([
      { citizenId: id, name: 'a', monthlyWage: '8000.00', insuranceTypes: ['pension'] },
      { citizenId: bad, name: 'b', monthlyWage: '-1.00', insuranceTypes: ['pension'] },
      { citizenId: id, name: 'c', monthlyWage: '8000.123', insuranceTypes: ['pension'] },
    ]);
    expect(issues.map((i) => i.path)).toEqual(['rows[1].citizenId', 'rows[1].monthlyWage', 'rows[2].citizenId', 'rows[2].monthlyWage']);
    expect(issues[1]!.message).toContain('negative');
    expect(issues[2]!.message).toContain('rows[0]');
    expect(issues[3]!.message).toContain('more than 2 decimal');
  });

  it('refuses a period in the future (issue 3) and accepts the current month', () => {
    expect(periodProblem('2026-12', '2026-11-27')).toContain('future');
    expect(periodProblem('2026-11', '2026-11-27')).toBeNull();
    expect(periodProblem('2026-13', '2026-11-27')).toContain('YYYY-MM');
  });

  it('falls due on the regional due day of the next month, rolled past rest days (§3.3, §9)', () => {
    const calendar = new HolidayCalendar(CN_CALENDAR_YEARS);
    expect(billDueDate('2025-02', 15)).toBe('2025-03-15');
    expect(billDueDate('2025-02', 15, calendar)).toBe('2025-03-17'); // 15 March 2025 is a Saturday
    expect(billDueDate('2025-09', 1, calendar)).toBe('2025-10-09'); // National Day block
    expect(billDueDate('2025-12', 15)).toBe('2026-01-15');
  });

  it('bills 110 % of the previous month when the employer does not declare (§3.3, 社会保险法 art. 62)', () => {
    expect(provisionalAmount(Money.of('4368.00')).toString()).toBe('4804.80');
    expect(provisionalAmount(Money.of('0.05')).toString()).toBe('0.06');
  });
});

describe('roster files', () => {
  const header = '身份证号,姓名,月工资,险种';
  it('reads Chinese or English headers and insurance names (issue 3)', () => {
    const id = citizenId();
    const r = readRoster(`\uFEFF${header}\r\n${id},"张,三",12000.00,养老;医疗\r\n`);
    expect(r.issues).toEqual([]);
    expect(r.lines).toEqual([{ citizenId: id, name: '张,三', monthlyWage: '12000.00', insuranceTypes: ['pension', 'medical'] }]);
    const en = readRoster(`citizenId,name,monthlyWage\n${id},Zhang,100.00\n`);
    expect(en.lines[0]!.insuranceTypes).toEqual([...ALL]);
  });

  it('refuses wrong columns by name (issue 3)', () => {
    const r = readRoster('身份证号,工资\n1,2\n');
    expect(r.issues).toEqual([
      { path: 'columns[1]', message: 'unknown column "工资"' },
      { path: 'columns', message: expect.stringContaining('name') },
      { path: 'columns', message: expect.stringContaining('monthlyWage') },
    ]);
  });

  it('decodes UTF-8 and GBK and refuses bytes that are neither (issue 3)', () => {
    const utf8 = new TextEncoder().encode(header);
    expect(decodeRosterBytes(utf8)).toEqual({ ok: true, text: header, encoding: 'utf-8' });
    // "姓名" in GBK: D0 D5 C3 FB
    const gbk = new Uint8Array([0xd0, 0xd5, 0xc3, 0xfb]);
    expect(decodeRosterBytes(gbk)).toEqual({ ok: true, text: '姓名', encoding: 'gbk' });
    expect(decodeRosterBytes(new Uint8Array([0x41, 0xff, 0xff, 0x42]))).toMatchObject({ ok: false });
  });
});
