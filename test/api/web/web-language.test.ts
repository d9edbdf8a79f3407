// Both languages read naturally (issue 8 "Also seen"): every machine value the built case types can put on a page has
// words in zh and en, and API refusals read in Chinese on Chinese pages (by their code) and in the API's own words on
// English ones.
import { describe, expect, it } from 'vitest';
import { ARREARS_STEPS } from '../../../domain/arrears/arrears-decision.js';
import { arrearsMachine } from '../../../domain/arrears/arrears.machine.js';
import { CN_CALENDAR_YEARS } from '../../../domain/calendar/default-calendar.js';
import { HolidayCalendar } from '../../../domain/calendar/holiday-calendar.js';
import { INSURANCE_TYPES } from '../../../domain/contribution/regional-parameters.js';
import { checkEnrollment, CURRENT_ENROLLMENT_RULES } from '../../../domain/enrollment/enrollment-checks.js';
import type { EnrollmentApplication } from '../../../domain/enrollment/enrollment-application.js';
import { DEFAULT_ENROLLMENT_POLICY } from '../../../domain/enrollment/enrollment-policy.js';
import { enrollmentMachine } from '../../../domain/enrollment/enrollment.machine.js';
import { DOMAIN_ERROR_CODES } from '../../../domain/errors.js';
import { PETITION_STEP_OUTCOMES } from '../../../domain/petition/petition-decision.js';
import { PETITION_CHANNELS } from '../../../domain/petition/petition-submission.js';
import { petitionMachine } from '../../../domain/petition/petition.machine.js';
import type { Problem } from '../../../api/web/api-client.js';
import { caseWords } from '../../../api/web/case-types/case-type-labels.js';
import { outcomeLabel } from '../../../api/web/case-types/decision-forms.js';
import { reviewReasonText } from '../../../api/web/i18n/enum-labels.js';
import { DueAt, ProvisionalBadge } from '../../../api/web/components/due-date.js';
import { translator } from '../../../api/web/i18n/messages.js';
import { describeProblem } from '../../../api/web/i18n/problem-text.js';
import { citizenId } from '../../support/factories.js';

const CJK = /[\u4e00-\u9fff]/;
const zh = caseWords('zh');
const en = caseWords('en');

describe('case words', () => {
  const machines = { enrollment: enrollmentMachine, petition: petitionMachine, arrears: arrearsMachine } as const;

  it.each(Object.entries(machines))('names every %s status of the lifecycle machine in both languages', (type, machine) => {
    for (const status of Object.keys(machine.root.states)) {
      expect(zh.status(type, status), `${type}.${status}`).toMatch(CJK);
      expect(en.status(type, status), `${type}.${status}`).not.toBe(status);
    }
  });

  it('names every human step of petitions and arrears, and the outcomes their decision forms offer', () => {
    const steps = { petition: PETITION_STEP_OUTCOMES, arrears: Object.fromEntries(Object.entries(ARREARS_STEPS).map(([step, spec]) => [step, spec.outcomes])) };
    for (const [type, byStep] of Object.entries(steps)) {
      for (const [step, outcomes] of Object.entries(byStep)) {
        expect(zh.step(type, step), `${type}.${step}`).toMatch(CJK);
        for (const outcome of outcomes) expect(outcomeLabel(type, outcome)?.zh, `${type}.${step}.${outcome}`).toMatch(CJK);
      }
    }
  });

  it('shows an enrollment summary with insurances and refusal codes in words, never their keys', () => {
    const summary = {
      insuranceTypes: [...INSURANCE_TYPES],
      refusals: [{ code: 'EMPLOYER_OTHER_REGION', message: 'the employer is registered in region 330106, not 330102' }],
    };
    const zhText = zh.summaryLines('enrollment', summary).flat().join(' ');
    const enText = en.summaryLines('enrollment', summary).flat().join(' ');
    for (const key of [...INSURANCE_TYPES, 'EMPLOYER_OTHER_REGION']) {
      expect(zhText).not.toContain(key);
      expect(enText).not.toContain(key);
    }
    expect(zhText).toContain('养老保险；医疗保险；失业保险；工伤保险');
    expect(zhText).toContain('用人单位登记在其他地区');
    expect(enText).toContain('Employer registered in another region: the employer is registered in region 330106, not 330102');
  });

  it('names every petition channel, fax included (信访工作条例 art. 17)', () => {
    for (const channel of PETITION_CHANNELS) {
      const [[, zhValue] = []] = zh.summaryLines('petition', { channel });
      const [[, enValue] = []] = en.summaryLines('petition', { channel });
      expect(zhValue).toMatch(CJK);
      expect(enValue).not.toBe(channel);
    }
    expect(zh.summaryLines('petition', { channel: 'fax' })).toEqual([['信访渠道', '传真']]);
  });

  it('names timeline lines with an occurrence and decisions by their outcome', () => {
    expect(zh.action('task.held.2')).toBe('等待申请人补正，时限暂停');
    expect(zh.action('task.fundsFound', 'arrears')).toBe('查有存款');
    expect(en.action('task.propose', 'arrears')).toBe('Propose fine');
  });
});

describe('due dates', () => {
  const html = async (element: unknown) => String(await (element as Promise<unknown>));

  it('marks a deadline counted without the year’s calendar 暂定 / provisional, and only such a deadline (docs/api.md "calendars")', async () => {
    expect(await html(ProvisionalBadge({ provisional: true, t: translator('zh') }))).toContain('>暂定<');
    expect(await html(ProvisionalBadge({ provisional: true, t: translator('en') }))).toContain('>provisional<');
    expect(await html(DueAt({ dueAt: '2027-01-15T16:00:00.000Z', provisional: true, t: translator('zh') }))).toMatch(
      /2027-01-16 00:00<\/time> <span[^>]*>暂定</,
    );
    expect(await html(DueAt({ dueAt: '2026-12-16T16:00:00.000Z', t: translator('zh') }))).not.toContain('暂定');
  });
});

describe('enrollment review reasons', () => {
  const calendar = new HolidayCalendar(CN_CALENDAR_YEARS, { unloadedYears: 'weekendsOnly' });
  const application = (overrides: Partial<EnrollmentApplication> = {}): EnrollmentApplication => ({
    person: { citizenId: citizenId({ birthDate: '1990-03-07' }), name: '赵六', phone: null, hukouRegion: null },
    employerCreditCode: null,
    hireDate: '2026-01-05',
    insuranceTypes: ['pension'],
    monthlyWage: '8000.00',
    region: '330102',
    retirementCategory: null,
    ...overrides,
  });
  const facts = { employer: null, activePension: null, otherOpenEnrollment: null, pensionContributionMonths: 100 };
  const reasonsOf = (app: EnrollmentApplication, submittedOn: string, options: { reviewSampleRate?: string; calendar?: HolidayCalendar } = {}) =>
    checkEnrollment({
      caseId: 'EN-test',
      application: app,
      facts,
      policy: { ...DEFAULT_ENROLLMENT_POLICY, reviewSampleRate: options.reviewSampleRate ?? '0' },
      calendar: options.calendar ?? calendar,
      submittedOn,
      rules: CURRENT_ENROLLMENT_RULES,
    }).reviewReasons;

  it('reads every reason the checks give in Chinese (§2 late registration, provisional calendars, sampling, 延长缴费)', () => {
    const reasons = [
      ...reasonsOf(application(), '2026-03-02'),
      ...reasonsOf(application({ hireDate: '2027-01-04' }), '2027-03-01'),
      ...reasonsOf(application(), '2026-01-06', { reviewSampleRate: '1' }),
      ...reasonsOf(application({ hireDate: '2027-01-04' }), '2027-01-05', { calendar: new HolidayCalendar(CN_CALENDAR_YEARS, { unloadedYears: 'refuse' }) }),
      ...reasonsOf(
        application({ person: { citizenId: citizenId({ birthDate: '1960-01-15' }), name: '钱七', phone: null, hukouRegion: null }, hireDate: '2026-06-01' }),
        '2026-06-02',
      ),
    ];
    expect(reasons.length).toBeGreaterThanOrEqual(6);
    for (const reason of reasons) {
      const chinese = reviewReasonText(reason, 'zh');
      expect(chinese, reason).toMatch(CJK);
      expect(chinese, reason).not.toMatch(/[a-z]{3,}/);
    }
  });
});

describe('refusals on a page', () => {
  const problem = (code: string, extra: Partial<Problem> = {}): Problem => ({
    status: 422,
    code,
    title: 'Unprocessable Content',
    detail: `The API says why (${code})`,
    ...extra,
  });

  it('gives every domain error code a Chinese sentence on a Chinese page and the API detail on an English one', () => {
    for (const code of DOMAIN_ERROR_CODES) {
      const chinese = describeProblem(problem(code), 'zh');
      expect(chinese, code).toMatch(CJK);
      expect(chinese, code).not.toContain('The API says why');
      expect(describeProblem(problem(code), 'en')).toBe(`The API says why (${code})`);
    }
  });

  it('names the invalid fields in Chinese for a validation refusal (docs/api.md "Errors")', () => {
    const invalid = problem('VALIDATION_FAILED', {
      status: 400,
      detail: 'Invalid request: 2 fields do not match the schema',
      errors: [
        { path: 'person.citizenId', message: 'Invalid string' },
        { path: 'hireDate', message: 'Invalid date' },
      ],
    });
    expect(describeProblem(invalid, 'zh')).toBe('以下内容有误：公民身份号码、用工日期。');
    expect(describeProblem(invalid, 'en')).toBe('Invalid request: 2 fields do not match the schema (person.citizenId: Invalid string; hireDate: Invalid date)');
  });

  it('keeps a business rule’s own sentence when it names a field, and the roster line the page was importing', () => {
    const refused = problem('INVALID_CITIZEN_ID', { errors: [{ path: 'person.citizenId', message: 'check digit' }], row: 3 });
    expect(describeProblem(refused, 'zh')).toBe('第 3 行：公民身份号码无效（位数、出生日期或校验位不符）。（公民身份号码）');
    expect(describeProblem(refused, 'en')).toBe('line 3: The API says why (INVALID_CITIZEN_ID) (person.citizenId: check digit)');
  });

  it('still answers in Chinese for a code the pages do not know yet, by its status', () => {
    expect(describeProblem(problem('SOMETHING_NEW', { status: 409 }), 'zh')).toBe('此操作与当前状态冲突，请刷新页面后重试。');
  });
});
