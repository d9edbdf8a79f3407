// The workflow bundle entry: every workflow type the worker runs, and the messages clients send them.
export { enrollment, resubmitEnrollment, withdrawEnrollment, type EnrollmentInput } from './enrollment.workflow.js';
export { calendarLoaded, completeTask, getCaseView, type CaseView } from './messages.js';
export { bareUpdate, echoUpdate, finishReference, noop } from './noop.workflow.js';
export { petition, ratePetition, recordPetitionDelivery, requestPetitionReview, type PetitionInput } from './petition.workflow.js';
export { arrears, arrearsPaymentReceived, arrearsPeriodsJoined, arrearsSweep, requestArrearsDeferral, type ArrearsInput } from './arrears.workflow.js';
export { transfer, transferMessageArrived, type TransferInput } from './transfer.workflow.js';
export { benefitClaim, benefitReemployed, requestReassessment, type BenefitClaimInput } from './benefit-claim.workflow.js';
export { medicalExpenseDeclaration, type MedicalExpenseInput } from './medical-expense.workflow.js';
export { accountSubsidyDeclaration, type AccountSubsidyInput } from './account-subsidy.workflow.js';
export { payroll, payrollBankReturn, type PayrollInput } from './payroll.workflow.js';
export { investigation, type InvestigationInput } from './investigation.workflow.js';
export { supervisionSweep } from './supervision-sweep.workflow.js';
export { verificationSweep } from './verification-sweep.workflow.js';
export { missedInstalmentSweep } from './missed-instalment-sweep.workflow.js';
export { pensionRecalculation, type PensionRecalculationInput } from './pension-recalculation.workflow.js';
export { backPayment, type BackPaymentInput } from './back-payment.workflow.js';
