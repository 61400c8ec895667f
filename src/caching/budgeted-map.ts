/**
 * A Map within a byte budget, oldest entry out first (a Map iterates in insertion order). Each entry's
 * cost is given by its owner, who knows what it holds. A lookup is a plain Map.get: this is on the hot path.
 */
export class BudgetedMap<V> {
  readonly #entries = new Map<string, { value: V; cost: number }>();
  readonly #budget: number;
  #bytes = 0;

  constructor(budgetBytes: number) {
    this.#budget = budgetBytes;
  }

  get(key: string): V | undefined {
    return this.#entries.get(key)?.value;
  }

  has(key: string): boolean {
    return this.#entries.has(key);
  }

  /** Keeps `value` (replacing what `key` held), the oldest entries out to make room; nothing when `cost` exceeds the whole budget. */
  set(key: string, value: V, cost: number): void {
    this.delete(key);
    if (cost > this.#budget) return;
    for (const [oldest] of this.#entries) {
      if (this.#bytes + cost <= this.#budget) break;
      this.delete(oldest);
    }
    this.#entries.set(key, { value, cost });
    this.#bytes += cost;
  }

  delete(key: string): void {
    const entry = this.#entries.get(key);
    if (!entry) return;
    this.#entries.delete(key);
    this.#bytes -= entry.cost;
  }

  /** Bytes held, as counted against the budget. */
  get bytes(): number {
    return this.#bytes;
  }

  get size(): number {
    return this.#entries.size;
  }
}
