import { describe, expect, it } from 'vitest';
import {
  deceasedWithActiveBenefit,
  duplicatePensions,
  enrolleesWithoutWages,
  identityChangeBeforeRetirement,
  imprisonedWithActiveBenefit,
  longBackPaymentWithoutDocuments,
  selfDealing,
  type BenefitFact,
} from '../../../domain/supervision/controls.js';
import { DEFAULT_SUPERVISION_POLICY } from '../../../domain/supervision/supervision-policy.js';
import { fixedCitizenId } from '../payroll/fixtures.js';

const person = fixedCitizenId('1950-01-01');
const other = fixedCitizenId('1951-01-01', 3);
const pension: BenefitFact = { entitlementId: 'PEN-1', benefit: 'pension', status: 'active' };
const paid = ['2025-02', '2025-03', '2025-04', '2025-05'].map((period) => ({ period, amount: '4594.96' }));

describe('death records against active benefits (§8 pattern 1)', () => {
  it('hits an active or suspended benefit with the amount paid after the death month, under one key (§8)', () => {
    const hit = deceasedWithActiveBenefit({ citizenId: person, deathDate: '2025-03-10' }, [pension], paid);
    expect(hit).toEqual({
      control: 'DECEASED_ACTIVE_BENEFIT',
      subjectKey: `DECEASED_ACTIVE_BENEFIT:${person}`,
      reason: 'died 2025-03-10; pension PEN-1 not stopped (§8 pattern 1)',
      amount: '9189.92',
    });
    // The same death reported again (another feed, another day) maps to the same investigation.
    expect(deceasedWithActiveBenefit({ citizenId: person, deathDate: '2025-03-10' }, [{ ...pension, status: 'suspended' }])?.subjectKey).toBe(hit?.subjectKey);
  });

  it('misses once the benefit is stopped (§8)', () => {
    expect(deceasedWithActiveBenefit({ citizenId: person, deathDate: '2025-03-10' }, [{ ...pension, status: 'stopped' }], paid)).toBeNull();
    expect(deceasedWithActiveBenefit({ citizenId: person, deathDate: '2025-03-10' }, [])).toBeNull();
  });
});

describe('prison records against active benefits (§8 pattern 2)', () => {
  it('hits a running sentence, keyed by person and start date whatever day it runs (§8)', () => {
    const term = { citizenId: person, from: '2025-03-15', to: null };
    const a = imprisonedWithActiveBenefit(term, [pension], '2025-06-01', paid);
    expect(a).toMatchObject({
      control: 'IMPRISONED_ACTIVE_BENEFIT',
      subjectKey: `IMPRISONED_ACTIVE_BENEFIT:${person}:2025-03-15`,
      amount: '13784.88',
    });
    expect(imprisonedWithActiveBenefit(term, [pension], '2025-07-01')?.subjectKey).toBe(a?.subjectKey);
  });

  it('hits a finished sentence only when months inside it were paid (§8)', () => {
    const term = { citizenId: person, from: '2024-01-01', to: '2025-02-10' };
    expect(imprisonedWithActiveBenefit(term, [pension], '2025-06-01', paid)).toMatchObject({ amount: '4594.96' });
    expect(imprisonedWithActiveBenefit(term, [pension], '2025-06-01', paid.slice(1))).toBeNull();
    expect(imprisonedWithActiveBenefit({ ...term, to: null }, [{ ...pension, status: 'stopped' }], '2025-06-01', paid)).toBeNull();
  });
});

describe('duplicate active pension relationships (§2, §8 pattern 3)', () => {
  it('hits everyone with two active relationships, once per person (§8)', () => {
    const hits = duplicatePensions([
      { citizenId: person, relationshipId: 'R1', region: '330102', scheme: 'employee', active: true },
      { citizenId: person, relationshipId: 'R2', region: '440300', scheme: 'resident', active: true },
      { citizenId: other, relationshipId: 'R3', region: '330102', scheme: 'employee', active: true },
      { citizenId: other, relationshipId: 'R4', region: '440300', scheme: 'employee', active: false },
    ]);
    expect(hits).toEqual([
      {
        control: 'DUPLICATE_PENSION',
        subjectKey: `DUPLICATE_PENSION:${person}`,
        reason: '2 active pension relationships: employee in 330102, resident in 440300',
      },
    ]);
  });

  it('gives the same key whatever order the relationships arrive in (§8)', () => {
    const rels = [
      { citizenId: person, relationshipId: 'R1', region: '330102', scheme: 'employee', active: true },
      { citizenId: person, relationshipId: 'R2', region: '440300', scheme: 'employee', active: true },
    ] as const;
    expect(duplicatePensions([...rels].reverse())).toEqual(duplicatePensions(rels));
  });
});

describe('employer with many enrollees and no wage records (§8 pattern 4)', () => {
  const employer = { creditCode: '91330102MA2H00014Y', enrollees: 20, wageRecords: 0, from: '2025-01', to: '2025-06' };

  it('hits at the threshold of 20 and not below, nor with any wage record (§8)', () => {
    expect(enrolleesWithoutWages(employer)).toMatchObject({ subjectKey: 'ENROLLEES_WITHOUT_WAGES:91330102MA2H00014Y' });
    expect(enrolleesWithoutWages({ ...employer, enrollees: 19 })).toBeNull();
    expect(enrolleesWithoutWages({ ...employer, wageRecords: 1 })).toBeNull();
  });

  it('follows a configured threshold (enrolleeThreshold; §8)', () => {
    expect(enrolleesWithoutWages({ ...employer, enrollees: 5 }, { ...DEFAULT_SUPERVISION_POLICY, enrolleeThreshold: 5 })).not.toBeNull();
  });
});

describe('back-payments of 3 years or more without legal documents (人社厅发〔2019〕94号, §8)', () => {
  const bp = {
    citizenId: person,
    from: '2022-01',
    to: '2024-12',
    paymentDate: '2025-04-29',
    legalDocuments: [],
    total: '80000.00',
  };

  it('hits 36 months without a prior document, keyed by person and span (§8)', () => {
    expect(longBackPaymentWithoutDocuments(bp)).toMatchObject({
      control: 'LONG_BACK_PAYMENT_WITHOUT_DOCUMENTS',
      subjectKey: `LONG_BACK_PAYMENT_WITHOUT_DOCUMENTS:${person}:2022-01:2024-12`,
      amount: '80000.00',
    });
    expect(longBackPaymentWithoutDocuments({ ...bp, from: '2022-02' })).toBeNull();
    expect(
      longBackPaymentWithoutDocuments({
        ...bp,
        legalDocuments: [{ kind: 'labourInspection', reference: 'LI-1', issuedOn: '2025-01-05' }],
      }),
    ).toBeNull();
    expect(
      longBackPaymentWithoutDocuments({
        ...bp,
        legalDocuments: [{ kind: 'audit', reference: 'AU-1', issuedOn: '2025-05-01' }],
      }),
    ).not.toBeNull();
  });
});

describe('ID or birth-date change shortly before retirement (§8 pattern 5)', () => {
  const p = { citizenId: person, retirementDate: '2025-10-01' };

  it('hits a change within 24 months before retirement, and not one earlier (§8)', () => {
    const hit = identityChangeBeforeRetirement({ ...p, changes: [{ field: 'birthDate', changedOn: '2023-10-01' }] });
    expect(hit).toMatchObject({
      subjectKey: `IDENTITY_CHANGE_BEFORE_RETIREMENT:${person}`,
      reason: expect.stringContaining('birthDate on 2023-10-01, within 24 months'),
    });
    expect(identityChangeBeforeRetirement({ ...p, changes: [{ field: 'birthDate', changedOn: '2023-09-30' }] })).toBeNull();
    expect(identityChangeBeforeRetirement({ ...p, changes: [] })).toBeNull();
  });

  it('follows a configured window (identityChangeWindowMonths; §8)', () => {
    const changes = [{ field: 'citizenId', changedOn: '2023-09-30' }] as const;
    expect(identityChangeBeforeRetirement({ ...p, changes }, { ...DEFAULT_SUPERVISION_POLICY, identityChangeWindowMonths: 36 })).not.toBeNull();
  });
});

describe('staff deciding on their own records (§8 pattern 8, 社会保险经办条例 art. 37)', () => {
  const links = [
    { staffId: 'cw-001', citizenId: person, relation: 'self' },
    { staffId: 'cw-001', citizenId: other, relation: 'relative' },
  ] as const;

  it('hits a decision on a case about the staff member or a linked relative, keyed by staff and case (§8)', () => {
    expect(selfDealing({ staffId: 'cw-001', caseId: 'BC2025000001', subjectCitizenIds: [person] }, links)).toEqual({
      control: 'SELF_DEALING',
      subjectKey: 'SELF_DEALING:cw-001:BC2025000001',
      reason: 'staff cw-001 decided case BC2025000001, which concerns their own record',
    });
    expect(selfDealing({ staffId: 'cw-001', caseId: 'BC2025000002', subjectCitizenIds: [other.toLowerCase()] }, links)?.reason).toContain('a linked relative');
  });

  it('misses another staff member’s decision and an unrelated case (§8)', () => {
    expect(selfDealing({ staffId: 'cw-002', caseId: 'BC2025000001', subjectCitizenIds: [person] }, links)).toBeNull();
    expect(selfDealing({ staffId: 'cw-001', caseId: 'BC2025000003', subjectCitizenIds: [fixedCitizenId('1970-01-01', 7)] }, links)).toBeNull();
  });
});
