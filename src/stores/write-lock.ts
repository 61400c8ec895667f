/**
 * Serialises the changes of one platform, so two mutations never interleave their upstream calls.
 * In-process by default; replicas sharing a platform need a shared lock (e.g. Redis) behind the same interface.
 */
export interface WriteLock {
  run<T>(key: string, task: () => Promise<T>): Promise<T>;
}

export class MemoryWriteLock implements WriteLock {
  readonly #tails = new Map<string, Promise<unknown>>();

  run<T>(key: string, task: () => Promise<T>): Promise<T> {
    const previous = this.#tails.get(key) ?? Promise.resolve();
    const result = previous.then(task, task);
    const tail = result.catch(() => undefined);
    this.#tails.set(key, tail);
    // Forget the key once nothing is queued behind this task.
    void tail.then(() => {
      if (this.#tails.get(key) === tail) this.#tails.delete(key);
    });
    return result;
  }
}
