// 405 for a known path asked with a method it does not have (RFC 9110 §15.5.6), instead of the 404 of an unknown path,
// so clients and contract tests can tell "wrong verb" from "no such resource".
import type { Context, Hono, MiddlewareHandler } from 'hono';
import { problem } from '../problem.js';

type RouteTable = { method: string; path: string }[];

/** `/v1/cases/:caseId` → a RegExp for the concrete path; `*` matches the rest. */
function pathPattern(path: string): RegExp {
  const source = path
    .split('/')
    .map((segment) => (segment.startsWith(':') ? '[^/]+' : segment === '*' ? '.*' : segment.replace(/[.+?^${}()|[\]\\]/g, '\\$&')))
    .join('/');
  return new RegExp(`^${source}/?$`);
}

/**
 * The `app.notFound` handler: 405 with `Allow` when some route answers the path with another method, else the 404 of
 * `notFound`. The table is read from the app on first use, once every route is mounted.
 */
export function methodNotAllowed(app: { routes: Hono['routes'] }, notFound: (c: Context) => Response) {
  let table: { pattern: RegExp; method: string }[] | undefined;
  const routes = (): { pattern: RegExp; method: string }[] =>
    (table ??= (app.routes as RouteTable)
      .filter(({ method, path }) => method !== 'ALL' && path !== '*' && path !== '/*')
      .map(({ method, path }) => ({ pattern: pathPattern(path), method: method.toUpperCase() })));

  return (c: Context): Response => {
    const methods = new Set(
      routes()
        .filter(({ pattern }) => pattern.test(c.req.path))
        .map(({ method }) => method),
    );
    if (methods.size === 0 || methods.has(c.req.method)) return notFound(c);
    // hono answers HEAD with the GET handler, so a GET route also allows HEAD.
    if (methods.has('GET')) methods.add('HEAD');
    const allow = [...methods].sort().join(', ');
    c.header('Allow', allow);
    return problem(c, 405, 'METHOD_NOT_ALLOWED', `${c.req.method} is not allowed on ${c.req.path}; allowed: ${allow}`);
  };
}

/**
 * Middleware for a static path that a parametric route of another method would also match: `GET /v1/tasks/reassign`
 * is not the task called "reassign" but the bulk-reassign path asked with the wrong method, so it answers 405 with the
 * static path's methods instead of letting `GET /v1/tasks/{taskId}` refuse "reassign" as a task ID.
 */
export function staticPathsFirst(app: { routes: Hono['routes'] }): MiddlewareHandler {
  let table: Map<string, Set<string>> | undefined;
  const staticMethods = (): Map<string, Set<string>> => {
    if (table) return table;
    table = new Map();
    for (const { method, path } of app.routes as RouteTable) {
      if (method === 'ALL' || path.includes(':') || path.includes('*')) continue;
      const methods = table.get(path) ?? new Set<string>();
      methods.add(method.toUpperCase());
      table.set(path, methods);
    }
    return table;
  };
  return async (c, next) => {
    const methods = staticMethods().get(c.req.path);
    const asked = c.req.method === 'HEAD' ? 'GET' : c.req.method;
    if (methods === undefined || methods.has(asked)) return next();
    if (methods.has('GET')) methods.add('HEAD');
    const allow = [...methods].sort().join(', ');
    c.header('Allow', allow);
    return problem(c, 405, 'METHOD_NOT_ALLOWED', `${c.req.method} is not allowed on ${c.req.path}; allowed: ${allow}`);
  };
}
