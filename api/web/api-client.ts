// Pages act only through the JSON API, called in-process with the session's bearer token, so nothing the API would
// refuse is possible from a page (issue 5, point 7) and a refusal reaches the user with the API's own reason (worded
// for the page's language by its code: i18n/problem-text.ts).

/** The JSON API as the pages see it: Hono's `app.request`. */
export interface ApiPort {
  request(input: string, init?: RequestInit): Response | Promise<Response>;
}

/** The parts of an RFC 9457 problem+json answer a page shows. */
export interface Problem {
  status: number;
  code: string;
  title: string;
  detail: string;
  errors?: { path: string; message: string }[];
  /** The roster line a page was importing when the API refused it (not part of the API's answer). */
  row?: number;
}

export type ApiAnswer<T> = { ok: true; status: number; body: T } | { ok: false; status: number; problem: Problem };

/** `headers`: extra request headers a command needs, such as an Idempotency-Key. */
export type ApiCall = <T = unknown>(method: string, path: string, body?: unknown, headers?: Record<string, string>) => Promise<ApiAnswer<T>>;

/**
 * A caller of the JSON API on behalf of `token`. A FormData body goes as multipart, anything else as JSON;
 * `extraHeaders` (e.g. an Idempotency-Key) go along.
 */
export function apiCaller(api: ApiPort, token: string): ApiCall {
  return async <T>(method: string, path: string, body?: unknown, extra: Record<string, string> = {}): Promise<ApiAnswer<T>> => {
    const headers: Record<string, string> = { ...extra, authorization: `Bearer ${token}`, accept: 'application/json' };
    let payload: RequestInit['body'];
    if (body instanceof FormData) payload = body;
    else if (body !== undefined) {
      headers['content-type'] = 'application/json';
      payload = JSON.stringify(body);
    }
    const response = await api.request(path, { method, headers, body: payload });
    const text = await response.text();
    const parsed: unknown = text ? JSON.parse(text) : null;
    if (response.ok) return { ok: true, status: response.status, body: parsed as T };
    const problem = (parsed ?? {}) as Partial<Problem>;
    return {
      ok: false,
      status: response.status,
      problem: {
        status: response.status,
        code: problem.code ?? 'ERROR',
        title: problem.title ?? response.statusText,
        detail: problem.detail ?? problem.title ?? `HTTP ${response.status}`,
        ...(problem.errors ? { errors: problem.errors } : {}),
      },
    };
  };
}
