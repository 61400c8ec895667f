import type { ChangeAction, ChangeRecord, JournalEntry } from './change-entry.js';
import { failedChange } from './change-outcome.js';
import { DailyCallQuotaReader } from './daily-quota.js';
import {
  type ListWords,
  LockUnavailableError,
  MonthlyQuotaExceededError,
  SharedStoreUnavailableError,
  UpstreamUnavailableError,
} from './errors.js';
import type { ListDescription } from './list.js';
import { chinaMonth, chinaTimeIso } from './month.js';
import { type ChangeJournal, type StepTracer, UNTRACED, type WriteLock } from './ports.js';
import { type MonthlyQuota, monthlyQuotaOf } from './quota.js';
import type { ReadPath } from './read-path.js';
import type { DailyCallQuota, ListUpstream, UpstreamObserver } from './upstream.js';

export interface ChangeFlowOptions<S, C extends { readonly action: ChangeAction }, D> {
  readonly list: ListDescription<S, C, D>;
  readonly upstream: ListUpstream<S, C>;
  /** The list's read path: the fresh read before a change, and where a change's state goes. */
  readonly reads: ReadPath<S>;
  readonly writeLock: WriteLock;
  /** Where every change of the list is journaled (its month's count comes from there too). */
  readonly journal: ChangeJournal<JournalEntry<D>>;
  /**
   * WECHAT_TIMEOUT_MS, the budget of one WeChat call: how long a change waits for the lock; a change's
   * lease is twice this and 5 s (its fresh read and the change).
   */
  readonly timeoutMs: number;
  /** Changes a month the local quota guard allows; null: no limit (nothing refused but after WeChat's 45104). */
  readonly monthlyLimit: number | null;
  /** Epoch milliseconds (Date.now unless given): journal times, China months, the daily quota's minute. */
  readonly clock?: () => number;
  /** Told of every entry once it is journaled (metrics). */
  readonly onJournaled?: (entry: JournalEntry<D>) => void;
  /** Spans of a change and of its lock wait, fresh read and WeChat call; none unless given. */
  readonly tracer?: StepTracer;
}

/** Who asked for a change, and who hears of its upstream calls. */
export interface ChangeRequest {
  /** The token's `sub`; null when authentication is off. */
  readonly caller: string | null;
  readonly observe?: UpstreamObserver;
}

/** A change's answer: the state it left (or found, for a no-op) and its journal entry. */
export interface ChangeResult<S, D> {
  readonly state: S;
  readonly entry: JournalEntry<D>;
}

/**
 * The one change flow of every list. One change at a time per list (across replicas with a shared lock):
 * concurrent changes queue instead of interleaving. Within the lock: a fresh read (started now, after the
 * change was requested: never a cached answer, never one in flight), then a no-op answers with that state
 * and sends nothing; a spent month refuses locally; anything else goes to WeChat. Every outcome is
 * journaled before the answer is returned, and a failure is rethrown as the typed error the caller gets. A
 * lock that cannot be had in time (another change holds it, or the shared store is unreachable) sends nothing.
 */
export class ChangeFlow<S, C extends { readonly action: ChangeAction }, D> {
  readonly list: ListDescription<S, C, D>;
  readonly reads: ReadPath<S>;
  readonly #options: ChangeFlowOptions<S, C, D>;
  readonly #clock: () => number;
  readonly #daily: DailyCallQuotaReader;
  readonly #tracer: StepTracer;

  constructor(options: ChangeFlowOptions<S, C, D>) {
    this.#tracer = options.tracer ?? UNTRACED;
    this.list = options.list;
    this.reads = options.reads;
    this.#options = options;
    this.#clock = options.clock ?? Date.now;
    this.#daily = new DailyCallQuotaReader((observe) => options.upstream.dailyCallQuota(observe), this.#clock);
  }

  /** The month's changes (China time), as counted from the journal. */
  async monthlyQuota(): Promise<MonthlyQuota> {
    const month = chinaMonth(this.#clock());
    const entries = await this.#options.journal.between(month.start, month.end);
    const { counts } = this.list;
    return monthlyQuotaOf(counts ? entries.filter((entry) => counts(entry)) : entries, this.#options.monthlyLimit, month);
  }

  /** Journal entries, newest first, after the entry `after` names (UnknownCursorError if none). */
  changes(limit: number, after?: string): Promise<readonly JournalEntry<D>[]> {
    return this.#options.journal.page(limit, after);
  }

  /** WeChat's daily call counts of the list's API, asked at most once a minute. */
  dailyCallQuota(observe?: UpstreamObserver): Promise<DailyCallQuota> {
    return this.#daily.get(observe);
  }

  /** The change as a span; its lock wait, fresh read and WeChat call are children. */
  change(change: C, request: ChangeRequest): Promise<ChangeResult<S, D>> {
    return this.#tracer.inSpan(`${this.list.key} change`, { 'wechat.action': change.action, list: this.list.key }, () =>
      this.#change(change, request),
    );
  }

  async #change(change: C, request: ChangeRequest): Promise<ChangeResult<S, D>> {
    const { list, reads, upstream, timeoutMs } = this.#options;
    const tracer = this.#tracer;
    const journal = (outcome: Pick<ChangeRecord, 'effect' | 'outcome' | 'errcode'>, after: S | undefined) =>
      this.#journal({
        at: new Date(this.#clock()).toISOString(),
        caller: request.caller,
        action: change.action,
        ...list.detail(change, after),
        ...outcome,
      } as Omit<JournalEntry<D>, 'id'>);
    const refuse = async (error: unknown, outcome = failedChange(error)): Promise<never> => {
      await journal(outcome, undefined);
      throw error;
    };
    // Ends when the lock is had, or refused.
    const lockWait = tracer.start(`${list.key} lock wait`);
    const run = async (): Promise<ChangeResult<S, D>> => {
      lockWait?.end();
      let before: S;
      try {
        before = await tracer.inSpan(`${list.key} fresh read`, {}, () => reads.fetch(request.observe));
      } catch (error) {
        return refuse(error);
      }
      if (list.isNoOp(before, change)) {
        const entry = await journal({ effect: 'NO_OP', outcome: list.outcome, errcode: null }, before);
        return { state: before, entry };
      }
      const quota = await this.monthlyQuota();
      // Refused here: no errcode of WeChat's (so the entry is never mistaken for WeChat's own 45104).
      if (quota.remaining !== null && quota.remaining <= 0)
        return refuse(localQuotaError(quota, list.words), { effect: 'REFUSED', outcome: 'MonthlyQuotaExceededError', errcode: null });

      let state: S;
      // Whatever happens at WeChat, reads in flight from before may be stale now.
      reads.forgetInFlight();
      try {
        state = await upstream.change(list.prepare ? list.prepare(change, before) : change, request.observe);
      } catch (error) {
        // The change may have been applied (the answer was lost): the next read must ask WeChat.
        await reads.invalidate();
        return refuse(error);
      } finally {
        reads.forgetInFlight();
      }
      await reads.replace(state);
      const entry = await journal({ effect: 'APPLIED', outcome: list.outcome, errcode: null }, state);
      return { state, entry };
    };
    try {
      return await this.#options.writeLock.run(list.stores.lock, run, { waitMs: timeoutMs, leaseMs: 2 * timeoutMs + 5_000 });
    } catch (error) {
      const refused = lockRefusal(error, list.words);
      if (!refused) throw error;
      lockWait?.end(refused);
      return refuse(refused);
    }
  }

  async #journal(entry: Omit<JournalEntry<D>, 'id'>): Promise<JournalEntry<D>> {
    const stored = await this.#options.journal.append(entry);
    this.#options.onJournaled?.(stored);
    return stored;
  }
}

/** Why a change could not take the lock, as the UpstreamUnavailableError its caller gets (nothing was sent). */
function lockRefusal(error: unknown, words: ListWords): UpstreamUnavailableError | undefined {
  if (error instanceof LockUnavailableError) {
    return new UpstreamUnavailableError(
      'another change is in progress',
      false,
      `Another change of the ${words.domains} is still in progress, on this or another replica. Nothing was sent to WeChat; try again shortly.`,
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
function localQuotaError(quota: MonthlyQuota, words: ListWords): MonthlyQuotaExceededError {
  const resets = chinaTimeIso(quota.month.end);
  if (quota.exhaustedAtWechat) {
    return new MonthlyQuotaExceededError(
      `not sent by wxa-server-domains: WeChat answered 45104 earlier this month; the month ends ${resets}`,
      `WeChat has already said this month's ${words.change} changes are used up, so this change was not sent. Nothing was changed; try again after ${resets}.`,
    );
  }
  return new MonthlyQuotaExceededError(
    `not sent by wxa-server-domains: its own count of this month's changes reached ${quota.limit} (changes made elsewhere are not counted); the month ends ${resets}`,
    `This service has counted ${quota.changes} of the ${quota.limit} ${words.change} changes allowed this month, so this change was not sent. Nothing was changed; try again after ${resets}.`,
  );
}
