import DataLoader from 'dataloader';
import type { Logger } from 'pino';
import { AppError } from '../errors.js';
import { failSpan, inSpan, startSpan } from '../observability/tracing.js';
import type { ChangeJournal } from '../stores/change-journal.js';
import { SharedStoreUnavailableError } from '../stores/errors.js';
import type { Kept, ReadCache, ReadMark } from '../stores/read-cache.js';
import { LockUnavailableError, type WriteLock } from '../stores/write-lock.js';
import type { ChangeAction, UpstreamObserver, WechatClient } from '../wechat/client.js';
import type { DailyCallQuota } from '../wechat/codec.js';
import { MonthlyQuotaExceededError, UpstreamUnavailableError } from '../wechat/errors.js';
import type { ChangeEntry, NewChangeEntry } from './change-entry.js';
import { failedChange } from './change-outcome.js';
import { DailyCallQuotaReader } from './daily-quota.js';
import { chinaMonth, chinaTimeIso } from './month.js';
import { type ChangePlan, planChange } from './plan.js';
import { MONTHLY_CHANGE_LIMIT, type MonthlyQuota, monthlyQuotaOf } from './quota.js';
import type { ServerDomainsState } from './state.js';

/** The key of this service's one platform, for the loader, the cache and the lock. */
const PLATFORM = 'platform';

export interface ServerDomainsServiceOptions {
  readonly client: WechatClient;
  readonly writeLock: WriteLock;
  /** Keeps the last read (and, with a stale fallback while a refresh is in flight, its grace). */
  readonly readCache: ReadCache;
  /** How long a successful read is served from the cache; 0 turns the cache off (single-flight stays). */
  readonly cacheTtlMs: number;
  /**
   * WECHAT_TIMEOUT_MS, the budget of one WeChat call: how long a change waits for the lock (and a read for
   * another replica's refresh); a change's lease is twice this and 5 s (its fresh read and the change).
   */
  readonly timeoutMs: number;
  /** Where every change is journaled (its month's count comes from there too). */
  readonly journal: ChangeJournal;
  /** Epoch milliseconds (Date.now unless given): journal times, China months, the daily quota's minute. */
  readonly clock?: () => number;
  /** Changes a month the local quota guard allows; MONTHLY_CHANGE_LIMIT (WeChat's 50) unless given. */
  readonly monthlyLimit?: number;
  /** Told of every entry once it is journaled (metrics). */
  readonly onJournaled?: (entry: ChangeEntry) => void;
  /** Where a failure of the shared store that the service rides out (degraded) is told. */
  readonly logger?: Pick<Logger, 'warn'>;
}

/**
 * How long after its TTL the last state may still be handed out while a refresh is in flight: no state
 * older than twice the TTL, and a refresh (retries included) ends within the timeout anyway.
 */
export const refreshGraceMs = (cacheTtlMs: number, timeoutMs: number): number => Math.min(cacheTtlMs, timeoutMs);

/** Who asked for a change, and who hears of its upstream calls. */
export interface ChangeRequest {
  /** The token's `sub`; null when authentication is off. */
  readonly caller: string | null;
  readonly observe?: UpstreamObserver;
}

/** A change's answer: the state it left (or found, for a no-op) and its journal entry. */
export interface ChangeResult {
  readonly state: ServerDomainsState;
  readonly entry: ChangeEntry;
}

/** What a change would do, computed without making it. */
export interface ChangePreview extends ChangePlan {
  /** The month's remaining changes after it (a no-op spends none). */
  readonly remainingThisMonth: number;
}

/**
 * What resolvers call. Reads: served from the cache while fresh, else concurrent requests share one
 * in-flight upstream `get` (single-flight, across replicas too with a shared cache). Changes: one at a
 * time, and their returned state replaces the cached one at once. `forRequest` adds a per-request
 * DataLoader on top.
 *
 * When the TTL runs out under load, the first read refreshes and waits; reads arriving during that one
 * upstream call get the last state at once instead of all stalling behind it (each TTL would otherwise
 * stall every client for a WeChat round trip), as long as no change came since. A refresh that finds the
 * same domains keeps the previous state object, so what was computed from it (the fast path's answers)
 * stays valid.
 *
 * A shared cache that cannot be reached is ridden out: reads go to WeChat (still shared in-process) and
 * are not kept; changes are refused before anything is sent (the lock is the shared store's).
 */
export class ServerDomainsService {
  readonly client: WechatClient;
  readonly #options: ServerDomainsServiceOptions;
  #inFlight: Promise<ServerDomainsState> | undefined;
  /** Bumped by every change: a read in flight from before it is not joined by reads that start after it. */
  #generation = 0;
  readonly #clock: () => number;
  readonly #daily: DailyCallQuotaReader;

  constructor(options: ServerDomainsServiceOptions) {
    this.#options = options;
    this.client = options.client;
    this.#clock = options.clock ?? Date.now;
    this.#daily = new DailyCallQuotaReader(options.client, this.#clock);
  }

  /**
   * The state a read would get at once as this process knows it, without I/O: the fresh cached one;
   * undefined otherwise, and always with the cache off. (For what a read arriving now may be answered
   * with, against a shared store too, see `current`.)
   */
  peek(): ServerDomainsState | undefined {
    if (this.#options.cacheTtlMs <= 0) return undefined;
    return this.#options.readCache.peek();
  }

  /**
   * The state a read arriving now would get without an upstream call: the fresh kept one, or the last
   * one while a refresh is in flight; undefined otherwise (always with the cache off, and while a shared
   * store cannot be reached). Synchronous when the cache can tell without I/O (the fast path's case).
   */
  current(): ServerDomainsState | undefined | Promise<ServerDomainsState | undefined> {
    if (this.#options.cacheTtlMs <= 0) return undefined;
    const kept = this.#options.readCache.current();
    if (!(kept instanceof Promise)) return this.#usable(kept);
    return kept.then(
      (found) => this.#usable(found),
      () => undefined,
    );
  }

  /** A kept state a read may have: a fresh one, or a stale one while a refresh is in flight. */
  #usable(kept: Kept | undefined): ServerDomainsState | undefined {
    return kept && (kept.fresh || this.#inFlight) ? kept.state : undefined;
  }

  /** The platform's state: cached, or from the one `get` in flight, or from a new one. */
  async read(observe?: UpstreamObserver): Promise<ServerDomainsState> {
    if (this.#options.cacheTtlMs > 0) {
      let kept: Kept | undefined;
      try {
        kept = await this.#options.readCache.current();
      } catch (error) {
        this.#degraded(error, 'read');
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
  async #refresh(observe: UpstreamObserver | undefined): Promise<ServerDomainsState> {
    const { readCache, timeoutMs } = this.#options;
    try {
      const shared = await readCache.refreshOnce(timeoutMs, () => this.#fetch(observe));
      if (shared) return shared;
    } catch (error) {
      if (isWechatOutcome(error)) throw error;
      this.#degraded(error, 'read');
    }
    return this.#fetch(observe);
  }

  /** A `get` of its own (never a cached answer, never one in flight), offered to the cache. */
  async #fetch(observe: UpstreamObserver | undefined): Promise<ServerDomainsState> {
    const { readCache, cacheTtlMs } = this.#options;
    let mark: ReadMark | undefined;
    try {
      mark = await readCache.mark();
    } catch (error) {
      this.#degraded(error, 'read');
    }
    const fetched = await this.client.getServerDomains(observe);
    if (mark === undefined) return fetched;
    try {
      return await readCache.offer(fetched, cacheTtlMs, mark);
    } catch (error) {
      this.#degraded(error, 'read');
      return fetched;
    }
  }

  /** A shared store failed where the service can do without it: said once per outage, at warn. */
  #degraded(error: unknown, what: 'read' | 'change'): void {
    if (this.#storeDown) return;
    this.#storeDown = true;
    setTimeout(() => {
      this.#storeDown = false;
    }, 5_000).unref();
    this.#options.logger?.warn(
      { store: 'shared', err: { type: error instanceof Error ? error.name : typeof error } },
      what === 'read' ? 'shared store unavailable: reads go to WeChat without the shared cache' : 'shared store unavailable',
    );
  }

  #storeDown = false;

  /** `observe` hears of each upstream call the request makes (for its log line). */
  forRequest(observe?: RequestObserver): RequestServerDomains {
    return new RequestServerDomains(this, observe);
  }

  /** The month's changes (China time), as counted from the journal. */
  async monthlyQuota(): Promise<MonthlyQuota> {
    const month = chinaMonth(this.#clock());
    const entries = await this.#options.journal.between(month.start, month.end);
    return monthlyQuotaOf(entries, this.#options.monthlyLimit ?? MONTHLY_CHANGE_LIMIT, month);
  }

  /** Journal entries, newest first, after the entry `after` names (UnknownCursorError if none). */
  changes(limit: number, after?: string): Promise<readonly ChangeEntry[]> {
    return this.#options.journal.page(limit, after);
  }

  /** WeChat's daily call counts of modify_wxa_server_domain, asked at most once a minute. */
  dailyCallQuota(observe?: UpstreamObserver): Promise<DailyCallQuota> {
    return this.#daily.get(observe);
  }

  /**
   * One change at a time per platform (across replicas with a shared lock): concurrent mutations queue
   * instead of interleaving. Within the lock: a fresh `get` (started now, after the change was requested:
   * never a cached answer, never one in flight), then a no-op answers with that state and sends nothing;
   * a spent month refuses locally; anything else goes to WeChat. Every outcome is journaled before the
   * answer is returned, and a failure is rethrown as the typed error the caller gets. A lock that cannot be
   * had in time (another change holds it, or the shared store is unreachable) sends nothing.
   */
  change(action: ChangeAction, domains: readonly string[], publishTogether: boolean, request: ChangeRequest): Promise<ChangeResult> {
    // --- tracing (issue 19): the change as a span; its lock wait, fresh read and WeChat call are children ---
    return inSpan('server-domains change', { 'wechat.action': action, 'server_domains.count': domains.length }, () =>
      this.#change(action, domains, publishTogether, request),
    );
  }

  async #change(action: ChangeAction, domains: readonly string[], publishTogether: boolean, request: ChangeRequest): Promise<ChangeResult> {
    const journal = (outcome: Pick<NewChangeEntry, 'effect' | 'outcome' | 'errcode'>, after: ServerDomainsState | undefined) =>
      this.#journal({
        at: new Date(this.#clock()).toISOString(),
        caller: request.caller,
        action,
        domains,
        publishTogether,
        ...outcome,
        testing: after ? after.testing : null,
        published: after ? after.published : null,
      });
    const refuse = async (error: unknown, outcome = failedChange(error)): Promise<never> => {
      await journal(outcome, undefined);
      throw error;
    };
    const { timeoutMs } = this.#options;
    const lockWait = startSpan('server-domains lock wait'); // tracing: ends when the lock is had, or refused
    const run = async (): Promise<ChangeResult> => {
      lockWait?.end();
      let before: ServerDomainsState;
      try {
        before = await inSpan('server-domains fresh read', {}, () => this.#fetch(request.observe)); // tracing
      } catch (error) {
        return refuse(error);
      }
      if (planChange(before, action, domains, publishTogether).noOp) {
        const entry = await journal({ effect: 'NO_OP', outcome: 'ServerDomains', errcode: null }, before);
        return { state: before, entry };
      }
      const quota = await this.monthlyQuota();
      // Refused here: no errcode of WeChat's (so the entry is never mistaken for WeChat's own 45104).
      if (quota.remaining <= 0)
        return refuse(localQuotaError(quota), { effect: 'REFUSED', outcome: 'MonthlyQuotaExceededError', errcode: null });

      let state: ServerDomainsState;
      // Whatever happens at WeChat, reads in flight from before may be stale now.
      this.#generation += 1;
      this.#inFlight = undefined;
      try {
        state = await this.client.changeServerDomains(action, domains, publishTogether, request.observe);
      } catch (error) {
        // The change may have been applied (the answer was lost): the next read must ask WeChat.
        await this.#options.readCache.invalidate().catch((failure: unknown) => this.#degraded(failure, 'change'));
        return refuse(error);
      } finally {
        this.#generation += 1;
        this.#inFlight = undefined;
      }
      await this.#options.readCache.replace(state, this.#options.cacheTtlMs).catch((failure: unknown) => this.#degraded(failure, 'change'));
      const entry = await journal({ effect: 'APPLIED', outcome: 'ServerDomains', errcode: null }, state);
      return { state, entry };
    };
    try {
      return await this.#options.writeLock.run(PLATFORM, run, { waitMs: timeoutMs, leaseMs: 2 * timeoutMs + 5_000 });
    } catch (error) {
      const refused = lockRefusal(error);
      if (!refused) throw error;
      failSpan(lockWait, refused); // tracing
      lockWait?.end();
      return refuse(refused);
    }
  }

  async #journal(entry: NewChangeEntry): Promise<ChangeEntry> {
    const stored = await this.#options.journal.append(entry);
    this.#options.onJournaled?.(stored);
    return stored;
  }
}

/** An error that is WeChat's answer (or its absence), not the shared store's: a read gets it as it is. */
const isWechatOutcome = (error: unknown): boolean => error instanceof AppError;

/** Why a change could not take the lock, as the UpstreamUnavailableError its caller gets (nothing was sent). */
function lockRefusal(error: unknown): UpstreamUnavailableError | undefined {
  if (error instanceof LockUnavailableError) {
    return new UpstreamUnavailableError(
      'another change is in progress',
      false,
      'Another change of the server domains is still in progress, on this or another replica. Nothing was sent to WeChat; try again shortly.',
    );
  }
  if (error instanceof SharedStoreUnavailableError) {
    return new UpstreamUnavailableError(
      'the shared store is unreachable',
      false,
      'The shared store (Redis) that serialises changes across replicas is unreachable, so no change can be made safely. Nothing was sent to WeChat; try again shortly.',
    );
  }
  return undefined;
}

/** The local guard's refusal: the same type and errcode as WeChat's 45104, in words that say whose count it is. */
function localQuotaError(quota: MonthlyQuota): MonthlyQuotaExceededError {
  const resets = chinaTimeIso(quota.month.end);
  if (quota.exhaustedAtWechat) {
    return new MonthlyQuotaExceededError(
      `not sent by wxa-server-domains: WeChat answered 45104 earlier this month; the month ends ${resets}`,
      `WeChat has already said this month's server-domain changes are used up, so this change was not sent. Nothing was changed; try again after ${resets}.`,
    );
  }
  return new MonthlyQuotaExceededError(
    `not sent by wxa-server-domains: its own count of this month's changes reached ${quota.limit} (changes made elsewhere are not counted); the month ends ${resets}`,
    `This service has counted ${quota.changes} of the ${quota.limit} server-domain changes allowed this month, so this change was not sent. Nothing was changed; try again after ${resets}.`,
  );
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

  /**
   * Applies a change (or finds it a no-op); its state replaces what this request had read, so later
   * reads see it. The answer is a new object carrying the journal entry: the state object itself is
   * shared (cache, fast path) and never gets per-change data.
   */
  async change(
    action: ChangeAction,
    domains: readonly string[],
    publishTogether: boolean,
    caller: string | null,
  ): Promise<ServerDomainsState & { readonly change: ChangeEntry }> {
    const { state, entry } = await this.#service.change(action, domains, publishTogether, { caller, observe: this.#observe?.upstream });
    this.#loader.clear(PLATFORM).prime(PLATFORM, state);
    return { ...state, change: entry };
  }

  /** This request's answer depends on more than the domain state: nothing may keep it (the fast path included). */
  volatile(): void {
    this.#observe?.volatile?.();
  }

  /** The month's changes as counted from the journal. */
  monthlyQuota(): Promise<MonthlyQuota> {
    this.volatile();
    return this.#service.monthlyQuota();
  }

  /** Journal entries, newest first (see ServerDomainsService.changes). */
  changes(limit: number, after?: string): Promise<readonly ChangeEntry[]> {
    this.volatile();
    return this.#service.changes(limit, after);
  }

  dailyCallQuota(): Promise<DailyCallQuota> {
    this.volatile();
    return this.#service.dailyCallQuota(this.#observe?.upstream);
  }

  /** What a change would do, from the state a read would answer (cached is fine): nothing is sent or journaled. */
  async preview(action: ChangeAction, domains: readonly string[], publishTogether: boolean): Promise<ChangePreview> {
    this.volatile();
    const [state, quota] = await Promise.all([this.read(), this.#service.monthlyQuota()]);
    const plan = planChange(state, action, domains, publishTogether);
    return { ...plan, remainingThisMonth: plan.noOp ? quota.remaining : Math.max(0, quota.remaining - 1) };
  }
}
