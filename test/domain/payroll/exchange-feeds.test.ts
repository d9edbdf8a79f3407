import { describe, expect, it } from 'vitest';
import { readDeathFeed, readImprisonmentFeed, readLifeProofFeed } from '../../../domain/payroll/exchange-feeds.js';
import { fixedCitizenId } from './fixtures.js';

const a = fixedCitizenId('1950-01-01', 1);
const b = fixedCitizenId('1952-02-02', 3);
const c = fixedCitizenId('1948-12-12', 5);

describe('readDeathFeed (§8 data exchange: public security, civil affairs)', () => {
  it('reads Chinese or English headers into death records (§8 data exchange)', () => {
    const r = readDeathFeed(`\uFEFF身份证号,姓名,死亡日期,来源,证明编号\r\n${a},张三,2025-03-10,公安,GA2025-001\r\n${b},李四,2025-03-11,civilAffairs,MZ-9\r\n`);
    expect(r.issues).toEqual([]);
    expect(r.rows).toBe(2);
    expect(r.records).toEqual([
      {
        row: 0,
        citizenId: a,
        name: '张三',
        deathDate: '2025-03-10',
        source: 'publicSecurity',
        certificateNo: 'GA2025-001',
      },
      { row: 1, citizenId: b, name: '李四', deathDate: '2025-03-11', source: 'civilAffairs', certificateNo: 'MZ-9' },
    ]);
  });

  it('reports each bad row and field, and does not read those rows (§8 data exchange)', () => {
    const bad = `${a.slice(0, 17)}${a.endsWith('0') ? '1' : '0'}`;
    const text = [
      'citizenId,name,deathDate,source,certificateNo',
      `${bad},王五,2025-03-10,公安,1`,
      `${b},李四,2025-02-30,公安,2`,
      `${c},赵六,2025-09-01,醫院,`,
      `${a},张三,2025-03-10`,
    ].join('\n');
    const r = readDeathFeed(text, { today: '2025-06-30' });
    expect(r.issues).toEqual([
      { path: 'rows[0].citizenId', message: expect.stringContaining('wrong check character') },
      { path: 'rows[1].deathDate', message: 'must be a date written YYYY-MM-DD' },
      { path: 'rows[2].deathDate', message: 'is after today (2025-06-30)' },
      { path: 'rows[2].source', message: expect.stringContaining('"醫院" is not') },
      { path: 'rows[2].certificateNo', message: 'must not be empty' },
      { path: 'rows[3]', message: 'has 3 cells, the header has 5' },
      { path: 'rows[3].source', message: expect.any(String) },
      { path: 'rows[3].certificateNo', message: 'must not be empty' },
    ]);
    expect(r.records).toEqual([]);
  });

  it('reports duplicates within a file, and a repeat with different details as an issue (§8 data exchange)', () => {
    const text = [
      'citizenId,name,deathDate,source,certificateNo',
      `${a},张三,2025-03-10,公安,1`,
      `${a},张三,2025-03-10,民政,2`,
      `${a},张三,2025-04-01,公安,3`,
    ].join('\n');
    const r = readDeathFeed(text);
    expect(r.records.map((x) => x.row)).toEqual([0]);
    expect(r.duplicates).toEqual([{ row: 1, firstRow: 0 }]);
    expect(r.issues).toEqual([{ path: 'rows[2]', message: 'the same person as rows[0] with different details; not read' }]);
  });

  it('names missing and unknown columns (§8 data exchange)', () => {
    expect(readDeathFeed('身份证号,姓名,日期\n').issues).toEqual([
      { path: 'columns[2]', message: 'unknown column "日期"' },
      { path: 'columns', message: expect.stringContaining('missing column deathDate') },
      { path: 'columns', message: expect.stringContaining('missing column source') },
      { path: 'columns', message: expect.stringContaining('missing column certificateNo') },
    ]);
    expect(readDeathFeed('').issues).toEqual([{ path: 'columns', message: 'the file is empty' }]);
  });
});

describe('readImprisonmentFeed (§8 data exchange: justice)', () => {
  it('reads open and finished terms, refusing an end before the start (§8 data exchange)', () => {
    const text = [
      '身份证号,姓名,入监日期,出监日期,执行机关,判决书编号',
      `${a},张三,2024-05-01,,杭州市第一监狱,(2024)浙0102刑初1号`,
      `${b},,2023-01-01,2024-12-31,杭州市上城区人民法院,`,
      `${c},赵六,2025-01-01,2024-12-31,某监狱,`,
    ].join('\n');
    const r = readImprisonmentFeed(text);
    expect(r.records).toEqual([
      {
        row: 0,
        citizenId: a,
        name: '张三',
        from: '2024-05-01',
        to: null,
        institution: '杭州市第一监狱',
        judgmentNo: '(2024)浙0102刑初1号',
      },
      {
        row: 1,
        citizenId: b,
        name: null,
        from: '2023-01-01',
        to: '2024-12-31',
        institution: '杭州市上城区人民法院',
        judgmentNo: null,
      },
    ]);
    expect(r.issues).toEqual([{ path: 'rows[2].to', message: 'is before from (2025-01-01)' }]);
  });

  it('reports the same person and start date twice as a duplicate (§8 data exchange)', () => {
    const text = ['citizenId,from,to,institution', `${a},2024-05-01,,P1`, `${a},2024-05-01,,P1`, `${a},2024-05-01,2026-01-01,P1`, `${a},2025-05-01,,P1`].join(
      '\n',
    );
    const r = readImprisonmentFeed(text);
    expect(r.records.map((x) => x.row)).toEqual([0, 3]);
    expect(r.duplicates).toEqual([{ row: 1, firstRow: 0 }]);
    expect(r.issues).toEqual([{ path: 'rows[2]', message: 'the same person and start date as rows[0] with different details; not read' }]);
  });
});

describe('readLifeProofFeed (§8 verification by data matching)', () => {
  it('reads life records and hospital visits, drops an identical repeat and reports bad rows by field (§8 verification)', () => {
    const text = [
      '身份证号,姓名,发生日期,类别,来源,记录编号',
      `${a},张三,2026-11-03,就医记录,浙江省医保平台,MZ-1`,
      `${b},,2026-11-04,lifeRecord,公安,GA-7`,
      `${a},张三,2026-11-03,就医记录,浙江省医保平台,MZ-1`,
      `${a},张三,2026-11-05,就医记录,浙江省医保平台,MZ-1`,
      `${c},赵六,2026-12-31,officeVisit,,GA-8`,
    ].join('\r\n');
    const r = readLifeProofFeed(text, { today: '2026-12-02' });
    expect(r.rows).toBe(5);
    expect(r.records).toEqual([
      { row: 0, citizenId: a, name: '张三', date: '2026-11-03', kind: 'hospitalVisit', source: '浙江省医保平台', reference: 'MZ-1' },
      { row: 1, citizenId: b, name: null, date: '2026-11-04', kind: 'lifeRecord', source: '公安', reference: 'GA-7' },
    ]);
    expect(r.duplicates).toEqual([{ row: 2, firstRow: 0 }]);
    expect(r.issues.map((i) => i.path)).toEqual(['rows[3]', 'rows[4].date', 'rows[4].kind', 'rows[4].source']);
  });
});
