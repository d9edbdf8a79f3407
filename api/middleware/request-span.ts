// The span of an HTTP request (issue 15 point 8): the root of the trace that the Temporal client's, the workflow's and
// the activities' spans join. Named and labelled by the matched route pattern, never the raw path, which can hold a
// citizen ID.
import { SpanKind, SpanStatusCode, type Tracer } from '@opentelemetry/api';
import { createMiddleware } from 'hono/factory';
import { routePath } from 'hono/route';

export function requestSpans(tracer: Tracer) {
  return createMiddleware(async (c, next) => {
    const method = c.req.method;
    await tracer.startActiveSpan(`${method}`, { kind: SpanKind.SERVER, attributes: { 'http.request.method': method } }, async (span) => {
      try {
        await next();
      } finally {
        const route = routePath(c, -1);
        span.updateName(`${method} ${route}`);
        span.setAttribute('http.route', route);
        span.setAttribute('http.response.status_code', c.res.status);
        const requestId = c.get('requestId') as string | undefined;
        if (requestId) span.setAttribute('request.id', requestId);
        if (c.res.status >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
        span.end();
      }
    });
  });
}
