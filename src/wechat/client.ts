import type { Logger } from 'pino';
import type { DomainConfirmFile, PlatformDomainsChange, PlatformListDescription } from '../domains/platform-lists.js';
import type { PlatformDomainsState } from '../domains/state.js';
import type { ListUpstream, UpstreamCall, UpstreamObserver } from '../domains/upstream.js';
import { failSpan, inSpan } from '../observability/tracing.js';
import {
  type Decoded,
  decodeConfirmFileResponse,
  decodeModifyResponse,
  decodeQuotaResponse,
  encodeConfirmFileRequest,
  encodeModifyRequest,
  encodeQuotaRequest,
} from './codec.js';
import { type DomainAction, type ErrorWording, TOKEN_ERRCODES, type UpstreamAction } from './errors.js';
import { type JsonHttp, TransportError } from './http.js';
import { backoffMs, isRead, isRetryable, MAX_RETRIES } from './retry.js';
import type { TokenProvider } from './token.js';
import { asUnavailable } from './unavailable.js';

export type { UpstreamCall, UpstreamObserver } from '../domains/upstream.js';

export const MODIFY_SERVER_DOMAIN_PATH = '/cgi-bin/component/modify_wxa_server_domain';
/** WeChat's daily call counts of one API (component token). */
export const QUOTA_GET_PATH = '/cgi-bin/openapi/quota/get';
/** The confirmation file a business domain must serve at its root (component token). */
export const CONFIRM_FILE_PATH = '/cgi-bin/component/get_domain_confirmfile';

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
 * The one place that calls WeChat with the component token: each platform list's call (by its
 * description's wire), openapi/quota/get about it, and get_domain_confirmfile. Returns the decoded answer
 * or throws a typed error (a WechatError member, or UpstreamUnavailableError). A refused token is refreshed
 * and the call retried exactly once; transient faults are retried as `retry.ts` says, within WECHAT_TIMEOUT_MS.
 */
export class WechatClient {
  readonly #options: WechatClientOptions;
  readonly #now: () => number;

  constructor(options: WechatClientOptions) {
    this.#options = options;
    this.#now = options.now ?? (() => performance.now());
  }

  /** A platform list at WeChat, as the core's upstream port. */
  platformList(list: PlatformListDescription): ListUpstream<PlatformDomainsState, PlatformDomainsChange> {
    const { wire } = list;
    const wording: ErrorWording = { words: list.words, busyOnChange: wire.busyOnChange };
    const modify = (action: DomainAction, body: unknown, observe: UpstreamObserver | undefined) =>
      this.#call({
        action,
        path: wire.path,
        body,
        decode: (json) => decodeModifyResponse(action, json, wire, wording),
        deadline: this.#now() + this.#options.timeoutMs,
        observe,
      });
    return {
      read: (observe) => modify('get', encodeModifyRequest('get'), observe),
      // `domains` come from the normaliser; publishTogether is is_modify_published_together.
      change: ({ action, domains, publishTogether }, observe) =>
        modify(action, encodeModifyRequest(action, domains, publishTogether, wire), observe),
      // WeChat's daily call counts of the list's API (a read: retried like a `get`).
      dailyCallQuota: (observe) =>
        this.#call({
          action: 'quota',
          path: QUOTA_GET_PATH,
          body: encodeQuotaRequest(wire.path),
          decode: decodeQuotaResponse,
          deadline: this.#now() + this.#options.timeoutMs,
          observe,
        }),
    };
  }

  /**
   * One call made with another account's token (a Mini Program's authorizer token): the same retries,
   * one refresh of a refused token, budget (from now) and observers as the platform's own calls.
   */
  callWith<T>(tokens: TokenProvider, call: Omit<Exchange<T>, 'deadline' | 'tokens'>): Promise<T> {
    return this.#call({ ...call, tokens, deadline: this.#now() + this.#options.timeoutMs });
  }

  /** The platform's business-domain confirmation file (get_domain_confirmfile; a read). */
  getConfirmFile(observe?: UpstreamObserver): Promise<DomainConfirmFile> {
    return this.#call({
      action: 'confirmfile',
      path: CONFIRM_FILE_PATH,
      body: encodeConfirmFileRequest(),
      decode: decodeConfirmFileResponse,
      deadline: this.#now() + this.#options.timeoutMs,
      observe,
    });
  }

  close(): Promise<void> {
    return this.#options.http.close();
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
    const tokens = exchange.tokens ?? this.#options.tokens;
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
      const call = { action, path, outcome, seconds: (performance.now() - started) / 1000 };
      this.#options.onCall?.(call);
      observe?.(call);
      this.#options.logger.debug(
        // The token travels in the query string: never log it.
        { upstream: { action, outcome, seconds: call.seconds, url: `${this.#options.baseUrl}${path}?access_token=[redacted]` } },
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
export interface Exchange<T> {
  /** Whose token the call carries: the component token unless given (callWith). */
  readonly tokens?: TokenProvider;
  readonly action: UpstreamAction;
  readonly path: string;
  readonly body: unknown;
  readonly decode: (json: unknown) => Decoded<T>;
  readonly deadline: number;
  readonly observe: UpstreamObserver | undefined;
}

const describe = (error: unknown) => (error instanceof TransportError ? error.detail : error instanceof Error ? error.name : 'unknown');
