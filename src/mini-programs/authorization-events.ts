import type { Logger } from 'pino';
import { type Authorizer, isoFromUnixSeconds } from './model.js';
import { type AuthorizerApi, type AuthorizerTokenCache, errcodeOf, isTransient, type RegistryStore } from './ports.js';

/** A decrypted authorisation push, as the receiver hands it over. */
export interface AuthorizationEvent {
  /** `authorized`, `updateauthorized` or `unauthorized`. */
  readonly infoType: string;
  readonly authorizerAppid: string | undefined;
  readonly authorizationCode: string | undefined;
  /** Unix seconds. */
  readonly createTime: number | undefined;
  /** Unix seconds. */
  readonly codeExpiresAt: number | undefined;
}

export const AUTHORIZATION_INFO_TYPES: ReadonlySet<string> = new Set(['authorized', 'updateauthorized', 'unauthorized']);

/** `ok`: stored; `ignored`: a replay, or nothing to do; `refused`: WeChat refused the code (no retry can help). */
export type AuthorizationOutcome = 'ok' | 'ignored' | 'refused';

export interface AuthorizationEventsOptions {
  readonly api: AuthorizerApi;
  readonly registry: RegistryStore;
  readonly cache: AuthorizerTokenCache;
  readonly logger: Logger;
  readonly now?: () => number;
}

/** How long a code is remembered when the push does not say when it expires (WeChat's codes last an hour). */
const DEFAULT_CODE_TTL_MS = 3_600_000;

/**
 * What an authorisation push does to the registry. Resolves once the result is stored (the receiver answers
 * `success` then); throws on a transient failure (WeChat unreachable, -1, the store down) so that the
 * receiver answers 500 and WeChat pushes again. Each AuthorizationCode is queried once: a replayed push
 * answers `ignored` without calling WeChat.
 */
export class AuthorizationEvents {
  readonly #options: AuthorizationEventsOptions;
  readonly #now: () => number;

  constructor(options: AuthorizationEventsOptions) {
    this.#options = options;
    this.#now = options.now ?? Date.now;
  }

  handle(event: AuthorizationEvent): Promise<AuthorizationOutcome> {
    return event.infoType === 'unauthorized' ? this.#unauthorized(event) : this.#authorized(event);
  }

  async #authorized(event: AuthorizationEvent): Promise<AuthorizationOutcome> {
    const { api, registry, cache, logger } = this.#options;
    const code = event.authorizationCode;
    if (!code) return 'ignored';
    const ttlMs = event.codeExpiresAt ? Math.max(60_000, event.codeExpiresAt * 1000 - this.#now()) : DEFAULT_CODE_TTL_MS;
    if (!(await registry.claimAuthorizationCode(code, ttlMs))) return 'ignored';
    try {
      const issued = await api.queryAuth(code);
      const known = await registry.get(issued.appId);
      const info = known ? undefined : await api.authorizerInfo(issued.appId);
      const authorizedAt = event.createTime === undefined ? new Date(this.#now()).toISOString() : isoFromUnixSeconds(event.createTime);
      if (known?.kind === 'official-account' || info?.isMiniProgram === false) {
        if (!known) await registry.putMany([{ appId: issued.appId, kind: 'official-account', status: 'AUTHORIZED' }]);
        return 'ok';
      }
      const record: Authorizer = {
        appId: issued.appId,
        kind: 'mini-program',
        status: 'AUTHORIZED',
        name: info?.name ?? known?.name,
        authorizedAt: known?.status === 'AUTHORIZED' ? (known.authorizedAt ?? authorizedAt) : authorizedAt,
        revokedAt: undefined,
        refreshToken: issued.refreshToken ?? known?.refreshToken,
      };
      // The refresh token first: the access token is worth nothing without it an hour from now.
      await registry.putMany([record]);
      const lifetimeMs = issued.expiresInSeconds * 1000;
      await cache.set(issued.appId, { token: issued.accessToken, expiresAt: this.#now() + lifetimeMs, lifetimeMs });
      logger.info({ miniProgram: { appId: issued.appId, infoType: event.infoType } }, 'Mini Program authorized');
      return 'ok';
    } catch (error) {
      if (isTransient(error)) {
        // WeChat pushes again: that push must get through to api_query_auth.
        await registry.releaseAuthorizationCode(code).catch(() => undefined);
        throw error;
      }
      logger.warn(
        { miniProgram: { appId: event.authorizerAppid, infoType: event.infoType }, upstream: { errcode: errcodeOf(error) } },
        'WeChat refused the authorization code of a push: nothing stored',
      );
      return 'refused';
    }
  }

  async #unauthorized(event: AuthorizationEvent): Promise<AuthorizationOutcome> {
    const { registry, cache, logger } = this.#options;
    const appId = event.authorizerAppid;
    if (!appId) return 'ignored';
    const known = await registry.get(appId);
    if (known?.kind !== 'mini-program' || known.status === 'REVOKED') return 'ignored';
    await registry.putMany([{ ...known, status: 'REVOKED', revokedAt: new Date(this.#now()).toISOString(), refreshToken: undefined }]);
    const cached = await cache.get(appId);
    if (cached) await cache.deleteIf(appId, cached.token);
    logger.info({ miniProgram: { appId } }, 'Mini Program authorization withdrawn: REVOKED');
    return 'ok';
  }
}
