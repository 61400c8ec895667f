import type { ChangeEffect } from './change-entry.js';
import { AppError, UpstreamUnavailableError, WechatError } from './errors.js';

/** How a failed change is journaled. */
export interface FailedChange {
  readonly effect: ChangeEffect;
  /** The GraphQL __typename of the answer (the error classes are named as their types). */
  readonly outcome: string;
  readonly errcode: number | null;
}

/**
 * A change that ended in `error`: UNKNOWN when WeChat may have applied it (the answer was lost after the
 * request left), REFUSED for every typed error that says it was not (a WeChat errcode, a token that could
 * not be had, a connection refused). Anything else is a bug whose effect nobody knows: UNKNOWN, counted.
 */
export function failedChange(error: unknown): FailedChange {
  const errcode = error instanceof WechatError ? error.errcode : null;
  if (error instanceof UpstreamUnavailableError && error.mayHaveApplied) return { effect: 'UNKNOWN', outcome: error.name, errcode };
  if (error instanceof AppError) return { effect: 'REFUSED', outcome: error.name, errcode };
  return { effect: 'UNKNOWN', outcome: 'UnexpectedError', errcode: null };
}
