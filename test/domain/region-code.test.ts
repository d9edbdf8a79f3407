import { describe, expect, it } from 'vitest';
import { DomainError } from '../../domain/errors.js';
import { isRegionCode, isWithinRegion, parentRegionCode, parseRegionCode, regionLevel } from '../../domain/region-code.js';

describe('parseRegionCode', () => {
  it('accepts 6-digit GB/T 2260 codes at every level', () => {
    expect(parseRegionCode('330102')).toBe('330102');
    expect(parseRegionCode('330100')).toBe('330100');
    expect(parseRegionCode('330000')).toBe('330000');
    expect(parseRegionCode('429004')).toBe('429004'); // county-level city directly under Hubei
  });

  it('refuses wrong shapes and unknown provinces with INVALID_REGION_CODE', () => {
    for (const bad of ['33010', '3301020', '33010A', '', '990102', '000000']) {
      expect(() => parseRegionCode(bad), bad).toThrow(DomainError);
      expect(isRegionCode(bad), bad).toBe(false);
    }
    try {
      parseRegionCode('990102');
    } catch (err) {
      expect((err as DomainError).code).toBe('INVALID_REGION_CODE');
    }
  });

  it('refuses a county code without a prefecture segment', () => {
    expect(() => parseRegionCode('330002')).toThrow(/needs a prefecture/);
  });
});

describe('regionLevel', () => {
  it('reads the level from the trailing zeros', () => {
    expect(regionLevel('330000')).toBe('province');
    expect(regionLevel('330100')).toBe('city');
    expect(regionLevel('330102')).toBe('county');
    expect(regionLevel('110105')).toBe('county');
  });
});

describe('parentRegionCode', () => {
  it('walks 330102 → 330100 → 330000 → null', () => {
    expect(parentRegionCode('330102')).toBe('330100');
    expect(parentRegionCode('330100')).toBe('330000');
    expect(parentRegionCode('330000')).toBeNull();
  });

  it('puts a municipality district under its 0100 segment: 110105 → 110100', () => {
    expect(parentRegionCode('110105')).toBe('110100');
  });
});

describe('isWithinRegion', () => {
  it('is true for the region itself and every ancestor', () => {
    expect(isWithinRegion('330102', '330102')).toBe(true);
    expect(isWithinRegion('330102', '330100')).toBe(true);
    expect(isWithinRegion('330102', '330000')).toBe(true);
  });

  it('is false for siblings, other provinces and descendants', () => {
    expect(isWithinRegion('330106', '330102')).toBe(false);
    expect(isWithinRegion('330102', '320000')).toBe(false);
    expect(isWithinRegion('330100', '330102')).toBe(false);
  });

  it('refuses an invalid code on either side', () => {
    expect(() => isWithinRegion('33010', '330000')).toThrow(DomainError);
    expect(() => isWithinRegion('330102', 'abc')).toThrow(DomainError);
  });
});
