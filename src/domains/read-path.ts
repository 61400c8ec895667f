import { AppError } from './errors.js';
import type { Kept, ReadCache, ReadMark } from './ports.js';
import type { UpstreamObserver } from './upstream.js';

/** Where a failure of the shared store that a read path rides out (degraded) is told. */
export interface DegradedLog {
  warn(fields: object, message: string): void;
}

export interface ReadPathOptions<S> {
  /** The list's name in log lines ("server-domains"). */
  readonly key: string;
  /** One upstream read of its own (never a cached answer). */
  readonly fetch: (observe?: UpstreamObserver) => Promise<S>;
  /** Keeps the last read (and, with a stale fallback while a refresh is in flight, its grace). */
  readonly cache: ReadCache<S>;
  /** How long a successful read is served from the cache; 0 turns the cache off (single-flight stays). */
  readonly ttlMs: number;
  /** WECHAT_TIMEOUT_MS: how long a read waits for another replica's refresh. */
  readonly timeoutMs: number;
  readonly logger?: DegradedLog;
}

/**
 * How long after its TTL the last state may still be handed out while a refresh is in flight: no state
 * older than twice the TTL, and a refresh (retries included) ends within the timeout anyway.
 */
export const refreshGraceMs = (cacheTtlMs: number, timeoutMs: number): number => Math.min(cacheTtlMs, timeoutMs);

/**
 * The one read path of every list (and of what is read like one, the jump domains' confirmation file).
 * Served from the cache while fresh, else concurrent reads share one in-flight upstream read
 * (single-flight, across replicas too with a shared cache).
 *
 * When the TTL runs out under load, the first read refreshes and waits; reads arriving during that one
 * upstream call get the last state at once instead of all stalling behind it (each TTL would otherwise
 * stall every client for a WeChat round trip), as long as no change came since. A refresh that finds the
 * same state keeps the previous state object, so what was computed from it (kept answers) stays valid.
 *
 * A shared cache that cannot be reached is ridden out: reads go to WeChat (still shared in-process) and
 * are not kept.
 */
export class ReadPath<S> {
  readonly key: string;
  readonly #options: ReadPathOptions<S>;
  #inFlight: Promise<S> | undefined;
  /** Bumped by every change: a read in flight from before it is not joined by reads that start after it. */
  #generation = 0;
  #storeDown = false;

  constructor(options: ReadPathOptions<S>) {
    this.key = options.key;
    this.#options = options;
  }

  /**
   * The state a read would get at once as this process knows it, without I/O: the fresh cached one;
   * undefined otherwise, and always with the cache off.
   */
  peek(): S | undefined {
    if (this.#options.ttlMs <= 0) return undefined;
    return this.#options.cache.peek();
  }

  /**
   * The state a read arriving now would get without an upstream call: the fresh kept one, or the last
   * one while a refresh is in flight; undefined otherwise (always with the cache off, and while a shared
   * store cannot be reached). Synchronous when the cache can tell without I/O (the fast path's case).
   */
  current(): S | undefined | Promise<S | undefined> {
    if (this.#options.ttlMs <= 0) return undefined;
    const kept = this.#options.cache.current();
    if (!(kept instanceof Promise)) return this.#usable(kept);
    return kept.then(
      (found) => this.#usable(found),
      () => undefined,
    );
  }

  /** A kept state a read may have: a fresh one, or a stale one while a refresh is in flight. */
  #usable(kept: Kept<S> | undefined): S | undefined {
    return kept && (kept.fresh || this.#inFlight) ? kept.state : undefined;
  }

  /** The list's state: cached, or from the one read in flight, or from a new one. */
  async read(observe?: UpstreamObserver): Promise<S> {
    if (this.#options.ttlMs > 0) {
      let kept: Kept<S> | undefined;
      try {
        kept = await this.#options.cache.current();
      } catch (error) {
        this.degraded(error, 'read');
      }
      if (kept?.fresh) return kept.state;
      if (kept && this.#inFlight) return kept.state;
    }
    if (this.#inFlight) return this.#inFlight;
    const generation = this.#generation;
    this.#inFlight = this.#refresh(observe).finally(() => {
      if (generation === this.#generation) this.#inFlight = undefined;
    });
    return this.#inFlight;
  }

  /** One refresh: across replicas, one of them asks WeChat and the others use what it kept. */
  async #refresh(observe: UpstreamObserver | undefined): Promise<S> {
    const { cache, timeoutMs } = this.#options;
    try {
      const shared = await cache.refreshOnce(timeoutMs, () => this.fetch(observe));
      if (shared) return shared;
    } catch (error) {
      // WeChat's answer (or its absence) is the read's; anything else is the shared store's.
      if (error instanceof AppError) throw error;
      this.degraded(error, 'read');
    }
    return this.fetch(observe);
  }

  /** A read of its own (never a cached answer, never one in flight), offered to the cache: a change's fresh read. */
  async fetch(observe?: UpstreamObserver): Promise<S> {
    const { cache, ttlMs } = this.#options;
    let mark: ReadMark | undefined;
    try {
      mark = await cache.mark();
    } catch (error) {
      this.degraded(error, 'read');
    }
    const fetched = await this.#options.fetch(observe);
    if (mark === undefined) return fetched;
    try {
      return await cache.offer(fetched, ttlMs, mark);
    } catch (error) {
      this.degraded(error, 'read');
      return fetched;
    }
  }

  /** A change is about to be sent: reads in flight from before may be stale once it is. */
  forgetInFlight(): void {
    this.#generation += 1;
    this.#inFlight = undefined;
  }

  /** A change's state: the next reads get it, here and on every replica. */
  async replace(state: S): Promise<void> {
    await this.#options.cache.replace(state, this.#options.ttlMs).catch((failure: unknown) => this.degraded(failure, 'change'));
  }

  /** A change that may have been applied (the answer was lost): the next read must ask WeChat. */
  async invalidate(): Promise<void> {
    await this.#options.cache.invalidate().catch((failure: unknown) => this.degraded(failure, 'change'));
  }

  /** A shared store failed where the service can do without it: said once per outage, at warn. */
  degraded(error: unknown, what: 'read' | 'change'): void {
    if (this.#storeDown) return;
    this.#storeDown = true;
    setTimeout(() => {
      this.#storeDown = false;
    }, 5_000).unref();
    this.#options.logger?.warn(
      { store: 'shared', list: this.key, err: { type: error instanceof Error ? error.name : typeof error } },
      what === 'read' ? 'shared store unavailable: reads go to WeChat without the shared cache' : 'shared store unavailable',
    );
  }
}
