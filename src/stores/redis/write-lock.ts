import type { Logger } from 'pino';
import { LockUnavailableError } from '../../domains/errors.js';
import type { LockOptions, WriteLock } from '../../domains/ports.js';
import type { RedisConnection } from './connection.js';
import { RedisLeases } from './lease.js';

/**
 * The change locks of every replica of a platform (one key per list): a Redis lease (SET NX PX under a random owner value),
 * renewed while its task runs, given back when it ends, and released or renewed only by its owner (Lua
 * compare-and-delete / compare-and-pexpire). A replica that dies holding it delays the others by at most
 * one lease. Redis unreachable: SharedStoreUnavailableError, and the task does not run.
 */
export class RedisWriteLock implements WriteLock {
  readonly #redis: RedisConnection;
  readonly #leases: RedisLeases;
  readonly #platform: string;
  readonly #logger: Logger;

  constructor(redis: RedisConnection, platform: string, logger: Logger) {
    this.#redis = redis;
    this.#leases = new RedisLeases(redis);
    this.#platform = platform;
    this.#logger = logger;
  }

  async run<T>(key: string, task: () => Promise<T>, { waitMs, leaseMs }: LockOptions): Promise<T> {
    const name = this.#redis.key(this.#platform, `lock:${key}`);
    const lease = await this.#leases.acquire(name, leaseMs, waitMs);
    if (!lease) throw new LockUnavailableError(waitMs);
    // Renewed at a third of the lease: two renewals may fail (a slow Redis) before it can run out.
    const renewal = setInterval(() => {
      this.#leases.extend(lease, leaseMs).then(
        (held) => {
          if (!held) this.#logger.error({ store: 'redis', lock: key }, 'the change lock expired while its change ran');
        },
        () => this.#logger.warn({ store: 'redis', lock: key }, 'could not renew the change lock (shared store unreachable)'),
      );
    }, leaseMs / 3);
    renewal.unref();
    try {
      return await task();
    } finally {
      clearInterval(renewal);
      await this.#leases.release(lease).catch(() => undefined);
    }
  }
}
