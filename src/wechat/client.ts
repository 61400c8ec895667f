import type { Logger } from 'pino';
import type { ServerDomainsState } from '../domains/state.js';
import { failSpan, inSpan } from '../observability/tracing.js';
import {
  type DailyCallQuota,
  type Decoded,
  decodeModifyResponse,
  decodeQuotaResponse,
  encodeModifyRequest,
  encodeQuotaRequest,
} from './codec.js';
import { type DomainAction, TOKEN_ERRCODES, type UpstreamAction } from './errors.js';
import { type JsonHttp, TransportError } from './http.js';
import { backoffMs, isRead, isRetryable, MAX_RETRIES } from './retry.js';
import type { TokenProvider } from './token.js';
import { asUnavailable } from './unavailable.js';

export const MODIFY_SERVER_DOMAIN_PATH = '/cgi-bin/component/modify_wxa_server_domain';
/** WeChat's daily call counts of one API (component token). */
export const QUOTA_GET_PATH = '/cgi-bin/openapi/quota/get';

export type ChangeAction = Exclude<DomainAction, 'get'>;

/** One HTTP exchange with WeChat: its action, outcome (`ok`, the errcode, or `unavailable`) and duration. */
export interface UpstreamCall {
  readonly action: UpstreamAction;
  readonly outcome: 'ok' | 'unavailable' | number;
  readonly seconds: number;
}

/** Told of every upstream call (retries included): metrics globally, a request's log line per request. */
export type UpstreamObserver = (call: UpstreamCall) => void;

export interface WechatClientOptions {
  readonly http: JsonHttp;
  readonly tokens: TokenProvider;
  readonly logger: Logger;
  /** Where WeChat is, for log lines only. */
  readonly baseUrl: string;
  /** The budget of one call, retries included. */
  readonly timeoutMs: number;
  readonly onCall?: UpstreamObserver;
  /** Milliseconds, for the budget (whether a retry still fits, what an attempt has left); performance.now() unless given. */
  readonly now?: () => number;
}

/**
 * The one place that speaks modify_wxa_server_domain (and openapi/quota/get about it). Returns the platform's state or throws a typed
 * error (a WechatError member, or UpstreamUnavailableError). A refused token is refreshed and the call
 * retried exactly once; transient faults are retried as `retry.ts` says, within WECHAT_TIMEOUT_MS.
 */
export class WechatClient {
  readonly #options: WechatClientOptions;
  readonly #now: () => number;

  constructor(options: WechatClientOptions) {
    this.#options = options;
    this.#now = options.now ?? (() => performance.now());
  }

  getServerDomains(observe?: UpstreamObserver): Promise<ServerDomainsState> {
    return this.#modify('get', encodeModifyRequest('get'), observe);
  }

  /** WeChat's daily call counts of modify_wxa_server_domain (a read: retried like a `get`). */
  getDailyCallQuota(observe?: UpstreamObserver): Promise<DailyCallQuota> {
    return this.#call({
      action: 'quota',
      path: QUOTA_GET_PATH,
      body: encodeQuotaRequest(MODIFY_SERVER_DOMAIN_PATH),
      decode: decodeQuotaResponse,
      deadline: this.#now() + this.#options.timeoutMs,
      observe,
    });
  }

  /** `domains` must come from the normaliser; `publishTogether` is is_modify_published_together. */
  changeServerDomains(
    action: ChangeAction,
    domains: readonly string[],
    publishTogether: boolean,
    observe?: UpstreamObserver,
  ): Promise<ServerDomainsState> {
    return this.#modify(action, encodeModifyRequest(action, domains, publishTogether), observe);
  }

  close(): Promise<void> {
    return this.#options.http.close();
  }

  #modify(action: DomainAction, body: unknown, observe: UpstreamObserver | undefined): Promise<ServerDomainsState> {
    const decode = (json: unknown) => decodeModifyResponse(action, json);
    const deadline = this.#now() + this.#options.timeoutMs;
    return this.#call({ action, path: MODIFY_SERVER_DOMAIN_PATH, body, decode, deadline, observe });
  }

  // Tracing: the logical call is a span (`wechat get`), each HTTP exchange of it a child span; an error
  // the caller gets (a WechatError member, UpstreamUnavailableError) marks it.
  #call<T>(exchange: Exchange<T>): Promise<T> {
    return inSpan(`wechat ${exchange.action}`, { 'wechat.action': exchange.action, 'wechat.path': exchange.path }, () =>
      this.#calls(exchange),
    );
  }

  async #calls<T>(exchange: Exchange<T>): Promise<T> {
    const { action } = exchange;
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.#attempt(exchange);
      } catch (error) {
        const delay = backoffMs(attempt);
        if (attempt >= MAX_RETRIES || !isRetryable(action, error) || this.#now() + delay >= exchange.deadline) {
          throw asUnavailable(error, !isRead(action));
        }
        this.#options.logger.info({ upstream: { action, retry: attempt + 1, after: describe(error) } }, 'retrying WeChat call');
        await new Promise((resolve) => setTimeout(resolve, delay));
      }
    }
  }

  /** One attempt, with its one token refresh. */
  async #attempt<T>(exchange: Exchange<T>): Promise<T> {
    const { tokens } = this.#options;
    let token = await tokens.get();
    let answer = await this.#send(exchange, token);
    if (!answer.ok && TOKEN_ERRCODES.has(answer.error.errcode) && (await tokens.invalidate(token))) {
      // WeChat refused the token, so it did not act on the call: one retry with a fresh token is safe.
      token = await tokens.get();
      answer = await this.#send(exchange, token);
    }
    if (!answer.ok) throw answer.error;
    return answer.value;
  }

  async #send<T>({ action, path, body, decode, deadline, observe }: Exchange<T>, token: string): Promise<Decoded<T>> {
    const started = performance.now();
    const done = (outcome: UpstreamCall['outcome']) => {
      const call = { action, outcome, seconds: (performance.now() - started) / 1000 };
      this.#options.onCall?.(call);
      observe?.(call);
      this.#options.logger.debug(
        // The token travels in the query string: never log it.
        { upstream: { ...call, url: `${this.#options.baseUrl}${path}?access_token=[redacted]` } },
        'WeChat call',
      );
    };
    // Tracing: one CLIENT span per HTTP exchange (a retry is a span of its own); the URL as logged, token redacted.
    const attributes = {
      'wechat.action': action,
      'wechat.path': path,
      'http.request.method': 'POST',
      'url.full': `${this.#options.baseUrl}${path}?access_token=[redacted]`,
    };
    return inSpan(
      `POST ${path}`,
      attributes,
      async (span) => {
        try {
          const remaining = Math.max(1, Math.round(deadline - this.#now()));
          const json = await this.#options.http.postJson(path, { access_token: token }, body, remaining);
          const decoded = decode(json);
          done(decoded.ok ? 'ok' : decoded.error.errcode);
          span?.setAttribute('wechat.errcode', decoded.ok ? 0 : decoded.error.errcode);
          // A refused token is refreshed and the call retried: only another errcode reaches the caller.
          if (!decoded.ok && !TOKEN_ERRCODES.has(decoded.error.errcode)) failSpan(span, decoded.error, `errcode ${decoded.error.errcode}`);
          return decoded;
        } catch (error) {
          done('unavailable');
          throw error;
        }
      },
      { kind: 'client' },
    );
  }
}

/** One logical call: what is sent where, how its answer is read, by when it must be done, who is told of each attempt. */
interface Exchange<T> {
  readonly action: UpstreamAction;
  readonly path: string;
  readonly body: unknown;
  readonly decode: (json: unknown) => Decoded<T>;
  readonly deadline: number;
  readonly observe: UpstreamObserver | undefined;
}

const describe = (error: unknown) => (error instanceof TransportError ? error.detail : error instanceof Error ? error.name : 'unknown');
