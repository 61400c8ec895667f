import { randomBytes } from 'node:crypto';

/**
 * The accounts authorized to the simulated platform (Mini Programs and Official Accounts) and the four
 * authorizer calls about them, with WeChat's field names. Pure state and logic, no HTTP: `server.ts` puts it
 * on the wire. Follows ../shared/reference/wechat-authorizers.md.
 */

export interface SimulatedAuthorizer {
  readonly appId: string;
  readonly kind: 'mini-program' | 'official-account';
  nickName: string;
  /** The one refresh token WeChat accepts now (the list carries it too). */
  refreshToken: string;
  /** Unix seconds. */
  authTime: number;
  authorized: boolean;
}

export interface AuthorizerSettings {
  /** How many Mini Programs are authorized at start (default 5): wxsimminiprogram0001, …0002, … */
  readonly miniPrograms?: number;
  /** How many Official Accounts (default 1): wxsimofficialacct0001, … */
  readonly officialAccounts?: number;
  /** api_authorizer_token answers a new refresh token each time, the old one refused from then on (61023). */
  readonly rotateRefreshTokens?: boolean;
  /** Authorizer access tokens' lifetime (default 7200 s). */
  readonly tokenTtlSeconds?: number;
}

export type AuthorizerCallKind = 'authorizer_list' | 'authorizer_info' | 'query_auth' | 'authorizer_token';

type Answer = Record<string, unknown>;

const pad = (n: number) => String(n).padStart(4, '0');
const secret = (prefix: string) => `${prefix}${randomBytes(18).toString('base64url')}`;

export class SimulatedAuthorizers {
  readonly #byAppId = new Map<string, SimulatedAuthorizer>();
  /** AuthorizationCode → appid, as issued with an authorized/updateauthorized push. */
  readonly #codes = new Map<string, string>();
  /** authorizer_access_token → who and until when (epoch ms). */
  readonly #accessTokens = new Map<string, { appId: string; until: number }>();
  readonly #settings: AuthorizerSettings;
  /** Every authorizer token (access and refresh) ever issued: tests look for leaks with it. */
  readonly issuedSecrets: string[] = [];

  constructor(settings: AuthorizerSettings = {}, nowMs = Date.now()) {
    this.#settings = settings;
    const authTime = Math.floor(nowMs / 1000) - 86_400;
    for (let i = 1; i <= (settings.miniPrograms ?? 5); i++)
      this.add(`wxsimminiprogram${pad(i)}`, 'mini-program', `Simulated Mini Program ${i}`, authTime + i);
    for (let i = 1; i <= (settings.officialAccounts ?? 1); i++)
      this.add(`wxsimofficialacct${pad(i)}`, 'official-account', `Simulated Official Account ${i}`, authTime);
  }

  get(appId: string): SimulatedAuthorizer | undefined {
    return this.#byAppId.get(appId);
  }

  /** Authorizes (again) an account: a new one is a Mini Program unless told. */
  add(
    appId: string,
    kind: SimulatedAuthorizer['kind'] = 'mini-program',
    nickName = appId,
    authTime = Math.floor(Date.now() / 1000),
  ): SimulatedAuthorizer {
    const existing = this.#byAppId.get(appId);
    if (existing) {
      existing.authorized = true;
      existing.authTime = authTime;
      return existing;
    }
    const authorizer: SimulatedAuthorizer = {
      appId,
      kind,
      nickName,
      refreshToken: this.#secret('refreshtoken@@@'),
      authTime,
      authorized: true,
    };
    this.#byAppId.set(appId, authorizer);
    return authorizer;
  }

  /** The owner withdrew the authorization: gone from the list, its tokens refused. */
  remove(appId: string): void {
    const authorizer = this.#byAppId.get(appId);
    if (!authorizer) return;
    authorizer.authorized = false;
    authorizer.refreshToken = this.#secret('refreshtoken@@@');
    for (const [token, owner] of this.#accessTokens) if (owner.appId === appId) this.#accessTokens.delete(token);
  }

  /** A code for an authorized/updateauthorized push. */
  issueCode(appId: string): string {
    const code = this.#secret('queryauthcode@@@');
    this.#codes.set(code, appId);
    return code;
  }

  /** WeChat changed the refresh token behind the service's back: the kept one answers 61023, the list has the new one. */
  replaceRefreshToken(appId: string): void {
    const authorizer = this.#byAppId.get(appId);
    if (authorizer) authorizer.refreshToken = this.#secret('refreshtoken@@@');
  }

  /** Refuses every access token of this authorizer from now on (40001), as if refreshed elsewhere. */
  revokeAccessTokens(appId: string): void {
    for (const [token, owner] of this.#accessTokens) if (owner.appId === appId) this.#accessTokens.delete(token);
  }

  /** The appid an authorizer access token stands for, or WeChat's refusal. */
  checkAccessToken(token: string | null, now: number): { appId: string } | Answer {
    if (!token) return { errcode: 41001, errmsg: 'access_token missing' };
    const owner = this.#accessTokens.get(token);
    if (!owner) return { errcode: 40001, errmsg: 'invalid credential, access_token is invalid or not latest' };
    if (now >= owner.until) return { errcode: 42001, errmsg: 'access_token expired' };
    return { appId: owner.appId };
  }

  /** Answers one authorizer call (already known to come with a valid component token). */
  handle(kind: AuthorizerCallKind, body: Record<string, unknown>, now: number): Answer {
    if (kind === 'authorizer_list') {
      const { offset, count } = body;
      if (typeof offset !== 'number' || typeof count !== 'number' || offset < 0 || count < 1)
        return { errcode: 47001, errmsg: 'data format error' };
      if (count > 500) return { errcode: 61007, errmsg: 'count is larger than 500' };
      const listed = [...this.#byAppId.values()].filter((a) => a.authorized).sort((a, b) => (a.appId < b.appId ? -1 : 1));
      return {
        errcode: 0,
        errmsg: 'ok',
        total_count: listed.length,
        list: listed
          .slice(offset, offset + count)
          .map((a) => ({ authorizer_appid: a.appId, refresh_token: a.refreshToken, auth_time: a.authTime })),
      };
    }
    if (kind === 'authorizer_info') {
      const authorizer = typeof body.authorizer_appid === 'string' ? this.#byAppId.get(body.authorizer_appid) : undefined;
      if (!authorizer?.authorized) return { errcode: 61003, errmsg: 'component is not authorized by this account' };
      return {
        errcode: 0,
        errmsg: 'ok',
        authorizer_info: {
          nick_name: authorizer.nickName,
          service_type_info: { id: 0 },
          verify_type_info: { id: 0 },
          ...(authorizer.kind === 'mini-program' ? { MiniProgramInfo: { network: {}, categories: [], visit_status: 0 } } : {}),
        },
        authorization_info: { authorizer_appid: authorizer.appId, func_info: [] },
      };
    }
    if (kind === 'query_auth') {
      const appId = typeof body.authorization_code === 'string' ? this.#codes.get(body.authorization_code) : undefined;
      const authorizer = appId === undefined ? undefined : this.#byAppId.get(appId);
      if (!authorizer?.authorized) return { errcode: 61010, errmsg: 'code is expired or invalid' };
      return {
        errcode: 0,
        errmsg: 'ok',
        authorization_info: { authorizer_appid: authorizer.appId, ...this.#issue(authorizer, now), func_info: [] },
      };
    }
    const authorizer = typeof body.authorizer_appid === 'string' ? this.#byAppId.get(body.authorizer_appid) : undefined;
    // A withdrawn authorization's refresh token is simply no longer valid.
    if (!authorizer?.authorized) return { errcode: 61023, errmsg: 'refresh_token is invalid' };
    if (body.authorizer_refresh_token !== authorizer.refreshToken) return { errcode: 61023, errmsg: 'refresh_token is invalid' };
    if (this.#settings.rotateRefreshTokens) authorizer.refreshToken = this.#secret('refreshtoken@@@');
    return { errcode: 0, errmsg: 'ok', ...this.#issue(authorizer, now) };
  }

  #issue(authorizer: SimulatedAuthorizer, now: number) {
    const ttlSeconds = this.#settings.tokenTtlSeconds ?? 7200;
    const token = this.#secret('simauthorizertoken_');
    this.#accessTokens.set(token, { appId: authorizer.appId, until: now + ttlSeconds * 1000 });
    return { authorizer_access_token: token, expires_in: ttlSeconds, authorizer_refresh_token: authorizer.refreshToken };
  }

  #secret(prefix: string): string {
    const value = secret(prefix);
    this.issuedSecrets.push(value);
    return value;
  }
}
