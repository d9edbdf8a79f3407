import { describe, expect, it } from 'vitest';
import { writeBankPaymentFile, type BankPaymentLine } from '../../../domain/payroll/bank-file.js';
import { reconcileBankReturn, returnFileFingerprint, type SentLine } from '../../../domain/payroll/bank-return.js';
import { DEFAULT_BANK_FILE_POLICY } from '../../../domain/payroll/payroll-policy.js';
import { fixedCitizenId } from './fixtures.js';

const line = (overrides: Partial<BankPaymentLine> = {}): BankPaymentLine => ({
  lineId: 'PEN-1:2025-05:monthly',
  citizenId: fixedCitizenId(),
  name: '张三',
  bankCode: '102100099996',
  bankAccount: '6222 0212 3456 7890',
  amount: '4594.96',
  period: '2025-05',
  benefit: 'pension',
  ...overrides,
});

const sent: SentLine[] = [
  { lineId: 'L1', bankAccount: '6222021234567890', amount: '2070.00' },
  { lineId: 'L2', bankAccount: '6222021234560002', amount: '4594.96' },
  { lineId: 'L3', bankAccount: '6222021234560003', amount: '1000.00' },
];
const header = 'batchId,lineId,bankAccount,amount,status,reasonCode,reasonText,bankReference';

describe('writeBankPaymentFile (§8 banks, docs/rules/payroll.md)', () => {
  it('writes a UTF-8 CSV with a header, CRLF lines, spaces removed from accounts and quoted names (§8 banks)', () => {
    const r = writeBankPaymentFile('PR202505-330102', [
      line(),
      line({ lineId: 'UNE-1:2025-05:monthly', name: 'Li, Si', amount: '2070', benefit: 'unemployment' }),
    ]);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.text.split('\r\n')).toEqual([
      'batchId,lineId,citizenId,name,bankCode,bankAccount,amount,currency,period,benefit',
      `PR202505-330102,PEN-1:2025-05:monthly,${fixedCitizenId()},张三,102100099996,6222021234567890,4594.96,CNY,2025-05,pension`,
      `PR202505-330102,UNE-1:2025-05:monthly,${fixedCitizenId()},"Li, Si",102100099996,6222021234567890,2070.00,CNY,2025-05,unemployment`,
      '',
    ]);
    expect(r).toMatchObject({ lineCount: 2, total: '6664.96' });
    expect(r.workings.join()).not.toContain('6222021234567890');
  });

  it('refuses the whole file naming each faulty line, with accounts masked (§8 banks)', () => {
    const r = writeBankPaymentFile('PR1', [
      line(),
      line({ amount: '0.00' }),
      line({ lineId: 'X', bankAccount: '62220212345678901234567890123456789', name: '' }),
    ]);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues.map((i) => i.path)).toEqual(['lines[1].lineId', 'lines[1].amount', 'lines[2].bankAccount', 'lines[2].name']);
    expect(JSON.stringify(r.issues)).not.toContain('62220212345678901234567890123456789');
    expect(r.issues[2]!.message).toContain('*6789');
  });

  it('refuses a name longer than the bank accepts (bankFile.maxNameLength; §8 banks)', () => {
    const policy = { ...DEFAULT_BANK_FILE_POLICY, maxNameLength: 2 };
    expect(writeBankPaymentFile('PR1', [line()], policy).ok).toBe(true);
    expect(writeBankPaymentFile('PR1', [line({ name: '欧阳修文' })], policy).ok).toBe(false);
  });
});

describe('reconcileBankReturn', () => {
  const first = [
    header,
    'PR1,L1,6222021234567890,2070.00,PAID,,,B0001',
    'PR1,L2,6222021234560002,4594.96,FAILED,R02,,',
    'PR1,L9,6222021234569999,10.00,PAID,,,B0003',
    'PR1,L3,6222021234560003,999.99,PAID,,,B0004',
    'PR1,L1,6222021234567890,2070.00,PAID,,,B0001',
  ].join('\r\n');

  it('applies paid and failed lines, reports unknown, differing and repeated lines, and shows what is outstanding (§8 banks)', () => {
    const r = reconcileBankReturn({ batchId: 'PR1', sent, returnText: first });
    expect(r.outcomes).toEqual([
      { lineId: 'L1', status: 'paid', amount: '2070.00', reasonCode: null, reasonText: null, bankReference: 'B0001' },
      {
        lineId: 'L2',
        status: 'failed',
        amount: '4594.96',
        reasonCode: 'R02',
        reasonText: 'account closed',
        bankReference: null,
      },
    ]);
    expect(r.issues.map((i) => [i.path, i.code])).toEqual([
      ['rows[2].lineId', 'UNKNOWN_LINE'],
      ['rows[3].amount', 'AMOUNT_DIFFERS'],
      ['rows[4].lineId', 'DUPLICATE_LINE'],
    ]);
    expect(r.totals).toEqual({
      sent: { count: 3, amount: '7664.96' },
      paid: { count: 1, amount: '2070.00' },
      failed: { count: 1, amount: '4594.96' },
      outstanding: { count: 1, amount: '1000.00' },
      reconciled: false,
      complete: false,
    });
  });

  it('reconciles once every line is settled: sent 7 664.96 = paid 3 070.00 + failed 4 594.96 (§8 banks)', () => {
    const before = reconcileBankReturn({ batchId: 'PR1', sent, returnText: first });
    const applied = {
      fingerprints: [before.fingerprint],
      settled: Object.fromEntries(before.outcomes.map((o) => [o.lineId, o.status])),
    };
    const r = reconcileBankReturn({
      batchId: 'PR1',
      sent,
      returnText: `${header}\nPR1,L3,6222021234560003,1000.00,PAID,,,B0005\n`,
      applied,
    });
    expect(r.outcomes.map((o) => o.lineId)).toEqual(['L3']);
    expect(r.totals).toMatchObject({
      paid: { count: 2, amount: '3070.00' },
      failed: { amount: '4594.96' },
      outstanding: { count: 0, amount: '0.00' },
      reconciled: true,
      complete: true,
    });
    expect(r.workings[0]).toBe('sent 3 lines 7664.96 = paid 2 3070.00 + failed 1 4594.96 + outstanding 0 0.00');
  });

  it('applies nothing when the whole file comes again, byte for byte or re-exported (§8 banks)', () => {
    const once = reconcileBankReturn({ batchId: 'PR1', sent, returnText: first });
    const applied = {
      fingerprints: [once.fingerprint],
      settled: Object.fromEntries(once.outcomes.map((o) => [o.lineId, o.status])),
    };
    const again = reconcileBankReturn({ batchId: 'PR1', sent, returnText: first, applied });
    expect(again.outcomes).toEqual([]);
    expect(again.issues[0]).toMatchObject({ path: 'file', code: 'FILE_ALREADY_APPLIED' });
    expect(again.totals.paid).toEqual(once.totals.paid);
    expect(returnFileFingerprint(first.replaceAll('\r\n', '\n'))).toBe(once.fingerprint);

    const reExported = [header, 'PR1,L2,6222021234560002,4594.96,失败,R02,,', 'PR1,L1,6222021234567890,2070.00,成功,,,B0001'].join('\n');
    const r = reconcileBankReturn({
      batchId: 'PR1',
      sent,
      returnText: reExported,
      applied: { fingerprints: [], settled: applied.settled },
    });
    expect(r.outcomes).toEqual([]);
    expect(r.issues.map((i) => i.code)).toEqual(['FILE_ALREADY_APPLIED', 'ALREADY_APPLIED', 'ALREADY_APPLIED']);
  });

  it('does not apply an outcome that contradicts an earlier one (§8 banks)', () => {
    const r = reconcileBankReturn({
      batchId: 'PR1',
      sent,
      returnText: `${header}\nPR1,L1,6222021234567890,2070.00,FAILED,R01,,\nPR1,L3,6222021234560003,1000.00,PAID,,,\n`,
      applied: { fingerprints: [], settled: { L1: 'paid' } },
    });
    expect(r.outcomes.map((o) => o.lineId)).toEqual(['L3']);
    expect(r.issues).toEqual([expect.objectContaining({ path: 'rows[0].status', code: 'CONFLICTING_OUTCOME' })]);
  });

  it('needs a reason code on a failure, and applies an unknown code while reporting it (bankFile.reasonCodes; §8 banks)', () => {
    const text = `${header}\nPR1,L1,6222021234567890,2070.00,FAILED,,,\nPR1,L2,6222021234560002,4594.96,FAILED,X77,柜面退回,\n`;
    const r = reconcileBankReturn({ batchId: 'PR1', sent, returnText: text });
    expect(r.issues.map((i) => [i.path, i.code])).toEqual([
      ['rows[0].reasonCode', 'BAD_ROW'],
      ['rows[1].reasonCode', 'UNKNOWN_REASON_CODE'],
    ]);
    expect(r.outcomes).toEqual([expect.objectContaining({ lineId: 'L2', status: 'failed', reasonCode: 'X77', reasonText: '柜面退回' })]);
    const policy = {
      ...DEFAULT_BANK_FILE_POLICY,
      reasonCodes: { ...DEFAULT_BANK_FILE_POLICY.reasonCodes, X77: 'returned at the counter' },
    };
    expect(reconcileBankReturn({ batchId: 'PR1', sent, returnText: text, policy }).issues.map((i) => i.code)).toEqual(['BAD_ROW']);
  });

  it('refuses rows of another batch or another account, masking the accounts (§8 banks)', () => {
    const text = `${header}\nPR2,L1,6222021234567890,2070.00,PAID,,,\nPR1,L2,6222029999990002,4594.96,PAID,,,\n`;
    const r = reconcileBankReturn({ batchId: 'PR1', sent, returnText: text });
    expect(r.outcomes).toEqual([]);
    expect(r.issues.map((i) => i.code)).toEqual(['WRONG_BATCH', 'ACCOUNT_DIFFERS']);
    expect(r.issues[1]!.message).not.toMatch(/6222029999990002|6222021234560002/);
    expect(r.issues[1]!.message).toContain('************0002');
  });

  it('reports a file with missing columns as a whole (§8 banks)', () => {
    const r = reconcileBankReturn({ batchId: 'PR1', sent, returnText: 'lineId,amount\nL1,2070.00\n' });
    expect(r.outcomes).toEqual([]);
    expect(r.issues.every((i) => i.code === 'BAD_FILE')).toBe(true);
    expect(r.totals.outstanding.count).toBe(3);
  });
});
