import type { Logger } from 'pino';
import type { ServerDomainsState } from '../domains/state.js';
import { type Decoded, decodeModifyResponse, encodeModifyRequest } from './codec.js';
import { type DomainAction, TOKEN_ERRCODES } from './errors.js';
import { type JsonHttp, TransportError } from './http.js';
import { backoffMs, isRetryable, MAX_RETRIES } from './retry.js';
import type { TokenProvider } from './token.js';
import { asUnavailable } from './unavailable.js';

export const MODIFY_SERVER_DOMAIN_PATH = '/cgi-bin/component/modify_wxa_server_domain';

export type ChangeAction = Exclude<DomainAction, 'get'>;

/** One HTTP exchange with WeChat: its action, outcome (`ok`, the errcode, or `unavailable`) and duration. */
export interface UpstreamCall {
  readonly action: DomainAction;
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
 * The one place that speaks modify_wxa_server_domain. Returns the platform's state or throws a typed
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
    return this.#call('get', encodeModifyRequest('get'), observe);
  }

  /** `domains` must come from the normaliser; `publishTogether` is is_modify_published_together. */
  changeServerDomains(
    action: ChangeAction,
    domains: readonly string[],
    publishTogether: boolean,
    observe?: UpstreamObserver,
  ): Promise<ServerDomainsState> {
    return this.#call(action, encodeModifyRequest(action, domains, publishTogether), observe);
  }

  close(): Promise<void> {
    return this.#options.http.close();
  }

  async #call(action: DomainAction, body: unknown, observe: UpstreamObserver | undefined): Promise<ServerDomainsState> {
    const exchange: Exchange = { action, body, deadline: this.#now() + this.#options.timeoutMs, observe };
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.#attempt(exchange);
      } catch (error) {
        const delay = backoffMs(attempt);
        if (attempt >= MAX_RETRIES || !isRetryable(action, error) || this.#now() + delay >= exchange.deadline) {
          throw asUnavailable(error, action !== 'get');
        }
        this.#options.logger.info({ upstream: { action, retry: attempt + 1, after: describe(error) } }, 'retrying WeChat call');
        await new Promise((resolve) => setTimeout(resolve, delay));
      }
    }
  }

  /** One attempt, with its one token refresh. */
  async #attempt(exchange: Exchange): Promise<ServerDomainsState> {
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

  async #send({ action, body, deadline, observe }: Exchange, token: string): Promise<Decoded<ServerDomainsState>> {
    const started = performance.now();
    const done = (outcome: UpstreamCall['outcome']) => {
      const call = { action, outcome, seconds: (performance.now() - started) / 1000 };
      this.#options.onCall?.(call);
      observe?.(call);
      this.#options.logger.debug(
        // The token travels in the query string: never log it.
        { upstream: { ...call, url: `${this.#options.baseUrl}${MODIFY_SERVER_DOMAIN_PATH}?access_token=[redacted]` } },
        'WeChat call',
      );
    };
    try {
      const remaining = Math.max(1, Math.round(deadline - this.#now()));
      const json = await this.#options.http.postJson(MODIFY_SERVER_DOMAIN_PATH, { access_token: token }, body, remaining);
      const decoded = decodeModifyResponse(action, json);
      done(decoded.ok ? 'ok' : decoded.error.errcode);
      return decoded;
    } catch (error) {
      done('unavailable');
      throw error;
    }
  }
}

/** One logical call: what is sent, by when it must be done, who is told of each attempt. */
interface Exchange {
  readonly action: DomainAction;
  readonly body: unknown;
  readonly deadline: number;
  readonly observe: UpstreamObserver | undefined;
}

const describe = (error: unknown) => (error instanceof TransportError ? error.detail : error instanceof Error ? error.name : 'unknown');
