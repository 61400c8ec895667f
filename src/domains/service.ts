import DataLoader from 'dataloader';
import type { ServerDomainsState } from '../wechat/codec.js';
import type { ChangeAction, UpstreamObserver, WechatClient } from '../wechat/client.js';
import type { ReadCache } from './read-cache.js';
import type { WriteLock } from './write-lock.js';

/** The key of this service's one platform, for the loader, the cache and the lock. */
const PLATFORM = 'platform';

export interface ServerDomainsServiceOptions {
  readonly client: WechatClient;
  readonly writeLock: WriteLock;
  readonly readCache: ReadCache;
  /** How long a successful read is served from the cache; 0 turns the cache off (single-flight stays). */
  readonly cacheTtlMs: number;
}

/**
 * What resolvers call. Reads: served from the cache while fresh, else concurrent requests share one
 * in-flight upstream `get` (single-flight). Changes: one at a time, and their returned state replaces the
 * cached one at once. `forRequest` adds a per-request DataLoader on top.
 */
export class ServerDomainsService {
  readonly client: WechatClient;
  readonly #options: ServerDomainsServiceOptions;
  #inFlight: Promise<ServerDomainsState> | undefined;
  /** Bumped by every change: a read that started before it must not overwrite the cache. */
  #generation = 0;

  constructor(options: ServerDomainsServiceOptions) {
    this.#options = options;
    this.client = options.client;
  }

  /** The cached state if fresh and at hand without I/O; undefined otherwise (or with the cache off). */
  peek(): ServerDomainsState | undefined {
    return this.#options.cacheTtlMs > 0 ? this.#options.readCache.peek?.(PLATFORM) : undefined;
  }

  /** The platform's state: cached, or from the one `get` in flight, or from a new one. */
  async read(observe?: UpstreamObserver): Promise<ServerDomainsState> {
    const { readCache, cacheTtlMs } = this.#options;
    if (cacheTtlMs > 0) {
      const cached = await readCache.get(PLATFORM);
      if (cached) return cached;
    }
    this.#inFlight ??= this.#fetch(observe);
    return this.#inFlight;
  }

  async #fetch(observe: UpstreamObserver | undefined): Promise<ServerDomainsState> {
    const generation = this.#generation;
    const flight = this.client.getServerDomains(observe);
    try {
      const state = await flight;
      if (this.#options.cacheTtlMs > 0 && generation === this.#generation) {
        await this.#options.readCache.set(PLATFORM, state, this.#options.cacheTtlMs);
      }
      return state;
    } finally {
      if (generation === this.#generation) this.#inFlight = undefined;
    }
  }

  /** `observe` hears of each upstream call the request makes (for its log line). */
  forRequest(observe?: RequestObserver): RequestServerDomains {
    return new RequestServerDomains(this, observe);
  }

  /** One change at a time per platform: concurrent mutations queue instead of interleaving. */
  change(action: ChangeAction, domains: readonly string[], publishTogether: boolean, observe?: UpstreamObserver): Promise<ServerDomainsState> {
    return this.#options.writeLock.run(PLATFORM, async () => {
      // Whatever happens at WeChat, reads in flight from before may be stale now.
      this.#generation += 1;
      this.#inFlight = undefined;
      let state: ServerDomainsState;
      try {
        state = await this.client.changeServerDomains(action, domains, publishTogether, observe);
      } catch (error) {
        // The change may have been applied (the answer was lost): the next read must ask WeChat.
        await this.#options.readCache.delete(PLATFORM);
        throw error;
      } finally {
        this.#generation += 1;
        this.#inFlight = undefined;
      }
      if (this.#options.cacheTtlMs > 0) await this.#options.readCache.set(PLATFORM, state, this.#options.cacheTtlMs);
      return state;
    });
  }
}

/** What a request's log line (and the fast path) learn of its reads and upstream calls. */
export interface RequestObserver {
  readonly upstream?: UpstreamObserver;
  /** A read's outcome: the state it returned, or undefined when it failed. */
  readonly read?: (state: ServerDomainsState | undefined) => void;
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
