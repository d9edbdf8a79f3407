import { AbilityBuilder, createMongoAbility, type ForcedSubject, type MongoAbility } from '@casl/ability';
import { DomainError } from '../domain/errors.js';
import type { SubjectMap, SubjectType, TaskPermission } from './subjects.js';
import { regionsWithin, type RegionCondition } from './region-scope.js';
import { ACCUSED_REASON, FOUR_EYES_REASON, TASK_PROHIBITIONS } from './task-prohibitions.js';

// The API and workflows import every policy name from this one module (docs/api.md "Authentication").
export type {
  AuditEntrySubject,
  BenefitClaimSubject,
  CaseSubject,
  ContributionSubject,
  EmployerSubject,
  EnrollmentSubject,
  MedicalDeclarationSubject,
  PersonSubject,
  PayrollSubject,
  PetitionSubject,
  RegionParametersSubject,
  SpecialMedicalSubject,
  SubjectMap,
  SubjectType,
  TaskPermission,
  TaskStatus,
  TaskSubject,
  TransferSubject,
} from './subjects.js';
export { subjectTypes, taskPermissions } from './subjects.js';
export { explainRefusal, refusalFor } from './refusal-reasons.js';
export { ACCUSED_REASON, FOUR_EYES_REASON, taskProhibitionFor } from './task-prohibitions.js';

export const roles = ['citizen', 'employer', 'caseworker', 'reviewer', 'supervisor', 'auditor', 'admin'] as const;
export type Role = (typeof roles)[number];

/** Built from the verified token (docs/api.md "Authentication"): `id` is `sub`, a citizen's is their ID number. */
export interface Actor {
  id: string;
  role: Role;
  /** 6-digit region code the staff member acts for. */
  region?: string;
  /** Unified social credit code of the employer an agent acts for. */
  employer?: string;
  name?: string;
}

export const actions = ['read', 'create', 'update', 'claim', 'release', 'complete', 'reassign', 'readUnmasked', 'waive', 'manage'] as const;
export type Action = (typeof actions)[number];

/** A DTO tagged with its subject type by CASL's `subject()`, which is how every check names its subject. */
export type TaggedSubject = { [K in SubjectType]: SubjectMap[K] & ForcedSubject<K> }[SubjectType];
export type AppAbility = MongoAbility<[Action, SubjectType | TaggedSubject]>;

export const SENSITIVE_PETITION_REASON = 'sensitive petition: reviewers and supervisors only';
export const INVESTIGATION_REASON = 'investigation (稽核调查): supervisors and auditors only';

/** Who reads investigations (rules §8): the region's supervisors, who decide them, and its auditors. */
const INVESTIGATION_READERS: ReadonlySet<Role> = new Set(['supervisor', 'auditor']);

type Builder = AbilityBuilder<AppAbility>;
type Grant = (actor: Actor, builder: Builder) => void;

/**
 * Staff rules only exist for an actor with a region: a region-less account gets nothing rather than everything. The
 * `region` a grant receives is the hierarchy condition (policies/region-scope.ts): the staff member's region and every
 * region below it, so a city's staff act over its districts and a province's over all of it.
 */
const inRegion =
  (grant: (region: RegionCondition, actor: Actor, builder: Builder) => void): Grant =>
  (actor, builder) => {
    if (actor.region) grant(regionsWithin(actor.region), actor, builder);
  };

/** The staff member's own region code, for array fields that list regions one by one (a petition's review bodies). */
const ownRegion = (actor: Actor): string => actor.region ?? '';

/**
 * Staff of the regions deciding on a petition — the receiving body, a forwardee, a review body — record what happens
 * to it outside the system, such as the day the petitioner received a written opinion (送达, arts. 35–36).
 */
const recordPetitionFacts = (region: RegionCondition, actor: Actor, { can }: Builder) => {
  can('update', 'Case', { caseType: 'petition', region });
  can('update', 'Case', { caseType: 'petition', sharedWithRegions: ownRegion(actor) });
};

/** Caseworkers and reviewers differ only in which step permissions they may take and decide. */
const frontOffice = (permissions: readonly TaskPermission[]): Grant =>
  inRegion((region, actor, builder) => {
    const { can } = builder;
    can('read', ['Case', 'Task', 'Person', 'Employer'], { region });
    // A body one level up reviewing a petition, or the body it was forwarded to, reads the case it decides on (§7).
    can('read', 'Case', { sharedWithRegions: ownRegion(actor) });
    recordPetitionFacts(region, actor, builder);
    // A sensitive case (medical details, a whistle-blower) stays masked below supervisor level.
    can('readUnmasked', 'Case', { region, sensitive: false });
    can('readUnmasked', 'Person', { region });
    // Claiming a task whose step needs a permission you lack would only block it for someone who has it.
    can('claim', 'Task', { region, status: 'open', permission: { $in: [...permissions] } });
    can('release', 'Task', { region, assignee: actor.id });
    can('complete', 'Task', { region, assignee: actor.id, permission: { $in: [...permissions] } });
    can('create', ['Enrollment', 'Employer', 'Leaver'], { region });
    // 转移接续: the receiving office files a transfer for a person insured there (国办发〔2009〕66号 art. 8 (1)).
    can('create', 'Transfer', { region });
    // …and collects a temporary pension account kept in the region into the relationship's place (归集, rules §6.1).
    can('update', 'Transfer', { region });
    can('read', 'Leaver', { region });
    can('update', 'Person', { region });
    // Front-office staff key in a declaration for an employer without online access (§3.3).
    can(['read', 'create'], 'Declaration', { region });
    can('read', ['Bill', 'Payment', 'ArrearsCase'], { region });
    // 待遇申领 at the counter, and the claimant's follow-up requests recorded for them (rules §5).
    can(['create', 'update'], 'BenefitClaim', { region });
    // 离休 / 二乙 医疗费申报: the agency declares for a person without an employer; staff read the lists and ledgers (§5.6).
    can(['create', 'read'], 'MedicalDeclaration', { region });
    can('read', ['EligibilityList', 'MedicalLedger'], { region });
    // 无记录补缴: the counter files a back-payment for an employer of the region (rules §6.1).
    can(['create', 'read'], 'BackPayment', { region });
    // 待遇拨付: front-office staff read the region's payrolls and decide their held lines (tasks).
    can('read', 'Payroll', { region });
    // 待遇资格认证: a beneficiary who came to the counter is verified there (rules §8).
    can(['create', 'read'], 'Verification', { region });
    // 个人账户支付: the counter records a payment from the person's medical account kept in the region (rules §5.6).
    can('create', 'MedicalAccount', { region });
    // 追回: the counter records what a person repaid of an overpayment and agrees instalments (经办条例 art. 46).
    can(['read', 'update'], 'OverpaymentRecovery', { region });
  });

/** Benefit claims a relative files for a person who died (rules §5.1 survivors, §5.5 art. 39). */
const DEATH_CLAIMS = ['funeral', 'survivor'];

/** Everything of an employer's contribution account in `region` is visible; what may be done is granted per role. */
const readContributions = (region: RegionCondition, { can }: Builder) => can('read', ['Declaration', 'Bill', 'Payment', 'ArrearsCase'], { region });

const grants: Record<Role, Grant> = {
  citizen({ id }, { can }) {
    can('read', 'Case', { citizenId: id });
    can('read', 'Case', { applicantId: id });
    // Their own contact details (a phone number); what the record says about employment is the employer's and staff's.
    can('update', 'Person', { citizenId: id });
    can('readUnmasked', 'Case', { citizenId: id });
    can(['read', 'readUnmasked'], 'Person', { citizenId: id });
    // A citizen files only for themself and only as a flexible worker; a hire is registered by the employer (§2).
    can('create', 'Enrollment', { citizenId: id, employerCreditCode: null });
    // 信访工作条例 art. 17: a petitioner files in their own name (anonymity hides the name from staff, not from us).
    can('create', 'Petition', { petitionerId: id });
    // A person applies for the transfer of their own relationship (国办发〔2009〕66号 art. 8 (1)).
    can('create', 'Transfer', { citizenId: id });
    // A citizen claims their own benefits and follows them up (a re-assessment request); a relative files a death claim.
    can(['create', 'update'], 'BenefitClaim', { citizenId: id });
    can('create', 'BenefitClaim', { claimantId: id, claimType: { $in: DEATH_CLAIMS } });
    // 待遇资格认证: a beneficiary checks in for themself, never for another person (rules §8 self-service).
    can(['create', 'read'], 'Verification', { citizenId: id });
    // 个人账户支付: a person pays from their own medical account, never from another's (rules §5.6).
    can('create', 'MedicalAccount', { citizenId: id });
    // What they owe of an overpayment, and what was withheld or repaid (经办条例 art. 46).
    can('read', 'OverpaymentRecovery', { citizenId: id });
  },
  employer({ employer }, { can }) {
    if (!employer) return;
    can('read', 'Case', { employerCreditCode: employer });
    can('create', 'Enrollment', { employerCreditCode: employer });
    can('read', 'Employer', { creditCode: employer });
    // 减员: the employer reports its own leavers (社会保险法 art. 50) and reads what it reported.
    can(['create', 'read'], 'Leaver', { employerCreditCode: employer });
    // An employer declares its own wages (社会保险法 art. 60) and sees its own account, never another's (issue 3).
    can(['read', 'create'], 'Declaration', { employerCreditCode: employer });
    can('read', ['Bill', 'Payment', 'ArrearsCase'], { employerCreditCode: employer });
    // Asking for a hardship deferral of its own arrears (rules §4); a supervisor decides it.
    can('update', 'ArrearsCase', { employerCreditCode: employer });
    // The new employer applies for the transfer of a person it now employs (国办发〔2009〕66号 art. 8 (1)).
    can('create', 'Transfer', { employerCreditCode: employer });
    // The employer files its employees' claims (a pension at retirement, maternity, a work injury) and follows them up.
    can(['create', 'update'], 'BenefitClaim', { employerCreditCode: employer });
    // 离休 / 二乙 医疗费申报: the employer (the former unit) declares its people's expenses (rules §5.6).
    can(['create', 'read'], 'MedicalDeclaration', { employerCreditCode: employer });
    // 无记录补缴: the employer back-pays its own employee's months without a record (rules §6.1).
    can(['create', 'read'], 'BackPayment', { employerCreditCode: employer });
  },
  caseworker: inRegion((region, actor, builder) => {
    frontOffice(['review'])(actor, builder);
    // 变更: a caseworker records a base change; a drop waits for a reviewer's approval (four eyes).
    builder.can('create', 'BaseChange', { region });
    // A sensitive petition is for reviewers and supervisors only (rules §7); its tasks take 'approve'.
    builder.cannot(['read', 'update'], 'Case', { caseType: 'petition', sensitive: true }).because(SENSITIVE_PETITION_REASON);
    // The collection desk: it books payments and asks for deferrals on the employer's behalf (rules §4).
    builder.can('create', 'Payment', { region });
    builder.can('update', 'ArrearsCase', { region });
  }),
  reviewer: inRegion((region, actor, builder) => {
    frontOffice(['review', 'approve'])(actor, builder);
    builder.can(['create', 'update'], 'BaseChange', { region });
  }),
  supervisor: inRegion((region, actor, builder) => {
    const { can } = builder;
    can('read', ['Case', 'Task', 'Person', 'Employer', 'AuditEntry', 'Leaver'], { region });
    can('read', 'Case', { sharedWithRegions: ownRegion(actor) });
    recordPetitionFacts(region, actor, builder);
    can('readUnmasked', ['Case', 'Person'], { region });
    can(['create', 'update'], ['BaseChange'], { region });
    can('create', ['Leaver', 'Transfer'], { region });
    can('update', 'Transfer', { region });
    can('update', 'Person', { region });
    can('claim', 'Task', { region, status: 'open' });
    can(['release', 'reassign'], 'Task', { region });
    // Still only the holder decides (docs/architecture.md "Tasks: the human part"): a supervisor reassigns a task to themself first.
    can('complete', 'Task', { region, assignee: actor.id });
    readContributions(region, builder);
    can('create', ['Declaration', 'Payment'], { region });
    // Running the overdue sweep, which opens or joins arrears cases (rules §4).
    can('create', 'ArrearsCase', { region });
    can(['create', 'update'], 'BenefitClaim', { region });
    can(['create', 'read'], 'MedicalDeclaration', { region });
    can(['create', 'read'], 'BackPayment', { region });
    can('read', ['EligibilityList', 'MedicalLedger'], { region });
    // 待遇拨付: a supervisor runs the region's payroll and imports the bank's returns; another one approves it.
    can(['read', 'create', 'update'], 'Payroll', { region });
    can('create', 'ExchangeFeed');
    // 待遇资格认证: counter check-ins, and running the suspension sweep of the region now (rules §8).
    can(['create', 'read', 'update'], 'Verification', { region });
    can('create', 'MedicalAccount', { region });
    can(['read', 'update'], 'OverpaymentRecovery', { region });
    // 核销: writing off what cannot be recovered (the estate has nothing) is a supervisor's decision, not the counter's.
    can('waive', 'OverpaymentRecovery', { region });
    // 统计 (issue 14): the figures of the region and below, for decision support.
    can('read', 'Statistics', { region });
  }),
  auditor: inRegion((region, _actor, builder) => {
    builder.can('read', ['Case', 'Task', 'Person', 'Employer', 'AuditEntry'], { region });
    builder.can('read', ['Payroll', 'Verification', 'OverpaymentRecovery'], { region });
    readContributions(region, builder);
    // The special medical ledgers are kept for audit (rules §5.6): auditors read them, the lists and the declarations.
    builder.can('read', ['MedicalDeclaration', 'EligibilityList', 'MedicalLedger', 'BackPayment'], { region });
    builder.can('read', 'Statistics', { region });
  }),
  admin: inRegion((region, _actor, builder) => {
    const { can } = builder;
    can('manage', 'RegionParameters', { region });
    // The State Council's holiday arrangement is national: any administrator loads a year once its notice is out.
    can('manage', 'Calendar');
    // Policy settings (deadlines, rates, the guide's figures) are one configuration for the whole system.
    can('manage', 'Setting');
    // The personnel office's record of staff accounts' own and relatives' records (rules §8 pattern 8): one national list.
    can('manage', 'StaffRecordLink');
    can(['create', 'update'], 'Employer', { region });
    can('read', ['Case', 'Task', 'Person', 'Employer', 'AuditEntry'], { region });
    readContributions(region, builder);
    // Administrators book payments (bank and tax files) and run the sweep, but do not declare wages for an employer.
    can('create', ['Payment', 'ArrearsCase'], { region });
    // The eligibility lists come from veterans' affairs / the organisation department: an administrator imports them.
    can(['create', 'read'], 'EligibilityList', { region });
    can('read', 'MedicalLedger', { region });
    can(['read', 'create', 'update'], 'Payroll', { region });
    can('create', 'ExchangeFeed');
    can(['read', 'update'], 'Verification', { region });
    can('read', 'OverpaymentRecovery', { region });
    can('read', 'Statistics', { region });
  }),
};

/**
 * What `actor` may do, as a CASL ability checked on every object (docs/architecture.md "Permissions"). Pure: built per request
 * from the token claims only. Throws DomainError FORBIDDEN on a role it does not know (fail fast, never a default).
 */
export function defineAbilityFor(actor: Actor): AppAbility {
  const grant = (grants as Partial<Record<string, Grant>>)[actor.role];
  if (!grant) throw new DomainError('FORBIDDEN', `Unknown role "${String(actor.role)}"`);

  const builder = new AbilityBuilder<AppAbility>(createMongoAbility);
  grant(actor, builder);
  // Reference data is public to every properly scoped user; an account missing its region or employer got no rules.
  if (builder.rules.length > 0) builder.can('read', ['RegionParameters', 'Calendar']);

  // Prohibitions last: in CASL a later rule wins, so no grant above can re-open them. The task ones (four eyes, the
  // accused staff member) are properties of the task row, listed once in policies/task-prohibitions.ts.
  for (const { actions: forbidden, field, refusal } of TASK_PROHIBITIONS) {
    builder.cannot([...forbidden], 'Task', { [field]: actor.id }).because(refusal.reason);
  }
  // Four eyes on a base drop: whoever asked for it does not approve it.
  builder.cannot('update', 'BaseChange', { requestedBy: actor.id }).because(FOUR_EYES_REASON);
  // 信访工作条例 art. 36 para. 3 (rules §7): whistle-blowing must not be disclosed to the accused.
  builder.cannot(['read', 'readUnmasked', 'update'], 'Case', { accusedStaff: actor.id }).because(ACCUSED_REASON);
  // 稽核调查 (rules §8): an investigation is never shown to the person it concerns, nor to front-office staff whose
  // work it may be checking; its tasks neither.
  if (!INVESTIGATION_READERS.has(actor.role)) {
    builder.cannot(['read', 'readUnmasked', 'update'], 'Case', { caseType: 'investigation' }).because(INVESTIGATION_REASON);
    builder.cannot(['read', 'claim', 'complete'], 'Task', { caseType: 'investigation' }).because(INVESTIGATION_REASON);
  }
  return builder.build();
}
