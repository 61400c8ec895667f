import type { ChangeJournal, DatedEntry } from '../domains/ports.js';

/**
 * A journal opened on first use (a Mini Program's file in DATA_DIR: hundreds of Mini Programs, most never
 * changed, need not each hold a file open from the start). An open that fails is tried again next time.
 */
export class LazyChangeJournal<E extends DatedEntry> implements ChangeJournal<E> {
  readonly #open: () => Promise<ChangeJournal<E> & { close?(): Promise<void> }>;
  #journal: Promise<ChangeJournal<E> & { close?(): Promise<void> }> | undefined;

  constructor(open: () => Promise<ChangeJournal<E> & { close?(): Promise<void> }>) {
    this.#open = open;
  }

  append(entry: Omit<E, 'id'>): Promise<E> {
    return this.#get().then((journal) => journal.append(entry));
  }

  page(limit: number, after?: string): Promise<readonly E[]> {
    return this.#get().then((journal) => journal.page(limit, after));
  }

  between(fromMs: number, toMs: number): Promise<readonly E[]> {
    return this.#get().then((journal) => journal.between(fromMs, toMs));
  }

  /** Closes the journal if it was ever opened. */
  async close(): Promise<void> {
    const journal = await this.#journal?.catch(() => undefined);
    await journal?.close?.();
  }

  #get() {
    this.#journal ??= this.#open().catch((error: unknown) => {
      this.#journal = undefined;
      throw error;
    });
    return this.#journal;
  }
}
