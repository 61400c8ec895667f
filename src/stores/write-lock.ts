/** How long to wait for the lock, and how long a holder may keep it without proving it is alive. */
export interface LockOptions {
  /** Give up (LockUnavailableError) when the lock cannot be had within this. */
  readonly waitMs: number;
  /**
   * A shared lock's lease: renewed while the task runs, so a holder that dies delays the others by at most
   * this long. Ignored in-process (a process that dies takes its queue with it).
   */
  readonly leaseMs: number;
}

/** The lock stayed taken for longer than the caller would wait: the task did not run. */
export class LockUnavailableError extends Error {
  override name = 'LockUnavailableError';
  constructor(readonly waitedMs: number) {
    super(`the lock stayed taken for ${waitedMs} ms`);
  }
}

/**
 * Serialises the changes of one platform, so two mutations never interleave their upstream calls.
 * In-process by default; replicas sharing a platform share a lock in Redis behind the same interface.
 */
export interface WriteLock {
  /** Runs `task` alone for `key`; throws LockUnavailableError (task not run) when it waited `waitMs` in vain. */
  run<T>(key: string, task: () => Promise<T>, options: LockOptions): Promise<T>;
}

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
