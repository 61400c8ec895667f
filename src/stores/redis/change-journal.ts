import { randomBytes } from 'node:crypto';
import type { Logger } from 'pino';
import { UnknownCursorError } from '../../domains/errors.js';
import type { ChangeJournal, DatedEntry } from '../../domains/ports.js';
import { retainedFrom } from '../change-journal.js';
import type { RedisConnection } from './connection.js';

// One Redis stream per list of a platform, an entry per change. Its id is the change's time (`<ms>-<seq>`), taken
// from the entry rather than from Redis's clock, and never lower than the last id (a replica whose clock
// is behind appends after the others, with the last time). Entries past the retention are trimmed.
// Each append carries a nonce, remembered for a day: an append retried after its answer was lost (Redis
// hung, then ran it) is not appended twice.
const APPEND = `
local done = redis.call('get', KEYS[2])
if done then return done end
local ms = tonumber(ARGV[1])
local last = redis.call('xrevrange', KEYS[1], '+', '-', 'COUNT', 1)
if last[1] then
  local lastMs = tonumber(string.match(last[1][1], '^(%d+)'))
  if lastMs > ms then ms = lastMs end
end
local id = redis.call('xadd', KEYS[1], ms .. '-*', 'e', ARGV[2])
redis.call('xtrim', KEYS[1], 'MINID', ARGV[3])
redis.call('set', KEYS[2], id, 'EX', 86400)
return id`;

type StreamEntry = { id: string; message: Record<string, string> };

/**
 * The change journal of every replica of a platform, in a Redis stream, so that they all count the same
 * changes. An entry that cannot be appended (Redis away after WeChat answered) is kept by this replica
 * and appended when Redis returns: a change WeChat made is never left out of the month's count.
 */
export class RedisChangeJournal<E extends DatedEntry> implements ChangeJournal<E> {
  readonly #redis: RedisConnection;
  readonly #key: string;
  readonly #logger: Logger;
  /** Entries waiting for Redis, oldest first, each with the nonce of its first attempt. */
  readonly #backlog: { readonly entry: Omit<E, 'id'>; readonly nonce: string }[] = [];
  #pendingIds = 0;
  /** The one flush running (appends, the retry timer and reconnections share it). */
  #flushing: Promise<void> | undefined;
  #retry: NodeJS.Timeout | undefined;

  /** `stream`: the list's stream name (ListDescription.stores.journalStream), under the platform's keys. */
  constructor(redis: RedisConnection, platform: string, stream: string, logger: Logger) {
    this.#redis = redis;
    this.#key = redis.key(platform, stream);
    this.#logger = logger;
    redis.onReady(() => void this.#flush());
  }

  async append(entry: Omit<E, 'id'>): Promise<E> {
    const nonce = randomBytes(12).toString('base64url');
    // Entries that waited go first, so the stream keeps the order of the changes.
    if (this.#backlog.length > 0) await this.#flush();
    if (this.#backlog.length === 0) {
      try {
        return { id: await this.#add(entry, nonce), ...entry } as E;
      } catch {
        // Kept below.
      }
    }
    this.#backlog.push({ entry, nonce });
    this.#retryLater();
    this.#logger.warn({ store: 'redis', waiting: this.#backlog.length }, 'shared store unreachable: a change journal entry waits for it');
    // An id of its own until then; the entry gets its stream id when appended.
    this.#pendingIds += 1;
    return { id: `pending-${this.#pendingIds}`, ...entry } as E;
  }

  async page(limit: number, after?: string): Promise<readonly E[]> {
    if (after !== undefined) {
      const named = /^\d{1,15}-\d{1,9}$/.test(after)
        ? await this.#redis.run('change journal', (client) => client.xRange(this.#key, after, after))
        : [];
      if (!named || named.length === 0) throw new UnknownCursorError(`no change journal entry has the id ${JSON.stringify(after)}`);
    }
    const start = after === undefined ? '+' : `(${after}`;
    const entries = await this.#redis.run('change journal', (client) => client.xRevRange(this.#key, start, '-', { COUNT: limit }));
    return (entries ?? []).map((entry) => entryOf<E>(entry));
  }

  async between(fromMs: number, toMs: number): Promise<readonly E[]> {
    const entries = await this.#redis.run('change journal', (client) => client.xRange(this.#key, `${fromMs}-0`, `(${toMs}-0`));
    return (entries ?? []).map((entry) => entryOf<E>(entry));
  }

  async #add(entry: Omit<E, 'id'>, nonce: string): Promise<string> {
    const at = Date.parse(entry.at);
    return (await this.#redis.run('change journal', (client) =>
      client.eval(APPEND, {
        keys: [this.#key, `${this.#key}:nonce:${nonce}`],
        arguments: [String(at), JSON.stringify(entry), `${retainedFrom(at)}-0`],
      }),
    )) as string;
  }

  /** Appends what waited for Redis, in order; stops at the first failure (a reconnection or the retry goes on). */
  #flush(): Promise<void> {
    this.#flushing ??= (async () => {
      while (this.#backlog.length > 0) {
        try {
          const { entry, nonce } = this.#backlog[0]!;
          await this.#add(entry, nonce);
        } catch {
          this.#retryLater();
          return;
        }
        this.#backlog.shift();
      }
    })().finally(() => {
      this.#flushing = undefined;
    });
    return this.#flushing;
  }

  /** A failure on a connection that stays up (no reconnection to wait for): try again in a second. */
  #retryLater(): void {
    this.#retry ??= setTimeout(() => {
      this.#retry = undefined;
      void this.#flush();
    }, 1_000);
    this.#retry.unref();
  }
}

function entryOf<E extends DatedEntry>({ id, message }: StreamEntry): E {
  return { id, ...(JSON.parse(message.e ?? '{}') as Omit<E, 'id'>) } as E;
}
