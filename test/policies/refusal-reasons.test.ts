import { describe, expect, it } from 'vitest';
import { defineAbilityFor, explainRefusal, type Actor, type Role } from '../../policies/abilities.js';
import { actorFor, caseSubject, CITIZEN, ELSEWHERE, EMPLOYER, HOME, OTHER_CITIZEN, OTHER_EMPLOYER, taskSubject } from './factories.js';

const as = (role: Role, overrides: Partial<Actor> = {}) => {
  const actor = actorFor(role, overrides);
  return { actor, ability: defineAbilityFor(actor) };
};

describe('explainRefusal', () => {
  const caseworker = as('caseworker');

  it('names four-eyes before anything else when the actor prepared the decision (docs/architecture.md Permissions)', () => {
    const task = taskSubject({ status: 'claimed', assignee: 'cw-002', preparedBy: 'cw-002' });
    expect(explainRefusal(caseworker.ability, caseworker.actor, 'complete', 'Task', task)).toBe('four-eyes: you prepared this decision');
  });

  it('names the role when no rule of the role grants the action at all', () => {
    expect(explainRefusal(caseworker.ability, caseworker.actor, 'reassign', 'Task', taskSubject())).toBe('role: a caseworker cannot reassign tasks');
    const auditor = as('auditor');
    expect(explainRefusal(auditor.ability, auditor.actor, 'readUnmasked', 'Case', caseSubject())).toBe(
      'role: an auditor cannot see unmasked personal data of cases',
    );
  });

  it('names the region before the holder when both are wrong (docs/architecture.md Permissions)', () => {
    const task = taskSubject({ region: ELSEWHERE, status: 'claimed', assignee: 'cw-009' });
    expect(explainRefusal(caseworker.ability, caseworker.actor, 'complete', 'Task', task)).toBe(
      'region: this task belongs to region 330106, you act for 330102',
    );
  });

  it('names the holder when another caseworker holds the task (docs/architecture.md Tasks)', () => {
    const task = taskSubject({ status: 'claimed', assignee: 'cw-009' });
    expect(explainRefusal(caseworker.ability, caseworker.actor, 'complete', 'Task', task)).toBe('holder: the task is held by cw-009');
    expect(explainRefusal(caseworker.ability, caseworker.actor, 'claim', 'Task', task)).toBe('holder: the task is held by cw-009');
    expect(explainRefusal(caseworker.ability, caseworker.actor, 'complete', 'Task', taskSubject())).toBe('holder: nobody holds this task; claim it first');
  });

  it('names the step permission when the task is held but the step needs more (docs/architecture.md Permissions)', () => {
    const task = taskSubject({ permission: 'approve', status: 'claimed', assignee: 'cw-002' });
    expect(explainRefusal(caseworker.ability, caseworker.actor, 'complete', 'Task', task)).toBe('step: this step needs the approve permission');
  });

  it('names the status when a finished task is claimed', () => {
    const task = taskSubject({ status: 'completed' });
    expect(explainRefusal(caseworker.ability, caseworker.actor, 'claim', 'Task', task)).toBe('status: the task is completed; only an open task can be claimed');
  });

  it('names the owner for a citizen and the employer for an agent, without quoting their ID numbers', () => {
    const citizen = as('citizen');
    const othersCase = caseSubject({ citizenId: OTHER_CITIZEN });
    const reason = explainRefusal(citizen.ability, citizen.actor, 'read', 'Case', othersCase);
    expect(reason).toBe('owner: this case concerns another person');
    expect(reason).not.toContain(OTHER_CITIZEN);
    expect(
      explainRefusal(citizen.ability, citizen.actor, 'create', 'Enrollment', {
        region: HOME,
        citizenId: CITIZEN,
        employerCreditCode: EMPLOYER,
      }),
    ).toMatch(/^flexible worker: /);

    const agent = as('employer');
    expect(explainRefusal(agent.ability, agent.actor, 'read', 'Case', caseSubject({ employerCreditCode: OTHER_EMPLOYER }))).toBe(
      'employer: this case belongs to another employer',
    );
  });

  it('explains why a sensitive case stays masked for a caseworker', () => {
    expect(explainRefusal(caseworker.ability, caseworker.actor, 'readUnmasked', 'Case', caseSubject({ sensitive: true }))).toBe(
      'sensitive: this case is marked sensitive; only a supervisor sees it unmasked',
    );
  });

  it('says the account is unscoped when a staff member has no region', () => {
    const lost = as('caseworker', { region: undefined });
    expect(explainRefusal(lost.ability, lost.actor, 'read', 'Case', caseSubject())).toBe(
      'scope: your caseworker account is not linked to a region or employer',
    );
  });

  it('answers an empty string when the action is in fact allowed, and leaves the DTO untouched', () => {
    const task = taskSubject();
    expect(explainRefusal(caseworker.ability, caseworker.actor, 'claim', 'Task', task)).toBe('');
    expect(Object.keys(task)).not.toContain('__caslSubjectType__');
  });
});
