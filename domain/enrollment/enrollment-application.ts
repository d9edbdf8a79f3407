import type { InsuranceType } from '../contribution/regional-parameters.js';
import type { RetirementCategory } from '../retirement-age.js';

/** A registration as filed (POST /v1/enrollments), validated at the door. Plain JSON: it is workflow input. */
export interface EnrollmentApplication {
  person: { citizenId: string; name: string; phone: string | null; hukouRegion: string | null };
  /** null: a flexible worker (灵活就业) registering themself. */
  employerCreditCode: string | null;
  hireDate: string;
  insuranceTypes: InsuranceType[];
  monthlyWage: string;
  region: string;
  retirementCategory: RetirementCategory | null;
}

/** Fields an applicant may change when a case is returned for correction (补正材料). */
export type EnrollmentCorrection = Partial<Pick<EnrollmentApplication, 'hireDate' | 'insuranceTypes' | 'monthlyWage'>> & {
  person?: Partial<Pick<EnrollmentApplication['person'], 'name' | 'phone' | 'hukouRegion'>>;
  comment: string;
};

/** Applies a correction: the ID number, employer and region are the business key and never change. */
export function applyCorrection(application: EnrollmentApplication, correction: EnrollmentCorrection): EnrollmentApplication {
  return {
    ...application,
    person: { ...application.person, ...correction.person },
    hireDate: correction.hireDate ?? application.hireDate,
    insuranceTypes: correction.insuranceTypes ?? application.insuranceTypes,
    monthlyWage: correction.monthlyWage ?? application.monthlyWage,
  };
}
