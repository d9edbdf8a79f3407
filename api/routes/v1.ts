import { join } from 'node:path';
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { MikroORM } from '@mikro-orm/postgresql';
import { createMiddleware } from 'hono/factory';
import { publicRateLimit, type PublicRateLimit } from '../middleware/rate-limit.js';
import type { PublicEnv } from '../public-env.js';
import { AttachmentStore } from '../../services/adapters/attachment-store.js';
import type { AppEnv } from '../env.js';
import { withCommandContext } from '../middleware/command-context.js';
import { auditDisclosures } from '../middleware/disclosure-audit.js';
import type { CaseWorkflows } from '../../services/workflow-port.js';
import type { BusinessClock } from '../../services/business-clock.js';
import { auditRoutes } from './audit.routes.js';
import type { AuditAnchorStore } from '../../services/adapters/audit-anchor-store.js';
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
import { medicalExpenseRoutes } from './medical-expenses.routes.js';
import { accountSubsidyRoutes } from './account-subsidies.routes.js';
import { backPaymentRoutes } from './back-payments.routes.js';
import { medicalAccountSpendingRoutes } from './medical-account-spendings.routes.js';
import { noticeRoutes } from './notices.routes.js';
import { personRoutes } from './persons.routes.js';
import { petitionRoutes } from './petitions.routes.js';
import { regionRoutes } from './regions.routes.js';
import { reportRoutes } from './reports.routes.js';
import { certificateCheckRoutes } from './certificate-check.routes.js';
import { guideRoutes } from './guide.routes.js';
import { recordRoutes } from './records.routes.js';
import { settingRoutes } from './settings.routes.js';
import { taskRoutes } from './tasks.routes.js';
import { transferCalculationRoutes } from './transfer-calculations.routes.js';
import { transferRoutes } from './transfers.routes.js';
import { exchangeRoutes } from './exchange.routes.js';
import { overpaymentRecoveryRoutes } from './overpayment-recoveries.routes.js';
import { recoveryChaseRoutes } from './recovery-chases.routes.js';
import { payrollRoutes } from './payrolls.routes.js';
import { pensionRecalculationRoutes } from './pension-recalculations.routes.js';
import { statisticsRoutes } from './statistics.routes.js';
import { investigationRoutes } from './investigations.routes.js';
import { verificationRoutes } from './verifications.routes.js';
import { documentRoutes } from './documents.routes.js';
import { staffRecordLinkRoutes } from './staff-record-links.routes.js';

/** Every versioned route, mounted under /v1 behind authentication (api/app.ts). */
export function mountV1(
  v1: OpenAPIHono<AppEnv>,
  deps: { cases: CaseWorkflows; clock: BusinessClock; attachments?: AttachmentStore; auditAnchors?: AuditAnchorStore },
): void {
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
  v1.route('/', auditChainRoutes(deps.auditAnchors));
  v1.route('/', auditRoutes());
  v1.route('/', noticeRoutes());
  // Seven days without progress makes an open case "stuck" unless the caller asks otherwise (issue 5).
  v1.route('/', reportRoutes(clock, 7));
  v1.route('/', statisticsRoutes());
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
  v1.route('/', medicalExpenseRoutes());
  v1.route('/', accountSubsidyRoutes());
  v1.route('/', backPaymentRoutes());
  v1.route('/', medicalAccountSpendingRoutes());
  v1.route('/', settingRoutes());
  v1.route('/', recordRoutes());
  v1.route('/', payrollRoutes());
  v1.route('/', overpaymentRecoveryRoutes());
  v1.route('/', recoveryChaseRoutes());
  v1.route('/', pensionRecalculationRoutes());
  v1.route('/', exchangeRoutes());
  v1.route('/', investigationRoutes());
  v1.route('/', verificationRoutes());
  v1.route('/', documentRoutes());
  v1.route('/', staffRecordLinkRoutes());
}

export interface PublicRouteOptions {
  orm: MikroORM;
  clock: BusinessClock;
  /** Per client address (default 120 a minute for the guide). */
  guideLimit?: PublicRateLimit;
  /** Per client address (default 20 a minute): few enough that guessing a verification code is hopeless. */
  certificateCheckLimit?: PublicRateLimit;
}

/**
 * The /v1 routes that need no sign-in (api/app.ts mounts them before authentication). Each path gets its own unit of
 * work and its own limiter; nothing here sees a caller, so nothing here may answer personal data.
 */
export function mountPublicV1(pub: OpenAPIHono<PublicEnv>, options: PublicRouteOptions): void {
  const context = createMiddleware<PublicEnv>(async (c, next) => {
    c.set('em', options.orm.em.fork());
    c.set('clock', options.clock);
    await next();
  });
  pub.use('/guide', publicRateLimit(options.guideLimit ?? { limit: 120, windowSeconds: 60 }), context);
  pub.use('/certificates/*', publicRateLimit(options.certificateCheckLimit ?? { limit: 20, windowSeconds: 60 }), context);
  pub.route('/', guideRoutes());
  pub.route('/', certificateCheckRoutes());
}
