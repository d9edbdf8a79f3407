// OpenTelemetry traces (issue 15 point 8): one trace from the HTTP request through the Temporal client, the workflow
// and its activities, exported over OTLP when configured. The Temporal side is the SDK's own interceptors
// (@temporalio/interceptors-opentelemetry): they carry the trace context in the workflow and activity headers, so the
// API process and the worker process add spans to the same trace.
import { trace, type Tracer } from '@opentelemetry/api';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { Resource } from '@opentelemetry/resources';
import { BatchSpanProcessor, type SpanProcessor } from '@opentelemetry/sdk-trace-base';
import { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';
import { OpenTelemetryPlugin } from '@temporalio/interceptors-opentelemetry';

/** Tracing for one process: the Temporal plugin for its clients and workers, its tracer, and the flush at exit. */
export interface Tracing {
  readonly plugin: OpenTelemetryPlugin;
  readonly tracer: Tracer;
  /** The workflow interceptor module, for a workflow bundle built ahead (WORKFLOW_BUNDLE ignores the plugin's). */
  readonly workflowInterceptorModule: string;
  /** Exports what is pending and stops. */
  shutdown(): Promise<void>;
}

export const WORKFLOW_TRACING_MODULE = '@temporalio/interceptors-opentelemetry/lib/workflow-interceptors';

/**
 * Tracing with the given span processor (tests hand in an in-memory exporter's). Registers the provider globally,
 * with the AsyncLocalStorage context manager, so the span of an HTTP request is the parent of the Temporal client's
 * spans started while it is handled. One per process.
 */
export function startTracing(serviceName: string, spanProcessor: SpanProcessor): Tracing {
  const resource = new Resource({ 'service.name': serviceName });
  const provider = new NodeTracerProvider({ resource, spanProcessors: [spanProcessor] });
  provider.register();
  return {
    plugin: new OpenTelemetryPlugin({ resource, spanProcessor }),
    tracer: trace.getTracer('social-insurance-mis'),
    workflowInterceptorModule: WORKFLOW_TRACING_MODULE,
    shutdown: () => provider.shutdown(),
  };
}

/**
 * Tracing as the environment configures it, with the standard OpenTelemetry variables: on when
 * OTEL_EXPORTER_OTLP_TRACES_ENDPOINT or OTEL_EXPORTER_OTLP_ENDPOINT is set (the OTLP/HTTP exporter reads them, and
 * OTEL_EXPORTER_OTLP_HEADERS), named by OTEL_SERVICE_NAME or the process's role; off (null) otherwise.
 */
export function tracingFromEnvironment(role: 'api' | 'worker' | 'dev', env: NodeJS.ProcessEnv = process.env): Tracing | null {
  if (!env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT && !env.OTEL_EXPORTER_OTLP_ENDPOINT) return null;
  return startTracing(env.OTEL_SERVICE_NAME ?? `sis-${role}`, new BatchSpanProcessor(new OTLPTraceExporter()));
}
