import { describe, expect, it } from 'vitest';
import { readCsvText, unquotedCsvReader } from '../../../domain/contribution/csv-format.js';
import { decodedChunks, readRoster, textEncodingOf } from '../../../domain/contribution/declaration-csv.js';
import { readPaymentFile } from '../../../domain/contribution/payment-file.js';
import { citizenId } from '../../support/factories.js';

const records = (text: string) => {
  const seen: string[][] = [];
  const { fault } = readCsvText(text, { record: (cells) => void seen.push(cells), result: () => seen });
  return { seen, fault };
};

describe('CSV files are read by RFC 4180 (csv-parse; docs/contributions.md)', () => {
  it('keeps the empty last field of "a,b," at the end of a file without a final line break', () => {
    expect(records('x,y,z\na,b,').seen).toEqual([
      ['x', 'y', 'z'],
      ['a', 'b', ''],
    ]);
    expect(records('x,y,z\na,b,\n').seen).toEqual(records('x,y,z\na,b,').seen);
  });

  it('reads quoted cells with separators, doubled quotes and line breaks, CRLF line ends and a BOM', () => {
    expect(records('\uFEFF姓名,备注\r\n"张,三","说""好""\r\n两行"\r\n').seen).toEqual([
      ['姓名', '备注'],
      ['张,三', '说"好"\r\n两行'],
    ]);
  });

  it('skips empty lines but keeps a line of empty cells', () => {
    expect(records('a,b\n\n1,2\n\n,\n').seen).toEqual([
      ['a', 'b'],
      ['1', '2'],
      ['', ''],
    ]);
  });

  it('refuses a quote never closed, naming the data row it opens in, after reading the rows before', () => {
    const { seen, fault } = records('a,b\n1,2\n3,"open\n4,5\n');
    expect(seen).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
    expect(fault).toEqual({ path: 'rows[1]', message: 'a quoted cell is never closed (line 4)' });
  });

  it('refuses text after a closing quote, and a quote inside an unquoted cell, rather than guessing', () => {
    expect(records('a,b\n"x"y,2\n').fault).toMatchObject({ path: 'rows[0]', message: expect.stringContaining('closing quote') });
    expect(records('a,b\n1,x"y\n').fault).toMatchObject({ path: 'rows[0]', message: expect.stringContaining('unquoted cell') });
    expect(records('"a,b\n').fault).toMatchObject({ path: 'columns' });
  });

  it('refuses a NUL character on the line that holds it, after reading the lines before (no stored text can hold U+0000)', () => {
    const { seen, fault } = records('a,b\n1,2\n3,x\u0000y\n4,5\n');
    expect(seen).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
    expect(fault).toEqual({ path: 'rows[1]', message: expect.stringContaining('line 3 holds the character U+0000') });
    expect(records('a\u0000,b\n1,2\n').fault).toMatchObject({ path: 'columns', message: expect.stringContaining('line 1') });
  });
});

describe('roster files (issue 3)', () => {
  it('keeps the row numbers of a roster when a row has too few cells, and reports a trailing empty cell as a cell', () => {
    const id = citizenId();
    const r = readRoster(`citizenId,name,monthlyWage,insuranceTypes\n${id},a,100.00\n${citizenId()},b,100.00,`);
    expect(r.issues).toEqual([{ path: 'rows[0]', message: 'has 3 cells, the header has 4' }]);
    expect(r.lines[1]).toMatchObject({ name: 'b', insuranceTypes: [] });
  });

  it('reports a malformed quote with the row it is on, after the rows before it', () => {
    const r = readRoster(`citizenId,name,monthlyWage\n${citizenId()},a,1,2\n${citizenId()},"b,100.00\n`);
    expect(r.issues).toEqual([
      { path: 'rows[0]', message: 'has 4 cells, the header has 3' },
      { path: 'rows[1]', message: expect.stringContaining('never closed') },
    ]);
  });

  it('refuses an empty file', () => {
    expect(readRoster('').issues).toEqual([{ path: 'columns', message: 'the file is empty' }]);
  });
});

describe('decoding uploads a megabyte at a time (UTF-8, else GBK)', () => {
  it('decodes GBK characters split across chunk boundaries', () => {
    const gbk = new Uint8Array([0xd0, 0xd5, 0xc3, 0xfb, 0x2c, 0x41]); // 姓名,A
    expect(textEncodingOf(gbk)).toBe('gbk');
    expect([...decodedChunks(gbk, 'gbk', 1)].join('')).toBe('姓名,A');
    const utf8 = new TextEncoder().encode('\uFEFF姓名');
    expect([...decodedChunks(utf8, 'utf-8', 2)].join('')).toBe('姓名');
  });
});

describe('payment files (issue 3)', () => {
  it('reads a bank file and names each bad field by row', () => {
    const r = readPaymentFile(
      '交易流水号,付款单位信用代码,金额,交易日期\nT1,91330102MA2H00014Y,100.00,20261110\nT1,91330102MA2H00014Y,1.001,20261111',
      'bank',
      '2026-11-10',
    );
    expect(r.payments[0]).toEqual({ idempotencyKey: 'bank:T1', employer: '91330102MA2H00014Y', amount: '100.00', paidOn: '2026-11-10', reference: 'T1' });
    expect(r.issues.map((i) => i.path)).toEqual(['rows[1].id', 'rows[1].amount', 'rows[1].date']);
  });

  it('refuses a file without the layout’s columns', () => {
    expect(readPaymentFile('a,b\n1,2\n', 'tax', '2026-11-10').issues.map((i) => i.message)).toEqual([
      expect.stringContaining('电子税票号'),
      expect.stringContaining('纳税人识别号'),
      expect.stringContaining('实缴金额'),
      expect.stringContaining('入库日期'),
    ]);
  });
});

describe('the quote-free fast path reads exactly what csv-parse reads (issue 16)', () => {
  /** A seeded generator (mulberry32), so a failure can be replayed. */
  const random = (seed: number) => {
    let a = seed;
    return () => {
      a = (a + 0x6d2b79f5) | 0;
      let t = Math.imul(a ^ (a >>> 15), 1 | a);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
    };
  };
  const fast = (chunks: string[]) => {
    const seen: string[][] = [];
    const reader = unquotedCsvReader({ record: (cells) => void seen.push(cells), result: () => seen });
    chunks.forEach((c) => reader.push(c));
    reader.end();
    return seen;
  };

  it('on 5 000 random quote-free texts with mixed line ends, empty lines and cells, a BOM, in random chunks', () => {
    const next = random(16);
    const alphabet = ['a', 'b', '张', ' ', ',', ',', '\n', '\r', '\r\n', '\uFEFF', '1', ';'];
    for (let n = 0; n < 5_000; n += 1) {
      let text = next() < 0.1 ? '\uFEFF' : '';
      const length = Math.floor(next() * 40);
      for (let i = 0; i < length; i += 1) text += alphabet[Math.floor(next() * alphabet.length)]!;
      const chunks: string[] = [];
      for (let at = 0; at < text.length;) {
        const size = 1 + Math.floor(next() * 6);
        chunks.push(text.slice(at, at + size));
        at += size;
      }
      const expected = records(text);
      expect(expected.fault).toBeNull();
      expect({ text, seen: fast(chunks) }).toEqual({ text, seen: expected.seen });
    }
  });
});
