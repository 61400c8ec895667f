import { LRUCache } from 'lru-cache';
import { ChangeFlow } from './change-flow.js';
import type { CachedRead, JournaledList } from './list.js';
import {
  type MiniProgramChangeDetail,
  type MiniProgramChangeEntry,
  type MiniProgramDomainList,
  type MiniProgramServerDomainsChange,
  type MiniProgramServerDomainsState,
  type MiniProgramWebviewDomainsChange,
  type MiniProgramWebviewDomainsState,
  miniProgramServerList,
  miniProgramWebviewList,
} from './mini-program-lists.js';
import type { ChangeJournal, ReadCache, WriteLock } from './ports.js';
import { type DegradedLog, ReadPath } from './read-path.js';
import type { ListUpstream } from './upstream.js';

export type MiniProgramServerFlow = ChangeFlow<MiniProgramServerDomainsState, MiniProgramServerDomainsChange, MiniProgramChangeDetail>;
export type MiniProgramWebviewFlow = ChangeFlow<MiniProgramWebviewDomainsState, MiniProgramWebviewDomainsChange, MiniProgramChangeDetail>;

export interface MiniProgramListsOptions {
  /** Each Mini Program's two lists at WeChat. */
  readonly upstream: {
    server(appId: string): ListUpstream<MiniProgramServerDomainsState, MiniProgramServerDomainsChange>;
    webview(appId: string): ListUpstream<MiniProgramWebviewDomainsState, MiniProgramWebviewDomainsChange>;
  };
  /** A read path's cache (in memory, or shared by replicas). */
  readonly readCache: <S>(read: CachedRead<S>) => ReadCache<S>;
  /**
   * One Mini Program's journal (both its lists: `list` is either's description). Must give the same journal
   * for the same Mini Program every time: it outlives the flows, which are dropped when not used for long.
   */
  readonly journal: (list: JournaledList) => ChangeJournal<MiniProgramChangeEntry>;
  /** The change lock (keys are per Mini Program and list: a change never waits on another Mini Program's). */
  readonly writeLock: WriteLock;
  /** SERVER_DOMAINS_CACHE_TTL_MS, as for every list. */
  readonly ttlMs: number;
  readonly timeoutMs: number;
  /** MINI_PROGRAM_DOMAINS_MONTHLY_LIMIT: each Mini Program's server-domain changes a month (webview: none). */
  readonly monthlyLimit: number;
  readonly clock?: () => number;
  readonly logger?: DegradedLog;
  readonly onJournaled?: (entry: MiniProgramChangeEntry) => void;
  /** How many Mini Programs' flows are kept at once, least recently used out first (default 5000). */
  readonly maxKept?: number;
}

/** One Mini Program's two flows. */
interface Kept {
  readonly server: MiniProgramServerFlow;
  readonly webview: MiniProgramWebviewFlow;
}

export const DEFAULT_MAX_KEPT_MINI_PROGRAMS = 5000;

/**
 * Every authorized Mini Program's two lists on the core: a ChangeFlow and a ReadPath per (appId, list),
 * made on first use and kept in a bounded map (a flow dropped and made again costs one read of WeChat: the
 * journal, the lock and a shared cache are not the flow's).
 */
export class MiniProgramLists {
  readonly #options: MiniProgramListsOptions;
  readonly #kept: LRUCache<string, Kept>;

  constructor(options: MiniProgramListsOptions) {
    this.#options = options;
    this.#kept = new LRUCache<string, Kept>({ max: options.maxKept ?? DEFAULT_MAX_KEPT_MINI_PROGRAMS });
  }

  server(appId: string): MiniProgramServerFlow {
    return this.#of(appId).server;
  }

  webview(appId: string): MiniProgramWebviewFlow {
    return this.#of(appId).webview;
  }

  /**
   * One Mini Program's journal entries, newest first, after the entry `after` names (UnknownCursorError if
   * none); with `list`, that list's only.
   */
  async changes(appId: string, limit: number, after?: string, list?: MiniProgramDomainList): Promise<readonly MiniProgramChangeEntry[]> {
    const flow = this.server(appId);
    if (list === undefined) return flow.changes(limit, after);
    // The journal holds both lists: read pages until `limit` of the one asked for are found, or the journal ends.
    const found: MiniProgramChangeEntry[] = [];
    const batch = Math.max(limit, 50);
    let cursor = after;
    for (;;) {
      const page = await flow.changes(batch, cursor);
      for (const entry of page) {
        if (entry.list === list) found.push(entry);
        if (found.length === limit) return found;
      }
      if (page.length < batch) return found;
      cursor = page.at(-1)!.id;
    }
  }

  #of(appId: string): Kept {
    let kept = this.#kept.get(appId);
    if (!kept) {
      kept = { server: this.#serverFlow(appId), webview: this.#webviewFlow(appId) };
      this.#kept.set(appId, kept);
    }
    return kept;
  }

  #serverFlow(appId: string): MiniProgramServerFlow {
    const list = miniProgramServerList(appId);
    const upstream = this.#options.upstream.server(appId);
    return new ChangeFlow({
      ...this.#common(list),
      list,
      upstream,
      reads: this.#readPath(list, upstream.read),
      monthlyLimit: this.#options.monthlyLimit,
    });
  }

  #webviewFlow(appId: string): MiniProgramWebviewFlow {
    const list = miniProgramWebviewList(appId);
    const upstream = this.#options.upstream.webview(appId);
    return new ChangeFlow({ ...this.#common(list), list, upstream, reads: this.#readPath(list, upstream.read), monthlyLimit: null });
  }

  #common(list: JournaledList) {
    const { writeLock, timeoutMs, clock, onJournaled } = this.#options;
    return {
      writeLock,
      timeoutMs,
      journal: this.#options.journal(list),
      ...(clock ? { clock } : {}),
      ...(onJournaled ? { onJournaled } : {}),
    };
  }

  #readPath<S>(list: { key: string; stores: { cache: string }; same: (a: S, b: S) => boolean }, fetch: ReadPath<S>['fetch']): ReadPath<S> {
    const { ttlMs, timeoutMs, logger } = this.#options;
    return new ReadPath<S>({
      key: list.key,
      fetch,
      cache: this.#options.readCache<S>({ key: list.key, cache: list.stores.cache, same: list.same }),
      ttlMs,
      timeoutMs,
      ...(logger ? { logger } : {}),
    });
  }
}
