import {
  AccessTokenError,
  DomainCountLimitError,
  InvalidActionError,
  InvalidDomainError,
  type ListWords,
  MonthlyQuotaExceededError,
  PlatformNotReleasedError,
  SERVER_DOMAIN_WORDS,
  SystemBusyError,
  UnknownWechatError,
  type WechatError,
} from '../domains/errors.js';

// The outcome classes are the core's (src/domains/errors.ts); re-exported for the adapters that name them here.
export {
  AccessTokenError,
  DomainCountLimitError,
  DomainNotOnPlatformError,
  InvalidActionError,
  InvalidDomainError,
  MonthlyQuotaExceededError,
  PlatformNotReleasedError,
  SystemBusyError,
  UnknownWechatError,
  UpstreamUnavailableError,
  WechatError,
} from '../domains/errors.js';

/** The four actions of a platform list's call (modify_wxa_server_domain, modify_wxa_jump_domain). */
export type DomainAction = 'get' | 'add' | 'delete' | 'set';

/** The component calls about the platform's authorizers (src/wechat/authorizers.ts). */
export type AuthorizerAction = 'authorizer_list' | 'authorizer_info' | 'query_auth' | 'authorizer_token';

/** What a call to WeChat does: an action of a list's call, `quota` (openapi/quota/get), `confirmfile`, or an authorizer call. */
export type UpstreamAction = DomainAction | 'quota' | 'confirmfile' | AuthorizerAction;

/**
 * No component_verify_ticket yet (none kept from a push, none given as a seed): api_component_token cannot be
 * called, so it is not. 61006 is what WeChat answers a token request without a valid ticket; the errmsg says
 * it was decided here.
 */
export class NoVerifyTicketError extends AccessTokenError {
  override name = 'NoVerifyTicketError';
  /** What /ready says. */
  readonly reason = 'no component_verify_ticket yet';
  constructor() {
    super(61006, 'no component_verify_ticket yet (api_component_token was not called)');
    this.message =
      'The service has no component_verify_ticket yet: WeChat pushes one to its event URL every 10 minutes. Try again in a few minutes.';
  }
}

/** Errcodes that mean "this token is not (or no longer) good": refresh once, then retry once. */
export const TOKEN_ERRCODES: ReadonlySet<number> = new Set([40001, 40014, 42001]);

/** How a list's errors are worded, and what -1 means on its changes besides "busy". */
export interface ErrorWording {
  readonly words: ListWords;
  /** SystemBusyError's sentence for a change (add, delete, set) of this list, where -1 means more. */
  readonly busyOnChange?: string;
}

const SERVER_DOMAINS_WORDING: ErrorWording = { words: SERVER_DOMAIN_WORDS };

type WechatErrorFactory = (errmsg: string, wording: ErrorWording) => WechatError;

const CHANGE_ERRORS: ReadonlyMap<number, WechatErrorFactory> = new Map<number, WechatErrorFactory>([
  [61028, (m, w) => new PlatformNotReleasedError(m, w.words)],
  [65316, (m, w) => new DomainCountLimitError(m, w.words)],
  [45104, (m, w) => new MonthlyQuotaExceededError(m, undefined, w.words)],
  [40052, (m) => new InvalidActionError(m)],
  [9410016, (m) => new InvalidDomainError(m, parseInvalidDomainReasons(m))],
]);

/**
 * The typed error for a non-zero errcode of a platform list's call (modify_wxa_server_domain,
 * modify_wxa_jump_domain) or of openapi/quota/get. A read (`get`, `quota`) can fail only with -1 (busy) or a
 * token error: any other errcode there becomes UnknownWechatError, keeping errcode and errmsg.
 */
export function wechatErrorFor(action: UpstreamAction, errcode: number, errmsg: string, wording = SERVER_DOMAINS_WORDING): WechatError {
  if (TOKEN_ERRCODES.has(errcode)) return new AccessTokenError(errcode, errmsg);
  if (action !== 'add' && action !== 'delete' && action !== 'set')
    return errcode === -1 ? new SystemBusyError(errmsg) : new UnknownWechatError(errcode, errmsg);
  // -1 where the change could add a domain: WeChat answers it too when a business domain's confirmation file cannot be fetched.
  if (errcode === -1) return new SystemBusyError(errmsg, action === 'delete' ? undefined : wording.busyOnChange);
  const factory = CHANGE_ERRORS.get(errcode);
  return factory ? factory(errmsg, wording) : new UnknownWechatError(errcode, errmsg);
}

/**
 * WeChat's 9410016 errmsg lists one or more reasons, separated by ";" or new lines, and may end with
 * its usual " hint: [...]" / " rid: ..." trailers, which say nothing about the domains.
 */
export function parseInvalidDomainReasons(errmsg: string): string[] {
  const body = errmsg.replace(/(?:^|\s+)(?:hint:\s*\[[^\]]*\]|rid:\s*\S+)(?=\s|$)/g, ' ').trim();
  const reasons = body
    .split(/[;\n]/)
    .map((r) => r.trim())
    .filter((r) => r !== '');
  return reasons.length > 0 ? reasons : [errmsg];
}
