import { createMiddleware } from 'hono/factory';
import { routePath } from 'hono/route';
import { findPersonalData } from '../../domain/identity/personal-data-scan.js';
import { recordDisclosure } from '../../services/audit/record-disclosure.js';
import type { AppEnv } from '../env.js';
import { redactPersonalIds } from './access-log.js';

/**
 * Audits every answer that carries unmasked personal data (issue 15 point 3): after the route has answered, its JSON
 * body is scanned with the same detector the test suite's personal-data scan uses, and what the caller received —
 * ID numbers, phone numbers, bank accounts, medical details — is recorded through services/audit/record-disclosure.ts.
 * One place for every route, present and future, instead of a call in each presenter that a new route could forget.
 * Refusals and non-JSON answers carry no personal data and are left alone.
 */
export const auditDisclosures = () =>
  createMiddleware<AppEnv>(async (c, next) => {
    await next();
    const ctx = c.var.ctx as AppEnv['Variables']['ctx'] | undefined;
    if (ctx === undefined || c.res.status < 200 || c.res.status >= 300) return;
    if (!c.res.headers.get('content-type')?.startsWith('application/json')) return;
    const findings = findPersonalData(await c.res.clone().json());
    if (findings.length === 0) return;
    await recordDisclosure(ctx, { method: c.req.method, route: routePath(c, -1), path: redactPersonalIds(c.req.path), findings });
  });
