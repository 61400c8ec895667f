import { UnknownCursorError } from '../domains/errors.js';
import { chinaMonth } from '../domains/month.js';
import type { ChangeJournal, DatedEntry } from '../domains/ports.js';

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
const idTime = (entry: DatedEntry): number => Number(entry.id.slice(0, entry.id.indexOf('-')));

/**
 * In memory, for simulator mode and tests; the file journal keeps its entries in one of these too.
 * Entries are ordered by id; the oldest go once they are older than the retention.
 */
export class MemoryChangeJournal<E extends DatedEntry> implements ChangeJournal<E> {
  /** Oldest first. */
  readonly #entries: E[] = [];
  /** id → its position counted from the first entry ever kept, so a lookup survives dropping old ones. */
  readonly #ordinals = new Map<string, number>();
  #dropped = 0;
  #last: readonly [number, number] = [0, -1];

  async append(entry: Omit<E, 'id'>): Promise<E> {
    const full = this.withNextId(entry);
    this.insert(full);
    return full;
  }

  /** The entry with the id it would get now (the file journal writes it before inserting it). */
  withNextId(entry: Omit<E, 'id'>): E {
    const at = Date.parse(entry.at);
    // As Redis streams do: the time part never goes backwards, the sequence tells entries of one ms apart.
    const [lastMs, lastSeq] = this.#last;
    const id = at > lastMs ? `${at}-0` : `${lastMs}-${lastSeq + 1}`;
    return { id, ...entry } as E;
  }

  /** Keeps an entry that already has its id (appended, or read back from a file); ids must increase. */
  insert(entry: E): void {
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
  all(): readonly E[] {
    return this.#entries;
  }

  async page(limit: number, after?: string): Promise<readonly E[]> {
    let end = this.#entries.length;
    if (after !== undefined) {
      const ordinal = this.#ordinals.get(after);
      if (ordinal === undefined) throw new UnknownCursorError(`no change journal entry has the id ${JSON.stringify(after)}`);
      end = ordinal - this.#dropped;
    }
    return this.#entries.slice(Math.max(0, end - limit), end).reverse();
  }

  async between(fromMs: number, toMs: number): Promise<readonly E[]> {
    // Newest first until the range starts: a month's entries are at the end.
    const found: E[] = [];
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
