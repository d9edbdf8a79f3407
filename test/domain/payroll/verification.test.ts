import { describe, expect, it } from 'vitest';
import { dueLines } from '../../../domain/payroll/entitlement.js';
import { DEFAULT_VERIFICATION_POLICY } from '../../../domain/payroll/payroll-policy.js';
import {
  latestVerification,
  overdueIfDueOnOrBefore,
  resumeAfterVerification,
  suspendIfOverdue,
  verificationSchedule,
  verificationStatus,
} from '../../../domain/payroll/verification.js';
import { verificationPolicyIssues, verificationPolicyOn } from '../../../domain/payroll/verification-policy.js';
import { e6Pension } from './fixtures.js';

describe('verification schedule and status (待遇资格认证, §8)', () => {
  it('is due 12 months after the last verification, reminded 30 days before, overdue after 30 days of grace (§8 verification)', () => {
    expect(verificationSchedule('2025-03-15')).toEqual({
      lastVerifiedOn: '2025-03-15',
      dueOn: '2026-03-15',
      remindFrom: '2026-02-13',
      suspendFrom: '2026-04-15',
    });
    expect(verificationStatus('2025-03-15', '2026-02-12')).toBe('verified');
    expect(verificationStatus('2025-03-15', '2026-02-13')).toBe('dueSoon');
    expect(verificationStatus('2025-03-15', '2026-04-14')).toBe('dueSoon');
    expect(verificationStatus('2025-03-15', '2026-04-15')).toBe('overdue');
  });

  it('treats a beneficiary never verified as overdue (§8 verification)', () => {
    expect(verificationStatus(null, '2025-01-01')).toBe('overdue');
  });

  it('follows a configured 6-month cycle and grace (verification.cycleMonths, graceDays; §8 verification)', () => {
    const six = { ...DEFAULT_VERIFICATION_POLICY, cycleMonths: 6 };
    expect(verificationStatus('2025-03-15', '2025-10-20', six)).toBe('overdue');
    expect(verificationStatus('2025-03-15', '2025-10-20')).toBe('verified');
    expect(verificationStatus('2025-03-15', '2026-04-15', { ...DEFAULT_VERIFICATION_POLICY, graceDays: 60 })).toBe('dueSoon');
    expect(() => verificationStatus('2025-03-15', '2025-10-20', { ...DEFAULT_VERIFICATION_POLICY, cycleMonths: 0 })).toThrow(/cycleMonths/);
  });

  it('takes the latest accepted evidence, data match or self-service, and ignores future dates (§8 verification)', () => {
    const evidence = [
      { kind: 'hospitalVisit', date: '2025-06-01', source: 'hospital 330102001' },
      { kind: 'selfService', date: '2025-08-20', source: 'app face check' },
      { kind: 'lifeRecord', date: '2026-01-01', source: 'feed (dated in the future)' },
    ] as const;
    expect(latestVerification(evidence, '2025-09-01')?.date).toBe('2025-08-20');
    const noSelfService = {
      ...DEFAULT_VERIFICATION_POLICY,
      acceptedEvidence: ['lifeRecord', 'hospitalVisit'] as const,
    };
    expect(latestVerification(evidence, '2025-09-01', noSelfService)?.date).toBe('2025-06-01');
    expect(latestVerification([], '2025-09-01')).toBeNull();
  });
});

describe('suspension and resumption', () => {
  it('suspends an overdue pension, pays nothing meanwhile, and pays the months back on resumption (§8)', () => {
    const { entitlement: suspended, status } = suspendIfOverdue(e6Pension(), '2025-03-15', '2026-04-20');
    expect(status).toBe('overdue');
    expect(suspended.status).toBe('suspended');
    expect(suspended.suspensions).toEqual([
      {
        from: '2026-04',
        to: null,
        reason: 'verification overdue (last verified 2025-03-15)',
        resumedIn: null,
        backPay: false,
      },
    ]);
    for (const m of ['2026-04', '2026-05', '2026-06']) expect(dueLines([suspended], m)).toEqual([]);

    const r = resumeAfterVerification(suspended, { kind: 'selfService', date: '2026-07-03', source: 'terminal' }, '2026-07-03');
    expect(r.backPayMonths).toEqual(['2026-04', '2026-05', '2026-06']);
    expect(r.backPayAmount).toBe('13784.88');
    expect(r.workings[1]).toBe('back-pay for 2026-04 – 2026-06: 4594.96 × 3 months = 13784.88');
    expect(dueLines([r.entitlement], '2026-07').map((l) => [l.kind, l.amount])).toEqual([
      ['monthly', '4594.96'],
      ['backPay', '13784.88'],
    ]);
  });

  it('leaves a current verification alone (§8 verification)', () => {
    const e = e6Pension();
    expect(suspendIfOverdue(e, '2025-03-15', '2026-03-01')).toEqual({ entitlement: e, status: 'dueSoon' });
  });

  it('refuses to resume on evidence the policy does not accept or older than a cycle (§8 verification)', () => {
    const { entitlement } = suspendIfOverdue(e6Pension(), null, '2026-04-20');
    const policy = { ...DEFAULT_VERIFICATION_POLICY, acceptedEvidence: ['lifeRecord'] as const };
    expect(() => resumeAfterVerification(entitlement, { kind: 'selfService', date: '2026-07-03', source: 'app' }, '2026-07-03', policy)).toThrow(
      /not accepted/,
    );
    expect(() => resumeAfterVerification(entitlement, { kind: 'lifeRecord', date: '2025-01-03', source: 'feed' }, '2026-07-03')).toThrow(/older than a cycle/);
  });
});

describe('the sweep bound and the configured cycle (verification.cycleMonths; §8 verification)', () => {
  it('selects exactly the beneficiaries verificationStatus calls overdue (§8 verification)', () => {
    for (const policy of [DEFAULT_VERIFICATION_POLICY, { ...DEFAULT_VERIFICATION_POLICY, cycleMonths: 6, graceDays: 0 }]) {
      const today = '2026-12-02';
      const bound = overdueIfDueOnOrBefore(today, policy);
      for (const last of ['2025-09-30', '2025-10-31', '2025-11-01', '2025-11-02', '2026-05-31', '2026-06-01', '2026-06-02', '2026-11-30']) {
        const dueOn = verificationSchedule(last, policy).dueOn;
        expect([last, dueOn <= bound]).toEqual([last, verificationStatus(last, today, policy) === 'overdue']);
      }
    }
  });

  it('reads the dated versions of the stored setting over the 12-month default, each from its day (§8 verification)', () => {
    expect(verificationPolicyOn(null, '2026-12-02')).toEqual(DEFAULT_VERIFICATION_POLICY);
    const stored = {
      versions: [
        { effectiveFrom: '2027-07-01', graceDays: 10 },
        { effectiveFrom: '2027-01-01', source: '省厅通知', cycleMonths: 6 },
      ],
    };
    expect(verificationPolicyOn(stored, '2026-12-31')).toEqual(DEFAULT_VERIFICATION_POLICY);
    expect(verificationPolicyOn(stored, '2027-01-01')).toEqual({ ...DEFAULT_VERIFICATION_POLICY, cycleMonths: 6 });
    // A later version keeps what it leaves out.
    expect(verificationPolicyOn(stored, '2027-07-01')).toEqual({ ...DEFAULT_VERIFICATION_POLICY, cycleMonths: 6, graceDays: 10 });
    expect(() => verificationPolicyOn({ versions: [{ effectiveFrom: '2027-01-01', cycleMonths: 0 }] }, '2027-01-01')).toThrow(
      expect.objectContaining({ code: 'VALIDATION_FAILED' }),
    );
  });

  it('refuses a payroll.verification that does not fit, naming each field under value (§8 verification)', () => {
    expect(verificationPolicyIssues({ versions: [{ effectiveFrom: '2027-01-01', cycleMonths: 6 }] })).toEqual([]);
    expect(verificationPolicyIssues({ cycleMonths: 6 }).map((i) => i.path)).toEqual(['value.versions']);
    const issues = verificationPolicyIssues({
      versions: [
        { effectiveFrom: '2027-02-30', cycleMonths: 0, remindDaysBefore: 2.5, graceDays: -1, acceptedEvidence: ['officeVisit'], cycle: 6 },
        { cycleMonths: 61, acceptedEvidence: [] },
        'six',
      ],
      extra: true,
    });
    expect(issues.map((i) => i.path)).toEqual([
      'value.extra',
      'value.versions.0.effectiveFrom',
      'value.versions.0.cycleMonths',
      'value.versions.0.remindDaysBefore',
      'value.versions.0.graceDays',
      'value.versions.0.acceptedEvidence',
      'value.versions.0.cycle',
      'value.versions.1.cycleMonths',
      'value.versions.1.acceptedEvidence',
      'value.versions.1.effectiveFrom',
      'value.versions.2',
    ]);
  });
});
