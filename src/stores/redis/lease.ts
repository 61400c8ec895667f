import { randomBytes } from 'node:crypto';
import type { RedisConnection } from './connection.js';

// The single-instance lock pattern (https://redis.io/docs/latest/develop/use/patterns/distributed-locks/):
// SET key owner NX PX lease to take it; release and extend only while the key still holds our owner value,
// checked and done in one Lua script, so a lease that expired and was taken by another is never touched.
// One Redis needs no Redlock; the lock libraries on npm (redlock, redis-semaphore) are written for ioredis.
const RELEASE = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end`;
const EXTEND = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('pexpire', KEYS[1], ARGV[2]) else return 0 end`;

/** How often a waiter tries again: soon at first, then every 50 ms or so (with jitter, so waiters spread). */
const retryDelayMs = (attempt: number) => Math.min(10 * 2 ** attempt, 50) + Math.random() * 10;

export interface Lease {
  readonly key: string;
  /** The random value only this holder knows. */
  readonly owner: string;
}

/** After Redis returns, when to try releasing a lease that may have been taken while nobody waited for it. */
const SWEEP_AFTER_MS = [0, 250, 1_000, 2_500];

/**
 * Leases on Redis keys: at most one holder at a time, for at most `leaseMs` unless extended.
 *
 * A Redis that hangs and then resumes runs the commands it had received: a SET whose answer this process
 * stopped waiting for may still take a lease, and a release that failed leaves one held. Such leases are
 * "orphans": once Redis is back they are released (by owner value, so only if still theirs), a few times
 * over the next seconds, rather than left to block every replica until they expire.
 */
export class RedisLeases {
  readonly #redis: RedisConnection;
  readonly #orphans = new Set<Lease>();

  constructor(redis: RedisConnection) {
    this.#redis = redis;
    redis.onReady(() => this.#sweep());
  }

  /** One attempt: the lease, or undefined when someone else holds it. Throws when Redis cannot be reached. */
  async tryAcquire(key: string, leaseMs: number): Promise<Lease | undefined> {
    const owner = randomBytes(16).toString('hex');
    let taken: string | null;
    try {
      taken = await this.#redis.run('lease', (client) =>
        client.set(key, owner, { condition: 'NX', expiration: { type: 'PX', value: leaseMs } }),
      );
    } catch (error) {
      this.#orphans.add({ key, owner });
      throw error;
    }
    return taken === 'OK' ? { key, owner } : undefined;
  }

  /**
   * Tries until `waitMs` has passed: the lease, or undefined when it stayed taken. Throws when Redis cannot
   * be reached (the caller decides what that means).
   */
  async acquire(key: string, leaseMs: number, waitMs: number): Promise<Lease | undefined> {
    const deadline = performance.now() + waitMs;
    for (let attempt = 0; ; attempt++) {
      const lease = await this.tryAcquire(key, leaseMs);
      if (lease) return lease;
      const delay = retryDelayMs(attempt);
      if (performance.now() + delay >= deadline) return undefined;
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
  }

  /** Gives the lease back if it is still ours; false when it had expired (and maybe been taken since). */
  async release(lease: Lease): Promise<boolean> {
    try {
      return await this.#release(lease);
    } catch (error) {
      this.#orphans.add(lease);
      throw error;
    }
  }

  async #release(lease: Lease): Promise<boolean> {
    return (await this.#redis.run('lease', (client) => client.eval(RELEASE, { keys: [lease.key], arguments: [lease.owner] }))) === 1;
  }

  #sweep(): void {
    if (this.#orphans.size === 0) return;
    const orphans = [...this.#orphans];
    for (const [i, delay] of SWEEP_AFTER_MS.entries()) {
      setTimeout(() => {
        for (const orphan of orphans) {
          this.#release(orphan).then(
            (released) => {
              if (released || i === SWEEP_AFTER_MS.length - 1) this.#orphans.delete(orphan);
            },
            () => undefined,
          );
        }
      }, delay).unref();
    }
  }

  /** Makes the lease last `leaseMs` from now if it is still ours. */
  async extend(lease: Lease, leaseMs: number): Promise<boolean> {
    return (
      (await this.#redis.run('lease', (client) =>
        client.eval(EXTEND, { keys: [lease.key], arguments: [lease.owner, String(leaseMs)] }),
      )) === 1
    );
  }
}
