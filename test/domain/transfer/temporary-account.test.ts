import { describe, expect, it } from 'vitest';
import { citizenIdCheckChar, parseCitizenId } from '../../../domain/identity/citizen-id.js';
import { type TemporaryAccountInput, decideTemporaryAccount } from '../../../domain/transfer/temporary-account.js';
import { expectDomainError } from './domain-error.js';

const idOf = (body: string) => parseCitizenId(body + citizenIdCheckChar(body));
const MAN = idOf('33010219751015001'); // male (sequence 001), born 1975-10-15, Hangzhou hukou
const WOMAN = idOf('33010219851015002'); // female (sequence 002), born 1985-10-15

const input = (over: Partial<TemporaryAccountInput>): TemporaryAccountInput => ({
  person: MAN,
  transferDate: '2025-10-15',
  hukouRegion: '330102',
  toRegion: '440300',
  approvedTransfer: false,
  ...over,
});

describe('decideTemporaryAccount', () => {
  it('opens a temporary account for a man on his 50th birthday moving out of his hukou province (§6.1, 国办发〔2009〕66号 art. 5)', () => {
    const d = decideTemporaryAccount(input({}));
    expect(d).toMatchObject({ temporaryAccount: true, rule: 'TEMPORARY_ACCOUNT', age: { years: 50, months: 0 }, minAgeYears: 50 });
    expect(d.workings[0]).toContain('temporaryAccount.minAgeMale');
  });

  it('transfers a man the day before his 50th birthday as usual (§6.1 age boundary)', () => {
    expect(decideTemporaryAccount(input({ transferDate: '2025-10-14' }))).toMatchObject({
      temporaryAccount: false,
      rule: 'BELOW_AGE_LIMIT',
      age: { years: 49, months: 11 },
    });
  });

  it('opens a temporary account for a woman from her 40th birthday, not the day before (§6.1 age boundary)', () => {
    expect(decideTemporaryAccount(input({ person: WOMAN }))).toMatchObject({ temporaryAccount: true, minAgeYears: 40 });
    expect(decideTemporaryAccount(input({ person: WOMAN, transferDate: '2025-10-14' }))).toMatchObject({ temporaryAccount: false, rule: 'BELOW_AGE_LIMIT' });
  });

  it('transfers anyone of any age moving into the hukou province (§6.1 hukou exception)', () => {
    const d = decideTemporaryAccount(input({ toRegion: '330200', transferDate: '2035-01-01' }));
    expect(d).toMatchObject({ temporaryAccount: false, rule: 'INTO_HUKOU_PROVINCE' });
  });

  it('transfers a move approved by an organisation or 人社 department (§6.1 exception)', () => {
    expect(decideTemporaryAccount(input({ approvedTransfer: true }))).toMatchObject({ temporaryAccount: false, rule: 'APPROVED_TRANSFER' });
  });

  it('follows configured ages (temporaryAccount.minAgeMale, minAgeFemale)', () => {
    const policy = { minAgeMale: 55, minAgeFemale: 45 };
    expect(decideTemporaryAccount(input({}), policy).temporaryAccount).toBe(false);
    expect(decideTemporaryAccount(input({ person: WOMAN }), policy).temporaryAccount).toBe(false);
    expect(decideTemporaryAccount(input({ transferDate: '2030-10-15' }), policy).temporaryAccount).toBe(true);
  });

  it('refuses a bad region or a transfer before birth', () => {
    expectDomainError(() => decideTemporaryAccount(input({ toRegion: '99' })), 'INVALID_REGION_CODE', 'toRegion');
    expectDomainError(() => decideTemporaryAccount(input({ hukouRegion: '990000' })), 'INVALID_REGION_CODE', 'hukouRegion');
    expectDomainError(() => decideTemporaryAccount(input({ transferDate: '1970-01-01' })), 'INVALID_DATE');
  });
});
