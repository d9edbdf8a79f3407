import { subject } from '@casl/ability';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../../domain/errors.js';
import { defineAbilityFor, FOUR_EYES_REASON, taskProhibitionFor, type Actor } from '../../policies/abilities.js';
import { TWO_TIERS_REASON } from '../../policies/task-prohibitions.js';
import { actorFor, caseSubject, CITIZEN, ELSEWHERE, EMPLOYER, HOME, OTHER_CITIZEN, OTHER_EMPLOYER, personSubject, taskSubject } from './factories.js';

describe('defineAbilityFor', () => {
  it('fails fast on a role it does not know (docs/architecture.md Permissions)', () => {
    const stranger = { id: 'x-1', role: 'superuser', region: HOME } as unknown as Actor;
    expect(() => defineAbilityFor(stranger)).toThrow(DomainError);
    expect(() => defineAbilityFor(stranger)).toThrow(/Unknown role "superuser"/);
  });

  it('gives a staff account without a region nothing at all, not everything (docs/architecture.md Permissions)', () => {
    for (const role of ['caseworker', 'reviewer', 'supervisor', 'auditor', 'admin'] as const) {
      const ability = defineAbilityFor({ id: 'cw-x', role });
      expect(ability.can('read', subject('Case', caseSubject())), role).toBe(false);
      expect(ability.can('read', subject('Task', taskSubject())), role).toBe(false);
      expect(ability.can('read', subject('RegionParameters', { region: HOME })), role).toBe(false);
    }
  });

  it('gives an employer agent without an employer nothing (docs/architecture.md Permissions)', () => {
    const ability = defineAbilityFor({ id: 'agent-x', role: 'employer' });
    expect(ability.can('read', subject('Case', caseSubject({ employerCreditCode: null })))).toBe(false);
    const enrollment = { region: HOME, citizenId: CITIZEN, employerCreditCode: null };
    expect(ability.can('create', subject('Enrollment', enrollment))).toBe(false);
    expect(ability.can('read', subject('RegionParameters', { region: HOME }))).toBe(false);
  });

  it('lets every scoped user read any region parameters, as public reference data (docs/architecture.md Permissions)', () => {
    for (const role of ['citizen', 'employer', 'caseworker', 'auditor'] as const) {
      const ability = defineAbilityFor(actorFor(role));
      expect(ability.can('read', subject('RegionParameters', { region: ELSEWHERE })), role).toBe(true);
      expect(ability.can('update', subject('RegionParameters', { region: HOME })), role).toBe(false);
    }
  });
});

describe('citizen', () => {
  const ability = defineAbilityFor(actorFor('citizen'));

  it('reads a case about them, and a case they filed about nobody else, but not the case of another citizen', () => {
    const read = (citizenId: string | null, applicantId: string) => ability.can('read', subject('Case', caseSubject({ citizenId, applicantId })));
    expect(read(CITIZEN, 'agent-001')).toBe(true);
    expect(read(null, CITIZEN)).toBe(true);
    expect(read(OTHER_CITIZEN, 'agent-001')).toBe(false);
  });

  it('sees their own case unmasked but not one they only filed (docs/architecture.md Data: masking)', () => {
    expect(ability.can('readUnmasked', subject('Case', caseSubject({ sensitive: true })))).toBe(true);
    const filedForSomeoneElse = caseSubject({ citizenId: OTHER_CITIZEN, applicantId: CITIZEN });
    expect(ability.can('readUnmasked', subject('Case', filedForSomeoneElse))).toBe(false);
  });

  it('enrols only themself and only as a flexible worker (rules §2 flexible employment)', () => {
    const enrol = (citizenId: string, employerCreditCode: string | null) =>
      ability.can('create', subject('Enrollment', { region: HOME, citizenId, employerCreditCode }));
    expect(enrol(CITIZEN, null)).toBe(true);
    expect(enrol(CITIZEN, EMPLOYER)).toBe(false);
    expect(enrol(OTHER_CITIZEN, null)).toBe(false);
  });

  it('reads their own person record unmasked and no one else’s', () => {
    expect(ability.can('readUnmasked', subject('Person', personSubject()))).toBe(true);
    expect(ability.can('read', subject('Person', personSubject({ citizenId: OTHER_CITIZEN })))).toBe(false);
  });
});

describe('employer agent', () => {
  const ability = defineAbilityFor(actorFor('employer'));

  it('reads the cases of its employer in any region and enrols only its own employees (rules §2)', () => {
    expect(ability.can('read', subject('Case', caseSubject({ region: ELSEWHERE })))).toBe(true);
    expect(ability.can('read', subject('Case', caseSubject({ employerCreditCode: OTHER_EMPLOYER })))).toBe(false);
    const enrol = (employerCreditCode: string | null) =>
      ability.can('create', subject('Enrollment', { region: HOME, citizenId: OTHER_CITIZEN, employerCreditCode }));
    expect(enrol(EMPLOYER)).toBe(true);
    expect(enrol(OTHER_EMPLOYER)).toBe(false);
    expect(enrol(null)).toBe(false);
  });

  it('never sees a case unmasked (docs/architecture.md Data: masking)', () => {
    expect(ability.can('readUnmasked', subject('Case', caseSubject()))).toBe(false);
  });
});

describe('caseworker', () => {
  const ability = defineAbilityFor(actorFor('caseworker'));

  it('completes a review task it holds in its own region (docs/architecture.md Tasks)', () => {
    expect(ability.can('complete', subject('Task', taskSubject({ status: 'claimed', assignee: 'cw-002' })))).toBe(true);
    const elsewhere = taskSubject({ status: 'claimed', assignee: 'cw-002', region: ELSEWHERE });
    expect(ability.can('complete', subject('Task', elsewhere))).toBe(false);
  });

  it('cannot complete, or even claim, a step that needs the approve permission (docs/architecture.md Permissions)', () => {
    const approval = (assignee: string | null) => subject('Task', taskSubject({ permission: 'approve', assignee }));
    expect(ability.can('claim', approval(null))).toBe(false);
    expect(ability.can('complete', approval('cw-002'))).toBe(false);
  });

  it('claims only open tasks and releases only what it holds (docs/architecture.md Tasks: claiming)', () => {
    expect(ability.can('claim', subject('Task', taskSubject({ status: 'open' })))).toBe(true);
    expect(ability.can('claim', subject('Task', taskSubject({ status: 'claimed', assignee: 'cw-009' })))).toBe(false);
    expect(ability.can('release', subject('Task', taskSubject({ status: 'claimed', assignee: 'cw-002' })))).toBe(true);
    expect(ability.can('release', subject('Task', taskSubject({ status: 'claimed', assignee: 'cw-009' })))).toBe(false);
  });

  it('cannot complete a decision it prepared (four-eyes), and is told why (docs/architecture.md Tasks)', () => {
    const prepared = subject('Task', taskSubject({ status: 'claimed', assignee: 'cw-002', preparedBy: 'cw-002' }));
    expect(ability.can('complete', prepared)).toBe(false);
    expect(ability.relevantRuleFor('complete', prepared)?.reason).toBe(FOUR_EYES_REASON);
    expect(ability.can('claim', subject('Task', taskSubject({ preparedBy: 'cw-002' })))).toBe(false);
    const preparedByColleague = taskSubject({ assignee: 'cw-002', preparedBy: 'cw-001' });
    expect(ability.can('complete', subject('Task', preparedByColleague))).toBe(true);
  });

  it('sees a sensitive case only masked (docs/architecture.md Data: masking)', () => {
    expect(ability.can('read', subject('Case', caseSubject({ sensitive: true })))).toBe(true);
    expect(ability.can('readUnmasked', subject('Case', caseSubject({ sensitive: true })))).toBe(false);
    expect(ability.can('readUnmasked', subject('Case', caseSubject({ sensitive: false })))).toBe(true);
  });
});

describe('reviewer', () => {
  const ability = defineAbilityFor(actorFor('reviewer'));

  it('completes review and approve steps it holds, but not supervise steps (docs/architecture.md Permissions)', () => {
    const held = (permission: 'review' | 'approve' | 'supervise') => subject('Task', taskSubject({ permission, status: 'claimed', assignee: 'rv-003' }));
    expect(ability.can('complete', held('review'))).toBe(true);
    expect(ability.can('complete', held('approve'))).toBe(true);
    expect(ability.can('complete', held('supervise'))).toBe(false);
  });
});

describe('supervisor', () => {
  const ability = defineAbilityFor(actorFor('supervisor'));

  it('reassigns and releases any task of the region, but completes only what it holds (docs/architecture.md Tasks)', () => {
    const othersTask = subject('Task', taskSubject({ permission: 'supervise', status: 'claimed', assignee: 'cw-009' }));
    expect(ability.can('reassign', othersTask)).toBe(true);
    expect(ability.can('release', othersTask)).toBe(true);
    expect(ability.can('complete', othersTask)).toBe(false);
    const ownTask = taskSubject({ permission: 'supervise', assignee: 'sv-004' });
    expect(ability.can('complete', subject('Task', ownTask))).toBe(true);
    expect(ability.can('reassign', subject('Task', taskSubject({ region: ELSEWHERE })))).toBe(false);
  });

  it('is bound by four-eyes like everyone else (docs/architecture.md Tasks)', () => {
    const prepared = subject('Task', taskSubject({ assignee: 'sv-004', preparedBy: 'sv-004' }));
    expect(ability.can('complete', prepared)).toBe(false);
  });

  it('never acts at a second tier of a decision it reviewed, and says why (社会保险经办条例 arts. 36–38)', () => {
    const approval = taskSubject({ permission: 'supervise', status: 'open', preparedBy: 'cw-009', earlierDeciders: ['cw-009', 'sv-004'] });
    expect(ability.can('claim', subject('Task', approval))).toBe(false);
    expect(ability.can('complete', subject('Task', taskSubject({ ...approval, status: 'claimed', assignee: 'sv-004' })))).toBe(false);
    expect(ability.can('reassign', subject('Task', approval))).toBe(true);
    expect(taskProhibitionFor(approval, 'sv-004')).toEqual({ code: 'SAME_PERSON_AT_TWO_TIERS', reason: TWO_TIERS_REASON });
    expect(taskProhibitionFor(approval, 'sv-777')).toBeNull();
  });

  it('reads the audit trail and sensitive cases of its region unmasked', () => {
    expect(ability.can('read', subject('AuditEntry', { region: HOME }))).toBe(true);
    expect(ability.can('readUnmasked', subject('Case', caseSubject({ sensitive: true })))).toBe(true);
  });
});

describe('auditor', () => {
  const ability = defineAbilityFor(actorFor('auditor'));

  it('reads everything of its region, masked, and changes nothing (docs/architecture.md Permissions)', () => {
    expect(ability.can('read', subject('AuditEntry', { region: HOME }))).toBe(true);
    expect(ability.can('read', subject('Task', taskSubject()))).toBe(true);
    expect(ability.can('readUnmasked', subject('Person', personSubject()))).toBe(false);
    expect(ability.can('claim', subject('Task', taskSubject()))).toBe(false);
    expect(ability.can('create', subject('Employer', { creditCode: EMPLOYER, region: HOME }))).toBe(false);
  });
});

describe('admin', () => {
  const ability = defineAbilityFor(actorFor('admin'));

  it('manages the parameters of its own region only and takes no task actions (docs/architecture.md Permissions)', () => {
    expect(ability.can('update', subject('RegionParameters', { region: HOME }))).toBe(true);
    expect(ability.can('update', subject('RegionParameters', { region: ELSEWHERE }))).toBe(false);
    expect(ability.can('update', subject('Employer', { creditCode: EMPLOYER, region: HOME }))).toBe(true);
    expect(ability.can('claim', subject('Task', taskSubject()))).toBe(false);
    expect(ability.can('complete', subject('Task', taskSubject({ assignee: 'ad-006' })))).toBe(false);
  });
});

describe('petition delivery records (信访工作条例 arts. 35, 36)', () => {
  const petition = (overrides: Partial<Parameters<typeof caseSubject>[0]> = {}) =>
    subject('Case', caseSubject({ caseType: 'petition', employerCreditCode: null, applicantId: CITIZEN, ...overrides }));

  it('lets caseworkers, reviewers and supervisors of a region deciding on the petition record its delivery, and nobody else', () => {
    for (const role of ['caseworker', 'reviewer', 'supervisor'] as const) {
      const ability = defineAbilityFor(actorFor(role));
      expect(ability.can('update', petition()), role).toBe(true);
      expect(ability.can('update', petition({ region: ELSEWHERE, sharedWithRegions: [HOME] })), `${role}: review body`).toBe(true);
      expect(ability.can('update', petition({ region: ELSEWHERE })), `${role}: another region`).toBe(false);
      expect(ability.can('update', subject('Case', caseSubject())), `${role}: not a petition`).toBe(false);
    }
    for (const role of ['citizen', 'employer', 'auditor', 'admin'] as const) {
      expect(defineAbilityFor(actorFor(role)).can('update', petition()), role).toBe(false);
    }
  });

  it('keeps a whistle-blowing petition out of reach of the staff member it accuses, and a sensitive one from caseworkers (§7 art. 36 para. 3)', () => {
    const accusing = petition({ sensitive: true, accusedStaff: ['rv-003'] });
    expect(defineAbilityFor(actorFor('reviewer')).can('update', accusing)).toBe(false);
    expect(defineAbilityFor(actorFor('reviewer', { id: 'rv-004' })).can('update', accusing)).toBe(true);
    expect(defineAbilityFor(actorFor('caseworker')).can('update', petition({ sensitive: true }))).toBe(false);
  });
});
