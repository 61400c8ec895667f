import type { Logger } from 'pino';
import type { AuthorizerApi, AuthorizerPage, IssuedAuthorizerToken } from '../mini-programs/ports.js';
import type { UpstreamObserver } from './client.js';
import { NotWechatJsonError } from './codec.js';
import {
  AccessTokenError,
  type AuthorizerAction,
  SystemBusyError,
  TOKEN_ERRCODES,
  UnknownWechatError,
  type WechatError,
} from './errors.js';
import type { JsonHttp } from './http.js';
import { backoffMs, isRead, isRetryable, MAX_RETRIES } from './retry.js';
import type { TokenProvider } from './token.js';
import { asUnavailable } from './unavailable.js';

export const AUTHORIZER_PATHS: Readonly<Record<AuthorizerAction, string>> = {
  authorizer_list: '/cgi-bin/component/api_get_authorizer_list',
  authorizer_info: '/cgi-bin/component/api_get_authorizer_info',
  query_auth: '/cgi-bin/component/api_query_auth',
  authorizer_token: '/cgi-bin/component/api_authorizer_token',
};

export interface WechatAuthorizersOptions {
  readonly http: JsonHttp;
  /** The component token, as every component call takes it. */
  readonly tokens: TokenProvider;
  readonly componentAppId: string;
  readonly logger: Logger;
  /** The budget of one call, retries included. */
  readonly timeoutMs: number;
  readonly onCall?: UpstreamObserver;
}

/**
 * The four authorizer calls with WeChat's field names, on the shared JsonHttp with the retry rules of
 * retry.ts: a refused component token is refreshed and the call retried once; -1 and connections that never
 * left are retried; reads also retry a reset. Throws WechatError members (errcode kept) or UpstreamUnavailableError.
 * Tokens travel in query strings and bodies only: nothing here logs either.
 */
export class WechatAuthorizers implements AuthorizerApi {
  readonly #options: WechatAuthorizersOptions;

  constructor(options: WechatAuthorizersOptions) {
    this.#options = options;
  }

  async listAuthorizers(offset: number, count: number): Promise<AuthorizerPage> {
    const body = await this.#call('authorizer_list', { offset, count });
    const totalCount = body.total_count;
    if (typeof totalCount !== 'number' || !Number.isInteger(totalCount) || totalCount < 0) throw notJson('"total_count" is not a count');
    const list = Array.isArray(body.list) ? body.list : [];
    return {
      totalCount,
      list: list.flatMap((entry: unknown) => {
        if (!isRecord(entry) || typeof entry.authorizer_appid !== 'string' || entry.authorizer_appid === '') return [];
        return [
          {
            appId: entry.authorizer_appid,
            refreshToken: typeof entry.refresh_token === 'string' && entry.refresh_token !== '' ? entry.refresh_token : undefined,
            authTime: typeof entry.auth_time === 'number' ? entry.auth_time : undefined,
          },
        ];
      }),
    };
  }

  async authorizerInfo(appId: string): Promise<{ isMiniProgram: boolean; name: string | undefined }> {
    const body = await this.#call('authorizer_info', { authorizer_appid: appId });
    const info = body.authorizer_info;
    if (!isRecord(info)) throw notJson('"authorizer_info" is missing');
    return { isMiniProgram: isRecord(info.MiniProgramInfo), name: typeof info.nick_name === 'string' ? info.nick_name : undefined };
  }

  async queryAuth(authorizationCode: string): Promise<IssuedAuthorizerToken & { appId: string }> {
    const body = await this.#call('query_auth', { authorization_code: authorizationCode });
    const info = body.authorization_info;
    if (!isRecord(info) || typeof info.authorizer_appid !== 'string') throw notJson('"authorization_info" is missing');
    return { appId: info.authorizer_appid, ...issued(info) };
  }

  async authorizerToken(appId: string, refreshToken: string): Promise<IssuedAuthorizerToken> {
    return issued(await this.#call('authorizer_token', { authorizer_appid: appId, authorizer_refresh_token: refreshToken }));
  }

  async #call(action: AuthorizerAction, fields: Record<string, unknown>): Promise<Record<string, unknown>> {
    const deadline = performance.now() + this.#options.timeoutMs;
    const body = { component_appid: this.#options.componentAppId, ...fields };
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.#attempt(action, body, deadline);
      } catch (error) {
        const delay = backoffMs(attempt);
        if (attempt >= MAX_RETRIES || !isRetryable(action, error) || performance.now() + delay >= deadline) {
          throw asUnavailable(error, !isRead(action));
        }
        this.#options.logger.info({ upstream: { action, retry: attempt + 1 } }, 'retrying WeChat call');
        await new Promise((resolve) => setTimeout(resolve, delay));
      }
    }
  }

  /** One attempt, with its one component-token refresh. */
  async #attempt(action: AuthorizerAction, body: unknown, deadline: number): Promise<Record<string, unknown>> {
    const { tokens } = this.#options;
    let token = await tokens.get();
    let answer = await this.#send(action, body, token, deadline);
    if (answer instanceof AccessTokenError && TOKEN_ERRCODES.has(answer.errcode) && (await tokens.invalidate(token))) {
      token = await tokens.get();
      answer = await this.#send(action, body, token, deadline);
    }
    if (answer instanceof Error) throw answer;
    return answer;
  }

  async #send(action: AuthorizerAction, body: unknown, token: string, deadline: number): Promise<Record<string, unknown> | WechatError> {
    const started = performance.now();
    const done = (outcome: 'ok' | 'unavailable' | number) =>
      this.#options.onCall?.({ action, path: AUTHORIZER_PATHS[action], outcome, seconds: (performance.now() - started) / 1000 });
    let json: unknown;
    try {
      json = await this.#options.http.postJson(
        AUTHORIZER_PATHS[action],
        { access_token: token },
        body,
        Math.max(1, Math.round(deadline - performance.now())),
      );
    } catch (error) {
      done('unavailable');
      throw error;
    }
    if (!isRecord(json)) {
      done('unavailable');
      throw notJson('the body is not a JSON object');
    }
    const errcode = json.errcode ?? 0;
    const errmsg = typeof json.errmsg === 'string' ? json.errmsg : '';
    if (typeof errcode !== 'number' || !Number.isInteger(errcode)) {
      done('unavailable');
      throw notJson('"errcode" is not an integer');
    }
    done(errcode === 0 ? 'ok' : errcode);
    if (errcode === 0) return json;
    if (errcode === -1) return new SystemBusyError(errmsg);
    if (TOKEN_ERRCODES.has(errcode)) return new AccessTokenError(errcode, errmsg);
    return new UnknownWechatError(errcode, errmsg);
  }
}

function issued(body: Record<string, unknown>): IssuedAuthorizerToken {
  const accessToken = body.authorizer_access_token;
  const expiresIn = body.expires_in;
  if (typeof accessToken !== 'string' || accessToken === '') throw notJson('"authorizer_access_token" is missing');
  if (typeof expiresIn !== 'number' || !(expiresIn > 0)) throw notJson('"expires_in" is not a positive number');
  const refreshToken = body.authorizer_refresh_token;
  return {
    accessToken,
    expiresInSeconds: expiresIn,
    refreshToken: typeof refreshToken === 'string' && refreshToken !== '' ? refreshToken : undefined,
  };
}

const notJson = (detail: string) => asUnavailable(new NotWechatJsonError(detail), false) as Error;
const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
