import { join } from 'node:path';
import type { OpenAPIHono } from '@hono/zod-openapi';
import { AttachmentStore } from '../../services/adapters/attachment-store.js';
import type { AppEnv } from '../env.js';
import { withCommandContext } from '../middleware/command-context.js';
import { auditDisclosures } from '../middleware/disclosure-audit.js';
import type { CaseWorkflows } from '../../services/workflow-port.js';
import type { BusinessClock } from '../../services/business-clock.js';
import { auditRoutes } from './audit.routes.js';
import { auditChainRoutes } from './audit-chain.routes.js';
import { attachmentRoutes } from './attachments.routes.js';
import { arrearsRoutes } from './arrears.routes.js';
import { benefitCalculationRoutes } from './benefit-calculations.routes.js';
import { benefitClaimRoutes } from './benefit-claims.routes.js';
import { benefitReferenceRoutes } from './benefit-reference.routes.js';
import { billRoutes } from './bills.routes.js';
import { calculationRoutes } from './calculations.routes.js';
import { calendarRoutes } from './calendar.routes.js';
import { caseRoutes } from './cases.routes.js';
import { declarationRoutes } from './declarations.routes.js';
import { paymentRoutes } from './payments.routes.js';
import { employerRoutes } from './employers.routes.js';
import { enrollmentRoutes } from './enrollments.routes.js';
import { noticeRoutes } from './notices.routes.js';
import { personRoutes } from './persons.routes.js';
import { petitionRoutes } from './petitions.routes.js';
import { regionRoutes } from './regions.routes.js';
import { reportRoutes } from './reports.routes.js';
import { taskRoutes } from './tasks.routes.js';
import { transferCalculationRoutes } from './transfer-calculations.routes.js';
import { transferRoutes } from './transfers.routes.js';

/** Every versioned route, mounted under /v1 behind authentication (api/app.ts). */
export function mountV1(v1: OpenAPIHono<AppEnv>, deps: { cases: CaseWorkflows; clock: BusinessClock; attachments?: AttachmentStore }): void {
  const clock = () => deps.clock.now();
  v1.use('*', withCommandContext({ clock: deps.clock, workflows: deps.cases }));
  // Reads of unmasked personal data are audited (issue 15 point 3).
  v1.use('*', auditDisclosures());
  v1.route('/', caseRoutes());
  v1.route('/', taskRoutes());
  v1.route('/', enrollmentRoutes());
  v1.route('/', regionRoutes());
  v1.route('/', employerRoutes());
  v1.route('/', personRoutes());
  v1.route('/', petitionRoutes());
  v1.route('/', attachmentRoutes(deps.attachments ?? new AttachmentStore(join('.data', 'attachments'))));
  v1.route('/', auditChainRoutes());
  v1.route('/', auditRoutes());
  v1.route('/', noticeRoutes());
  // Seven days without progress makes an open case "stuck" unless the caller asks otherwise (issue 5).
  v1.route('/', reportRoutes(clock, 7));
  v1.route('/', calculationRoutes());
  v1.route('/', calendarRoutes());
  v1.route('/', declarationRoutes());
  v1.route('/', billRoutes());
  v1.route('/', paymentRoutes());
  v1.route('/', arrearsRoutes());
  v1.route('/', transferRoutes());
  v1.route('/', transferCalculationRoutes());
  v1.route('/', benefitClaimRoutes());
  v1.route('/', benefitCalculationRoutes());
  v1.route('/', benefitReferenceRoutes());
}
