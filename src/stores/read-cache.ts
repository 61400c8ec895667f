import type { Kept, ReadCache, ReadMark } from '../domains/ports.js';

/**
 * The in-process ReadCache: the last state and when it was kept (it stays after its TTL, as the stale
 * fallback and so that an unchanged refresh keeps its object), and a generation counter for the marks.
 */
export class MemoryReadCache<S> implements ReadCache<S> {
  readonly #now: () => number;
  readonly #graceMs: number;
  /** Two states with the same content (an unchanged refresh keeps the kept object). */
  readonly #same: (a: S, b: S) => boolean;
  /** The state, when it was kept, and its two answers to `current` (made once: a cached read allocates nothing). */
  #entry: { readonly at: number; readonly ttlMs: number; readonly fresh: Kept<S>; readonly stale: Kept<S> } | undefined;
  /** Bumped by `replace` and `invalidate`. */
  #generation = 0;

  /** `graceMs`: how long after its TTL a state is still handed out as stale (0: never). */
  constructor(options: { same: (a: S, b: S) => boolean; now?: () => number; graceMs?: number }) {
    this.#now = options.now ?? (() => performance.now());
    this.#graceMs = options.graceMs ?? 0;
    this.#same = options.same;
  }

  peek(): S | undefined {
    const entry = this.#entry;
    return entry && this.#now() - entry.at < entry.ttlMs ? entry.fresh.state : undefined;
  }

  current(): Kept<S> | undefined {
    const entry = this.#entry;
    if (!entry || entry.ttlMs <= 0) return undefined;
    const age = this.#now() - entry.at;
    if (age < entry.ttlMs) return entry.fresh;
    return this.#graceMs > 0 && age <= entry.ttlMs + this.#graceMs ? entry.stale : undefined;
  }

  async mark(): Promise<ReadMark> {
    return String(this.#generation);
  }

  async offer(state: S, ttlMs: number, mark: ReadMark): Promise<S> {
    if (mark !== String(this.#generation)) return state;
    const kept = this.#entry?.fresh.state;
    const chosen = kept !== undefined && this.#same(kept, state) ? kept : state;
    this.#keep(chosen, ttlMs);
    return chosen;
  }

  async replace(state: S, ttlMs: number): Promise<void> {
    this.#generation += 1;
    this.#keep(state, ttlMs);
  }

  async invalidate(): Promise<void> {
    this.#generation += 1;
    this.#entry = undefined;
  }

  refreshOnce(_waitMs: number, refresh: () => Promise<S>): Promise<S> {
    return refresh();
  }

  #keep(state: S, ttlMs: number): void {
    this.#entry = { at: this.#now(), ttlMs, fresh: { state, fresh: true }, stale: { state, fresh: false } };
  }
}
