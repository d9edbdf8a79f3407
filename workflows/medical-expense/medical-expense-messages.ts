import type { CalendarYear } from '../../domain/calendar/holiday-calendar.js';
import type { MedicalCategory } from '../../domain/declarations/eligibility-list.js';
import type { MedicalExpenseDeclaration } from '../../domain/declarations/medical-expense.js';

/** The figures the door checks gave (domain/declarations/medical-expense.ts `validateMedicalExpense`), kept for review. */
export interface MedicalExpenseAssessment {
  ledger: MedicalCategory;
  invoices: { invoiceNo: string; total: string }[];
  total: string;
  reimbursable: string;
  workings: string[];
}

/** What starts a 离休 / 二乙 medical expense declaration (POST /v1/medical-expense-declarations). */
export interface MedicalExpenseInput {
  caseId: string;
  reference: string;
  region: string;
  declaration: MedicalExpenseDeclaration;
  assessment: MedicalExpenseAssessment;
  declaredBy: { id: string; role: string };
  /** The employer that declared it, or null when the agency did. */
  employerCreditCode: string | null;
  /** Evidence uploaded with it (POST /v1/attachments), filed with the case. */
  attachmentIds: string[];
  /** The holiday calendar on the declaration day, for the review SLAs (a loaded year later recounts them). */
  calendar: CalendarYear[];
}
