/** What the core needs from WeChat, per list; `wechat/` implements it. */

/** One HTTP exchange with WeChat: its action, outcome (`ok`, the errcode, or `unavailable`) and duration. */
export interface UpstreamCall {
  /** `get`, `add`, `delete`, `set`, `quota`, `confirmfile`, …: what the call did. */
  readonly action: string;
  /** WeChat's API path (`/cgi-bin/component/modify_wxa_jump_domain`): which list's call it was. */
  readonly path: string;
  readonly outcome: 'ok' | 'unavailable' | number;
  readonly seconds: number;
}

/** Told of every upstream call (retries included): metrics globally, a request's log line per request. */
export type UpstreamObserver = (call: UpstreamCall) => void;

/** WeChat's daily call counts of one API (openapi/quota/get's `quota`). */
export interface DailyCallQuota {
  readonly limit: number;
  readonly used: number;
  readonly remaining: number;
}

/**
 * One list at WeChat: its read, its change, and WeChat's daily call counts of its API. Each returns the
 * list's state, or throws the typed error (src/domains/errors.ts) the caller gets.
 */
export interface ListUpstream<S, C> {
  read(observe?: UpstreamObserver): Promise<S>;
  change(change: C, observe?: UpstreamObserver): Promise<S>;
  dailyCallQuota(observe?: UpstreamObserver): Promise<DailyCallQuota>;
}
