import type { DailyCallQuota, UpstreamObserver } from './upstream.js';

/** WeChat's quota/get is asked at most this often per list. */
export const DAILY_QUOTA_INTERVAL_MS = 60_000;

/**
 * WeChat's daily call counts of a list's API, asked at most once a minute: within the minute every caller
 * gets the answer of the last call, a failure included (a failing WeChat is not asked again and again), and
 * callers arriving while it is in flight share it.
 */
export class DailyCallQuotaReader {
  readonly #ask: (observe?: UpstreamObserver) => Promise<DailyCallQuota>;
  readonly #clock: () => number;
  #last: { readonly at: number; readonly answer: Promise<DailyCallQuota> } | undefined;

  constructor(ask: (observe?: UpstreamObserver) => Promise<DailyCallQuota>, clock: () => number) {
    this.#ask = ask;
    this.#clock = clock;
  }

  get(observe?: UpstreamObserver): Promise<DailyCallQuota> {
    const now = this.#clock();
    // `now < at`: the clock went back; ask again rather than trust an answer from the future.
    if (this.#last && now >= this.#last.at && now - this.#last.at < DAILY_QUOTA_INTERVAL_MS) return this.#last.answer;
    const answer = this.#ask(observe);
    answer.catch(() => undefined); // kept for later callers: never an unhandled rejection
    this.#last = { at: now, answer };
    return answer;
  }
}
