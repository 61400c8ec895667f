import type { Logger } from 'pino';
import { type Authorizer, isMiniProgram, MiniProgramNotAuthorizedError } from './model.js';
import {
  AUTHORIZER_TOKEN_ERRCODES,
  type AuthorizerApi,
  type AuthorizerTokenCache,
  errcodeOf,
  REFRESH_TOKEN_INVALID,
  type RegistryStore,
} from './ports.js';
import type { MiniProgramSync } from './sync.js';

/**
 * An authorized Mini Program's authorizer_access_token, for the calls made on its behalf: `get(appId)` and
 * `invalidate(appId, token)` as the component token's TokenProvider.
 */
export interface AuthorizerTokens {
  /** A token to use now; throws MiniProgramNotAuthorizedError, or the API's typed error. */
  get(appId: string): Promise<string>;
  /** WeChat refused `token`: forget it if still current. True when a retry with a fresh token makes sense. */
  invalidate(appId: string, token: string): Promise<boolean>;
}

export interface AuthorizerTokenOptions {
  readonly api: AuthorizerApi;
  readonly registry: RegistryStore;
  readonly cache: AuthorizerTokenCache;
  readonly sync: MiniProgramSync;
  readonly logger: Logger;
  readonly now?: () => number;
  /** Each api_authorizer_token: `ok`, `recovered` (after 61023, from the list), `revoked`, or `failed`. */
  readonly onRefresh?: (outcome: 'ok' | 'recovered' | 'revoked' | 'failed') => void;
}

/** As the component token: refreshed at 1 h 50 min of a 2 h token; shorter lifetimes keep the proportion. */
const refreshMarginMs = (lifetimeMs: number) => Math.min(10 * 60_000, lifetimeMs / 12);

/**
 * Cached per Mini Program, refreshed ahead of expiry, one refresh in flight per Mini Program in this process,
 * and one at a time for the fleet through the cache's `exclusive` (whoever gets the turn looks again first).
 * A rotated refresh token is stored before the new access token is used or cached.
 */
export class AuthorizerTokenProvider implements AuthorizerTokens {
  readonly #options: AuthorizerTokenOptions;
  readonly #now: () => number;
  readonly #refreshing = new Map<string, Promise<string>>();

  constructor(options: AuthorizerTokenOptions) {
    this.#options = options;
    this.#now = options.now ?? Date.now;
  }

  async get(appId: string): Promise<string> {
    const cached = await this.#options.cache.get(appId);
    if (cached && this.#fresh(cached)) return cached.token;
    let refreshing = this.#refreshing.get(appId);
    if (!refreshing) {
      refreshing = this.#options.cache
        .exclusive(appId, async () => {
          const again = await this.#options.cache.get(appId);
          return again && this.#fresh(again) ? again.token : this.#refresh(appId);
        })
        .finally(() => this.#refreshing.delete(appId));
      this.#refreshing.set(appId, refreshing);
    }
    return refreshing;
  }

  async invalidate(appId: string, token: string): Promise<boolean> {
    await this.#options.cache.deleteIf(appId, token);
    return true;
  }

  #fresh(cached: { expiresAt: number; lifetimeMs: number }): boolean {
    return this.#now() < cached.expiresAt - refreshMarginMs(cached.lifetimeMs);
  }

  async #refresh(appId: string): Promise<string> {
    const { api, registry, cache, onRefresh } = this.#options;
    const kept = await registry.get(appId);
    // A refresh token the store lost (a Redis restarted empty, a fresh DATA_DIR) is on the authorizer list.
    // An appid never seen asks for the list only when the store has never synced: a store that lost its
    // data lost that too, and a bogus appid must not cost a metered listing each time.
    if ((isMiniProgram(kept) && kept.status === 'AUTHORIZED' && !kept.refreshToken) || (!kept && !(await registry.lastSync()))) {
      await this.#options.sync.run();
    }
    let record = await this.#authorized(appId);
    if (!record.refreshToken) throw new MiniProgramNotAuthorizedError(appId);
    const started = this.#now();
    let issued: Awaited<ReturnType<AuthorizerApi['authorizerToken']>>;
    let outcome: 'ok' | 'recovered' = 'ok';
    try {
      issued = await api.authorizerToken(appId, record.refreshToken);
    } catch (error) {
      if (errcodeOf(error) !== REFRESH_TOKEN_INVALID) {
        onRefresh?.('failed');
        throw error;
      }
      const listed = await this.#options.sync.find(appId).catch((findError: unknown) => {
        onRefresh?.('failed');
        throw findError;
      });
      if (!listed?.refreshToken) {
        await registry.putMany([{ ...record, status: 'REVOKED', revokedAt: new Date(this.#now()).toISOString(), refreshToken: undefined }]);
        onRefresh?.('revoked');
        this.#options.logger.warn(
          { miniProgram: { appId } },
          'refresh token refused (61023) and the Mini Program is no longer listed: REVOKED',
        );
        throw new MiniProgramNotAuthorizedError(appId);
      }
      record = { ...record, refreshToken: listed.refreshToken };
      await registry.putMany([record]);
      try {
        issued = await api.authorizerToken(appId, listed.refreshToken);
      } catch (retryError) {
        onRefresh?.('failed');
        throw retryError;
      }
      outcome = 'recovered';
    }
    // Before anything depends on it: the old refresh token may be dead from now on.
    if (issued.refreshToken && issued.refreshToken !== record.refreshToken) {
      const current = (await registry.get(appId)) ?? record;
      await registry.putMany([{ ...current, refreshToken: issued.refreshToken }]);
    }
    const lifetimeMs = issued.expiresInSeconds * 1000;
    await cache.set(appId, { token: issued.accessToken, expiresAt: started + lifetimeMs, lifetimeMs });
    onRefresh?.(outcome);
    this.#options.logger.info({ miniProgram: { appId, expiresInSeconds: issued.expiresInSeconds, outcome } }, 'authorizer token refreshed');
    return issued.accessToken;
  }

  async #authorized(appId: string): Promise<Authorizer & { kind: 'mini-program' }> {
    const record = await this.#options.registry.get(appId);
    if (!isMiniProgram(record) || record.status !== 'AUTHORIZED') throw new MiniProgramNotAuthorizedError(appId);
    return record;
  }
}

/**
 * Runs `call` with the Mini Program's token; refused with 40001, 40014 or 42001, drops that token, takes a
 * fresh one and retries once (WeChat did not act on a call whose token it refused).
 */
export async function withAuthorizerToken<T>(tokens: AuthorizerTokens, appId: string, call: (token: string) => Promise<T>): Promise<T> {
  const token = await tokens.get(appId);
  try {
    return await call(token);
  } catch (error) {
    const errcode = errcodeOf(error);
    if (errcode === undefined || !AUTHORIZER_TOKEN_ERRCODES.has(errcode) || !(await tokens.invalidate(appId, token))) throw error;
    return call(await tokens.get(appId));
  }
}
