// OpenTelemetry traces (issue 15 point 8): one enrollment filed over HTTP is one trace, from the request's span through
// the Temporal client's start to the workflow and its activities on the worker, and no span carries the citizen ID.
// The spans are collected by the SDK's in-memory exporter in place of an OTLP collector; everything else is real.
import { InMemorySpanExporter, SimpleSpanProcessor, type ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTracing } from '../../services/telemetry/tracing.js';
import { citizenId, enrollmentBody, SEEDED_EMPLOYER_330102 } from '../support/factories.js';
import { startSystem, type TestSystem } from '../support/system.js';

describe('traces from the API through Temporal to the activities', () => {
  const exporter = new InMemorySpanExporter();
  const tracing = startTracing('sis-test', new SimpleSpanProcessor(exporter));
  let system: TestSystem;

  beforeAll(async () => {
    system = await startSystem({ tracing });
  });
  afterAll(async () => {
    await system?.close();
    await tracing.shutdown();
  });

  it('gives an enrollment one trace: POST /v1/enrollments → StartWorkflow → RunWorkflow → RunActivity, with the route pattern and no ID', async () => {
    const id = citizenId();
    const employer = await system.token({ role: 'employer', employer: SEEDED_EMPLOYER_330102, sub: 'agent-trace' });
    const started = await system.call('POST', '/v1/enrollments', { token: employer, body: enrollmentBody({ citizenId: id }) });
    expect(started.status).toBe(202);
    await system.eventually(async () => {
      const view = await system.call('GET', `/v1/cases/${started.body.reference}`, { token: employer });
      return view.body.status === 'insured' ? true : undefined;
    });

    const spans = () => exporter.getFinishedSpans();
    const request = spans().find((s) => s.name === 'POST /v1/enrollments');
    expect(
      request,
      spans()
        .map((s) => s.name)
        .join(', '),
    ).toBeDefined();
    expect(request!.attributes).toMatchObject({ 'http.route': '/v1/enrollments', 'http.response.status_code': 202 });
    const trace = request!.spanContext().traceId;
    const inTrace = (): ReadableSpan[] => spans().filter((s) => s.spanContext().traceId === trace);
    // Workflow spans reach the exporter through the worker's sink once their activation completes.
    await system.eventually(async () =>
      inTrace().some((s) => s.name.startsWith('RunActivity:')) && inTrace().some((s) => s.name.startsWith('RunWorkflow:')) ? true : undefined,
    );
    const names = inTrace().map((s) => s.name);
    expect(names).toEqual(expect.arrayContaining(['POST /v1/enrollments', 'StartWorkflow:enrollment', 'RunWorkflow:enrollment']));
    expect(names.filter((n) => n.startsWith('RunActivity:')).length).toBeGreaterThan(0);

    // The start is a child of the request; a GET of the case is a trace of its own.
    const start = inTrace().find((s) => s.name === 'StartWorkflow:enrollment')!;
    expect(start.parentSpanId).toBe(request!.spanContext().spanId);
    expect(spans().some((s) => s.name === 'GET /v1/cases/:caseId' && s.spanContext().traceId !== trace)).toBe(true);

    // Personal data stays out of traces: no span name or attribute holds the ID number.
    for (const span of spans()) expect(JSON.stringify([span.name, span.attributes, span.events])).not.toContain(id);
  });
});
