import DataLoader from 'dataloader';
import type { ChangeAction, JournalEntry } from './change-entry.js';
import type { ChangeFlow } from './change-flow.js';
import type { MonthlyQuota } from './quota.js';
import type { ReadPath } from './read-path.js';
import type { DailyCallQuota, UpstreamObserver } from './upstream.js';

/** What a request's log line (and the kept answers) learn of its reads and upstream calls. */
export interface RequestObserver {
  readonly upstream?: UpstreamObserver;
  /** A read's outcome: the read path and the state it returned, or undefined when it failed. */
  readonly read?: (path: ReadPath<unknown>, state: unknown) => void;
}

/** One read path as a request sees it: any number of reads in one request make one (DataLoader). */
export class RequestRead<S> {
  readonly #loader: DataLoader<string, S>;
  readonly #path: ReadPath<S>;

  constructor(path: ReadPath<S>, observe: RequestObserver | undefined) {
    this.#path = path;
    this.#loader = new DataLoader(async (keys) => {
      try {
        const state = await path.read(observe?.upstream);
        observe?.read?.(path as ReadPath<unknown>, state);
        return keys.map(() => state);
      } catch (error) {
        observe?.read?.(path as ReadPath<unknown>, undefined);
        throw error;
      }
    });
  }

  read(): Promise<S> {
    return this.#loader.load(this.#path.key);
  }

  /** A change's state replaces what this request had read, so its later reads see it. */
  prime(state: S): void {
    this.#loader.clear(this.#path.key).prime(this.#path.key, state);
  }
}

/** A list as a request sees it: its reads shared within the request, its changes, journal and quota. */
export class RequestList<S, C extends { readonly action: ChangeAction }, D> extends RequestRead<S> {
  readonly #flow: ChangeFlow<S, C, D>;
  readonly #observe: RequestObserver | undefined;

  constructor(flow: ChangeFlow<S, C, D>, observe: RequestObserver | undefined) {
    super(flow.reads, observe);
    this.#flow = flow;
    this.#observe = observe;
  }

  /**
   * Applies a change (or finds it a no-op). The answer is a new object carrying the journal entry: the
   * state object itself is shared (cache, kept answers) and never gets per-change data.
   */
  async change(change: C, caller: string | null): Promise<S & { readonly change: JournalEntry<D> }> {
    const { state, entry } = await this.#flow.change(change, { caller, observe: this.#observe?.upstream });
    this.prime(state);
    return { ...state, change: entry };
  }

  /** The month's changes as counted from the journal. */
  monthlyQuota(): Promise<MonthlyQuota> {
    return this.#flow.monthlyQuota();
  }

  /** Journal entries, newest first (see ChangeFlow.changes). */
  changes(limit: number, after?: string): Promise<readonly JournalEntry<D>[]> {
    return this.#flow.changes(limit, after);
  }

  dailyCallQuota(): Promise<DailyCallQuota> {
    return this.#flow.dailyCallQuota(this.#observe?.upstream);
  }
}
