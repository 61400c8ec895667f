import { LRUCache } from 'lru-cache';

/** Keys seen once, in bytes of their text, by default. */
export const SEEN_BUDGET_BYTES = 1024 * 1024;

/**
 * Admission on the second sighting: most requests that are not repeats never come again, and keeping
 * what they produced (an answer, a parsed document) costs more than it saves, and lets a stream of
 * unique requests push out what the repeated ones need. Remembers keys seen once, oldest out first,
 * within a byte budget of their text.
 */
export class SeenOnce {
  readonly #seen: LRUCache<string, true>;

  constructor(budgetBytes = SEEN_BUDGET_BYTES) {
    this.#seen = new LRUCache<string, true>({ maxSize: budgetBytes, sizeCalculation: (_, key) => Math.max(1, key.length) });
  }

  /** Whether `key` was seen before (and is forgotten now); remembers it otherwise. */
  again(key: string): boolean {
    if (this.#seen.delete(key)) return true;
    this.#seen.set(key, true);
    return false;
  }
}
