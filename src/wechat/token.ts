import type { Logger } from 'pino';
import { inSpan } from '../observability/tracing.js';
import { SharedStoreUnavailableError } from '../stores/errors.js';
import type { TicketStore } from '../stores/ticket-store.js';
import type { TokenStore } from '../stores/token-store.js';
import { decodeTokenResponse } from './codec.js';
import { NoVerifyTicketError, UpstreamUnavailableError } from './errors.js';
import type { JsonHttp } from './http.js';
import { asUnavailable } from './unavailable.js';

export const COMPONENT_TOKEN_PATH = '/cgi-bin/component/api_component_token';

/** Supplies the component_access_token for each WeChat call. */
export interface TokenProvider {
  /** A token to use now; throws AccessTokenError or UpstreamUnavailableError when none can be had. */
  get(): Promise<string>;
  /**
   * WeChat refused `token`: forget it if it is still the current one. True when a fresh token can be
   * had, so retrying the call once makes sense.
   */
  invalidate(token: string): Promise<boolean>;
  /** Stops whatever the provider runs in the background (a file watch). */
  close?(): void;
}

/** A token kept elsewhere (e.g. a central token server): used as is, never refreshed here. */
export class StaticTokenProvider implements TokenProvider {
  constructor(readonly token: string) {}
  async get(): Promise<string> {
    return this.token;
  }
  async invalidate(): Promise<boolean> {
    return false;
  }
}

export interface ComponentTokenOptions {
  readonly componentAppId: string;
  readonly componentAppSecret: string;
  /** Where pushed tickets are kept: the newest one is used for each api_component_token call. */
  readonly tickets: TicketStore;
  /** WECHAT_COMPONENT_VERIFY_TICKET: used only while no pushed ticket is kept. */
  readonly seedTicket?: string | undefined;
  readonly http: JsonHttp;
  readonly store: TokenStore;
  readonly logger: Logger;
  readonly now?: () => number;
  /** Called after each successful api_component_token call. */
  readonly onRefresh?: () => void;
}

/** WeChat advises refreshing at 1 h 50 min of a 2 h token; shorter lifetimes keep the same proportion. */
const refreshMarginMs = (lifetimeMs: number) => Math.min(10 * 60_000, lifetimeMs / 12);

/**
 * Obtains the token through api_component_token on first use, keeps it in the store, refreshes it ahead
 * of expiry, and makes concurrent callers share one refresh. Each call takes the newest kept ticket, so a
 * push is used by the very next refresh; without any ticket it throws NoVerifyTicketError and calls nothing.
 */
export class ComponentTokenProvider implements TokenProvider {
  readonly #options: ComponentTokenOptions;
  readonly #now: () => number;
  #refreshing: Promise<string> | undefined;

  constructor(options: ComponentTokenOptions) {
    this.#options = options;
    this.#now = options.now ?? Date.now;
  }

  async get(): Promise<string> {
    const stored = await this.#options.store.get(this.#options.componentAppId);
    const now = this.#now();
    if (stored && now < stored.expiresAt - refreshMarginMs(stored.lifetimeMs)) return stored.token;
    try {
      return await this.#refreshOnce();
    } catch (error) {
      // A token that has not expired yet still works: better than failing the call on a refresh hiccup.
      if (stored && now < stored.expiresAt) {
        this.#options.logger.warn({ err: describe(error) }, 'component token refresh failed; using the current token until it expires');
        return stored.token;
      }
      throw error;
    }
  }

  async invalidate(token: string): Promise<boolean> {
    await this.#options.store.deleteIf(this.#options.componentAppId, token);
    return true;
  }

  /**
   * One refresh for every caller of this process, and one at a time across the replicas of a shared store:
   * whoever gets the turn first looks again at the store, where the one before may have left a fresh token.
   */
  #refreshOnce(): Promise<string> {
    const { store, componentAppId } = this.#options;
    this.#refreshing ??= store
      .exclusive(componentAppId, async () => {
        const stored = await store.get(componentAppId);
        return stored && this.#now() < stored.expiresAt - refreshMarginMs(stored.lifetimeMs) ? stored.token : this.#fetch();
      })
      .catch((error: unknown) => {
        throw error instanceof SharedStoreUnavailableError ? sharedStoreUnavailable() : error;
      })
      .finally(() => {
        this.#refreshing = undefined;
      });
    return this.#refreshing;
  }

  // Tracing: a refresh is a span, its api_component_token call a CLIENT child (the body, with the secret and
  // the ticket, is never an attribute).
  #fetch(): Promise<string> {
    return inSpan('wechat token refresh', { 'wechat.path': COMPONENT_TOKEN_PATH }, () => this.#fetchToken());
  }

  async #fetchToken(): Promise<string> {
    const { componentAppId, componentAppSecret, tickets, seedTicket, http, store, logger } = this.#options;
    const componentVerifyTicket = (await tickets.get(componentAppId))?.ticket ?? seedTicket;
    if (componentVerifyTicket === undefined) throw new NoVerifyTicketError();
    const started = this.#now();
    let decoded: ReturnType<typeof decodeTokenResponse>;
    try {
      const json = await inSpan(
        `POST ${COMPONENT_TOKEN_PATH}`,
        { 'wechat.path': COMPONENT_TOKEN_PATH, 'http.request.method': 'POST' },
        async (span) => {
          const answer = await http.postJson(
            COMPONENT_TOKEN_PATH,
            {},
            {
              component_appid: componentAppId,
              component_appsecret: componentAppSecret,
              component_verify_ticket: componentVerifyTicket,
            },
          );
          const errcode = (answer as { errcode?: unknown } | null)?.errcode;
          span?.setAttribute('wechat.errcode', typeof errcode === 'number' ? errcode : 0);
          return answer;
        },
        { kind: 'client' },
      );
      decoded = decodeTokenResponse(json);
    } catch (error) {
      // Nothing changes on WeChat's side by asking for a token: never "may have applied".
      throw asUnavailable(error, false);
    }
    if (!decoded.ok) {
      logger.warn(
        { upstream: { call: 'api_component_token', errcode: decoded.error.errcode } },
        'WeChat refused to issue a component token',
      );
      throw decoded.error;
    }
    const lifetimeMs = decoded.value.expiresInSeconds * 1000;
    await store.set(componentAppId, { token: decoded.value.token, expiresAt: started + lifetimeMs, lifetimeMs });
    this.#options.onRefresh?.();
    logger.info(
      { upstream: { call: 'api_component_token', expiresInSeconds: decoded.value.expiresInSeconds } },
      'component token refreshed',
    );
    return decoded.value.token;
  }
}

/** No token could be had because the store replicas share it through is unreachable: nothing was sent. */
const sharedStoreUnavailable = () =>
  new UpstreamUnavailableError(
    'the shared store is unreachable',
    false,
    'No component token can be had: the shared store (Redis) that replicas keep it in is unreachable. Nothing was sent to WeChat; try again shortly.',
  );

const describe = (error: unknown) => (error instanceof Error ? { type: error.name, message: error.message } : { type: typeof error });
