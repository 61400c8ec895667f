import type { ServerDomainsState } from '../domains/state.js';

/**
 * Where a platform's last known server domains are kept between requests. In memory by default;
 * replicas can share a store (e.g. Redis) behind the same interface.
 */
export interface ReadCache {
  get(platform: string): Promise<ServerDomainsState | undefined>;
  /** The fresh entry, synchronously, where the store can tell without I/O (the fast path uses it). */
  peek?(platform: string): ServerDomainsState | undefined;
  set(platform: string, state: ServerDomainsState, ttlMs: number): Promise<void>;
  delete(platform: string): Promise<void>;
}

export class MemoryReadCache implements ReadCache {
  readonly #entries = new Map<string, { state: ServerDomainsState; until: number }>();
  readonly #now: () => number;

  constructor(now: () => number = () => performance.now()) {
    this.#now = now;
  }

  async get(platform: string): Promise<ServerDomainsState | undefined> {
    return this.peek(platform);
  }

  peek(platform: string): ServerDomainsState | undefined {
    const entry = this.#entries.get(platform);
    if (!entry) return undefined;
    if (this.#now() < entry.until) return entry.state;
    this.#entries.delete(platform);
    return undefined;
  }

  async set(platform: string, state: ServerDomainsState, ttlMs: number): Promise<void> {
    this.#entries.set(platform, { state, until: this.#now() + ttlMs });
  }

  async delete(platform: string): Promise<void> {
    this.#entries.delete(platform);
  }
}
