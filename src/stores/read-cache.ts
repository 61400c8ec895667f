import { type ServerDomainsState, sameState } from '../domains/state.js';

/** What a refresh holds while its `get` is away: a change made since makes its offer void. */
export type ReadMark = string;

/** A kept state, as a read that arrived before the lookup may use it. */
export interface Kept {
  readonly state: ServerDomainsState;
  /**
   * Within its TTL. When false, the TTL has run out but no change came since and it is no older than
   * the TTL plus the store's grace: a read may have it while a refresh is in flight, rather than wait.
   */
  readonly fresh: boolean;
}

/**
 * Where the platform's last read is kept between requests, for the service's one platform. In memory by
 * default; replicas share one in Redis. The contract both keep:
 * - a state is fresh for `ttlMs` (one upstream `get` per TTL), then usable only as a stale fallback;
 * - read-your-writes: once `replace` or `invalidate` has returned, no read that starts afterwards gets a
 *   state kept before it (a refresh that began before offers in vain), here or on any replica.
 */
export interface ReadCache {
  /**
   * The fresh kept state as this process last knew it, without I/O. Authoritative for a store of one
   * process (memory); a hint otherwise (a shared store may have moved on since).
   */
  peek(): ServerDomainsState | undefined;
  /**
   * The kept state a read that arrived before this call may use, or undefined when there is none (the
   * read refreshes). A shared store checks itself after the call, many reads sharing one check; a store
   * that can tell without I/O answers synchronously. Throws when a shared store cannot be reached.
   */
  current(): Kept | undefined | Promise<Kept | undefined>;
  /** Taken before a refresh's `get`: `offer` keeps what it read only if no change came since. */
  mark(): Promise<ReadMark>;
  /**
   * A refresh's state, kept for `ttlMs` unless `replace` or `invalidate` came after `mark`. Returns the
   * state to use: the kept object itself when the domains are unchanged (what was computed from it stays
   * valid), else `state`.
   */
  offer(state: ServerDomainsState, ttlMs: number, mark: ReadMark): Promise<ServerDomainsState>;
  /** A change's state: kept for `ttlMs`, and every refresh marked before it is void. */
  replace(state: ServerDomainsState, ttlMs: number): Promise<void>;
  /** A change that may or may not have applied: nothing is kept, and every refresh marked before is void. */
  invalidate(): Promise<void>;
  /**
   * Runs `refresh` unless another replica is refreshing the same platform; then waits, at most `waitMs`,
   * for the state that one keeps. Undefined when none came in time (the caller refreshes itself). A store
   * of one process runs `refresh` at once (the service already shares one refresh in-process).
   */
  refreshOnce(waitMs: number, refresh: () => Promise<ServerDomainsState>): Promise<ServerDomainsState | undefined>;
}

/**
 * The in-process ReadCache: the last state and when it was kept (it stays after its TTL, as the stale
 * fallback and so that an unchanged refresh keeps its object), and a generation counter for the marks.
 */
export class MemoryReadCache implements ReadCache {
  readonly #now: () => number;
  readonly #graceMs: number;
  /** The state, when it was kept, and its two answers to `current` (made once: a cached read allocates nothing). */
  #entry: { readonly at: number; readonly ttlMs: number; readonly fresh: Kept; readonly stale: Kept } | undefined;
  /** Bumped by `replace` and `invalidate`. */
  #generation = 0;

  /** `graceMs`: how long after its TTL a state is still handed out as stale (0: never). */
  constructor(options: { now?: () => number; graceMs?: number } = {}) {
    this.#now = options.now ?? (() => performance.now());
    this.#graceMs = options.graceMs ?? 0;
  }

  peek(): ServerDomainsState | undefined {
    const entry = this.#entry;
    return entry && this.#now() - entry.at < entry.ttlMs ? entry.fresh.state : undefined;
  }

  current(): Kept | undefined {
    const entry = this.#entry;
    if (!entry || entry.ttlMs <= 0) return undefined;
    const age = this.#now() - entry.at;
    if (age < entry.ttlMs) return entry.fresh;
    return this.#graceMs > 0 && age <= entry.ttlMs + this.#graceMs ? entry.stale : undefined;
  }

  async mark(): Promise<ReadMark> {
    return String(this.#generation);
  }

  async offer(state: ServerDomainsState, ttlMs: number, mark: ReadMark): Promise<ServerDomainsState> {
    if (mark !== String(this.#generation)) return state;
    const kept = this.#entry?.fresh.state;
    const chosen = kept && sameState(kept, state) ? kept : state;
    this.#keep(chosen, ttlMs);
    return chosen;
  }

  async replace(state: ServerDomainsState, ttlMs: number): Promise<void> {
    this.#generation += 1;
    this.#keep(state, ttlMs);
  }

  async invalidate(): Promise<void> {
    this.#generation += 1;
    this.#entry = undefined;
  }

  refreshOnce(_waitMs: number, refresh: () => Promise<ServerDomainsState>): Promise<ServerDomainsState> {
    return refresh();
  }

  #keep(state: ServerDomainsState, ttlMs: number): void {
    this.#entry = { at: this.#now(), ttlMs, fresh: { state, fresh: true }, stale: { state, fresh: false } };
  }
}
