/**
 * Every expected failure a caller gets back as a result-union member: the model's outcomes, owned by the
 * core. The adapters (wechat/, stores/) construct them; the schema maps each class to its GraphQL type.
 */

/**
 * Base of every error a caller gets back as a result-union member. A class of our own rather than the
 * global Error: the GraphQL interface `Error` is backed by it, and real bugs (plain Errors) stay masked.
 * Each `message` is a sentence a front end can show as is.
 */
export class AppError extends Error {
  override name = 'AppError';
}

/** The caller's domains were refused before anything was sent to WeChat. */
export class DomainValidationError extends AppError {
  override name = 'DomainValidationError';

  constructor(
    message: string,
    readonly problems: readonly DomainProblem[],
  ) {
    super(message);
  }

  static forProblems(problems: readonly DomainProblem[], words: ListWords = SERVER_DOMAIN_WORDS): DomainValidationError {
    const what =
      problems.length === 1
        ? `One of the domains is not a valid ${words.domains.replace(/s$/, '')}`
        : `${problems.length} of the domains are not valid ${words.domains}`;
    return new DomainValidationError(`${what} (see problems). Nothing was changed; correct the list and try again.`, problems);
  }

  static forCount(count: number, bounds: CountBounds): DomainValidationError {
    return new DomainValidationError(
      `Give between ${bounds.min} and ${bounds.max} distinct domains (${count} given). Nothing was changed.`,
      [],
    );
  }
}

/** How an error names the list it is about: "server domains", "business domains", "The platform". */
export interface ListWords {
  /** The list, plural: "server domains". */
  readonly domains: string;
  /** Its changes as an adjective: "server-domain". */
  readonly change: string;
  /** Whose list it is, as a sentence starts: "The platform", "The Mini Program". */
  readonly owner: string;
  /** WeChat's documented monthly limit of changes, where there is one (50 for server domains). */
  readonly monthlyLimit?: number;
}

/** One entry of the caller's list that cannot be a domain of the list, and why. */
export interface DomainProblem {
  readonly domain: string;
  readonly reason: string;
}

/** How many distinct domains an input may hold. */
export interface CountBounds {
  readonly min: number;
  readonly max: number;
}

export const SERVER_DOMAIN_WORDS: ListWords = {
  domains: 'server domains',
  change: 'server-domain',
  owner: 'The platform',
  monthlyLimit: 50,
};

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
  /** `message` replaces the default sentence where -1 means more (a jump domain's confirmation file). */
  constructor(errmsg: string, message?: string) {
    super(message ?? 'WeChat reported that it is busy. Nothing was changed; try again in a few seconds.', -1, errmsg);
  }
}

export class PlatformNotReleasedError extends WechatError {
  override name = 'PlatformNotReleasedError';
  constructor(errmsg: string, words: ListWords = SERVER_DOMAIN_WORDS) {
    super(
      `The third-party platform has not been published yet, so only its testing ${words.domains} can change. ` +
        'Publish the platform first, or change the testing domains only.',
      61028,
      errmsg,
    );
  }
}

export class DomainCountLimitError extends WechatError {
  override name = 'DomainCountLimitError';
  /** `errcode`: WeChat's (65316 for the platform's lists; the Mini Programs' lists have their own). */
  constructor(errmsg: string, words: ListWords = SERVER_DOMAIN_WORDS, errcode = 65316) {
    super(`${words.owner} has reached the number of ${words.domains} WeChat allows. Remove some domains first.`, errcode, errmsg);
  }
}

export class MonthlyQuotaExceededError extends WechatError {
  override name = 'MonthlyQuotaExceededError';
  /** `message` replaces the default sentence (the service's own quota guard says why it refused). */
  constructor(errmsg: string, message?: string, words: ListWords = SERVER_DOMAIN_WORDS) {
    super(
      message ??
        `${words.owner} has used all ${words.monthlyLimit === undefined ? 'the' : words.monthlyLimit} ${words.change} changes WeChat allows per month. Nothing was changed; try again next month.`,
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
  constructor(errmsg: string, reasons: readonly string[]) {
    super('WeChat refused some of the domains (see reasons). Nothing was changed; correct them and try again.', 9410016, errmsg);
    this.reasons = reasons;
  }
}

/** The token could not be had (api_component_token refused) or WeChat refused it even after one refresh. */
export class AccessTokenError extends WechatError {
  override name = 'AccessTokenError';
  /** `message` replaces the platform's sentence (a Mini Program's authorizer token is another token). */
  constructor(errcode: number, errmsg: string, message?: string) {
    super(message ?? ACCESS_TOKEN_MESSAGES[errcode] ?? DEFAULT_ACCESS_TOKEN_MESSAGE, errcode, errmsg);
  }
}

/**
 * The appId names no Mini Program authorized to the platform now (unknown, an Official Account, or
 * REVOKED): nothing was sent to WeChat.
 */
export class MiniProgramNotAuthorizedError extends AppError {
  override name = 'MiniProgramNotAuthorizedError';
  constructor(readonly appId: string) {
    super(`${appId} is not a Mini Program authorized to the platform.`);
  }
}

/**
 * WeChat refused a Mini Program's domain that is not within the platform's lists (85018 and 85301: not
 * among the platform's server domains; 89021: not a platform business domain or a subdomain of one). The
 * service checks this before sending; WeChat says so when the platform's lists changed meanwhile.
 */
export class DomainNotOnPlatformError extends WechatError {
  override name = 'DomainNotOnPlatformError';
  constructor(errcode: number, errmsg: string) {
    super(
      errcode === 89021
        ? "WeChat refused a webview domain that is not among the platform's business domains (nor a subdomain of one). Add it to the platform's business domains first. Nothing was changed."
        : "WeChat refused a domain that is not among the platform's server domains. Add it to the platform's server domains first. Nothing was changed.",
      errcode,
      errmsg,
    );
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

/** The shared store (Redis) could not be reached or did not answer in time (a store's error, turned by the core into the typed error its callers get). */
export class SharedStoreUnavailableError extends Error {
  override name = 'SharedStoreUnavailableError';
  constructor(readonly operation: string) {
    super(`the shared store (Redis) is unreachable (${operation})`);
  }
}

/** The lock stayed taken for longer than the caller would wait: the task did not run. */
export class LockUnavailableError extends Error {
  override name = 'LockUnavailableError';
  constructor(readonly waitedMs: number) {
    super(`the lock stayed taken for ${waitedMs} ms`);
  }
}

/** A cursor that names no entry: never given out, or so old that the entry is no longer kept. */
export class UnknownCursorError extends Error {
  override name = 'UnknownCursorError';
}
