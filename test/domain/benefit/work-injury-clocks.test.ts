import { describe, expect, it } from 'vitest';
import { CN_CALENDAR_YEARS as cal } from '../../../domain/calendar/default-calendar.js';
import {
  DEFAULT_WORK_INJURY_CLOCK_POLICY as policy,
  assessmentConclusionDeadline,
  reassessmentRequestCheck,
  recognitionApplicationCheck,
  recognitionDecisionDeadline,
} from '../../../domain/benefit/work-injury-clocks.js';

describe('recognitionApplicationCheck', () => {
  it('rolls the employer’s 30 days ending inside National Day 2025 over to Thu 9 Oct (art. 17, §9 rollover)', () => {
    const r = recognitionApplicationCheck(cal, {
      accidentDate: '2025-09-05',
      filedOn: '2025-10-09',
      applicant: 'employer',
    });
    expect(r.employerDeadline).toMatchObject({ dueDate: '2025-10-09', unit: 'calendar', provisional: false });
    expect(r).toMatchObject({ inTime: true, employerLiability: null });
  });

  it('makes a late employer liable from the day after its period to the filing day (art. 17 para. 4)', () => {
    const r = recognitionApplicationCheck(cal, {
      accidentDate: '2025-03-03',
      filedOn: '2025-04-10',
      applicant: 'employer',
    });
    expect(r.employerDeadline.dueDate).toBe('2025-04-02');
    expect(r.employerLiability).toEqual({ from: '2025-04-03', to: '2025-04-10', days: 8 }); // from the 31st day
    expect(r.inTime).toBe(true);
  });

  it('holds the employer liable when the worker files after the employer’s period (art. 17 para. 4)', () => {
    const r = recognitionApplicationCheck(cal, {
      accidentDate: '2025-09-05',
      filedOn: '2025-10-20',
      applicant: 'worker',
    });
    expect(r.employerLiability).toEqual({ from: '2025-10-10', to: '2025-10-20', days: 11 });
  });

  it('adds an approved extension to the employer’s period: 30 + 15 days → 17 Apr, no liability (art. 17 para. 1)', () => {
    const r = recognitionApplicationCheck(cal, {
      accidentDate: '2025-03-03',
      filedOn: '2025-04-10',
      applicant: 'employer',
      approvedExtensionDays: 15,
    });
    expect(r.employerDeadline.dueDate).toBe('2025-04-17');
    expect(r.employerLiability).toBeNull();
  });

  it('gives the worker, family or union one year: in time on 3 Mar 2026, refused on 4 Mar (art. 17 para. 2)', () => {
    const input = { accidentDate: '2025-03-03', applicant: 'family' as const };
    expect(recognitionApplicationCheck(cal, { ...input, filedOn: '2026-03-03' }).inTime).toBe(true);
    const late = recognitionApplicationCheck(cal, { ...input, filedOn: '2026-03-04' });
    expect(late.inTime).toBe(false);
    expect(late.refusals.map((r) => r.code)).toEqual(['APPLICATION_OUT_OF_TIME']);
  });

  it('rolls a one-year period ending on National Day 2026 over to Thu 8 Oct 2026 (§9)', () => {
    const r = recognitionApplicationCheck(cal, {
      accidentDate: '2025-10-01',
      filedOn: '2026-10-08',
      applicant: 'worker',
    });
    expect(r.otherApplicantDeadline.dueDate).toBe('2026-10-08');
    expect(r.inTime).toBe(true);
  });

  it('gives a provisional deadline, not an error, when the year’s calendar is not loaded (§9, computeDeadline)', () => {
    const r = recognitionApplicationCheck(cal, {
      accidentDate: '2027-03-01',
      filedOn: '2027-03-10',
      applicant: 'employer',
    });
    expect(r.employerDeadline).toMatchObject({ dueDate: '2027-03-31', provisional: true });
  });

  it('uses a configured employer period of 60 days', () => {
    const r = recognitionApplicationCheck(
      cal,
      { accidentDate: '2025-03-03', filedOn: '2025-04-10', applicant: 'employer' },
      { ...policy, employerApplicationDays: 60 },
    );
    expect(r.employerLiability).toBeNull();
  });
});

describe('recognitionDecisionDeadline', () => {
  it('decides within 60 days of acceptance: 10 Jan → 11 Mar 2025 (art. 20)', () => {
    expect(recognitionDecisionDeadline(cal, { acceptedOn: '2025-01-10' }).dueDate).toBe('2025-03-11');
  });

  it('decides a clear-cut case within 15 days; Sat 25 Jan rolls to the make-up Sunday 26 Jan 2025 (art. 20, §9)', () => {
    expect(recognitionDecisionDeadline(cal, { acceptedOn: '2025-01-10', clearCut: true }).dueDate).toBe('2025-01-26');
  });

  it('adds the days of a suspension while a judicial conclusion is awaited: +20 → 31 Mar 2025 (art. 20)', () => {
    const r = recognitionDecisionDeadline(cal, {
      acceptedOn: '2025-01-10',
      suspensions: [{ from: '2025-02-01', to: '2025-02-20' }],
    });
    expect(r).toMatchObject({ suspendedDays: 20, dueDate: '2025-03-31' });
  });

  it('counts overlapping suspensions once and rolls over Qingming: +25 → Sat 5 Apr → Mon 7 Apr 2025 (art. 20, §9)', () => {
    const r = recognitionDecisionDeadline(cal, {
      acceptedOn: '2025-01-10',
      suspensions: [
        { from: '2025-02-15', to: '2025-02-25' },
        { from: '2025-02-01', to: '2025-02-20' },
      ],
    });
    expect(r).toMatchObject({ suspendedDays: 25, dueDate: '2025-04-07' });
  });

  it('refuses a suspension that ends before it starts', () => {
    expect(() =>
      recognitionDecisionDeadline(cal, {
        acceptedOn: '2025-01-10',
        suspensions: [{ from: '2025-02-02', to: '2025-02-01' }],
      }),
    ).toThrow(/ends before/);
  });
});

describe('disability assessment clocks', () => {
  it('concludes within 60 days, 90 with the extension: 31 Oct 2025, Sun 30 Nov → Mon 1 Dec (art. 25)', () => {
    expect(assessmentConclusionDeadline(cal, { receivedOn: '2025-09-01' }).dueDate).toBe('2025-10-31');
    expect(assessmentConclusionDeadline(cal, { receivedOn: '2025-09-01', extended: true }).dueDate).toBe('2025-12-01');
  });

  it('takes a re-assessment request within 15 days; 5 Oct 2025 rolls to 9 Oct, 10 Oct is refused (art. 26, §9)', () => {
    expect(reassessmentRequestCheck(cal, { conclusionReceivedOn: '2025-09-20', requestedOn: '2025-10-09' })).toMatchObject({
      inTime: true,
      deadline: { dueDate: '2025-10-09' },
    });
    const late = reassessmentRequestCheck(cal, { conclusionReceivedOn: '2025-09-20', requestedOn: '2025-10-10' });
    expect(late.refusals).toEqual([{ code: 'REASSESSMENT_OUT_OF_TIME', reason: expect.stringContaining('2025-10-09') as string }]);
  });
});
