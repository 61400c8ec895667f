import type { Logger } from 'pino';
import { SharedStoreUnavailableError } from '../errors.js';
import type { StoredToken, TokenStore } from '../token-store.js';
import type { RedisConnection } from './connection.js';
import { RedisLeases } from './lease.js';

// Drop the stored token only if it is still the one WeChat refused: a fleet answers a revoked token with
// one refresh, not one per replica (the others find the new token already there).
const DELETE_IF = `
if redis.call('hget', KEYS[1], 'token') == ARGV[1] then return redis.call('del', KEYS[1]) end
return 0`;

// A Redis that comes back empty gets this replica's token back, unless another replica was quicker.
const SET_IF_ABSENT = `
if redis.call('exists', KEYS[1]) == 1 then return 0 end
redis.call('hset', KEYS[1], 'token', ARGV[1], 'expiresAt', ARGV[2], 'lifetimeMs', ARGV[3])
redis.call('pexpireat', KEYS[1], ARGV[2])
return 1`;

export interface RedisTokenStoreOptions {
  /** How long one api_component_token call may take: the refresh lease outlives it. */
  readonly refreshTimeoutMs: number;
  /**
   * The platform whose token this replica copies from Redis as it connects and then every `mirrorEveryMs`:
   * a replica that only ever answered from the shared cache still holds the token when Redis goes away.
   */
  readonly mirror?: { readonly componentAppId: string; readonly everyMs: number };
  readonly now?: () => number;
}

/**
 * The component token in Redis, shared by every replica, with a lease so that at most one replica at a
 * time asks WeChat for a new one. Each replica keeps the token it last saw: it keeps reads working while
 * Redis is away (until the token expires), and refills a Redis that comes back empty.
 */
export class RedisTokenStore implements TokenStore {
  readonly #redis: RedisConnection;
  readonly #leases: RedisLeases;
  readonly #logger: Logger;
  readonly #options: RedisTokenStoreOptions;
  readonly #now: () => number;
  readonly #local = new Map<string, StoredToken>();

  constructor(redis: RedisConnection, logger: Logger, options: RedisTokenStoreOptions) {
    this.#redis = redis;
    this.#leases = new RedisLeases(redis);
    this.#logger = logger;
    this.#options = options;
    this.#now = options.now ?? Date.now;
    redis.onReady(() => void this.#refill());
    const mirror = options.mirror;
    if (mirror) {
      redis.onReady(() => void this.get(mirror.componentAppId));
      setInterval(() => void this.get(mirror.componentAppId), mirror.everyMs).unref();
    }
  }

  async get(componentAppId: string): Promise<StoredToken | undefined> {
    let hash: Record<string, string>;
    try {
      hash = await this.#redis.run('token', (client) => client.hGetAll(this.#key(componentAppId)));
    } catch {
      // Degraded: this replica's own token, while it lasts.
      const local = this.#local.get(componentAppId);
      return local && this.#now() < local.expiresAt ? local : undefined;
    }
    const stored = parse(hash);
    if (stored) this.#local.set(componentAppId, stored);
    else this.#local.delete(componentAppId);
    return stored;
  }

  async set(componentAppId: string, token: StoredToken): Promise<void> {
    this.#local.set(componentAppId, token);
    const key = this.#key(componentAppId);
    try {
      await this.#redis.run('token', (client) =>
        client
          .multi()
          .hSet(key, { token: token.token, expiresAt: String(token.expiresAt), lifetimeMs: String(token.lifetimeMs) })
          .pExpireAt(key, token.expiresAt)
          .exec(),
      );
    } catch {
      this.#logger.warn({ store: 'redis' }, 'shared store unreachable: the new component token is kept by this replica until it returns');
    }
  }

  async deleteIf(componentAppId: string, token: string): Promise<void> {
    if (this.#local.get(componentAppId)?.token === token) this.#local.delete(componentAppId);
    await this.#redis
      .run('token', (client) => client.eval(DELETE_IF, { keys: [this.#key(componentAppId)], arguments: [token] }))
      .catch(() => undefined);
  }

  /**
   * Runs `refresh` holding the platform's refresh lease, so one replica at a time calls api_component_token
   * (the caller re-reads the store first thing: another replica may just have stored a fresh token).
   * Throws SharedStoreUnavailableError when Redis cannot be reached, and when the lease stays taken for
   * longer than a refresh may take.
   */
  async exclusive<T>(componentAppId: string, refresh: () => Promise<T>): Promise<T> {
    const leaseMs = this.#options.refreshTimeoutMs + 5_000;
    const lease = await this.#leases.acquire(this.#redis.key(componentAppId, 'token-refresh'), leaseMs, leaseMs);
    if (!lease) throw new SharedStoreUnavailableError('token refresh lease');
    try {
      return await refresh();
    } finally {
      await this.#leases.release(lease).catch(() => undefined);
    }
  }

  async #refill(): Promise<void> {
    for (const [componentAppId, token] of this.#local) {
      if (this.#now() >= token.expiresAt) continue;
      await this.#redis
        .run('token', (client) =>
          client.eval(SET_IF_ABSENT, {
            keys: [this.#key(componentAppId)],
            arguments: [token.token, String(token.expiresAt), String(token.lifetimeMs)],
          }),
        )
        .catch(() => undefined);
    }
  }

  #key(componentAppId: string): string {
    return this.#redis.key(componentAppId, 'token');
  }
}

function parse(hash: Record<string, string>): StoredToken | undefined {
  const expiresAt = Number(hash.expiresAt);
  const lifetimeMs = Number(hash.lifetimeMs);
  return hash.token && expiresAt > 0 && lifetimeMs > 0 ? { token: hash.token, expiresAt, lifetimeMs } : undefined;
}
