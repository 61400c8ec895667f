import pLimit, { type LimitFunction } from 'p-limit';
import { UpstreamUnavailableError } from '../domains/errors.js';
import type {
  MiniProgramServerDomainsChange,
  MiniProgramServerDomainsState,
  MiniProgramWebviewDomainsChange,
  MiniProgramWebviewDomainsState,
} from '../domains/mini-program-lists.js';
import type { ListUpstream, UpstreamObserver } from '../domains/upstream.js';
import type { WechatClient } from './client.js';
import { type Decoded, decodeQuotaResponse, encodeQuotaRequest } from './codec.js';
import type { DomainAction } from './errors.js';
import {
  decodeAccepted,
  decodeServerDomains,
  decodeWebviewDomains,
  encodeModifyDomain,
  encodeSetWebviewDomain,
  GET_EFFECTIVE_DOMAIN_PATH,
  GET_EFFECTIVE_WEBVIEW_DOMAIN_PATH,
  MODIFY_DOMAIN_PATH,
  SET_WEBVIEW_DOMAIN_PATH,
} from './mini-program-codec.js';
import type { TokenProvider } from './token.js';

/** The Mini Programs' authorizer tokens, as the registry gives them (issue 17's AuthorizerTokens). */
export interface AuthorizerTokenSource {
  /** A token to use now; throws MiniProgramNotAuthorizedError (nothing is sent then), or the API's typed error. */
  get(appId: string): Promise<string>;
  /** WeChat refused `token`: forget it if still current. True when a retry with a fresh token makes sense. */
  invalidate(appId: string, token: string): Promise<boolean>;
}

export interface MiniProgramClientOptions {
  /** The platform's client: its retries, budget, one refresh of a refused token and observers serve these calls too. */
  readonly client: WechatClient;
  readonly tokens: AuthorizerTokenSource;
  /** At most this many `/wxa/…` calls in flight (WECHAT_CONCURRENCY). */
  readonly concurrency: number;
}

/**
 * Each authorized Mini Program's two lists at WeChat, as the core's upstream port per (appId, list), with
 * the Mini Program's authorizer token (refused with 40001/40014/42001: refreshed once, then AccessTokenError).
 *
 * At most `concurrency` `/wxa/…` calls are in flight for the whole process, by one semaphore (p-limit)
 * rather than an undici Pool's `connections`: a Pool of 8 would bound requests on the wire too, but its
 * queue time would count against each call's WECHAT_TIMEOUT_MS (the signal starts when the request is
 * made), so the 500th of a page of Mini Programs would time out behind the others; and it would bound the
 * component calls sharing the origin as well. Here a call's budget starts when it gets its turn, and a
 * turn covers its retries and token refresh, so what WeChat sees never exceeds the bound.
 */
export class MiniProgramClient {
  readonly #client: WechatClient;
  readonly #tokens: AuthorizerTokenSource;
  readonly #limit: LimitFunction;

  constructor(options: MiniProgramClientOptions) {
    this.#client = options.client;
    this.#tokens = options.tokens;
    this.#limit = pLimit(options.concurrency);
  }

  /** `/wxa/…` calls in flight now (at most WECHAT_CONCURRENCY), and how many wait for their turn. */
  get load(): { readonly inFlight: number; readonly waiting: number } {
    return { inFlight: this.#limit.activeCount, waiting: this.#limit.pendingCount };
  }

  /** The server domains of `appId` (get_effective_domain; modify_domain, then a read). */
  serverDomains(appId: string): ListUpstream<MiniProgramServerDomainsState, MiniProgramServerDomainsChange> {
    const read = (observe?: UpstreamObserver) =>
      this.#wxa(appId, 'get', GET_EFFECTIVE_DOMAIN_PATH, {}, (json) => decodeServerDomains(appId, json), observe);
    return {
      read,
      change: async (change, observe) => {
        await this.#wxa(
          appId,
          change.action,
          MODIFY_DOMAIN_PATH,
          encodeModifyDomain(change),
          (json) => decodeAccepted(appId, json),
          observe,
        );
        return readAfter(() => read(observe));
      },
      dailyCallQuota: (observe) => this.#quota(appId, MODIFY_DOMAIN_PATH, observe),
    };
  }

  /** The webview (business) domains of `appId` (get_effective_webviewdomain; setwebviewdomain, then a read). */
  webviewDomains(appId: string): ListUpstream<MiniProgramWebviewDomainsState, MiniProgramWebviewDomainsChange> {
    const read = (observe?: UpstreamObserver) =>
      this.#wxa(appId, 'get', GET_EFFECTIVE_WEBVIEW_DOMAIN_PATH, {}, (json) => decodeWebviewDomains(appId, json), observe);
    return {
      read,
      change: async ({ action, domains }, observe) => {
        const body = encodeSetWebviewDomain(action, domains);
        await this.#wxa(appId, action, SET_WEBVIEW_DOMAIN_PATH, body, (json) => decodeAccepted(appId, json), observe);
        return readAfter(() => read(observe));
      },
      dailyCallQuota: (observe) => this.#quota(appId, SET_WEBVIEW_DOMAIN_PATH, observe),
    };
  }

  /** One `/wxa/…` call, when its turn comes. */
  #wxa<T>(
    appId: string,
    action: DomainAction,
    path: string,
    body: unknown,
    decode: (json: unknown) => Decoded<T>,
    observe: UpstreamObserver | undefined,
  ): Promise<T> {
    return this.#limit(() => this.#client.callWith(this.#tokensOf(appId), { action, path, body, decode, observe }));
  }

  /** WeChat's daily call counts of a Mini Program's API (openapi/quota/get: not a `/wxa/…` call). */
  #quota(appId: string, cgiPath: string, observe: UpstreamObserver | undefined) {
    return this.#client.callWith(this.#tokensOf(appId), {
      action: 'quota',
      path: '/cgi-bin/openapi/quota/get',
      body: encodeQuotaRequest(cgiPath),
      decode: decodeQuotaResponse,
      observe,
    });
  }

  #tokensOf(appId: string): TokenProvider {
    return { get: () => this.#tokens.get(appId), invalidate: (token) => this.#tokens.invalidate(appId, token) };
  }
}

/**
 * The read after a change WeChat accepted. It failing does not undo the change: the caller learns the
 * change was made (mayHaveApplied, UNKNOWN in the journal, counted) and reads again.
 */
async function readAfter<S>(read: () => Promise<S>): Promise<S> {
  try {
    return await read();
  } catch {
    throw new UpstreamUnavailableError(
      'the read after the change failed',
      true,
      'WeChat accepted the change, but reading the lists afterwards failed. Read the domains again before changing them once more.',
    );
  }
}
