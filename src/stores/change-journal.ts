import type { ChangeEntry, NewChangeEntry } from '../domains/change-entry.js';
import { chinaMonth } from '../domains/month.js';

/**
 * The journal of server-domain changes: one entry per change that passed validation. Small on purpose,
 * so that each store (memory, a file in DATA_DIR, Redis shared by replicas) implements it whole: an id
 * of the form `<epoch ms>-<sequence>` fits a Redis stream (XADD, XREVRANGE, XRANGE, XTRIM MINID).
 */
export interface ChangeJournal {
  /** Stores the entry under a new id, greater than every id before it, and returns it with that id. */
  append(entry: NewChangeEntry): Promise<ChangeEntry>;
  /**
   * Up to `limit` entries, newest first: from the newest, or from the one just older than the entry
   * `after` names. Throws UnknownCursorError when `after` names no entry kept.
   */
  page(limit: number, after?: string): Promise<readonly ChangeEntry[]>;
  /**
   * The entries whose id's time lies in [fromMs, toMs), oldest first (a month's, for its count). The id's
   * time is the entry's `at`, or a little later if the clock went back.
   */
  between(fromMs: number, toMs: number): Promise<readonly ChangeEntry[]>;
}

/** A cursor that names no entry: never given out, or so old that the entry is no longer kept. */
export class UnknownCursorError extends Error {
  override name = 'UnknownCursorError';
}

/** Entries are kept at least this many full months (China time) before the current one. */
export const RETENTION_MONTHS = 13;

/** The oldest time still kept when the newest entry is from `epochMs`. */
export const retainedFrom = (epochMs: number): number => chinaMonth(epochMs, RETENTION_MONTHS).start;

/** `1764547200000-0` → [1764547200000, 0]; undefined for anything else. */
function parseId(id: string): readonly [number, number] | undefined {
  const match = /^(\d{1,15})-(\d{1,9})$/.exec(id);
  return match ? [Number(match[1]), Number(match[2])] : undefined;
}

/** The time part of an entry's id. */
const idTime = (entry: ChangeEntry): number => Number(entry.id.slice(0, entry.id.indexOf('-')));

/**
 * In memory, for simulator mode and tests; the file journal keeps its entries in one of these too.
 * Entries are ordered by id; the oldest go once they are older than the retention.
 */
export class MemoryChangeJournal implements ChangeJournal {
  /** Oldest first. */
  readonly #entries: ChangeEntry[] = [];
  /** id → its position counted from the first entry ever kept, so a lookup survives dropping old ones. */
  readonly #ordinals = new Map<string, number>();
  #dropped = 0;
  #last: readonly [number, number] = [0, -1];

  async append(entry: NewChangeEntry): Promise<ChangeEntry> {
    const full = this.withNextId(entry);
    this.insert(full);
    return full;
  }

  /** The entry with the id it would get now (the file journal writes it before inserting it). */
  withNextId(entry: NewChangeEntry): ChangeEntry {
    const at = Date.parse(entry.at);
    // As Redis streams do: the time part never goes backwards, the sequence tells entries of one ms apart.
    const [lastMs, lastSeq] = this.#last;
    const id = at > lastMs ? `${at}-0` : `${lastMs}-${lastSeq + 1}`;
    return { id, ...entry };
  }

  /** Keeps an entry that already has its id (appended, or read back from a file); ids must increase. */
  insert(entry: ChangeEntry): void {
    const parsed = parseId(entry.id);
    const [lastMs, lastSeq] = this.#last;
    if (!parsed || parsed[0] < lastMs || (parsed[0] === lastMs && parsed[1] <= lastSeq)) {
      throw new Error(`change journal ids must increase: ${entry.id} after ${lastMs}-${lastSeq}`);
    }
    this.#last = parsed;
    this.#ordinals.set(entry.id, this.#dropped + this.#entries.length);
    this.#entries.push(entry);
    this.#prune(retainedFrom(parsed[0]));
  }

  /** Every entry kept, oldest first. */
  all(): readonly ChangeEntry[] {
    return this.#entries;
  }

  async page(limit: number, after?: string): Promise<readonly ChangeEntry[]> {
    let end = this.#entries.length;
    if (after !== undefined) {
      const ordinal = this.#ordinals.get(after);
      if (ordinal === undefined) throw new UnknownCursorError(`no change journal entry has the id ${JSON.stringify(after)}`);
      end = ordinal - this.#dropped;
    }
    return this.#entries.slice(Math.max(0, end - limit), end).reverse();
  }

  async between(fromMs: number, toMs: number): Promise<readonly ChangeEntry[]> {
    // Newest first until the range starts: a month's entries are at the end.
    const found: ChangeEntry[] = [];
    for (let i = this.#entries.length - 1; i >= 0; i--) {
      const entry = this.#entries[i]!;
      const at = idTime(entry);
      if (at < fromMs) break;
      if (at < toMs) found.push(entry);
    }
    return found.reverse();
  }

  #prune(keepFrom: number): void {
    let count = 0;
    while (count < this.#entries.length && idTime(this.#entries[count]!) < keepFrom) count += 1;
    if (count === 0) return;
    for (const entry of this.#entries.splice(0, count)) this.#ordinals.delete(entry.id);
    this.#dropped += count;
  }
}
