import { hash, randomBytes } from 'node:crypto';
import type { Kept, ReadCache, ReadMark } from '../../domains/ports.js';
import type { RedisConnection } from './connection.js';
import { RedisLeases } from './lease.js';

// Keys, per platform: `epoch` changes with every change (a random value: marks compare to it); `state-id`
// names the kept state (a digest of its domains) and `state` holds it, both for the TTL.
// A refresh keeps its state only if the epoch is still the one it marked.
const OFFER = `
if (redis.call('get', KEYS[1]) or '') ~= ARGV[1] then return 0 end
redis.call('set', KEYS[2], ARGV[2], 'PX', ARGV[4])
redis.call('set', KEYS[3], ARGV[3], 'PX', ARGV[4])
return 1`;
// A change: a new epoch (every refresh marked before offers in vain), and its state kept, or nothing.
const REPLACE = `
redis.call('set', KEYS[1], ARGV[1])
if ARGV[4] == '0' then
  redis.call('del', KEYS[2], KEYS[3])
else
  redis.call('set', KEYS[2], ARGV[2], 'PX', ARGV[4])
  redis.call('set', KEYS[3], ARGV[3], 'PX', ARGV[4])
end
return 1`;

/** What the store holds under `state`. */
interface Stored<S> {
  readonly id: string;
  /** When it was kept (epoch ms, the keeping replica's clock). */
  readonly at: number;
  readonly ttlMs: number;
  readonly state: S;
}

/** This replica's copy of the last state it saw kept, the epoch it was kept in, and its answers to `current`. */
interface Local<S> extends Stored<S> {
  readonly epoch: string;
  /** Made once: a cached read allocates nothing for them. */
  readonly fresh: Kept<S>;
  readonly stale: Kept<S>;
}

const localOf = <S>(stored: Stored<S>, epoch: string): Local<S> => ({
  ...stored,
  epoch,
  fresh: { state: stored.state, fresh: true },
  stale: { state: stored.state, fresh: false },
});

export interface RedisReadCacheOptions {
  /** The platform (WECHAT_COMPONENT_APPID): keys are per platform. */
  readonly platform: string;
  /** The list's key prefix (ListDescription.stores.cache): keys are per list too. */
  readonly list: string;
  /** SERVER_DOMAINS_CACHE_TTL_MS: with 0 nothing is shared (every read asks WeChat). */
  readonly ttlMs: number;
  /** How long after its TTL a state is still a stale fallback while a refresh is in flight. */
  readonly graceMs: number;
  /** How long a refresh may take: the lease other replicas wait behind. */
  readonly refreshTimeoutMs: number;
  /** Epoch milliseconds; Date.now unless given. */
  readonly now?: () => number;
}

/** A state's identity: equal content (as JSON, the form it is kept in), equal id. */
const idOf = (state: unknown): string => hash('sha1', JSON.stringify(state), 'base64url');

/** How often a replica waiting for another one's refresh looks whether its state is there. */
const POLL_MS = 20;

/**
 * The read cache of every replica of a platform, in Redis: one upstream `get` per TTL for the fleet
 * (a refresh lease makes the others wait for its state), and read-your-writes across replicas: a change's
 * `replace`/`invalidate` moves the epoch and the kept state before the change is answered, and a read
 * arriving on any replica after that is answered only from what one check of Redis, started after it
 * arrived, says is current. Reads that arrive in one turn of the event loop share that check (one MGET),
 * so a replica under load pays about one round trip per turn, not per request.
 */
export class RedisReadCache<S> implements ReadCache<S> {
  readonly #redis: RedisConnection;
  readonly #leases: RedisLeases;
  readonly #options: RedisReadCacheOptions;
  readonly #now: () => number;
  readonly #keys: { readonly epoch: string; readonly id: string; readonly state: string; readonly refresh: string };
  #local: Local<S> | undefined;
  /** The check the reads of this turn share: sent once the turn's reads have all asked (setImmediate). */
  #check: Promise<{ id: string | null; epoch: string }> | undefined;

  constructor(redis: RedisConnection, options: RedisReadCacheOptions) {
    this.#redis = redis;
    this.#leases = new RedisLeases(redis);
    this.#options = options;
    this.#now = options.now ?? Date.now;
    const key = (name: string) => redis.key(options.platform, `${options.list}${name}`);
    this.#keys = { epoch: key('epoch'), id: key('state-id'), state: key('state'), refresh: key('refresh') };
  }

  peek(): S | undefined {
    const local = this.#local;
    return local && this.#now() - local.at < local.ttlMs ? local.state : undefined;
  }

  current(): Promise<Kept<S> | undefined> {
    if (this.#options.ttlMs <= 0) return Promise.resolve(undefined);
    return this.#checkShared().then(({ id, epoch }) => {
      const local = this.#local;
      // The common case, answered without another round trip: the copy held is the shared state.
      if (id !== null && local?.id === id) return local.fresh;
      return this.#lookUp(id, epoch);
    });
  }

  /** The shared state when this replica's copy is not it: read it, or fall back on the copy while allowed. */
  async #lookUp(id: string | null, epoch: string): Promise<Kept<S> | undefined> {
    if (id !== null) {
      const kept = await this.#readState();
      if (kept) return kept.fresh;
    }
    // Nothing fresh: the last state while no change came since, within the grace (the service decides
    // whether a refresh is in flight).
    const local = this.#local;
    if (local && local.epoch === epoch && this.#now() - local.at <= local.ttlMs + this.#options.graceMs) return local.stale;
    return undefined;
  }

  async mark(): Promise<ReadMark> {
    return (await this.#redis.run('read cache', (client) => client.get(this.#keys.epoch))) ?? '';
  }

  async offer(state: S, ttlMs: number, mark: ReadMark): Promise<S> {
    const chosen = this.#local && idOf(this.#local.state) === idOf(state) ? this.#local.state : state;
    if (ttlMs <= 0) return chosen;
    const stored: Stored<S> = { id: idOf(chosen), at: this.#now(), ttlMs, state: chosen };
    const kept = await this.#redis.run('read cache', (client) =>
      client.eval(OFFER, {
        keys: [this.#keys.epoch, this.#keys.id, this.#keys.state],
        arguments: [mark, stored.id, JSON.stringify(stored), String(ttlMs)],
      }),
    );
    if (kept === 1) this.#local = localOf(stored, mark);
    return chosen;
  }

  async replace(state: S, ttlMs: number): Promise<void> {
    const epoch = randomBytes(12).toString('base64url');
    const stored: Stored<S> = { id: idOf(state), at: this.#now(), ttlMs, state };
    // Forgotten first: if Redis fails below, this replica must not serve what it had.
    this.#local = undefined;
    await this.#redis.run('read cache', (client) =>
      client.eval(REPLACE, {
        keys: [this.#keys.epoch, this.#keys.id, this.#keys.state],
        arguments: [epoch, stored.id, JSON.stringify(stored), String(Math.max(0, ttlMs))],
      }),
    );
    this.#local = localOf(stored, epoch);
  }

  async invalidate(): Promise<void> {
    this.#local = undefined;
    const epoch = randomBytes(12).toString('base64url');
    await this.#redis.run('read cache', (client) =>
      client.eval(REPLACE, { keys: [this.#keys.epoch, this.#keys.id, this.#keys.state], arguments: [epoch, '', '', '0'] }),
    );
  }

  async refreshOnce(waitMs: number, refresh: () => Promise<S>): Promise<S | undefined> {
    // With the cache off nothing is kept for the others to wait for: each read asks WeChat.
    if (this.#options.ttlMs <= 0) return refresh();
    const leaseMs = this.#options.refreshTimeoutMs + 1_000;
    const deadline = performance.now() + waitMs;
    for (;;) {
      const lease = await this.#leases.tryAcquire(this.#keys.refresh, leaseMs);
      if (lease) {
        try {
          // The replica before may have kept a state between this one's look and its turn.
          const kept = await this.current();
          if (kept?.fresh) return kept.state;
          return await refresh();
        } finally {
          await this.#leases.release(lease).catch(() => undefined);
        }
      }
      // Another replica is refreshing: its state, once kept; or the lease, once it is given back.
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
      const kept = await this.current();
      if (kept?.fresh) return kept.state;
      if (performance.now() >= deadline) return undefined;
    }
  }

  /** The shared state's id and epoch, from one MGET that the reads of this turn share. */
  #checkShared(): Promise<{ id: string | null; epoch: string }> {
    this.#check ??= new Promise((resolve, reject) => {
      setImmediate(() => {
        this.#check = undefined;
        this.#redis
          .run('read cache', (client) => client.mGet([this.#keys.id, this.#keys.epoch]))
          .then(([id, epoch]) => resolve({ id: id ?? null, epoch: epoch ?? '' }), reject);
      });
    });
    return this.#check;
  }

  /** The kept state, read from Redis (another replica kept it), as this replica's copy from now on. */
  async #readState(): Promise<Local<S> | undefined> {
    const [json, epoch] = await this.#redis.run('read cache', (client) => client.mGet([this.#keys.state, this.#keys.epoch]));
    if (!json) return undefined;
    const stored = JSON.parse(json) as Stored<S>;
    // The same domains as the copy held: keep its object, so what was computed from it stays valid.
    const state = this.#local && this.#local.id === stored.id ? this.#local.state : stored.state;
    this.#local = localOf({ ...stored, state }, epoch ?? '');
    return this.#local;
  }
}
