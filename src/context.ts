import type { JWTExtendContextFields } from '@graphql-yoga/plugin-jwt';
import { callerFromClaims, UNCHECKED_CALLER, type Caller } from './auth/caller.js';
import type { RequestServerDomains, ServerDomainsService } from './domains/service.js';
import { recordOf } from './observability/request-log.js';

/** Per-request context: what the resolvers may use. */
export interface Context {
  readonly caller: Caller;
  /** The platform this service manages (WECHAT_COMPONENT_APPID), if configured. */
  readonly componentAppId: string | undefined;
  readonly serverDomains: RequestServerDomains;
}

/**
 * `authenticated`: the JWT plugin runs before this and has refused any request without a valid token,
 * so the caller is whoever the token's claims say. Otherwise auth is off and every caller is unchecked.
 */
export const createContextFactory =
  (service: ServerDomainsService, authenticated: boolean, componentAppId: string | undefined) =>
  (initial: object): Context => {
    const { jwt, request } = initial as { jwt?: JWTExtendContextFields; request?: Request };
    return {
      componentAppId,
      caller: authenticated ? callerFromClaims(jwt?.payload ?? {}) : UNCHECKED_CALLER,
      serverDomains: service.forRequest(recordOf(request)?.observe),
    };
  };
