/**
 * The shapes CASL checks. They are plain DTOs from the read models, never ORM entities, and every field name is the
 * entity property name, so a rule condition on `region` is also a valid MikroORM filter on `region` (sql-scope.ts).
 */

/** The permission a workflow step requires of whoever completes its task (docs/architecture.md "Permissions"). */
export const taskPermissions = ['review', 'approve', 'supervise'] as const;
export type TaskPermission = (typeof taskPermissions)[number];

export type TaskStatus = 'open' | 'claimed' | 'waiting' | 'completed' | 'cancelled';

export interface CaseSubject {
  id: string;
  caseType: string;
  region: string;
  citizenId: string | null;
  employerCreditCode: string | null;
  /** Who filed it: a citizen's ID number, an employer agent's or a caseworker's user id. */
  applicantId: string;
  status: string;
  /** Medical details, whistle-blowing and the like: only a supervisor (or the person concerned) sees it unmasked. */
  sensitive: boolean;
  /** Staff a whistle-blowing petition accuses: they never see it (rules §7). A `text[]` column, never NULL. */
  accusedStaff?: readonly string[];
  /** Other regions deciding on the case (a forwardee, a review body): their staff read it too. A `text[]` column. */
  sharedWithRegions?: readonly string[];
}

export interface TaskSubject {
  id: string;
  caseId: string;
  caseType: string;
  region: string;
  step: string;
  permission: TaskPermission;
  status: TaskStatus;
  assignee: string | null;
  /** Who prepared the decision this task asks for; they may not also take it (four eyes). */
  preparedBy: string | null;
  /** Staff the case's whistle-blowing petition accuses: they never see the task. A `text[]` column, never NULL. */
  accusedStaff?: readonly string[];
  /** Who acted at an earlier tier of a graded decision: they never act at this one. A `text[]` column, never NULL. */
  earlierDeciders?: readonly string[];
  escalated: boolean;
}

/** An enrollment application someone wants to file (rules §2). */
export interface EnrollmentSubject {
  region: string;
  citizenId: string;
  /** null for a flexible worker (灵活就业人员) enrolling on their own account. */
  employerCreditCode: string | null;
}

/** A petition someone wants to file (rules §7): a citizen petitions in their own name only. */
export interface PetitionSubject {
  petitionerId: string;
  region: string;
}

/**
 * A transfer someone wants to file (转移接续, rules §6.1 art. 8 (1)): at the receiving office, by the person, the
 * employer they now work for there, or its staff. `employerCreditCode` is the person's current employer in the new
 * pooling area (null when none).
 */
export interface TransferSubject {
  citizenId: string;
  /** The receiving region (toRegion). */
  region: string;
  employerCreditCode: string | null;
}

export interface EmployerSubject {
  creditCode: string;
  region: string;
}

export interface PersonSubject {
  citizenId: string;
  region: string;
}

export interface RegionParametersSubject {
  region: string;
}

export interface AuditEntrySubject {
  region: string;
}

/**
 * Contribution collection objects (rules §3.3, §4): a monthly declaration, the bill of a period, a payment and
 * an arrears recovery case. They belong to one employer in one region, which is all their rules look at.
 */
export interface ContributionSubject {
  employerCreditCode: string;
  region: string;
}

/** A change of a person's contribution base: who asked for it decides nothing about it (four eyes on a drop). */
export interface BaseChangeSubject {
  region: string;
  requestedBy: string;
}

/**
 * A benefit claim someone wants to file or follow up (rules §5; POST /v1/benefit-claims): whose benefit it is
 * (`citizenId`, the deceased for funeral and survivor claims), the employer it concerns (the filing agent's for a
 * pension claim), and for a death claim the citizen filing it (`claimantId`: a relative; empty for other claims).
 */
export interface BenefitClaimSubject {
  claimType: string;
  region: string;
  citizenId: string;
  employerCreditCode: string | null;
  claimantId: string;
}

/**
 * A 离休 / 二乙 medical expense declaration someone wants to file (rules §5.6): the employer of the person, or the
 * agency (`employerCreditCode` null) of the region.
 */
export interface MedicalDeclarationSubject {
  region: string;
  employerCreditCode: string | null;
}

/** A back-payment for months without a record (无记录补缴, rules §6.1): the employer of the person, or staff of the region. */
export interface BackPaymentSubject {
  region: string;
  employerCreditCode: string;
}

/** A region's special medical lists and ledgers (离休 / 二乙, rules §5.6): imported by an administrator, read by staff. */
export interface SpecialMedicalSubject {
  region: string;
}

/** A region's monthly payroll (待遇拨付): staff of the region read it; a supervisor or admin runs it and imports returns. */
export interface PayrollSubject {
  region: string;
}

/**
 * A region's statistics (统计, issue 14 point 4): aggregated figures of the region and the regions below it. The
 * supervisor and the auditor (and the administrator) of a region read them; nobody reads another region's.
 */
export interface StatisticsSubject {
  region: string;
}

/** A data-exchange feed (deaths, prison terms: rules §8): national data a supervisor or admin imports. */
export type ExchangeFeedSubject = Record<string, never>;

/**
 * A beneficiary's eligibility verification (待遇资格认证, rules §8): the citizen checks in for themself; staff of the
 * region of the person's benefit record a check-in at the counter and read the status.
 */
export interface VerificationSubject {
  citizenId: string;
  region: string;
}

/**
 * A person's personal medical account (个人医疗帐户, rules §5.6), where it is kept: the person pays from it for
 * themself; the counter staff of that region record a payment for them.
 */
export interface MedicalAccountSubject {
  citizenId: string;
  region: string;
}

/**
 * An overpayment recovery (待遇多发追回, 社会保险经办条例 art. 46): the person it is owed by reads it; staff of the region
 * of the benefit read it, and the front office and supervisors record repayments and instalment agreements.
 */
export interface OverpaymentRecoverySubject {
  citizenId: string;
  region: string;
}

/** The national holiday calendar (reference data): everyone reads it, an administrator loads a year. */
export type CalendarSubject = Record<string, never>;

/** The policy settings (setting rows): national to the system; an administrator changes them. */
export type SettingSubject = Record<string, never>;

/** Staff accounts' links to their own and their relatives' records (the self-dealing control): kept nationally by an administrator. */
export type StaffRecordLinkSubject = Record<string, never>;

export interface SubjectMap {
  Case: CaseSubject;
  Task: TaskSubject;
  Enrollment: EnrollmentSubject;
  Employer: EmployerSubject;
  Person: PersonSubject;
  RegionParameters: RegionParametersSubject;
  AuditEntry: AuditEntrySubject;
  Petition: PetitionSubject;
  Transfer: TransferSubject;
  Declaration: ContributionSubject;
  Bill: ContributionSubject;
  Payment: ContributionSubject;
  ArrearsCase: ContributionSubject;
  /** A leaver report (减员) of an employer's employee. */
  Leaver: ContributionSubject;
  BaseChange: BaseChangeSubject;
  Calendar: CalendarSubject;
  BenefitClaim: BenefitClaimSubject;
  MedicalDeclaration: MedicalDeclarationSubject;
  BackPayment: BackPaymentSubject;
  /** The eligibility lists (名单) of the special medical categories. */
  EligibilityList: SpecialMedicalSubject;
  /** The special medical-expense ledgers (台账). */
  MedicalLedger: SpecialMedicalSubject;
  Setting: SettingSubject;
  Payroll: PayrollSubject;
  ExchangeFeed: ExchangeFeedSubject;
  Statistics: StatisticsSubject;
  Verification: VerificationSubject;
  MedicalAccount: MedicalAccountSubject;
  OverpaymentRecovery: OverpaymentRecoverySubject;
  StaffRecordLink: StaffRecordLinkSubject;
}

export type SubjectType = keyof SubjectMap;

export const subjectTypes = [
  'Case',
  'Task',
  'Enrollment',
  'Employer',
  'Person',
  'RegionParameters',
  'AuditEntry',
  'Petition',
  'Transfer',
  'Declaration',
  'Bill',
  'Payment',
  'ArrearsCase',
  'Leaver',
  'BaseChange',
  'Calendar',
  'BenefitClaim',
  'MedicalDeclaration',
  'BackPayment',
  'EligibilityList',
  'MedicalLedger',
  'Setting',
  'Payroll',
  'ExchangeFeed',
  'Statistics',
  'Verification',
  'MedicalAccount',
  'OverpaymentRecovery',
  'StaffRecordLink',
] as const satisfies readonly SubjectType[];
