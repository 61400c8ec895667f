import { randomBytes } from 'node:crypto';
import type { Logger } from 'pino';
import { UnknownCursorError } from '../../domains/errors.js';
import type { ChangeJournal, DatedEntry } from '../../domains/ports.js';
import type { RedisConnection } from './connection.js';
import { appendToStream } from './journal-append.js';
import { JournalSpool } from './journal-spool.js';

// One Redis stream per list of a platform (src/stores/redis/journal-append.ts appends to it), an entry per change.

type StreamEntry = { id: string; message: Record<string, string> };

/**
 * The change journal of every replica of a platform, in a Redis stream, so that they all count the same
 * changes. An entry that cannot be appended (Redis away after WeChat answered) goes to the spool (a file
 * in DATA_DIR, written before the change is answered) and is appended when Redis returns, by this process
 * or the next one to open the spool: a change WeChat made is never left out of the month's count.
 */
export class RedisChangeJournal<E extends DatedEntry> implements ChangeJournal<E> {
  readonly #redis: RedisConnection;
  readonly #key: string;
  readonly #logger: Logger;
  // --- the spool (issue 19): entries Redis could not take wait there, for every journal's stream ---
  readonly #spool: JournalSpool;
  #pendingIds = 0;

  /**
   * `stream`: the list's stream name (ListDescription.stores.journalStream), under the platform's keys;
   * `spool`: in memory unless given (openRedisStores gives the one in DATA_DIR that every list's journal shares).
   */
  constructor(redis: RedisConnection, platform: string, stream: string, logger: Logger, spool = JournalSpool.inMemory(redis, logger)) {
    this.#redis = redis;
    this.#key = redis.key(platform, stream);
    this.#logger = logger;
    this.#spool = spool;
  }

  async append(entry: Omit<E, 'id'>): Promise<E> {
    const nonce = randomBytes(12).toString('base64url');
    // Entries that waited go first, so the stream keeps the order of the changes.
    if (this.#spool.waitingFor(this.#key)) await this.#spool.flush();
    if (!this.#spool.waitingFor(this.#key)) {
      try {
        return { id: await appendToStream(this.#redis, this.#key, entry, nonce), ...entry } as E;
      } catch {
        // Spooled below.
      }
    }
    await this.#spool.keep(this.#key, nonce, entry);
    this.#logger.warn({ store: 'redis' }, 'shared store unreachable: a change journal entry waits for it (spooled)');
    // An id of its own until then; the entry gets its stream id when appended.
    this.#pendingIds += 1;
    return { id: `pending-${this.#pendingIds}`, ...entry } as E;
  }
  // --- end of the spool's part ---

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
}

function entryOf<E extends DatedEntry>({ id, message }: StreamEntry): E {
  return { id, ...(JSON.parse(message.e ?? '{}') as Omit<E, 'id'>) } as E;
}
