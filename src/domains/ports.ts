/**
 * What the core needs from its stores, as it needs it: the read cache, the change lock and the journal of
 * a list. `stores/` implements each (memory, a file in DATA_DIR, Redis shared by replicas); the core never
 * knows which it has.
 */

/** What a refresh holds while its read is away: a change made since makes its offer void. */
export type ReadMark = string;

/** A kept state, as a read that arrived before the lookup may use it. */
export interface Kept<S> {
  readonly state: S;
  /**
   * Within its TTL. When false, the TTL has run out but no change came since and it is no older than
   * the TTL plus the store's grace: a read may have it while a refresh is in flight, rather than wait.
   */
  readonly fresh: boolean;
}

/**
 * Where one list's last read is kept between requests. The contract every store keeps:
 * - a state is fresh for `ttlMs` (one upstream read per TTL), then usable only as a stale fallback;
 * - read-your-writes: once `replace` or `invalidate` has returned, no read that starts afterwards gets a
 *   state kept before it (a refresh that began before offers in vain), here or on any replica.
 */
export interface ReadCache<S> {
  /**
   * The fresh kept state as this process last knew it, without I/O. Authoritative for a store of one
   * process (memory); a hint otherwise (a shared store may have moved on since).
   */
  peek(): S | undefined;
  /**
   * The kept state a read that arrived before this call may use, or undefined when there is none (the
   * read refreshes). A shared store checks itself after the call, many reads sharing one check; a store
   * that can tell without I/O answers synchronously. Throws when a shared store cannot be reached.
   */
  current(): Kept<S> | undefined | Promise<Kept<S> | undefined>;
  /** Taken before a refresh's read: `offer` keeps what it read only if no change came since. */
  mark(): Promise<ReadMark>;
  /**
   * A refresh's state, kept for `ttlMs` unless `replace` or `invalidate` came after `mark`. Returns the
   * state to use: the kept object itself when it is unchanged (what was computed from it stays valid),
   * else `state`.
   */
  offer(state: S, ttlMs: number, mark: ReadMark): Promise<S>;
  /** A change's state: kept for `ttlMs`, and every refresh marked before it is void. */
  replace(state: S, ttlMs: number): Promise<void>;
  /** A change that may or may not have applied: nothing is kept, and every refresh marked before is void. */
  invalidate(): Promise<void>;
  /**
   * Runs `refresh` unless another replica is refreshing the same list; then waits, at most `waitMs`, for
   * the state that one keeps. Undefined when none came in time (the caller refreshes itself). A store of
   * one process runs `refresh` at once (the core already shares one refresh in-process).
   */
  refreshOnce(waitMs: number, refresh: () => Promise<S>): Promise<S | undefined>;
}

/** How long to wait for the lock, and how long a holder may keep it without proving it is alive. */
export interface LockOptions {
  /** Give up (LockUnavailableError) when the lock cannot be had within this. */
  readonly waitMs: number;
  /**
   * A shared lock's lease: renewed while the task runs, so a holder that dies delays the others by at most
   * this long. Ignored in-process (a process that dies takes its queue with it).
   */
  readonly leaseMs: number;
}

/**
 * Serialises the changes of one list, so two changes never interleave their upstream calls. Keys name the
 * list (each list its own key: a change to one never waits on another's).
 */
export interface WriteLock {
  /** Runs `task` alone for `key`; throws LockUnavailableError (task not run) when it waited `waitMs` in vain. */
  run<T>(key: string, task: () => Promise<T>, options: LockOptions): Promise<T>;
}

/** What every journal entry has, whatever its list: `at` dates it (and its id). */
export interface DatedEntry {
  readonly id: string;
  readonly at: string;
}

/**
 * The journal of one list's changes: one entry per change that passed validation. Small on purpose, so
 * that each store (memory, a file in DATA_DIR, Redis shared by replicas) implements it whole: an id of the
 * form `<epoch ms>-<sequence>` fits a Redis stream (XADD, XREVRANGE, XRANGE, XTRIM MINID).
 */
export interface ChangeJournal<E extends DatedEntry> {
  /** Stores the entry under a new id, greater than every id before it, and returns it with that id. */
  append(entry: Omit<E, 'id'>): Promise<E>;
  /**
   * Up to `limit` entries, newest first: from the newest, or from the one just older than the entry
   * `after` names. Throws UnknownCursorError when `after` names no entry kept.
   */
  page(limit: number, after?: string): Promise<readonly E[]>;
  /**
   * The entries whose id's time lies in [fromMs, toMs), oldest first (a month's, for its count). The id's
   * time is the entry's `at`, or a little later if the clock went back.
   */
  between(fromMs: number, toMs: number): Promise<readonly E[]>;
}

/** A step's span, ended by the core where the step ends (a wait that ends inside another function). */
export interface StepSpan {
  /** Ends it; `failure`: the typed error the caller gets, which marks it as failed. */
  end(failure?: unknown): void;
}

/**
 * Where the core's steps are traced (observability/tracing.ts gives OpenTelemetry's; none without tracing).
 * Attributes name what was done, never what was sent: no token, ticket or secret.
 */
export interface StepTracer {
  /** Runs `fn` in a span named `name`, a child of the active one; a thrown error marks it. */
  inSpan<T>(name: string, attributes: Readonly<Record<string, string | number | boolean>>, fn: () => Promise<T>): Promise<T>;
  /** A span that the caller ends; undefined without tracing. */
  start(name: string): StepSpan | undefined;
}

/** No tracing: every step runs as it is. */
export const UNTRACED: StepTracer = { inSpan: (_name, _attributes, fn) => fn(), start: () => undefined };
