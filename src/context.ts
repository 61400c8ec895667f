import type { JWTExtendContextFields } from '@graphql-yoga/plugin-jwt';
import { type Caller, callerFromClaims, UNCHECKED_CALLER } from './auth/caller.js';
import type { RequestServerDomains, ServerDomainsService } from './domains/service.js';
import type { VerifiedTokens } from './fast-path/verified-tokens.js';
import { recordOf } from './observability/request-log.js';

/** Per-request context: what the resolvers may use. */
export interface Context {
  readonly caller: Caller;
  /** The platform this service manages (WECHAT_COMPONENT_APPID), if configured. */
  readonly componentAppId: string | undefined;
  readonly serverDomains: RequestServerDomains;
}

/**
 * `verifiedTokens` is given when authentication is on: the JWT plugin runs before this and has refused
 * any request without a valid token, so the caller is whoever the token's claims say, and the token is
 * remembered for the fast path. Without it auth is off and every caller is unchecked.
 */
export const createContextFactory =
  (service: ServerDomainsService, verifiedTokens: VerifiedTokens | undefined, componentAppId: string | undefined) =>
  (initial: object): Context => {
    const { jwt, request } = initial as { jwt?: JWTExtendContextFields; request?: Request };
    if (verifiedTokens && jwt) verifiedTokens.remember(jwt.token.value, jwt.payload as Record<string, unknown>);
    return {
      componentAppId,
      caller: verifiedTokens ? callerFromClaims(jwt?.payload ?? {}) : UNCHECKED_CALLER,
      serverDomains: service.forRequest(recordOf(request)?.observe),
    };
  };
