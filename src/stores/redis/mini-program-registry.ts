import type { Logger } from 'pino';
import type { Authorizer, SyncSummary } from '../../mini-programs/model.js';
import type { AuthorizerTokenCache, CachedToken, RegistryStore } from '../../mini-programs/ports.js';
import type { RedisConnection } from './connection.js';
import { RedisTokenStore } from './token-store.js';
import { RedisWriteLock } from './write-lock.js';

/** A sync of thousands of authorizers takes seconds; the lease is renewed while it runs. */
const SYNC_LOCK = { waitMs: 120_000, leaseMs: 30_000 };

/**
 * The registry in Redis, shared by every replica: one hash per platform (appid → the record as JSON, its
 * refresh token included), written with one HSET per change, so a rotated refresh token replaces the old one
 * atomically. Redis must keep its data (appendonly yes): a Redis that comes back empty costs one sync, which
 * takes every refresh token again from WeChat's authorizer list. Unreachable: SharedStoreUnavailableError.
 */
export class RedisRegistryStore implements RegistryStore {
  readonly #redis: RedisConnection;
  readonly #platform: string;
  readonly #lock: RedisWriteLock;

  constructor(redis: RedisConnection, platform: string, logger: Logger) {
    this.#redis = redis;
    this.#platform = platform;
    this.#lock = new RedisWriteLock(redis, platform, logger);
  }

  async get(appId: string): Promise<Authorizer | undefined> {
    const json = await this.#redis.run('mini-programs', (client) => client.hGet(this.#key('mini-programs'), appId));
    return json ? parse(json) : undefined;
  }

  async all(): Promise<Authorizer[]> {
    const hash = await this.#redis.run('mini-programs', (client) => client.hGetAll(this.#key('mini-programs')));
    return Object.values(hash).flatMap((json) => parse(json) ?? []);
  }

  async putMany(records: readonly Authorizer[]): Promise<void> {
    if (records.length === 0) return;
    const fields = Object.fromEntries(records.map((r) => [r.appId, JSON.stringify(r)]));
    await this.#redis.run('mini-programs', (client) => client.hSet(this.#key('mini-programs'), fields));
  }

  async lastSync(): Promise<SyncSummary | undefined> {
    const json = await this.#redis.run('mini-programs', (client) => client.get(this.#key('mini-program-sync')));
    return json ? (JSON.parse(json) as SyncSummary) : undefined;
  }

  async setLastSync(summary: SyncSummary): Promise<void> {
    await this.#redis.run('mini-programs', (client) => client.set(this.#key('mini-program-sync'), JSON.stringify(summary)));
  }

  exclusiveSync<T>(sync: () => Promise<T>): Promise<T> {
    return this.#lock.run('mini-program-sync', sync, SYNC_LOCK);
  }

  async claimAuthorizationCode(code: string, ttlMs: number): Promise<boolean> {
    const set = await this.#redis.run('mini-programs', (client) =>
      client.set(this.#key(`authorization-code:${code}`), '1', { condition: 'NX', expiration: { type: 'PX', value: Math.round(ttlMs) } }),
    );
    return set === 'OK';
  }

  async releaseAuthorizationCode(code: string): Promise<void> {
    await this.#redis.run('mini-programs', (client) => client.del(this.#key(`authorization-code:${code}`)));
  }

  #key(name: string): string {
    return this.#redis.key(this.#platform, name);
  }
}

/**
 * Authorizer access tokens in Redis, with the component token's machinery (RedisTokenStore: the refresh
 * lease, the re-check, the compare-and-delete), one key per Mini Program: a fleet refreshes each once.
 */
export class RedisAuthorizerTokenCache implements AuthorizerTokenCache {
  readonly #tokens: RedisTokenStore;
  readonly #platform: string;

  constructor(redis: RedisConnection, platform: string, logger: Logger, options: { readonly refreshTimeoutMs: number }) {
    this.#tokens = new RedisTokenStore(redis, logger, { refreshTimeoutMs: options.refreshTimeoutMs });
    this.#platform = platform;
  }

  get(appId: string): Promise<CachedToken | undefined> {
    return this.#tokens.get(this.#id(appId));
  }

  set(appId: string, token: CachedToken): Promise<void> {
    return this.#tokens.set(this.#id(appId), token);
  }

  deleteIf(appId: string, token: string): Promise<void> {
    return this.#tokens.deleteIf(this.#id(appId), token);
  }

  exclusive<T>(appId: string, refresh: () => Promise<T>): Promise<T> {
    return this.#tokens.exclusive(this.#id(appId), refresh);
  }

  /** `<prefix><platform>:authorizer:<appid>:token` (and `…:token-refresh` for its lease). */
  #id(appId: string): string {
    return `${this.#platform}:authorizer:${appId}`;
  }
}

function parse(json: string): Authorizer | undefined {
  try {
    const value = JSON.parse(json) as Authorizer;
    return typeof value.appId === 'string' ? value : undefined;
  } catch {
    return undefined;
  }
}
