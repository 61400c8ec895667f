import { AppError } from '../errors.js';

/** The four actions of modify_wxa_server_domain. */
export type DomainAction = 'get' | 'add' | 'delete' | 'set';

/** The component calls about the platform's authorizers (src/wechat/authorizers.ts). */
export type AuthorizerAction = 'authorizer_list' | 'authorizer_info' | 'query_auth' | 'authorizer_token';

/** What a call to WeChat does: an action of modify_wxa_server_domain, `quota` (openapi/quota/get), or an authorizer call. */
export type UpstreamAction = DomainAction | 'quota' | AuthorizerAction;

/** Base of the errors that carry WeChat's own errcode and errmsg. */
export class WechatError extends AppError {
  override name = 'WechatError';

  constructor(
    message: string,
    readonly errcode: number,
    readonly errmsg: string,
  ) {
    super(message);
  }
}

export class SystemBusyError extends WechatError {
  override name = 'SystemBusyError';
  constructor(errmsg: string) {
    super('WeChat reported that it is busy. Nothing was changed; try again in a few seconds.', -1, errmsg);
  }
}

export class PlatformNotReleasedError extends WechatError {
  override name = 'PlatformNotReleasedError';
  constructor(errmsg: string) {
    super(
      'The third-party platform has not been published yet, so only its testing server domains can change. ' +
        'Publish the platform first, or change the testing domains only.',
      61028,
      errmsg,
    );
  }
}

export class DomainCountLimitError extends WechatError {
  override name = 'DomainCountLimitError';
  constructor(errmsg: string) {
    super('The platform has reached the number of server domains WeChat allows. Remove some domains first.', 65316, errmsg);
  }
}

export class MonthlyQuotaExceededError extends WechatError {
  override name = 'MonthlyQuotaExceededError';
  /** `message` replaces the default sentence (the service's own quota guard says why it refused). */
  constructor(errmsg: string, message?: string) {
    super(
      message ?? 'The platform has used all 50 server-domain changes WeChat allows per month. Nothing was changed; try again next month.',
      45104,
      errmsg,
    );
  }
}

export class InvalidActionError extends WechatError {
  override name = 'InvalidActionError';
  constructor(errmsg: string) {
    super('WeChat did not accept the requested action. This is a bug in wxa-server-domains: please report it.', 40052, errmsg);
  }
}

export class InvalidDomainError extends WechatError {
  override name = 'InvalidDomainError';
  /** WeChat's reasons, one per problem, as parsed from its errmsg. */
  readonly reasons: readonly string[];
  constructor(errmsg: string) {
    super('WeChat refused some of the domains (see reasons). Nothing was changed; correct them and try again.', 9410016, errmsg);
    this.reasons = parseInvalidDomainReasons(errmsg);
  }
}

/** The token could not be had (api_component_token refused) or WeChat refused it even after one refresh. */
export class AccessTokenError extends WechatError {
  override name = 'AccessTokenError';
  constructor(errcode: number, errmsg: string) {
    super(ACCESS_TOKEN_MESSAGES[errcode] ?? DEFAULT_ACCESS_TOKEN_MESSAGE, errcode, errmsg);
  }
}

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

export class UnknownWechatError extends WechatError {
  override name = 'UnknownWechatError';
  constructor(errcode: number, errmsg: string) {
    super(`WeChat answered with error ${errcode}, which this service does not know: see errmsg for WeChat's words.`, errcode, errmsg);
  }
}

/**
 * WeChat could not be reached, or did not answer with WeChat JSON. `mayHaveApplied` says whether a
 * change may nonetheless have been made (the request had left before the fault).
 */
export class UpstreamUnavailableError extends AppError {
  override name = 'UpstreamUnavailableError';
  /** `message`: a sentence of its own, where the fault lay before WeChat (the shared store, the lock). */
  constructor(
    readonly detail: string,
    readonly mayHaveApplied: boolean,
    message?: string,
  ) {
    super(
      message ??
        (mayHaveApplied
          ? `WeChat did not answer properly (${detail}), and the change may have been applied. Read the server domains again before retrying.`
          : `WeChat could not be reached (${detail}). Nothing was changed; try again shortly.`),
    );
  }
}

/** Errcodes that mean "this token is not (or no longer) good": refresh once, then retry once. */
export const TOKEN_ERRCODES: ReadonlySet<number> = new Set([40001, 40014, 42001]);

const DEFAULT_ACCESS_TOKEN_MESSAGE = "WeChat refused the platform's access token. Check the service's WeChat credentials, then try again.";

const ACCESS_TOKEN_MESSAGES: Readonly<Record<number, string>> = {
  40001: "WeChat refused the platform's access token, even after a refresh. Check the service's WeChat credentials.",
  40014: "WeChat found the platform's access token invalid, even after a refresh. Check the service's WeChat credentials.",
  42001: "WeChat found the platform's access token expired, even after a refresh. Check the service's token source.",
  61004:
    "WeChat refused to issue an access token: this server's IP address is not on the platform's IP whitelist. Add it in the Open Platform console.",
  61005: 'WeChat refused to issue an access token: the component_verify_ticket has expired. Provide the latest ticket.',
  61006: 'WeChat refused to issue an access token: the component_verify_ticket is invalid. Provide the latest ticket.',
  61011: 'WeChat refused to issue an access token: the component appid is not a valid third-party platform.',
  40125: 'WeChat refused to issue an access token: the component app secret is invalid.',
  41004: 'WeChat refused to issue an access token: the component app secret is missing.',
  45009: "WeChat refused to issue an access token: the platform's daily quota of token requests is used up.",
  47001: 'WeChat refused to issue an access token: it could not read the request.',
};

type WechatErrorFactory = (errmsg: string) => WechatError;

const READ_ERRORS: ReadonlyMap<number, WechatErrorFactory> = new Map([[-1, (m: string) => new SystemBusyError(m)]]);

const CHANGE_ERRORS: ReadonlyMap<number, WechatErrorFactory> = new Map<number, WechatErrorFactory>([
  ...READ_ERRORS,
  [61028, (m) => new PlatformNotReleasedError(m)],
  [65316, (m) => new DomainCountLimitError(m)],
  [45104, (m) => new MonthlyQuotaExceededError(m)],
  [40052, (m) => new InvalidActionError(m)],
  [9410016, (m) => new InvalidDomainError(m)],
]);

/**
 * The typed error for a non-zero errcode of modify_wxa_server_domain. A `get` can fail only with -1 (busy)
 * or a token error: any other errcode there becomes UnknownWechatError, keeping errcode and errmsg.
 */
export function wechatErrorFor(action: DomainAction, errcode: number, errmsg: string): WechatError {
  if (TOKEN_ERRCODES.has(errcode)) return new AccessTokenError(errcode, errmsg);
  const factory = (action === 'get' ? READ_ERRORS : CHANGE_ERRORS).get(errcode);
  return factory ? factory(errmsg) : new UnknownWechatError(errcode, errmsg);
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
