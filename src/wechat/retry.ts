import type { UpstreamAction } from './errors.js';
import { SystemBusyError } from './errors.js';
import { TransportError } from './http.js';

/** At most this many retries after the first attempt. */
export const MAX_RETRIES = 2;

/**
 * Whether a failed attempt may be tried again. Written here rather than with undici's RetryAgent:
 * the rule depends on WeChat's JSON (errcode -1) and on whether a change may already have been applied,
 * which undici cannot see.
 *
 * - errcode -1: WeChat asks for a retry, and did nothing.
 * - never sent (connection refused, DNS): WeChat never saw it.
 * - a read (a `get`, the daily quota) also retries a reset connection and 502/503/504: reading twice is harmless.
 * - a timeout is never retried: it has spent the caller's budget already.
 */
export function isRetryable(action: UpstreamAction, error: unknown): boolean {
  if (error instanceof SystemBusyError) return true;
  if (!(error instanceof TransportError)) return false;
  if (error.fault === 'not-sent') return true;
  if (!isRead(action)) return false;
  return error.fault === 'reset' || (error.fault === 'status' && [502, 503, 504].includes(error.status ?? 0));
}

/** Exponential backoff with full jitter on top: 50–100 ms, then 100–200 ms. */
export function backoffMs(attempt: number, random: () => number = Math.random): number {
  const base = 50 * 2 ** attempt;
  return base + random() * base;
}

/** Calls that change nothing at WeChat (api_query_auth spends a code, api_authorizer_token may rotate a refresh token). */
export const isRead = (action: UpstreamAction): boolean =>
  action === 'get' || action === 'quota' || action === 'confirmfile' || action === 'authorizer_list' || action === 'authorizer_info';
