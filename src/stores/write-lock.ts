import { LockUnavailableError } from '../domains/errors.js';
import type { LockOptions, WriteLock } from '../domains/ports.js';

/** Tasks of one key queue one after the other; one that waits longer than its `waitMs` gives up. */
export class MemoryWriteLock implements WriteLock {
  readonly #tails = new Map<string, Promise<unknown>>();

  run<T>(key: string, task: () => Promise<T>, { waitMs }: LockOptions): Promise<T> {
    const previous = this.#tails.get(key) ?? Promise.resolve();
    const turn = new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new LockUnavailableError(waitMs)), waitMs);
      previous.finally(() => {
        clearTimeout(timer);
        resolve();
      });
    });
    // A task whose wait ran out never runs; the next one's turn comes when the one before it is done.
    const result = turn.then(() => task());
    const tail = Promise.all([previous, result.catch(() => undefined)]).then(() => undefined);
    this.#tails.set(key, tail);
    // Forget the key once nothing is queued behind this task.
    void tail.then(() => {
      if (this.#tails.get(key) === tail) this.#tails.delete(key);
    });
    return result;
  }
}
