import type { AuthorizationStatus, Authorizer, SyncSummary } from './model.js';

/**
 * What the registry needs of WeChat (implemented in src/wechat/authorizers.ts): the four component calls, in
 * this module's words. Each throws the caller's typed error; an error with a numeric `errcode` is WeChat's
 * refusal (see errcodeOf), anything else a transient fault (unreachable, a broken answer).
 */
export interface AuthorizerApi {
  /** One page of api_get_authorizer_list. */
  listAuthorizers(offset: number, count: number): Promise<AuthorizerPage>;
  /** api_get_authorizer_info: whether the authorizer is a Mini Program, and its nick_name. */
  authorizerInfo(appId: string): Promise<{ readonly isMiniProgram: boolean; readonly name: string | undefined }>;
  /** api_query_auth: what an authorization code stands for. */
  queryAuth(authorizationCode: string): Promise<IssuedAuthorizerToken & { readonly appId: string }>;
  /** api_authorizer_token. */
  authorizerToken(appId: string, refreshToken: string): Promise<IssuedAuthorizerToken>;
}

export interface AuthorizerPage {
  readonly totalCount: number;
  readonly list: readonly { readonly appId: string; readonly refreshToken: string | undefined; readonly authTime: number | undefined }[];
}

export interface IssuedAuthorizerToken {
  readonly accessToken: string;
  readonly expiresInSeconds: number;
  /** WeChat may rotate it: the new one replaces the kept one before the access token is used. */
  readonly refreshToken: string | undefined;
}

/** An authorizer access token as cached (the shape of the component token's store, so its stores fit). */
export interface CachedToken {
  readonly token: string;
  /** Epoch milliseconds. */
  readonly expiresAt: number;
  readonly lifetimeMs: number;
}

/** Where authorizer access tokens are cached, keyed by the authorizer's appid. */
export interface AuthorizerTokenCache {
  get(appId: string): Promise<CachedToken | undefined>;
  set(appId: string, token: CachedToken): Promise<void>;
  /** Drops the cached token only if it is still `token`. */
  deleteIf(appId: string, token: string): Promise<void>;
  /** Runs `refresh` while no other holder refreshes this appid's token (replicas take turns with a shared store). */
  exclusive<T>(appId: string, refresh: () => Promise<T>): Promise<T>;
}

/**
 * The registry with its refresh tokens: memory, a file in DATA_DIR, or Redis. It survives restarts (all but
 * memory), so nobody is classified twice and no refresh token is lost.
 */
export interface RegistryStore {
  get(appId: string): Promise<Authorizer | undefined>;
  /** Every kept authorizer (Official Accounts included), in any order. */
  all(): Promise<Authorizer[]>;
  /** Writes these records, each replacing the kept one of its appid, in one step where the store can. */
  putMany(records: readonly Authorizer[]): Promise<void>;
  /** The last complete sync; undefined before the first. */
  lastSync(): Promise<SyncSummary | undefined>;
  setLastSync(summary: SyncSummary): Promise<void>;
  /**
   * Runs `sync` while no other holder of this store syncs (a shared store makes replicas take turns).
   * Throws when a shared store cannot be reached.
   */
  exclusiveSync<T>(sync: () => Promise<T>): Promise<T>;
  /** Remembers an AuthorizationCode; false when it was seen before (the push is a replay). */
  claimAuthorizationCode(code: string, ttlMs: number): Promise<boolean>;
  /** Forgets a claimed code again (its api_query_auth failed transiently: WeChat's retry must get through). */
  releaseAuthorizationCode(code: string): Promise<void>;
}

/** Mini Programs only, by appid ascending; `after` an appid (exclusive). */
export async function listMiniPrograms(
  store: RegistryStore,
  options: { readonly status?: AuthorizationStatus | undefined },
): Promise<Authorizer[]> {
  const all = await store.all();
  return all
    .filter((a) => a.kind === 'mini-program' && (options.status === undefined || a.status === options.status))
    .sort((a, b) => (a.appId < b.appId ? -1 : a.appId > b.appId ? 1 : 0));
}

/** WeChat's errcode on an error thrown by the AuthorizerApi; undefined for a transport fault. */
export const errcodeOf = (error: unknown): number | undefined => {
  const errcode = (error as { errcode?: unknown } | null)?.errcode;
  return typeof errcode === 'number' ? errcode : undefined;
};

/** WeChat would answer differently later: unreachable, a broken answer, or -1 (busy). */
export const isTransient = (error: unknown): boolean => {
  const errcode = errcodeOf(error);
  return errcode === undefined || errcode === -1;
};

/** The refresh token is invalid: take it again from the authorizer list. */
export const REFRESH_TOKEN_INVALID = 61023;
/** "This token is not (or no longer) good": drop, refresh, retry once. */
export const AUTHORIZER_TOKEN_ERRCODES: ReadonlySet<number> = new Set([40001, 40014, 42001]);
