import { createArrearsActivities } from './arrears.activities.js';
import { createCaseActivities } from './case.activities.js';
import type { ActivityDeps } from './deps.js';
import { createEnrollmentActivities } from './enrollment.activities.js';
import { createPetitionActivities } from './petition.activities.js';
import { createTaskActivities } from './task.activities.js';

export type { ActivityDeps } from './deps.js';

/** Every activity the worker registers, built from explicit dependencies. */
export function createActivities(deps: ActivityDeps) {
  return {
    ...createCaseActivities(deps),
    ...createTaskActivities(deps),
    ...createEnrollmentActivities(deps),
    ...createArrearsActivities(deps),
    ...createPetitionActivities(deps),
  };
}

export type Activities = ReturnType<typeof createActivities>;
