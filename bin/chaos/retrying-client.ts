// The drill's HTTP client behaves like a careful real client: when the API is gone (connection refused or reset, a
// gateway error, no answer in time) it sends the SAME request again — same body, same Idempotency-Key — until it gets
// an answer. A 429 is waited out for its Retry-After and sent again, as a polite client does (one drill user makes
// more writes a minute than the per-user limit allows). What the system acknowledged is what the client finally got a
// 2xx for; the drill then checks that exactly that exists, once.

const RETRYABLE_STATUSES = new Set([502, 503, 504]);

export interface Answer {
  status: number;
  body: Record<string, unknown>;
}

export class RetryingClient {
  /** Requests sent again after a failure that a retry may cure. */
  retries = 0;
  /** Requests sent again after a 429 and its Retry-After. */
  throttled = 0;

  constructor(
    private readonly url: string,
    private readonly options: { giveUpAfterMs: number; requestTimeoutMs: number },
  ) {}

  /** Sends JSON, a file's text as it is with `contentType` (a CSV upload), or a multipart form (its own content type). */
  async send(method: string, path: string, request: { token: string; body?: unknown; idempotencyKey?: string; contentType?: string }): Promise<Answer> {
    const deadline = Date.now() + this.options.giveUpAfterMs;
    const headers: Record<string, string> = { authorization: `Bearer ${request.token}` };
    const form = request.body instanceof FormData;
    if (request.body !== undefined && !form) headers['content-type'] = request.contentType ?? 'application/json';
    if (request.idempotencyKey) headers['idempotency-key'] = request.idempotencyKey;
    const payload =
      request.body === undefined
        ? undefined
        : request.body instanceof FormData || typeof request.body === 'string'
          ? request.body
          : JSON.stringify(request.body);
    for (let attempt = 1; ; attempt += 1) {
      try {
        const response = await fetch(`${this.url}${path}`, { method, headers, body: payload, signal: AbortSignal.timeout(this.options.requestTimeoutMs) });
        const text = await response.text();
        if (RETRYABLE_STATUSES.has(response.status)) throw new Error(`retryable ${response.status}`);
        if (response.status === 429 && Date.now() < deadline) {
          this.throttled += 1;
          const seconds = Number(response.headers.get('retry-after') ?? '1');
          await new Promise((r) => setTimeout(r, Math.max(1, Number.isFinite(seconds) ? seconds : 1) * 1_000));
          continue;
        }
        // A JSON answer parsed; any other (a bank file's CSV) as `{ text }`.
        const json = /json/.test(response.headers.get('content-type') ?? '');
        return { status: response.status, body: !text ? {} : json ? (JSON.parse(text) as Record<string, unknown>) : { text } };
      } catch {
        // refused, reset or timed out: the API was killed or is starting again
      }
      if (Date.now() > deadline) throw new Error(`${method} ${path}: no answer after ${attempt} attempts`);
      this.retries += 1;
      await new Promise((r) => setTimeout(r, Math.min(200 * attempt, 2_000)));
    }
  }
}
