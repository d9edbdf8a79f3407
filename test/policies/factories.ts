import type { Actor, Role } from '../../policies/abilities.js';
import type { CaseSubject, PersonSubject, TaskSubject } from '../../policies/subjects.js';

export const HOME = '330102';
export const ELSEWHERE = '330106';
/** The region hierarchy (rules §1.3): HOME and ELSEWHERE are districts of CITY (Hangzhou) in PROVINCE (Zhejiang). */
export const CITY = '330100';
export const PROVINCE = '330000';
/** A district of another city of the same province (Ningbo, Haishu), and a district of another province (Beijing). */
export const OTHER_CITY_DISTRICT = '330203';
export const OTHER_PROVINCE_DISTRICT = '110101';
/** Valid 18-character ID numbers (GB 11643 check digits) for the citizen under test and somebody else. */
export const CITIZEN = '110101199003074477';
export const OTHER_CITIZEN = '11010119900307803X';
/** Unified social credit codes for the agent's employer and another one. */
export const EMPLOYER = '91110000600001760P';
export const OTHER_EMPLOYER = '91330100MA27XY1Q3B';

/** One actor per role, each scoped to HOME / CITIZEN / EMPLOYER. */
export function actorFor(role: Role, overrides: Partial<Actor> = {}): Actor {
  const base: Record<Role, Actor> = {
    citizen: { id: CITIZEN, role },
    employer: { id: 'agent-001', role, employer: EMPLOYER },
    caseworker: { id: 'cw-002', role, region: HOME },
    reviewer: { id: 'rv-003', role, region: HOME },
    supervisor: { id: 'sv-004', role, region: HOME },
    auditor: { id: 'au-005', role, region: HOME },
    admin: { id: 'ad-006', role, region: HOME },
  };
  return { ...base[role], ...overrides };
}

export function caseSubject(overrides: Partial<CaseSubject> = {}): CaseSubject {
  return {
    id: 'case-1',
    caseType: 'enrollment',
    region: HOME,
    citizenId: CITIZEN,
    employerCreditCode: EMPLOYER,
    applicantId: 'agent-001',
    status: 'underReview',
    sensitive: false,
    ...overrides,
  };
}

export function taskSubject(overrides: Partial<TaskSubject> = {}): TaskSubject {
  return {
    id: 'task-1',
    caseId: 'case-1',
    caseType: 'enrollment',
    region: HOME,
    step: 'review',
    permission: 'review',
    status: 'open',
    assignee: null,
    preparedBy: null,
    escalated: false,
    ...overrides,
  };
}

export function personSubject(overrides: Partial<PersonSubject> = {}): PersonSubject {
  return { citizenId: CITIZEN, region: HOME, ...overrides };
}
