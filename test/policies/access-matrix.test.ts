import { subject } from '@casl/ability';
import { describe, expect, it } from 'vitest';
import { actions, defineAbilityFor, roles, type Action, type Actor, type Role, type TaggedSubject } from '../../policies/abilities.js';
import { subjectTypes, type CaseSubject, type SubjectMap, type SubjectType } from '../../policies/subjects.js';
import {
  actorFor,
  caseSubject,
  CITIZEN,
  CITY,
  ELSEWHERE,
  EMPLOYER,
  HOME,
  OTHER_CITIZEN,
  OTHER_CITY_DISTRICT,
  OTHER_EMPLOYER,
  OTHER_PROVINCE_DISTRICT,
  PROVINCE,
  taskSubject,
} from './factories.js';

/** Whose object it is: the matrix builds each object once inside the actor's scope and once just outside it. */
interface Scope {
  region: string;
  citizenId: string;
  employer: string;
}

interface Probe<K extends SubjectType = SubjectType> {
  type: K;
  build: (scope: Scope, actor: Actor) => SubjectMap[K];
}

/** A case of the scope's citizen and employer, filed by the citizen. */
const scopedCase = (s: Scope, overrides: Partial<CaseSubject> = {}) =>
  caseSubject({
    region: s.region,
    citizenId: s.citizenId,
    applicantId: s.citizenId,
    employerCreditCode: s.employer,
    ...overrides,
  });

const probe = <K extends SubjectType>(type: K, build: Probe<K>['build']): Probe => ({ type, build });

const probes = {
  case: probe('Case', (s) => scopedCase(s)),
  sensitiveCase: probe('Case', (s) => scopedCase(s, { sensitive: true })),
  filedCase: probe('Case', (s) => scopedCase(s, { citizenId: null, employerCreditCode: null })),
  person: probe('Person', (s) => ({ citizenId: s.citizenId, region: s.region })),
  employer: probe('Employer', (s) => ({ creditCode: s.employer, region: s.region })),
  employeeEnrollment: probe('Enrollment', ({ region, citizenId, employer }) => ({
    region,
    citizenId,
    employerCreditCode: employer,
  })),
  flexibleEnrollment: probe('Enrollment', ({ region, citizenId }) => ({ region, citizenId, employerCreditCode: null })),
  openTask: probe('Task', (s) => taskSubject({ region: s.region })),
  heldTask: probe('Task', (s, a) => taskSubject({ region: s.region, status: 'claimed', assignee: a.id })),
  othersTask: probe('Task', (s) => taskSubject({ region: s.region, status: 'claimed', assignee: 'cw-009' })),
  openApproveTask: probe('Task', (s) => taskSubject({ region: s.region, permission: 'approve' })),
  heldApproveTask: probe('Task', (s, a) => taskSubject({ region: s.region, permission: 'approve', status: 'claimed', assignee: a.id })),
  heldSuperviseTask: probe('Task', (s, a) => taskSubject({ region: s.region, permission: 'supervise', status: 'claimed', assignee: a.id })),
  preparedTask: probe('Task', (s, a) => taskSubject({ region: s.region, status: 'claimed', assignee: a.id, preparedBy: a.id })),
  preparedOpenTask: probe('Task', (s, a) => taskSubject({ region: s.region, preparedBy: a.id })),
  regionParameters: probe('RegionParameters', (s) => ({ region: s.region })),
  auditEntry: probe('AuditEntry', (s) => ({ region: s.region })),
  petition: probe('Petition', (s) => ({ petitionerId: s.citizenId, region: s.region })),
  transfer: probe('Transfer', (s) => ({ citizenId: s.citizenId, region: s.region, employerCreditCode: s.employer })),
  sensitivePetition: probe('Case', (s) => scopedCase(s, { caseType: 'petition', sensitive: true })),
  sharedPetition: probe('Case', (s) =>
    scopedCase({ ...s, region: '999999', citizenId: 'nobody', employer: 'nobody' }, { caseType: 'petition', sharedWithRegions: [s.region] }),
  ),
  petitionAccusingViewer: probe('Case', (s, a) => scopedCase(s, { caseType: 'petition', sensitive: true, accusedStaff: ['cw-777', a.id] })),
  declaration: probe('Declaration', (s) => ({ employerCreditCode: s.employer, region: s.region })),
  bill: probe('Bill', (s) => ({ employerCreditCode: s.employer, region: s.region })),
  payment: probe('Payment', (s) => ({ employerCreditCode: s.employer, region: s.region })),
  arrearsCase: probe('ArrearsCase', (s) => ({ employerCreditCode: s.employer, region: s.region })),
  leaver: probe('Leaver', (s) => ({ employerCreditCode: s.employer, region: s.region })),
  baseChange: probe('BaseChange', (s) => ({ region: s.region, requestedBy: 'cw-009' })),
  ownBaseChange: probe('BaseChange', (s, a) => ({ region: s.region, requestedBy: a.id })),
  calendar: probe('Calendar', () => ({})),
  setting: probe('Setting', () => ({})),
  // Staff accounts' links to their own and relatives' records (the self-dealing control, rules §8).
  staffRecordLink: probe('StaffRecordLink', () => ({})),
  benefitClaim: probe('BenefitClaim', (s) => ({
    claimType: 'pension',
    region: s.region,
    citizenId: s.citizenId,
    employerCreditCode: s.employer,
    claimantId: '',
  })),
  // A relative files for a person who died (rules §5.1, §5.5): the claim is the deceased's, the filer the citizen.
  deathClaim: probe('BenefitClaim', (s) => ({
    claimType: 'survivor',
    region: s.region,
    citizenId: '110101194001010011',
    employerCreditCode: null,
    claimantId: s.citizenId,
  })),
  // Graded approval (社会保险经办条例 arts. 36–38): the actor already acted at an earlier tier of this decision.
  earlierTierTask: probe('Task', (s, a) =>
    taskSubject({ region: s.region, permission: 'supervise', status: 'claimed', assignee: a.id, earlierDeciders: ['cw-009', a.id] }),
  ),
  openEarlierTierTask: probe('Task', (s, a) => taskSubject({ region: s.region, permission: 'supervise', earlierDeciders: [a.id] })),
  // 离休 / 二乙 medical expenses (rules §5.6): declared by the employer or the agency; lists and ledgers by region.
  medicalDeclaration: probe('MedicalDeclaration', (s) => ({ region: s.region, employerCreditCode: s.employer })),
  agencyMedicalDeclaration: probe('MedicalDeclaration', (s) => ({ region: s.region, employerCreditCode: null })),
  eligibilityList: probe('EligibilityList', (s) => ({ region: s.region })),
  // 无记录补缴 (rules §6.1): the employer back-pays its own people; the counter files for an employer of the region.
  backPayment: probe('BackPayment', (s) => ({ region: s.region, employerCreditCode: s.employer })),
  medicalLedger: probe('MedicalLedger', (s) => ({ region: s.region })),
  // 待遇拨付: a region's payroll, and the national data-exchange feeds (deaths, prison terms).
  payroll: probe('Payroll', (s) => ({ region: s.region })),
  exchangeFeed: probe('ExchangeFeed', () => ({})),
  // 统计: a region's figures (issue 14).
  statistics: probe('Statistics', (s) => ({ region: s.region })),
  // 待遇资格认证 (rules §8): a beneficiary's verification — the citizen checks in, the counter records one.
  verification: probe('Verification', (s) => ({ citizenId: s.citizenId, region: s.region })),
  // 个人账户支付 (rules §5.6): the person pays from their own medical account; the counter of its region for them.
  medicalAccount: probe('MedicalAccount', (s) => ({ citizenId: s.citizenId, region: s.region })),
  // 追回 (经办条例 art. 46): an overpayment recovery — the person reads it, the counter books repayments.
  overpaymentRecovery: probe('OverpaymentRecovery', (s) => ({ citizenId: s.citizenId, region: s.region })),
} satisfies Record<string, Probe>;

type ProbeName = keyof typeof probes;
type Allowed = Partial<Record<ProbeName, Action[]>>;

const reads = (...names: ProbeName[]): Allowed => Object.fromEntries(names.map((name) => [name, ['read']]));
const allTasks: ProbeName[] = [
  'openTask',
  'heldTask',
  'othersTask',
  'openApproveTask',
  'heldApproveTask',
  'heldSuperviseTask',
  'preparedTask',
  'preparedOpenTask',
  'earlierTierTask',
  'openEarlierTierTask',
];

const frontOffice: Allowed = {
  // The regions deciding on a petition record what happens to it outside the system (a delivery, §7 arts. 35–36).
  sharedPetition: ['read', 'update'],
  case: ['read', 'readUnmasked'],
  sensitiveCase: ['read'],
  filedCase: ['read', 'readUnmasked'],
  person: ['read', 'readUnmasked', 'update'],
  employer: ['read', 'create'],
  leaver: ['read', 'create'],
  employeeEnrollment: ['create'],
  flexibleEnrollment: ['create'],
  // 转移接续: files a transfer, and collects a temporary pension account kept in the region (rules §6.1).
  transfer: ['create', 'update'],
  openTask: ['read', 'claim'],
  heldTask: ['read', 'release', 'complete'],
  othersTask: ['read'],
  openApproveTask: ['read'],
  heldApproveTask: ['read', 'release'],
  heldSuperviseTask: ['read', 'release'],
  preparedTask: ['read', 'release'],
  preparedOpenTask: ['read'],
  regionParameters: ['read'],
  calendar: ['read'],
  declaration: ['read', 'create'],
  bill: ['read'],
  payment: ['read'],
  arrearsCase: ['read'],
  benefitClaim: ['create', 'update'],
  deathClaim: ['create', 'update'],
  earlierTierTask: ['read', 'release'],
  openEarlierTierTask: ['read'],
  medicalDeclaration: ['read', 'create'],
  agencyMedicalDeclaration: ['read', 'create'],
  backPayment: ['read', 'create'],
  eligibilityList: ['read'],
  medicalLedger: ['read'],
  payroll: ['read'],
  verification: ['read', 'create'],
  medicalAccount: ['create'],
  overpaymentRecovery: ['read', 'update'],
};

/** Issue 3: staff of the region see every employer's contribution account there. */
const contributionReads = reads('declaration', 'bill', 'payment', 'arrearsCase');

/** The specification: what each role may do to an object inside its own scope. Everything not listed is refused. */
const ownScope: Record<Role, Allowed> = {
  citizen: {
    case: ['read', 'readUnmasked'],
    sensitiveCase: ['read', 'readUnmasked'],
    sensitivePetition: ['read', 'readUnmasked'],
    petition: ['create'],
    transfer: ['create'],
    filedCase: ['read'],
    person: ['read', 'readUnmasked', 'update'],
    flexibleEnrollment: ['create'],
    regionParameters: ['read'],
    calendar: ['read'],
    // Their own benefits, and a death claim as the relative who files it (rules §5).
    benefitClaim: ['create', 'update'],
    deathClaim: ['create'],
    verification: ['read', 'create'],
    medicalAccount: ['create'],
    overpaymentRecovery: ['read'],
  },
  employer: {
    case: ['read'],
    sensitiveCase: ['read'],
    sensitivePetition: ['read'],
    employer: ['read'],
    leaver: ['read', 'create'],
    employeeEnrollment: ['create'],
    transfer: ['create'],
    regionParameters: ['read'],
    calendar: ['read'],
    // Issue 3: it declares and reads its own account and asks for a deferral of its own arrears (§3.3, §4).
    declaration: ['read', 'create'],
    bill: ['read'],
    payment: ['read'],
    arrearsCase: ['read', 'update'],
    benefitClaim: ['create', 'update'],
    medicalDeclaration: ['read', 'create'],
    backPayment: ['read', 'create'],
  },
  // The collection desk books payments and asks for deferrals on the employer's behalf (§4).
  caseworker: { ...frontOffice, payment: ['read', 'create'], arrearsCase: ['read', 'update'], baseChange: ['create'], ownBaseChange: ['create'] },
  reviewer: {
    ...frontOffice,
    sensitivePetition: ['read', 'update'],
    openApproveTask: ['read', 'claim'],
    heldApproveTask: ['read', 'release', 'complete'],
    // A base drop waits for a second person (four eyes): never the one who asked for it.
    baseChange: ['create', 'update'],
    ownBaseChange: ['create'],
  },
  supervisor: {
    sharedPetition: ['read', 'update'],
    case: ['read', 'readUnmasked'],
    sensitiveCase: ['read', 'readUnmasked'],
    sensitivePetition: ['read', 'readUnmasked', 'update'],
    filedCase: ['read', 'readUnmasked'],
    person: ['read', 'readUnmasked', 'update'],
    employer: ['read'],
    leaver: ['read', 'create'],
    transfer: ['create', 'update'],
    baseChange: ['create', 'update'],
    ownBaseChange: ['create'],
    openTask: ['read', 'claim', 'release', 'reassign'],
    heldTask: ['read', 'release', 'complete', 'reassign'],
    othersTask: ['read', 'release', 'reassign'],
    openApproveTask: ['read', 'claim', 'release', 'reassign'],
    heldApproveTask: ['read', 'release', 'complete', 'reassign'],
    heldSuperviseTask: ['read', 'release', 'complete', 'reassign'],
    preparedTask: ['read', 'release', 'reassign'],
    preparedOpenTask: ['read', 'release', 'reassign'],
    auditEntry: ['read'],
    regionParameters: ['read'],
    calendar: ['read'],
    declaration: ['read', 'create'],
    bill: ['read'],
    payment: ['read', 'create'],
    arrearsCase: ['read', 'create'],
    benefitClaim: ['create', 'update'],
    deathClaim: ['create', 'update'],
    // Never at two tiers of one decision: it may still move the task on to someone else.
    earlierTierTask: ['read', 'release', 'reassign'],
    openEarlierTierTask: ['read', 'release', 'reassign'],
    medicalDeclaration: ['read', 'create'],
    agencyMedicalDeclaration: ['read', 'create'],
    backPayment: ['read', 'create'],
    eligibilityList: ['read'],
    medicalLedger: ['read'],
    // 待遇拨付: runs the region's payroll and imports the bank's returns and the feeds.
    payroll: ['read', 'create', 'update'],
    verification: ['read', 'create', 'update'],
    medicalAccount: ['create'],
    // 核销: only a supervisor writes off what cannot be recovered; the counter records repayments.
    overpaymentRecovery: ['read', 'update', 'waive'],
    exchangeFeed: ['create'],
    statistics: ['read'],
  },
  auditor: reads(
    'case',
    'sensitiveCase',
    'sensitivePetition',
    'filedCase',
    'person',
    'employer',
    'auditEntry',
    'regionParameters',
    'calendar',
    'declaration',
    'bill',
    'payment',
    'arrearsCase',
    'medicalDeclaration',
    'agencyMedicalDeclaration',
    'backPayment',
    'eligibilityList',
    'medicalLedger',
    'payroll',
    'statistics',
    'verification',
    'overpaymentRecovery',
    ...allTasks,
  ),
  admin: {
    ...reads('case', 'sensitiveCase', 'sensitivePetition', 'filedCase', 'person', 'auditEntry', ...allTasks),
    employer: ['read', 'create', 'update'],
    regionParameters: [...actions],
    calendar: [...actions],
    setting: [...actions],
    staffRecordLink: [...actions],
    ...contributionReads,
    // It books payment files and runs the overdue sweep, but does not declare wages for an employer (issue 3).
    payment: ['read', 'create'],
    arrearsCase: ['read', 'create'],
    // It imports the 离休 / 二乙 lists and reads the ledgers, but declares no expenses (rules §5.6).
    eligibilityList: ['read', 'create'],
    medicalLedger: ['read'],
    payroll: ['read', 'create', 'update'],
    exchangeFeed: ['create'],
    statistics: ['read'],
    verification: ['read', 'update'],
    overpaymentRecovery: ['read'],
  },
};

const own: Scope = { region: HOME, citizenId: CITIZEN, employer: EMPLOYER };

/** Each role is scoped along one dimension; its "other" object differs from its own in that dimension only. */
const foreign: Record<Role, Scope> = {
  citizen: { ...own, citizenId: OTHER_CITIZEN },
  employer: { ...own, employer: OTHER_EMPLOYER },
  caseworker: { ...own, region: ELSEWHERE },
  reviewer: { ...own, region: ELSEWHERE },
  supervisor: { ...own, region: ELSEWHERE },
  auditor: { ...own, region: ELSEWHERE },
  admin: { ...own, region: ELSEWHERE },
};

function allowedOn(role: Role, scope: Scope, overrides: Partial<Actor> = {}): Allowed {
  const actor = actorFor(role, overrides);
  const ability = defineAbilityFor(actor);
  const allowed: Allowed = {};
  for (const [name, { type, build }] of Object.entries(probes) as [ProbeName, Probe][]) {
    const object = build(scope, actor);
    const granted = actions.filter((action) => ability.can(action, subject(type, { ...object }) as TaggedSubject));
    if (granted.length > 0) allowed[name] = granted;
  }
  return allowed;
}

const sorted = (allowed: Allowed): Allowed => Object.fromEntries(Object.entries(allowed).map(([name, list]) => [name, [...list].sort()]));

describe('access matrix: every role × action × subject type', () => {
  describe.each(roles)('%s', (role) => {
    it('may do exactly the listed actions on objects of its own scope (docs/architecture.md Permissions)', () => {
      expect(sorted(allowedOn(role, own))).toEqual(sorted(ownScope[role]));
    });

    it('touches nothing of another region, citizen or employer but public reference data (docs/architecture.md Permissions)', () => {
      // The holiday calendar is national: an administrator of any region loads it; everyone else reads it.
      const calendar: Action[] = role === 'admin' ? [...actions] : ['read'];
      // So are the policy settings: one configuration for the system, changed by an administrator only.
      const setting: Allowed = role === 'admin' ? { setting: [...actions], staffRecordLink: [...actions] } : {};
      // The death and prison feeds are national data too: a supervisor or administrator of any region imports them.
      const feeds: Allowed = role === 'admin' || role === 'supervisor' ? { exchangeFeed: ['create'] } : {};
      expect(sorted(allowedOn(role, foreign[role]))).toEqual(sorted({ regionParameters: ['read'], calendar, ...setting, ...feeds }));
    });
  });

  it('covers every subject type and every action (so a new one cannot slip past the matrix)', () => {
    const probed = new Set(Object.values(probes).map(({ type }) => type));
    expect([...probed].sort()).toEqual([...subjectTypes].sort());
    const exercised = new Set(Object.values(ownScope).flatMap((allowed) => Object.values(allowed).flat()));
    expect([...exercised].sort()).toEqual([...actions].sort());
  });
});

// Rules §1.3: staff of a region act over every region below it, exactly as over their own, and over nothing above or
// beside it. The one exception is a petition shared with a review body by its code: that lists regions one by one.
describe('access matrix: the region hierarchy (rules §1.3)', () => {
  const staff = ['caseworker', 'reviewer', 'supervisor', 'auditor', 'admin'] as const;
  // What is not region data: reference figures, the national calendar, the system's settings and the national feeds.
  const publicOnly = (role: Role): Allowed => ({
    regionParameters: ['read'],
    calendar: role === 'admin' ? [...actions] : ['read'],
    ...(role === 'admin' ? { setting: [...actions], staffRecordLink: [...actions] } : {}),
    ...(role === 'admin' || role === 'supervisor' ? { exchangeFeed: ['create'] } : {}),
  });
  const withoutShared = (allowed: Allowed): Allowed => Object.fromEntries(Object.entries(allowed).filter(([name]) => name !== 'sharedPetition'));
  const inRegion = (region: string): Scope => ({ ...own, region });

  describe.each(staff)('%s', (role) => {
    it('of a city acts over its districts as a district’s own staff do, and over nothing of another city', () => {
      // A district's own staff, on an object filed in the city itself, see only public data (the city is above them).
      const cityRules = { region: CITY };
      const asDistrict = withoutShared(ownScope[role]);
      expect(sorted(allowedOn(role, inRegion(HOME), cityRules))).toEqual(sorted(asDistrict));
      // In the city itself everything holds, a petition shared with the city's own body included.
      expect(sorted(allowedOn(role, inRegion(CITY), cityRules))).toEqual(sorted(ownScope[role]));
      expect(sorted(allowedOn(role, inRegion(OTHER_CITY_DISTRICT), cityRules))).toEqual(sorted(publicOnly(role)));
      expect(sorted(allowedOn(role, inRegion(CITY)))).toEqual(sorted(publicOnly(role)));
    });

    it('of a province acts over every district of the province, and over nothing of another province', () => {
      const provinceRules = { region: PROVINCE };
      const asDistrict = withoutShared(ownScope[role]);
      expect(sorted(allowedOn(role, inRegion(OTHER_CITY_DISTRICT), provinceRules))).toEqual(sorted(asDistrict));
      expect(sorted(allowedOn(role, inRegion(HOME), provinceRules))).toEqual(sorted(asDistrict));
      expect(sorted(allowedOn(role, inRegion(OTHER_PROVINCE_DISTRICT), provinceRules))).toEqual(sorted(publicOnly(role)));
    });
  });

  it('lets a city supervisor read and reassign a district’s tasks, and a province auditor read every case and audit entry', () => {
    const supervisor = defineAbilityFor(actorFor('supervisor', { region: CITY }));
    const districtTask = subject('Task', taskSubject({ region: HOME, status: 'claimed', assignee: 'cw-009' }));
    expect(supervisor.can('read', districtTask)).toBe(true);
    expect(supervisor.can('reassign', districtTask)).toBe(true);
    expect(supervisor.can('reassign', subject('Task', taskSubject({ region: OTHER_CITY_DISTRICT })))).toBe(false);
    const auditor = defineAbilityFor(actorFor('auditor', { region: PROVINCE }));
    expect(auditor.can('read', subject('Case', caseSubject({ region: OTHER_CITY_DISTRICT })))).toBe(true);
    expect(auditor.can('read', subject('AuditEntry', { region: ELSEWHERE }))).toBe(true);
    expect(auditor.can('update', subject('Case', caseSubject({ region: HOME })))).toBe(false);
    expect(auditor.can('read', subject('Case', caseSubject({ region: OTHER_PROVINCE_DISTRICT })))).toBe(false);
  });
});
