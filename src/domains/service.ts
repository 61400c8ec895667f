import DataLoader from 'dataloader';
import type { ReadCache } from '../stores/read-cache.js';
import type { WriteLock } from '../stores/write-lock.js';
import type { ChangeAction, UpstreamObserver, WechatClient } from '../wechat/client.js';
import { type ServerDomainsState, sameState } from './state.js';

/** The key of this service's one platform, for the loader, the cache and the lock. */
const PLATFORM = 'platform';

export interface ServerDomainsServiceOptions {
  readonly client: WechatClient;
  readonly writeLock: WriteLock;
  readonly readCache: ReadCache;
  /** How long a successful read is served from the cache; 0 turns the cache off (single-flight stays). */
  readonly cacheTtlMs: number;
  /**
   * Once the TTL is over, how much longer the last state may still be given to reads that arrive while
   * another read is refreshing it (the one that started the refresh waits for it). 0: every read waits.
   * Ignored with the cache off.
   */
  readonly refreshGraceMs?: number;
  /** Milliseconds, for the grace above; performance.now() unless given. */
  readonly now?: () => number;
}

/**
 * What resolvers call. Reads: served from the cache while fresh, else concurrent requests share one
 * in-flight upstream `get` (single-flight). Changes: one at a time, and their returned state replaces the
 * cached one at once. `forRequest` adds a per-request DataLoader on top.
 *
 * When the TTL runs out under load, the first read refreshes and waits; reads arriving during that one
 * upstream call get the last state at once instead of all stalling behind it (each TTL would otherwise
 * stall every client for a WeChat round trip). A refresh that finds the same domains keeps the previous
 * state object, so what was computed from it (the fast path's answers) stays valid.
 */
export class ServerDomainsService {
  readonly client: WechatClient;
  readonly #options: ServerDomainsServiceOptions;
  #inFlight: Promise<ServerDomainsState> | undefined;
  /** Bumped by every change: a read that started before it must not overwrite the cache. */
  #generation = 0;
  /** The last state this process read or wrote, and when; dropped when a change may have applied. */
  #last: { readonly state: ServerDomainsState; readonly at: number } | undefined;
  readonly #now: () => number;

  constructor(options: ServerDomainsServiceOptions) {
    this.#options = options;
    this.client = options.client;
    this.#now = options.now ?? (() => performance.now());
  }

  /**
   * The state a read would get at once, without I/O: the fresh cached one, or the last one while a
   * refresh is in flight (see the class comment); undefined otherwise, and always with the cache off.
   */
  peek(): ServerDomainsState | undefined {
    if (this.#options.cacheTtlMs <= 0) return undefined;
    return this.#options.readCache.peek?.(PLATFORM) ?? (this.#inFlight && this.#lastWithinGrace());
  }

  /** The platform's state: cached, or from the one `get` in flight, or from a new one. */
  async read(observe?: UpstreamObserver): Promise<ServerDomainsState> {
    const { readCache, cacheTtlMs } = this.#options;
    if (cacheTtlMs > 0) {
      const cached = await readCache.get(PLATFORM);
      if (cached) return cached;
    }
    if (this.#inFlight) return this.#lastWithinGrace() ?? this.#inFlight;
    this.#inFlight = this.#fetch(observe);
    return this.#inFlight;
  }

  /** The last state, if the cache is on and it is no older than the TTL plus the grace. */
  #lastWithinGrace(): ServerDomainsState | undefined {
    const { cacheTtlMs, refreshGraceMs = 0 } = this.#options;
    const last = this.#last;
    if (!last || cacheTtlMs <= 0 || refreshGraceMs <= 0) return undefined;
    return this.#now() - last.at <= cacheTtlMs + refreshGraceMs ? last.state : undefined;
  }

  async #fetch(observe: UpstreamObserver | undefined): Promise<ServerDomainsState> {
    const generation = this.#generation;
    const flight = this.client.getServerDomains(observe);
    try {
      const fetched = await flight;
      if (generation !== this.#generation) return fetched;
      // Unchanged: keep the same object, so that answers computed from it stay valid.
      const previous = this.#last?.state;
      const state = previous && sameState(previous, fetched) ? previous : fetched;
      await this.#remember(state);
      return state;
    } finally {
      if (generation === this.#generation) this.#inFlight = undefined;
    }
  }

  /** A state just read or written: the last known one, and the cached one while the TTL runs. */
  async #remember(state: ServerDomainsState): Promise<void> {
    this.#last = { state, at: this.#now() };
    if (this.#options.cacheTtlMs > 0) await this.#options.readCache.set(PLATFORM, state, this.#options.cacheTtlMs);
  }

  /** `observe` hears of each upstream call the request makes (for its log line). */
  forRequest(observe?: RequestObserver): RequestServerDomains {
    return new RequestServerDomains(this, observe);
  }

  /** One change at a time per platform: concurrent mutations queue instead of interleaving. */
  change(
    action: ChangeAction,
    domains: readonly string[],
    publishTogether: boolean,
    observe?: UpstreamObserver,
  ): Promise<ServerDomainsState> {
    return this.#options.writeLock.run(PLATFORM, async () => {
      // Whatever happens at WeChat, reads in flight from before may be stale now.
      this.#generation += 1;
      this.#inFlight = undefined;
      let state: ServerDomainsState;
      try {
        state = await this.client.changeServerDomains(action, domains, publishTogether, observe);
      } catch (error) {
        // The change may have been applied (the answer was lost): the next read must ask WeChat.
        this.#last = undefined;
        await this.#options.readCache.delete(PLATFORM);
        throw error;
      } finally {
        this.#generation += 1;
        this.#inFlight = undefined;
      }
      await this.#remember(state);
      return state;
    });
  }
}

/** What a request's log line (and the fast path) learn of its reads and upstream calls. */
export interface RequestObserver {
  readonly upstream?: UpstreamObserver;
  /** A read's outcome: the state it returned, or undefined when it failed. */
  readonly read?: (state: ServerDomainsState | undefined) => void;
  /**
   * The answer depends on something other than the domain state (the change journal, the month's count,
   * WeChat's daily quota): it must never be kept and served again (the fast path's answers included).
   */
  readonly volatile?: () => void;
}

export class RequestServerDomains {
  readonly #service: ServerDomainsService;
  readonly #observe: RequestObserver | undefined;
  readonly #loader: DataLoader<string, ServerDomainsState>;

  constructor(service: ServerDomainsService, observe: RequestObserver | undefined) {
    this.#service = service;
    this.#observe = observe;
    this.#loader = new DataLoader(async (keys) => {
      try {
        const state = await service.read(observe?.upstream);
        observe?.read?.(state);
        return keys.map(() => state);
      } catch (error) {
        observe?.read?.(undefined);
        throw error;
      }
    });
  }

  read(): Promise<ServerDomainsState> {
    return this.#loader.load(PLATFORM);
  }

  /** Applies a change; its returned state replaces what this request had read, so later reads see it. */
  async change(action: ChangeAction, domains: readonly string[], publishTogether: boolean): Promise<ServerDomainsState> {
    const state = await this.#service.change(action, domains, publishTogether, this.#observe?.upstream);
    this.#loader.clear(PLATFORM).prime(PLATFORM, state);
    return state;
  }
}
