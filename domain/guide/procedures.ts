import { benefitProcedures } from './benefit-guide.js';
import { contributionProcedures } from './contribution-guide.js';
import { enrollmentProcedures } from './enrollment-guide.js';
import type { GuideConfiguration, GuideProcedure, ProcedureSection } from './guide.js';
import { petitionProcedures } from './petition-guide.js';
import { transferProcedures } from './transfer-guide.js';

/** The guide's sections in the order the page shows them. A new case type adds its section here. */
const SECTIONS: readonly ProcedureSection[] = [enrollmentProcedures, contributionProcedures, benefitProcedures, transferProcedures, petitionProcedures];

/** Every procedure the system runs, with the numbers of `config` (issue 14 point 1). */
export function guideProcedures(config: GuideConfiguration): GuideProcedure[] {
  return SECTIONS.flatMap((section) => section(config));
}
