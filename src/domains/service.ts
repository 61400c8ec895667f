import DataLoader from 'dataloader';
import type { ChangeJournal } from '../stores/change-journal.js';
import type { ReadCache } from '../stores/read-cache.js';
import type { WriteLock } from '../stores/write-lock.js';
import type { ChangeAction, UpstreamObserver, WechatClient } from '../wechat/client.js';
import type { DailyCallQuota } from '../wechat/codec.js';
import { MonthlyQuotaExceededError } from '../wechat/errors.js';
import type { ChangeEntry, NewChangeEntry } from './change-entry.js';
import { failedChange } from './change-outcome.js';
import { DailyCallQuotaReader } from './daily-quota.js';
import { chinaMonth, chinaTimeIso } from './month.js';
import { type ChangePlan, planChange } from './plan.js';
import { MONTHLY_CHANGE_LIMIT, type MonthlyQuota, monthlyQuotaOf } from './quota.js';
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
  /** Where every change is journaled (its month's count comes from there too). */
  readonly journal: ChangeJournal;
  /** Epoch milliseconds (Date.now unless given): journal times, China months, the daily quota's minute. */
  readonly clock?: () => number;
  /** Changes a month the local quota guard allows; MONTHLY_CHANGE_LIMIT (WeChat's 50) unless given. */
  readonly monthlyLimit?: number;
  /** Told of every entry once it is journaled (metrics). */
  readonly onJournaled?: (entry: ChangeEntry) => void;
}

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
  readonly #clock: () => number;
  readonly #daily: DailyCallQuotaReader;

  constructor(options: ServerDomainsServiceOptions) {
    this.#options = options;
    this.client = options.client;
    this.#now = options.now ?? (() => performance.now());
    this.#clock = options.clock ?? Date.now;
    this.#daily = new DailyCallQuotaReader(options.client, this.#clock);
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
   * One change at a time per platform: concurrent mutations queue instead of interleaving. Within the
   * lock: a fresh `get` (started now, after the change was requested: never a cached answer, never one
   * in flight), then a no-op answers with that state and sends nothing; a spent month refuses locally;
   * anything else goes to WeChat. Every outcome is journaled before the answer is returned, and a
   * failure is rethrown as the typed error the caller gets.
   */
  change(action: ChangeAction, domains: readonly string[], publishTogether: boolean, request: ChangeRequest): Promise<ChangeResult> {
    return this.#options.writeLock.run(PLATFORM, async () => {
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

      let before: ServerDomainsState;
      try {
        before = await this.#freshRead(request.observe);
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
        this.#last = undefined;
        await this.#options.readCache.delete(PLATFORM);
        return refuse(error);
      } finally {
        this.#generation += 1;
        this.#inFlight = undefined;
      }
      await this.#remember(state);
      const entry = await journal({ effect: 'APPLIED', outcome: 'ServerDomains', errcode: null }, state);
      return { state, entry };
    });
  }

  /** A `get` of its own (no cache, no sharing), remembered like any read: an unchanged state keeps its object. */
  async #freshRead(observe: UpstreamObserver | undefined): Promise<ServerDomainsState> {
    const fetched = await this.client.getServerDomains(observe);
    const previous = this.#last?.state;
    const state = previous && sameState(previous, fetched) ? previous : fetched;
    await this.#remember(state);
    return state;
  }

  async #journal(entry: NewChangeEntry): Promise<ChangeEntry> {
    const stored = await this.#options.journal.append(entry);
    this.#options.onJournaled?.(stored);
    return stored;
  }
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
