import type { LockOptions, WriteLock } from '../../src/domains/ports.js';
import { MemoryWriteLock } from '../../src/stores/write-lock.js';

/**
 * The in-process change lock, counting the changes that asked for it: a test waits until a change is queued
 * behind another (the event itself) instead of sleeping and hoping it got there.
 */
export class ObservedWriteLock implements WriteLock {
  readonly #lock = new MemoryWriteLock();
  /** Changes that asked for the lock so far (running, queued or given up). */
  asked = 0;

  run<T>(key: string, task: () => Promise<T>, options: LockOptions): Promise<T> {
    this.asked += 1;
    return this.#lock.run(key, task, options);
  }
}
