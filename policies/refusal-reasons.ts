import { createMongoAbility, subject as tagSubject, type RuleOf } from '@casl/ability';
import type { DomainErrorCode, Refusal } from '../domain/errors.js';
import type { Action, Actor, AppAbility, Role, TaggedSubject } from './abilities.js';
import type { SubjectMap, SubjectType } from './subjects.js';
import { prohibitionByReason } from './task-prohibitions.js';

const roleNames: Record<Role, string> = {
  citizen: 'a citizen',
  employer: 'an employer agent',
  caseworker: 'a caseworker',
  reviewer: 'a reviewer',
  supervisor: 'a supervisor',
  auditor: 'an auditor',
  admin: 'an administrator',
};

const verbs: Record<Action, string> = {
  read: 'read',
  create: 'create',
  update: 'update',
  claim: 'claim',
  release: 'release',
  complete: 'complete',
  reassign: 'reassign',
  readUnmasked: 'see unmasked personal data of',
  waive: 'write off',
  manage: 'manage',
};

const nouns: Record<SubjectType, { one: string; many: string }> = {
  Case: { one: 'case', many: 'cases' },
  Task: { one: 'task', many: 'tasks' },
  Enrollment: { one: 'enrollment', many: 'enrollments' },
  Employer: { one: 'employer record', many: 'employer records' },
  Person: { one: 'person record', many: 'person records' },
  RegionParameters: { one: 'parameter set', many: 'region parameters' },
  AuditEntry: { one: 'audit entry', many: 'audit entries' },
  Petition: { one: 'petition', many: 'petitions' },
  Transfer: { one: 'transfer application', many: 'transfer applications' },
  Declaration: { one: 'wage declaration', many: 'wage declarations' },
  Bill: { one: 'bill', many: 'bills' },
  Payment: { one: 'payment', many: 'payments' },
  ArrearsCase: { one: 'arrears case', many: 'arrears cases' },
  Leaver: { one: 'leaver report', many: 'leaver reports' },
  BaseChange: { one: 'base change', many: 'base changes' },
  Calendar: { one: 'holiday calendar', many: 'holiday calendars' },
  BenefitClaim: { one: 'benefit claim', many: 'benefit claims' },
  MedicalDeclaration: { one: 'medical expense declaration', many: 'medical expense declarations' },
  BackPayment: { one: 'back-payment', many: 'back-payments' },
  EligibilityList: { one: 'eligibility list', many: 'eligibility lists' },
  MedicalLedger: { one: 'medical expense ledger', many: 'medical expense ledgers' },
  Setting: { one: 'policy setting', many: 'policy settings' },
  Payroll: { one: 'payroll', many: 'payrolls' },
  ExchangeFeed: { one: 'data-exchange feed', many: 'data-exchange feeds' },
  Statistics: { one: 'statistics report', many: 'statistics' },
  Verification: { one: 'eligibility verification', many: 'eligibility verifications' },
  MedicalAccount: { one: 'personal medical account', many: 'personal medical accounts' },
  OverpaymentRecovery: { one: 'overpayment recovery', many: 'overpayment recoveries' },
  StaffRecordLink: { one: 'staff record link', many: 'staff record links' },
};

/** What a reason sentence is built from. */
interface Refusal_ {
  actor: Actor;
  noun: string;
  object: Record<string, unknown>;
}

/**
 * The facts a refusal can hinge on, most fundamental first: a wrong region or owner is reported before who holds the
 * task, so the user learns the reason that fixing anything else would not cure. Reasons never carry ID numbers.
 */
const checks: readonly { fields: readonly string[]; code: (refusal: Refusal_) => DomainErrorCode; reason: (refusal: Refusal_) => string }[] = [
  {
    fields: ['region'],
    code: () => 'FORBIDDEN',
    reason: ({ actor, noun, object }) => `region: this ${noun} belongs to region ${String(object.region)}, you act for ${actor.region ?? 'no region'}`,
  },
  { fields: ['citizenId', 'applicantId', 'claimantId'], code: () => 'FORBIDDEN', reason: ({ noun }) => `owner: this ${noun} concerns another person` },
  {
    fields: ['employerCreditCode', 'creditCode'],
    code: () => 'FORBIDDEN',
    reason: ({ actor, noun }) =>
      actor.role === 'citizen'
        ? 'flexible worker: a citizen enrols only as a flexible worker; an employee is enrolled by the employer'
        : `employer: this ${noun} belongs to another employer`,
  },
  { fields: ['assignee'], code: () => 'NOT_TASK_HOLDER', reason: ({ object }) => holderReason(object) },
  {
    fields: ['status'],
    code: ({ object }) => (object.status === 'completed' || object.status === 'cancelled' ? 'TASK_ALREADY_DECIDED' : 'TASK_ALREADY_CLAIMED'),
    reason: ({ actor, object }) =>
      object.assignee === actor.id
        ? 'holder: you already hold this task'
        : typeof object.assignee === 'string'
          ? holderReason(object)
          : `status: the task is ${String(object.status)}; only an open task can be claimed`,
  },
  {
    fields: ['permission'],
    code: () => 'FORBIDDEN',
    reason: ({ object }) => `step: this step needs the ${String(object.permission)} permission`,
  },
  {
    fields: ['sensitive'],
    code: () => 'FORBIDDEN',
    reason: ({ noun }) => `sensitive: this ${noun} is marked sensitive; only a supervisor sees it unmasked`,
  },
];

function holderReason(object: Record<string, unknown>): string {
  return typeof object.assignee === 'string' ? `holder: the task is held by ${object.assignee}` : 'holder: nobody holds this task; claim it first';
}

/**
 * Why `actor` may not do `action` on this object, as a typed refusal (docs/architecture.md "Permissions"): the code the HTTP
 * answer carries (FOUR_EYES, NOT_TASK_HOLDER, TASK_ALREADY_CLAIMED, FORBIDDEN, …) and one human sentence prefixed by its
 * kind (four-eyes, role, region, owner, employer, holder, status, step, sensitive). A prohibition's own reason comes
 * first, then the role, then the first fact below on which every grant fails. Returns null when the action is in fact
 * allowed. Pure.
 */
export function refusalFor<K extends SubjectType>(ability: AppAbility, actor: Actor, action: Action, subjectType: K, subject: SubjectMap[K]): Refusal | null {
  // A copy: `subject()` tags the object it is given, and the caller's DTO should stay untouched.
  const tagged = tagSubject(subjectType, { ...subject }) as TaggedSubject;
  if (ability.can(action, tagged)) return null;

  const decisive = ability.relevantRuleFor(action, tagged);
  if (decisive?.inverted && decisive.reason) {
    return prohibitionByReason(decisive.reason) ?? { code: 'FORBIDDEN', reason: decisive.reason };
  }

  const noun = nouns[subjectType];
  if (ability.rules.every((rule) => rule.inverted)) {
    return { code: 'FORBIDDEN', reason: `scope: your ${actor.role} account is not linked to a region or employer` };
  }
  const grants = ability.rulesFor(action, subjectType).filter((rule) => !rule.inverted);
  if (grants.length === 0) return { code: 'FORBIDDEN', reason: `role: ${roleNames[actor.role]} cannot ${verbs[action]} ${noun.many}` };

  const object: Record<string, unknown> = { ...subject };
  const facts: Refusal_ = { actor, noun: noun.one, object };
  const check = checks.find(({ fields }) => grants.every((rule) => failsOn(rule, fields, object)));
  return check
    ? { code: check.code(facts), reason: check.reason(facts) }
    : { code: 'FORBIDDEN', reason: `not allowed: ${roleNames[actor.role]} cannot ${verbs[action]} this ${noun.one}` };
}

/** {@link refusalFor}'s sentence alone ('' when allowed), for pages and messages. */
export function explainRefusal<K extends SubjectType>(ability: AppAbility, actor: Actor, action: Action, subjectType: K, subject: SubjectMap[K]): string {
  return refusalFor(ability, actor, action, subjectType, subject)?.reason ?? '';
}

/** True when the rule constrains one of `fields` and the object does not meet that constraint. */
function failsOn(rule: RuleOf<AppAbility>, fields: readonly string[], object: Record<string, unknown>): boolean {
  const conditions = (rule.conditions ?? {}) as Record<string, unknown>;
  return fields.some((field) => field in conditions && !meets(field, conditions[field], object));
}

/** Evaluates one field's condition with CASL's own matcher, so the explanation can never disagree with the check. */
function meets(field: string, condition: unknown, object: Record<string, unknown>): boolean {
  const probe = createMongoAbility([{ action: 'probe', subject: 'Probe', conditions: { [field]: condition } }]);
  return probe.can('probe', tagSubject('Probe', { ...object }));
}
