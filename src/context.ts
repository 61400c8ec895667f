import type { JWTExtendContextFields } from '@graphql-yoga/plugin-jwt';
import { type Caller, callerFromClaims, UNCHECKED_CALLER } from './auth/caller.js';
import { rememberedCallerOf } from './auth/jwt.js';
import type { MiniProgramLists } from './domains/mini-program-domains.js';
import { type MiniProgramDirectory, RequestMiniProgramDomains } from './domains/mini-program-request.js';
import type { PlatformDomains, RequestDomains } from './domains/platform.js';
import type { VerifiedTokens } from './fast-path/verified-tokens.js';
import type { MiniProgram } from './mini-programs/model.js';
import type { MiniPrograms } from './mini-programs/registry.js';
import { recordOf } from './observability/request-log.js';

/** Per-request context: what the resolvers may use. */
export interface Context {
  readonly caller: Caller;
  /** The platform this service manages (WECHAT_COMPONENT_APPID), if configured. */
  readonly componentAppId: string | undefined;
  /** The platform's lists, as this request sees them (reads shared within the request). */
  readonly domains: RequestDomains;
  /** The authorized Mini Programs; undefined when the platform's appid is not known. */
  readonly miniPrograms: MiniPrograms | undefined;
  /** The authorized Mini Programs' lists, as this request sees them; undefined where the service has no registry. */
  readonly miniProgramDomains?: RequestMiniProgramDomains<MiniProgram> | undefined;
}

/** Where verified tokens are remembered for the fast path, and how long the key that verified one lasts. */
export interface TokenMemory {
  readonly tokens: VerifiedTokens;
  readonly keyValidUntil: (token: string) => number;
}

/**
 * `verified` is given when authentication is on: the JWT plugin runs before this and has refused any
 * request without a valid token, so the caller is whoever the token's claims say, and the token is
 * remembered for the fast path. Without it auth is off and every caller is unchecked.
 */
export const createContextFactory =
  (
    domains: PlatformDomains,
    verified: TokenMemory | undefined,
    componentAppId: string | undefined,
    miniPrograms?: MiniPrograms | undefined,
    miniProgramLists?: { readonly lists: MiniProgramLists; readonly directory: MiniProgramDirectory<MiniProgram> },
  ) =>
  (initial: object): Context => {
    const { jwt, request } = initial as { jwt?: JWTExtendContextFields; request?: Request };
    if (verified && jwt) {
      const token = jwt.token.value;
      verified.tokens.remember(token, jwt.payload as Record<string, unknown>, () => verified.keyValidUntil(token));
    }
    return {
      componentAppId,
      miniPrograms,
      caller: verified ? (rememberedCallerOf(initial) ?? callerFromClaims(jwt?.payload ?? {})) : UNCHECKED_CALLER,
      domains: domains.forRequest(recordOf(request)?.observe),
      miniProgramDomains:
        miniProgramLists && new RequestMiniProgramDomains(miniProgramLists.lists, miniProgramLists.directory, recordOf(request)?.observe),
    };
  };
