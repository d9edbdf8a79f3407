// /metrics in the Prometheus text format (issue 15 point 8), with prom-client: request latency by route, the cases'
// task queue backlog, open tasks by worklist view, SLA breaches, failed workflows and the latest payrolls' totals, beside the process's own
// figures (CPU, memory, event-loop lag). The database and Temporal figures are read when Prometheus scrapes.
import type { MiddlewareHandler } from 'hono';
import { createMiddleware } from 'hono/factory';
import { routePath } from 'hono/route';
import { collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import type { PayrollFigures, TaskFigures } from '../../services/reports/operational-figures.js';
import type { TemporalFigures } from '../../services/temporal/temporal-figures.js';

export interface MetricsSources {
  tasks: () => Promise<TaskFigures[]>;
  payrolls: () => Promise<PayrollFigures[]>;
  temporal: () => Promise<TemporalFigures>;
}

/** A scrape reads each source once even though several series come from it. */
function oncePerScrape<T>(read: () => Promise<T>): () => Promise<T> {
  let pending: { at: number; value: Promise<T> } | null = null;
  return () => {
    const now = performance.now();
    if (pending === null || now - pending.at > 1_000) pending = { at: now, value: read() };
    return pending.value;
  };
}

export interface AppMetrics {
  registry: Registry;
  /** Times every request; the route label is the matched pattern (`/v1/cases/:caseId`), never the raw path. */
  timeRequests: MiddlewareHandler;
}

export function createMetrics(sources: MetricsSources | null): AppMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'sis_' });
  const latency = new Histogram({
    name: 'sis_http_request_duration_seconds',
    help: 'HTTP request latency by method, route pattern and status',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  if (sources) {
    const tasks = oncePerScrape(sources.tasks);
    const temporal = oncePerScrape(sources.temporal);
    const payrolls = oncePerScrape(sources.payrolls);
    new Gauge({
      name: 'sis_tasks_open',
      help: 'Open tasks (待办) per worklist view and region: available, assigned, waiting (on the applicant), overdue',
      labelNames: ['view', 'region'] as const,
      registers: [registry],
      async collect() {
        this.reset();
        for (const row of await tasks()) {
          for (const view of ['available', 'assigned', 'waiting', 'overdue'] as const) this.set({ view, region: row.region }, row[view]);
        }
      },
    });
    new Gauge({
      name: 'sis_tasks_sla_breached',
      help: 'Open or claimed tasks past their SLA due date, per region',
      labelNames: ['region'] as const,
      registers: [registry],
      async collect() {
        this.reset();
        for (const row of await tasks()) this.set({ region: row.region }, row.slaBreached);
      },
    });
    new Gauge({
      name: 'sis_task_queue_backlog',
      help: 'Temporal tasks waiting for a worker on the cases task queue (approximate), by kind',
      labelNames: ['kind'] as const,
      registers: [registry],
      async collect() {
        this.reset();
        const figures = await temporal();
        if (figures.workflowBacklog !== null) this.set({ kind: 'workflow' }, figures.workflowBacklog);
        if (figures.activityBacklog !== null) this.set({ kind: 'activity' }, figures.activityBacklog);
      },
    });
    new Gauge({
      name: 'sis_payroll_lines',
      help: "Lines of each region's latest payroll (待遇拨付) by status: due, held, sent, paid, failed, stopped",
      labelNames: ['region', 'period', 'status'] as const,
      registers: [registry],
      async collect() {
        this.reset();
        for (const row of await payrolls()) this.set({ region: row.region, period: row.period, status: row.status }, row.lines);
      },
    });
    new Gauge({
      // A monitoring figure, so a float of yuan is fine here; the books themselves are numeric(18,2) (docs/payroll.md).
      name: 'sis_payroll_amount_yuan',
      help: "Amount of each region's latest payroll by line status, in yuan",
      labelNames: ['region', 'period', 'status'] as const,
      registers: [registry],
      async collect() {
        this.reset();
        for (const row of await payrolls()) this.set({ region: row.region, period: row.period, status: row.status }, Number(row.amount));
      },
    });
    new Gauge({
      name: 'sis_workflows_failed',
      help: 'Case workflows that ended failed, timed out or terminated',
      registers: [registry],
      async collect() {
        const figures = await temporal();
        if (figures.failedWorkflows !== null) this.set(figures.failedWorkflows);
      },
    });
  }
  const timeRequests = createMiddleware(async (c, next) => {
    const end = latency.startTimer();
    try {
      await next();
    } finally {
      end({ method: c.req.method, route: routePath(c, -1), status: String(c.res.status) });
    }
  });
  return { registry, timeRequests };
}
