import { type Dispatcher, Pool } from 'undici';
import { activeSpan } from '../observability/tracing.js';

/**
 * What went wrong: `not-sent` (the connection was never made, so WeChat never saw the request),
 * `reset` (the connection broke after the request left), `status` (a non-2xx answer), `timeout`,
 * or `body` (an answer that is not JSON).
 */
export type TransportFault = 'not-sent' | 'reset' | 'status' | 'timeout' | 'body';

export class TransportError extends Error {
  override name = 'TransportError';
  constructor(
    readonly detail: string,
    readonly fault: TransportFault,
    readonly status?: number,
  ) {
    super(detail);
  }

  /** False only when WeChat certainly never saw the request, so a change cannot have been applied. */
  get sent(): boolean {
    return this.fault !== 'not-sent';
  }
}

/** Connection failures that happen before a byte of the request leaves. */
const NOT_SENT_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ENETUNREACH', 'EHOSTUNREACH', 'EHOSTDOWN', 'ENETDOWN']);

const DETAILS: Readonly<Record<string, string>> = {
  ECONNREFUSED: 'connection refused',
  ENOTFOUND: 'host not found',
  EAI_AGAIN: 'DNS lookup failed',
  UND_ERR_HEADERS_TIMEOUT: 'timed out waiting for the answer',
  UND_ERR_BODY_TIMEOUT: 'timed out reading the answer',
  UND_ERR_SOCKET: 'connection closed',
  ECONNRESET: 'connection reset',
};

export interface JsonPostOptions {
  readonly timeoutMs: number;
}

const RESET_CODES = new Set(['ECONNRESET', 'UND_ERR_SOCKET', 'EPIPE']);

/**
 * JSON over one keep-alive undici pool to WeChat's origin. Knows HTTP, not WeChat: `postJson` returns
 * the parsed body of a 2xx answer, or throws TransportError. Redirects are not followed.
 */
export class JsonHttp {
  readonly #pool: Pool;
  readonly #basePath: string;
  readonly #timeoutMs: number;

  constructor(baseUrl: string, { timeoutMs }: JsonPostOptions) {
    const url = new URL(baseUrl);
    this.#basePath = url.pathname.replace(/\/+$/, '');
    this.#timeoutMs = timeoutMs;
    this.#pool = new Pool(url.origin, {
      connections: 64,
      connect: { timeout: timeoutMs },
      headersTimeout: timeoutMs,
      bodyTimeout: timeoutMs,
      keepAliveTimeout: 30_000,
      // A WeChat answer is a few KB; anything near this is not WeChat.
      maxResponseSize: 4 * 1024 * 1024,
    });
  }

  /** `timeoutMs` bounds this call (default: the pool's), e.g. to what remains of a caller's budget. */
  async postJson(path: string, query: Readonly<Record<string, string>>, body: unknown, timeoutMs = this.#timeoutMs): Promise<unknown> {
    const search = new URLSearchParams(query).toString();
    let response: Dispatcher.ResponseData;
    try {
      response = await this.#pool.request({
        method: 'POST',
        path: `${this.#basePath}${path}${search ? `?${search}` : ''}`,
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify(body),
        // The per-phase timeouts above bound connect, headers and each body chunk; this bounds the whole.
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (error) {
      throw toTransportError(error, timeoutMs);
    }
    let text: string;
    try {
      text = await response.body.text();
    } catch (error) {
      throw toTransportError(error, timeoutMs);
    }
    activeSpan()?.setAttribute('http.response.status_code', response.statusCode);
    if (response.statusCode < 200 || response.statusCode > 299) {
      throw new TransportError(`HTTP status ${response.statusCode}`, 'status', response.statusCode);
    }
    try {
      return JSON.parse(text) as unknown;
    } catch {
      throw new TransportError('the answer is not JSON', 'body');
    }
  }

  async close(): Promise<void> {
    await this.#pool.close();
  }
}

function toTransportError(error: unknown, timeoutMs: number): TransportError {
  const code = (error as { code?: unknown } | null)?.code;
  const name = (error as { name?: unknown } | null)?.name;
  if (name === 'TimeoutError' || name === 'AbortError') {
    // The whole-call bound fired; the request may or may not have left.
    return new TransportError(`no answer within ${timeoutMs} ms`, 'timeout');
  }
  if (typeof code === 'string') {
    if (code === 'UND_ERR_CONNECT_TIMEOUT') return new TransportError(`connection timed out after ${timeoutMs} ms`, 'not-sent');
    const detail = DETAILS[code] ?? `network error ${code}`;
    if (NOT_SENT_CODES.has(code)) return new TransportError(detail, 'not-sent');
    if (RESET_CODES.has(code)) return new TransportError(detail, 'reset');
    if (code === 'UND_ERR_HEADERS_TIMEOUT' || code === 'UND_ERR_BODY_TIMEOUT') return new TransportError(detail, 'timeout');
  }
  return new TransportError('network error', 'reset');
}
