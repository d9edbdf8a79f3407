import type { ArrearsCaseStart } from '../domain/arrears/arrears-case.js';
import type { CalendarYear } from '../domain/calendar/holiday-calendar.js';
import type { EnrollmentCorrection } from '../domain/enrollment/enrollment-application.js';
import type { TaskCompletion } from '../domain/task.js';
import type { ExchangeMessage } from '../domain/transfer/exchange-message.js';
import type {
  AccountSubsidyInput,
  BackPaymentInput,
  BenefitClaimInput,
  CaseView,
  EnrollmentInput,
  InvestigationInput,
  MedicalExpenseInput,
  PayrollInput,
  PensionRecalculationInput,
  PetitionInput,
  TransferInput,
} from '../workflows/index.js';

/** Which written opinion reached the petitioner, and on which day (YYYY-MM-DD, Asia/Shanghai). */
export interface PetitionDelivery {
  document: 'opinion' | 'review';
  receivedOn: string;
}

/**
 * What the application layer needs from the case workflows. services/temporal/temporal-case-workflows.ts is the only
 * implementation; it knows Temporal, nothing else does. Every refusal a workflow gives comes back as a DomainError with
 * the code the workflow chose.
 */
export interface CaseWorkflows {
  /** Starts the case workflow; starting a case that already runs is a no-op (the workflow ID is the case ID). */
  startEnrollment(input: EnrollmentInput): Promise<void>;
  /**
   * `basis` is the version of the object the caller decided on (task version, case version): a retry of the same
   * request on the same version is applied once and answered alike; a new decision on a later version is new.
   */
  completeTask(caseId: string, completion: TaskCompletion, basis: number): Promise<CaseView>;
  /**
   * Waits until the follow-up of the case's last decision has run (its view says `settled`), at most `withinMs`: true
   * once it has or the case has finished, false when the time ran out first. The answer to a decision leaves before
   * its follow-up (docs/api.md "Cases and tasks").
   */
  awaitSettled(caseId: string, withinMs: number): Promise<boolean>;
  resubmitEnrollment(caseId: string, correction: EnrollmentCorrection, actorId: string, basis: number): Promise<CaseView>;
  withdrawEnrollment(caseId: string, reason: string, actorId: string): Promise<CaseView>;
  /** Starts a petition's workflow; a repeat of the same submission finds the running one. */
  startPetition(input: PetitionInput): Promise<void>;
  /** The petitioner asks for review (复查) or re-review (复核); refused with REVIEW_WINDOW_CLOSED after 30 days. */
  requestPetitionReview(caseId: string, stage: 'review' | 'rereview', actorId: string): Promise<CaseView>;
  ratePetition(caseId: string, rating: { score: number; comment: string }, actorId: string): Promise<CaseView>;
  /**
   * Staff record the day the petitioner received an opinion sent by letter (送达回证): the review window runs from it.
   * Refused with NOT_ALLOWED_NOW when no opinion awaits its delivery record, INVALID_DATE for a day before the opinion
   * or after today.
   */
  recordPetitionDelivery(caseId: string, delivery: PetitionDelivery, actorId: string): Promise<CaseView>;
  /** Starts each arrears case or tells the running one about its new periods (signal-with-start). */
  startArrearsCases(starts: readonly ArrearsCaseStart[]): Promise<void>;
  /** Tells an open arrears case that a payment was booked, so it recomputes and settles what is paid. */
  notifyArrearsPayment(caseId: string, paymentId: string): Promise<void>;
  /** The employer (or staff) asks for a hardship deferral; a supervisor decides on the case's task. */
  requestArrearsDeferral(caseId: string, request: { until: string; reason: string; actorId: string }): Promise<CaseView>;
  /** Starts a transfer's workflow (转移接续); a repeat of the same business key finds the running one. */
  startTransfer(input: TransferInput): Promise<void>;
  /** A platform message for the transfer arrived; a finished case ignores it. */
  deliverTransferMessage(caseId: string, message: ExchangeMessage): Promise<void>;
  /** Starts a benefit claim's workflow; a repeat of the same claim finds the running one. */
  startBenefitClaim(input: BenefitClaimInput): Promise<void>;
  /** The claimant (or employer) asks for a re-assessment; refused with REASSESSMENT_OUT_OF_TIME after 15 days. */
  requestReassessment(caseId: string, actorId: string): Promise<CaseView>;
  /** Starts a 离休 / 二乙 medical expense declaration's workflow; a repeat of the same declaration finds the running one. */
  startMedicalExpenseDeclaration(input: MedicalExpenseInput): Promise<void>;
  /** Starts a 医疗帐户补助金 declaration's workflow; a repeat of the same declaration finds the running one. */
  startAccountSubsidyDeclaration(input: AccountSubsidyInput): Promise<void>;
  /** Starts a back-payment's (无记录补缴) review workflow; a repeat of the same application finds the running one. */
  startBackPayment(input: BackPaymentInput): Promise<void>;
  /** A year's holiday calendar was loaded: the case computes its provisional deadlines again. A finished case is skipped. */
  calendarLoaded(caseId: string, calendar: readonly CalendarYear[]): Promise<void>;
  /** Starts a region's monthly payroll (待遇拨付); a repeat for the same region and month finds the running one. */
  startPayroll(input: PayrollInput): Promise<void>;
  /** A bank return file was applied to the payroll: the lines still outstanding, and whether some failed. */
  notifyPayrollBankReturn(caseId: string, file: { fingerprint: string; outstanding: number; failed: number }): Promise<void>;
  /** Starts an investigation (稽核调查) a supervision hit opened; the same hit again finds the running one. */
  startInvestigation(input: InvestigationInput): Promise<void>;
  /** Starts a back-dated pension recalculation of a region; a repeat while it runs finds the running one, after it a rerun. */
  startPensionRecalculation(input: PensionRecalculationInput): Promise<void>;
  /** For /ready: does Temporal answer? */
  ping(): Promise<boolean>;
}
