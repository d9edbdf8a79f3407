import { describe, expect, it } from 'vitest';
import { fraudPenalty } from '../../../domain/supervision/penalty.js';

describe('fraudPenalty (社会保险法 art. 88, §8)', () => {
  it('returns the money and fines 2 × at the bottom of the range: 13 784.88 + 27 569.76 (社会保险法 art. 88, §8)', () => {
    expect(fraudPenalty('13784.88', '2')).toEqual({
      returned: '13784.88',
      multiple: '2',
      fine: '27569.76',
      total: '41354.64',
      workings: [
        'return the amount obtained 13784.88 (社会保险法 art. 88)',
        'fine 13784.88 × 2 = 27569.76 (range 2–5 ×, 社会保险法 art. 88)',
        'total 13784.88 + 27569.76 = 41354.64',
      ],
    });
  });

  it('accepts 5 × and fractional multiples inside the range, rounding the fine half-up to the fen (社会保险法 art. 88, §8)', () => {
    expect(fraudPenalty('13784.88', '5').fine).toBe('68924.40');
    expect(fraudPenalty('1234.57', '2.5').fine).toBe('3086.43'); // 3 086.425
  });

  it('refuses a multiple outside 2–5 and an amount that is not positive (社会保险法 art. 88, §8)', () => {
    expect(() => fraudPenalty('1000.00', '1.99')).toThrow(/between 2 and 5/);
    expect(() => fraudPenalty('1000.00', '5.01')).toThrow(/between 2 and 5/);
    expect(() => fraudPenalty('1000.00', 'three')).toThrow(/between 2 and 5/);
    expect(() => fraudPenalty('0.00', '2')).toThrow(/must be positive/);
  });

  it('follows a configured range (社会保险法 art. 88, §8)', () => {
    expect(fraudPenalty('100.00', '1', { minMultiple: '1', maxMultiple: '3' }).fine).toBe('100.00');
  });
});
