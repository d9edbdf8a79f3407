import { describe, expect, it } from 'vitest';
import { maskBankAccount, maskCitizenId, maskName, maskPhone } from '../../../domain/identity/masking.js';

describe('maskCitizenId', () => {
  it('keeps the first 6 and last 4 characters (docs/architecture.md: ID numbers masked in responses)', () => {
    expect(maskCitizenId('11010519491231002X')).toBe('110105********002X');
  });

  it('hides the birth date completely', () => {
    expect(maskCitizenId('440524188001010014')).not.toContain('18800101');
  });

  it('masks a legacy 15-digit number the same way and a too-short value entirely', () => {
    expect(maskCitizenId('110105491231002')).toBe('110105*****1002');
    expect(maskCitizenId('1234567890')).toBe('**********');
  });
});

describe('maskBankAccount', () => {
  it('keeps only the last 4 digits, ignoring spaces', () => {
    expect(maskBankAccount('6222 0212 3456 7890')).toBe('************7890');
    expect(maskBankAccount('6222021234567890123')).toBe('***************0123');
  });

  it('masks an account of 4 characters or fewer entirely', () => {
    expect(maskBankAccount('1234')).toBe('****');
  });
});

describe('maskPhone', () => {
  it('keeps the first 3 and last 4 digits of a mobile number', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
  });

  it('handles a landline with separators and masks short values entirely', () => {
    expect(maskPhone('0571-8888 1234')).toBe('057*****1234');
    expect(maskPhone('12345')).toBe('*****');
  });
});

describe('maskName', () => {
  it('keeps the first character: 张三丰 → 张**', () => {
    expect(maskName('张三丰')).toBe('张**');
    expect(maskName('李四')).toBe('李*');
  });

  it('fully masks a one-character name and counts characters outside the BMP as one', () => {
    expect(maskName('王')).toBe('*');
    expect(maskName('𠀋小明')).toBe('𠀋**');
    expect(maskName('')).toBe('');
  });
});
