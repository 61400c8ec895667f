import {
  AccessTokenError,
  AppError,
  DomainCountLimitError,
  DomainNotOnPlatformError,
  DomainValidationError,
  InvalidActionError,
  InvalidDomainError,
  MiniProgramNotAuthorizedError,
  MonthlyQuotaExceededError,
  PlatformNotReleasedError,
  SystemBusyError,
  UnknownWechatError,
  UpstreamUnavailableError,
  WechatError,
} from '../domains/errors.js';
import { reusable } from '../fast-path/reusable.js';
import { builder } from './builder.js';

export const ErrorInterface = builder.interfaceType(AppError, {
  name: 'Error',
  // An error is computed from itself alone (an answer holding one is never kept anyway).
  extensions: reusable(true),
  description: 'Every expected failure. `message` is a sentence a front end can show as is.',
  fields: (t) => ({ message: t.exposeString('message') }),
});

export const WechatErrorInterface = builder.interfaceType(WechatError, {
  name: 'WechatError',
  // An error is computed from itself alone (an answer holding one is never kept anyway).
  extensions: reusable(true),
  description: "WeChat answered with a non-zero errcode. `errmsg` is WeChat's own text, for logs and support.",
  interfaces: [ErrorInterface],
  fields: (t) => ({
    errcode: t.exposeInt('errcode'),
    errmsg: t.exposeString('errmsg'),
  }),
});

// The constructors differ; only the instances matter here.
// biome-ignore lint/suspicious/noExplicitAny: constructor parameters are contravariant; unknown[] would refuse every class.
type WechatErrorClass = new (...args: any[]) => WechatError;

function wechatErrorType(cls: WechatErrorClass, description: string) {
  // Pothos lists only the interfaces given: WechatError's parent `Error` must be named too.
  return builder.objectType(cls, {
    name: cls.name,
    // An error is computed from itself alone (an answer holding one is never kept anyway).
    extensions: reusable(true),
    description,
    interfaces: [ErrorInterface, WechatErrorInterface],
    isTypeOf: (value) => value instanceof cls,
  });
}

wechatErrorType(SystemBusyError, 'errcode -1: WeChat is busy; try again later.');
wechatErrorType(PlatformNotReleasedError, 'errcode 61028: the platform is not published, so only testing domains can change.');
wechatErrorType(
  DomainCountLimitError,
  "errcode 65316 (the platform's lists), 85016 or 89029 (a Mini Program's): the number of domains reached the limit; remove some first.",
);
wechatErrorType(MonthlyQuotaExceededError, 'errcode 45104: the 50 changes a month are used up.');
wechatErrorType(InvalidActionError, 'errcode 40052: WeChat did not accept the action (a bug in this service).');
wechatErrorType(AccessTokenError, 'The component_access_token could not be had, or WeChat refused it even after one refresh.');
wechatErrorType(
  DomainNotOnPlatformError,
  "errcode 85018, 85301 or 89021: a Mini Program's domain is not within the platform's server domains (business domains: nor a subdomain of one).",
);
wechatErrorType(UnknownWechatError, 'An errcode this service has no type for; errcode and errmsg are kept.');

builder.objectType(InvalidDomainError, {
  name: 'InvalidDomainError',
  // An error is computed from itself alone (an answer holding one is never kept anyway).
  extensions: reusable(true),
  description: 'errcode 9410016: WeChat refused some domains; `reasons` lists what it said, one entry per reason.',
  interfaces: [ErrorInterface, WechatErrorInterface],
  isTypeOf: (value) => value instanceof InvalidDomainError,
  fields: (t) => ({ reasons: t.exposeStringList('reasons') }),
});

builder.objectType(UpstreamUnavailableError, {
  name: 'UpstreamUnavailableError',
  // An error is computed from itself alone (an answer holding one is never kept anyway).
  extensions: reusable(true),
  description: 'WeChat could not be reached, timed out, or answered with something that is not WeChat JSON.',
  interfaces: [ErrorInterface],
  isTypeOf: (value) => value instanceof UpstreamUnavailableError,
  fields: (t) => ({
    mayHaveApplied: t.exposeBoolean('mayHaveApplied', {
      description:
        'True when the request reached WeChat before the fault, so the change may have been made: read the domains again before retrying.',
    }),
  }),
});

builder.objectType(MiniProgramNotAuthorizedError, {
  name: 'MiniProgramNotAuthorizedError',
  // An error is computed from itself alone (an answer holding one is never kept anyway).
  extensions: reusable(true),
  description: 'The appId is unknown, an Official Account, or a REVOKED Mini Program: nothing was sent to WeChat.',
  interfaces: [ErrorInterface],
  isTypeOf: (value) => value instanceof MiniProgramNotAuthorizedError,
  fields: (t) => ({ appId: t.exposeID('appId') }),
});

const DomainProblem = builder.objectRef<{ domain: string; reason: string }>('DomainProblem').implement({
  description: 'One entry of the input that cannot be a server domain.',
  extensions: reusable(true),
  fields: (t) => ({
    domain: t.exposeString('domain', { description: 'The entry as it was given.' }),
    reason: t.exposeString('reason'),
  }),
});

builder.objectType(DomainValidationError, {
  name: 'DomainValidationError',
  // An error is computed from itself alone (an answer holding one is never kept anyway).
  extensions: reusable(true),
  description: 'The input was refused before anything was sent to WeChat; nothing changed.',
  interfaces: [ErrorInterface],
  isTypeOf: (value) => value instanceof DomainValidationError,
  fields: (t) => ({
    problems: t.field({ type: [DomainProblem], resolve: (error) => error.problems }),
  }),
});

/** What any call to WeChat can fail with. */
export const READ_ERRORS = [SystemBusyError, AccessTokenError, UnknownWechatError, UpstreamUnavailableError];

/** What a change can fail with: every error type. */
export const CHANGE_ERRORS = [
  ...READ_ERRORS,
  PlatformNotReleasedError,
  DomainCountLimitError,
  MonthlyQuotaExceededError,
  InvalidActionError,
  InvalidDomainError,
  DomainValidationError,
];
