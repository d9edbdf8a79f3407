export { AuditEntry } from './audit-entry.entity.js';
export { CalendarDay } from './calendar-day.entity.js';
export { CalendarYearRecord } from './calendar-year.entity.js';
export { CaseRecord, type CaseDeadline } from './case-record.entity.js';
export { Employer, type EmployerStatus } from './employer.entity.js';
export { InsuranceRecord } from './insurance-record.entity.js';
export { Notice } from './notice.entity.js';
export { Person } from './person.entity.js';
export { Region } from './region.entity.js';
export { RegionParameters } from './region-parameters.entity.js';
export { Setting } from './setting.entity.js';
export { Task, type TaskStatus } from './task.entity.js';
export { TimelineEntry } from './timeline-entry.entity.js';
export { Bill } from './bill.entity.js';
export { ContributionLine } from './contribution-line.entity.js';
export { Declaration } from './declaration.entity.js';
export { LateFeeWaiver } from './late-fee-waiver.entity.js';
export { LedgerEntry, type LedgerEntryType } from './ledger-entry.entity.js';
export { Payment } from './payment.entity.js';
export { ArrearsPeriod } from './arrears-period.entity.js';
export { Attachment } from './attachment.entity.js';
export { Petition } from './petition.entity.js';
export { LeaverReport, type LeaveReason } from './leaver-report.entity.js';
export { BaseChange } from './base-change.entity.js';
export { TransferLedgerEntry } from './transfer-ledger.entity.js';
export { ExchangeMessageRecord } from './exchange-message.entity.js';
export { TemporaryPensionAccount } from './temporary-pension-account.entity.js';
export { TransferCarriedHistory } from './transfer-carried-history.entity.js';
export { BenefitEntitlement, type EntitlementStatus } from './benefit-entitlement.entity.js';
export { BenefitParametersRecord } from './benefit-parameters.entity.js';
export { EligibilityEntry } from './eligibility-entry.entity.js';
export { EligibilityImport } from './eligibility-import.entity.js';
export { MedicalInvoice } from './medical-invoice.entity.js';
export { MedicalLedgerEntry } from './medical-ledger.entity.js';
export { Certificate } from './certificate.entity.js';
export { Payroll } from './payroll.entity.js';
export { PayrollLine, type PayrollLineStatus } from './payroll-line.entity.js';
export { DisbursementEntry } from './disbursement-ledger.entity.js';
export { PayrollBankReturn } from './payroll-bank-return.entity.js';
export { BeneficiaryAccount } from './beneficiary-account.entity.js';
export {
  DeathRecord,
  ExchangeImport,
  ImprisonmentRecord,
  OverpaymentRecovery,
  OverpaymentRecoveryChase,
  OverpaymentRecoveryEntry,
  OverpaymentWriteOff,
  PayrollLineWithholding,
} from './exchange-records.entity.js';
export { AccountSubsidyLine } from './account-subsidy-line.entity.js';
export { MedicalAccountEntry } from './medical-account-ledger.entity.js';
export { SupervisionHit } from './supervision-hit.entity.js';
export { StaffRecordLink } from './staff-record-link.entity.js';
export { BenefitSuspension, VerificationEvidenceRecord } from './verification.entity.js';
export { PensionAdjustmentRecord, PensionDifference, PensionDifferenceSettlement, PensionRecalculation } from './pension-recalculation.entity.js';
export { BackPayment, BackPaymentMonthHold, type BackPaymentStatus } from './back-payment.entity.js';
export { OfficialDocument } from './official-document.entity.js';
export { IdentityCorrection } from './identity-correction.entity.js';
