import { describe, expect, it } from 'vitest';
import { eligibilityIndex, readEligibilityList } from '../../../domain/declarations/eligibility-list.js';
import { declareMedicalExpenses } from '../../../domain/declarations/medical-ledger.js';
import {
  DEFAULT_MEDICAL_EXPENSE_POLICY,
  validateMedicalExpense,
  type MedicalExpenseContext,
  type MedicalExpenseDeclaration,
} from '../../../domain/declarations/medical-expense.js';
import { fixedCitizenId } from '../payroll/fixtures.js';

const veteran = fixedCitizenId('1930-05-01', 1);
const disabled = fixedCitizenId('1940-06-01', 3);
const stranger = fixedCitizenId('1950-07-01', 5);

const list = readEligibilityList(
  ['身份证号,姓名,类别,依据文件', `${veteran},王老,离休,浙组干〔1985〕12号`, `${disabled},李兵,erYi,浙退役〔2001〕3号`].join('\r\n'),
);

const ctx = (overrides: Partial<MedicalExpenseContext> = {}): MedicalExpenseContext => ({
  eligibility: eligibilityIndex(list.entries),
  hospitals: new Set(['H330102001']),
  knownInvoices: new Map([['INV-0001', 'MED-2025-0001']]),
  ...overrides,
});

const declaration = (overrides: Partial<MedicalExpenseDeclaration> = {}): MedicalExpenseDeclaration => ({
  declarationId: 'MED-2025-0002',
  category: 'lixiu',
  citizenId: veteran,
  hospital: { code: 'H330102001', name: '浙江省人民医院' },
  serviceFrom: '2025-03-01',
  serviceTo: '2025-03-10',
  declaredOn: '2025-03-20',
  invoices: [
    {
      invoiceNo: 'INV-1001',
      issuedOn: '2025-03-10',
      items: [
        { description: '床位费', amount: '900.00' },
        { description: '药品', amount: '1234.56' },
      ],
    },
    { invoiceNo: 'INV-1002', issuedOn: '2025-03-10', items: [{ description: '检查', amount: '365.5' }] },
  ],
  ...overrides,
});

describe('eligibility list import (§5.6)', () => {
  it('reads citizen ID, name, category and source document in Chinese or English headers (§5.6)', () => {
    expect(list.issues).toEqual([]);
    expect(list.entries).toEqual([
      { citizenId: veteran, name: '王老', category: 'lixiu', sourceDocument: '浙组干〔1985〕12号' },
      { citizenId: disabled, name: '李兵', category: 'erYi', sourceDocument: '浙退役〔2001〕3号' },
    ]);
  });

  it('reports bad rows and fields and reads a repeated person once (§5.6)', () => {
    const r = readEligibilityList(
      ['citizenId,name,category,sourceDocument', `${veteran},王老,lixiu,A`, `${veteran},王老,离休,B`, `${stranger},,三乙,`, `${disabled},李兵,lixiu,C`].join(
        '\n',
      ),
    );
    expect(r.entries.map((e) => [e.citizenId, e.category])).toEqual([
      [veteran, 'lixiu'],
      [disabled, 'lixiu'],
    ]);
    expect(r.duplicates).toEqual([{ row: 1, firstRow: 0 }]);
    expect(r.issues.map((i) => i.path)).toEqual(['rows[2].name', 'rows[2].category', 'rows[2].sourceDocument']);
  });
});

describe('validateMedicalExpense (离休 / 二乙 itemised declarations, §5.6)', () => {
  it('totals the items per invoice and posts the declaration to its own ledger (§5.6)', () => {
    const r = validateMedicalExpense(declaration(), ctx());
    expect(r).toEqual({
      accepted: true,
      declarationId: 'MED-2025-0002',
      ledger: 'lixiu',
      invoices: [
        { invoiceNo: 'INV-1001', total: '2134.56' },
        { invoiceNo: 'INV-1002', total: '365.50' },
      ],
      total: '2500.06',
      reimbursable: '2500.06',
      workings: expect.arrayContaining(['total 2134.56 + 365.50 = 2500.06']) as string[],
    });
  });

  it('refuses a person who is not on the list of that category (§5.6)', () => {
    expect(validateMedicalExpense(declaration({ citizenId: stranger }), ctx())).toMatchObject({
      accepted: false,
      refusals: [{ code: 'NOT_ELIGIBLE', path: 'citizenId' }],
    });
    // On the 二乙 list only: a 离休 declaration is refused, a 二乙 one accepted.
    expect(validateMedicalExpense(declaration({ citizenId: disabled }), ctx())).toMatchObject({
      accepted: false,
      refusals: [{ code: 'NOT_ELIGIBLE', reason: 'the person is not on the lixiu eligibility list' }],
    });
    expect(validateMedicalExpense(declaration({ citizenId: disabled, category: 'erYi' }), ctx())).toMatchObject({
      accepted: true,
      ledger: 'erYi',
    });
  });

  it('refuses an invoice already declared, naming the declaration that used it (§5.6)', () => {
    const dup = declaration({
      invoices: [{ invoiceNo: ' inv-0001 ', issuedOn: '2025-03-10', items: [{ description: '药品', amount: '10.00' }] }],
    });
    expect(validateMedicalExpense(dup, ctx())).toEqual({
      accepted: false,
      declarationId: 'MED-2025-0002',
      refusals: [
        {
          code: 'DUPLICATE_INVOICE',
          path: 'invoices[0].invoiceNo',
          reason: 'invoice INV-0001 was already declared in MED-2025-0001',
        },
      ],
    });
    const twice = declaration({
      invoices: [declaration().invoices[0]!, { ...declaration().invoices[1]!, invoiceNo: 'INV-1001' }],
    });
    expect(validateMedicalExpense(twice, ctx())).toMatchObject({
      accepted: false,
      refusals: [{ code: 'DUPLICATE_INVOICE', reason: 'invoice INV-1001 already appears in invoices[0]' }],
    });
  });

  it('refuses amounts with three decimals, empty items, bad dates and an unknown hospital, all at once (§5.6)', () => {
    const r = validateMedicalExpense(
      declaration({
        hospital: { code: 'H999', name: '?' },
        serviceFrom: '2025-03-12',
        invoices: [
          {
            invoiceNo: 'INV-2001',
            issuedOn: '2025-03-25',
            items: [
              { description: '药品', amount: '12.345' },
              { description: '退费', amount: '-5.00' },
            ],
          },
          { invoiceNo: 'INV-2002', issuedOn: '2025-03-12', items: [] },
        ],
      }),
      ctx(),
    );
    expect(!r.accepted && r.refusals.map((x) => [x.code, x.path])).toEqual([
      ['UNKNOWN_HOSPITAL', 'hospital.code'],
      ['INVALID_DATE', 'serviceTo'],
      ['INVALID_DATE', 'invoices[0].issuedOn'],
      ['AMOUNT_PRECISION', 'invoices[0].items[0].amount'],
      ['INVALID_AMOUNT', 'invoices[0].items[1].amount'],
      ['NO_ITEMS', 'invoices[1].items'],
    ]);
  });

  it('follows a configured reimbursement share and hospital rule (§5.6)', () => {
    const policy = {
      ...DEFAULT_MEDICAL_EXPENSE_POLICY,
      reimbursementShare: { lixiu: '1', erYi: '0.9' },
      requireKnownHospital: false,
    };
    const r = validateMedicalExpense(declaration({ citizenId: disabled, category: 'erYi', hospital: { code: 'H999', name: '?' } }), ctx({ policy }));
    expect(r).toMatchObject({ accepted: true, total: '2500.06', reimbursable: '2250.05' }); // 2 250.054
  });
});

describe('declareMedicalExpenses', () => {
  it('keeps the 离休 and 二乙 ledgers apart and refuses an invoice reused later in the batch (§5.6)', () => {
    const batch = [
      declaration(),
      declaration({
        declarationId: 'MED-2025-0003',
        citizenId: disabled,
        category: 'erYi',
        invoices: [{ invoiceNo: 'INV-3001', issuedOn: '2025-03-10', items: [{ description: '康复', amount: '800.00' }] }],
      }),
      declaration({
        declarationId: 'MED-2025-0004',
        citizenId: disabled,
        category: 'erYi',
        invoices: [{ invoiceNo: 'INV-1002', issuedOn: '2025-03-10', items: [{ description: '检查', amount: '365.50' }] }],
      }),
    ];
    const r = declareMedicalExpenses(batch, ctx());
    expect(r.results.map((x) => x.accepted)).toEqual([true, true, false]);
    expect(r.results[2]).toMatchObject({
      refusals: [{ code: 'DUPLICATE_INVOICE', reason: 'invoice INV-1002 was already declared in MED-2025-0002' }],
    });
    expect(r.ledgers).toEqual({
      lixiu: { declarations: 1, total: '2500.06', reimbursable: '2500.06' },
      erYi: { declarations: 1, total: '800.00', reimbursable: '800.00' },
    });
  });
});
