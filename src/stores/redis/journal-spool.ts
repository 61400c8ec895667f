import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Logger } from 'pino';
import type { DatedEntry } from '../../domains/ports.js';

/** A journal entry before the stream has given it an id (of any list). */
type NewEntry = Omit<DatedEntry, 'id'>;

import { prepareDataDir, removeFile, writeJsonFile } from '../file/json-file.js';
import type { RedisConnection } from './connection.js';
import { appendToStream } from './journal-append.js';

/** The spool's directory inside DATA_DIR. */
export const JOURNAL_SPOOL_DIR = 'journal-spool';
/** Appends that failed are tried again this often while the connection stays up (Redis refusing writes). */
const RETRY_MS = 1_000;

/** An entry Redis could not take: its stream, the nonce of its first attempt, and the file that keeps it. */
interface Spooled {
  readonly key: string;
  readonly nonce: string;
  readonly entry: NewEntry;
  readonly file: string | undefined;
}

/**
 * The change journal entries Redis could not take, until it can. Each is written to its own file in
 * DATA_DIR/journal-spool (fsync'd, before the change is answered), so a replica that dies during the outage
 * does not lose it: the next process to open the spool appends it. Entries go to their streams in the order
 * they were kept, idempotently by nonce (an append whose answer was lost, or whose file outlived it, is not
 * repeated), and each file is removed once its entry is in Redis. One spool serves every stream (each entry
 * names its own), so any number of journals can share it.
 */
export class JournalSpool {
  readonly #redis: RedisConnection;
  readonly #logger: Logger;
  readonly #dir: string | undefined;
  /** Oldest first. */
  readonly #waiting: Spooled[] = [];
  #sequence = 0;
  /** The one flush running (appends, the retry timer and reconnections share it). */
  #flushing: Promise<void> | undefined;
  #retry: NodeJS.Timeout | undefined;

  private constructor(redis: RedisConnection, logger: Logger, dir: string | undefined) {
    this.#redis = redis;
    this.#logger = logger;
    this.#dir = dir;
    redis.onReady(() => void this.flush());
  }

  /** A spool in memory only, lost with the process: for tests of the journal alone. */
  static inMemory(redis: RedisConnection, logger: Logger): JournalSpool {
    return new JournalSpool(redis, logger, undefined);
  }

  /**
   * The spool in `dataDir`, with what an earlier process left there (appended as soon as Redis is ready).
   * Throws DataDirError naming the directory when it cannot be written.
   */
  static async open(dataDir: string, redis: RedisConnection, logger: Logger): Promise<JournalSpool> {
    const dir = join(dataDir, JOURNAL_SPOOL_DIR);
    await prepareDataDir(dataDir);
    await prepareDataDir(dir);
    const spool = new JournalSpool(redis, logger, dir);
    // File names sort in the order the entries were kept (write-in-progress files end in .tmp).
    for (const name of (await readdir(dir)).filter((n) => n.endsWith('.json')).sort()) {
      const file = join(dir, name);
      const kept = parseSpooled(await readFile(file, 'utf8').catch(() => ''));
      if (kept) spool.#waiting.push({ ...kept, file });
      else logger.warn({ file }, 'change journal spool: a file that is not an entry; left as it is');
    }
    if (spool.#waiting.length > 0) {
      logger.warn(
        { waiting: spool.#waiting.length, dir },
        'change journal entries kept in DATA_DIR by an earlier process wait for the shared store',
      );
    }
    // Redis may have become ready while the files were read: its ready listener found nothing to do then.
    if (spool.#waiting.length > 0 && redis.ready) void spool.flush();
    return spool;
  }

  /** Whether an entry of the stream `key` waits (a new one must then go after it). */
  waitingFor(key: string): boolean {
    return this.#waiting.some((spooled) => spooled.key === key);
  }

  /** Keeps an entry until Redis takes it: on disk (synced) before this returns, when the spool has a directory. */
  async keep(key: string, nonce: string, entry: NewEntry): Promise<void> {
    let file: string | undefined;
    if (this.#dir) {
      this.#sequence += 1;
      const name = `${String(Date.now()).padStart(15, '0')}-${process.pid}-${String(this.#sequence).padStart(9, '0')}.json`;
      file = join(this.#dir, name);
      try {
        await writeJsonFile(file, { key, nonce, entry });
      } catch (error) {
        // Kept in memory all the same: appended if this process lives until Redis returns.
        this.#logger.error(
          { file, err: { code: (error as NodeJS.ErrnoException).code } },
          'change journal spool: cannot write the entry to DATA_DIR',
        );
        file = undefined;
      }
    }
    this.#waiting.push({ key, nonce, entry, file });
    this.#retryLater();
  }

  /** Appends what waits, in order; stops at the first failure (a reconnection or the retry goes on). */
  flush(): Promise<void> {
    this.#flushing ??= (async () => {
      while (this.#waiting.length > 0) {
        const { key, nonce, entry, file } = this.#waiting[0]!;
        try {
          await appendToStream(this.#redis, key, entry, nonce);
        } catch {
          this.#retryLater();
          return;
        }
        this.#waiting.shift();
        if (file) await removeFile(file).catch(() => this.#logger.warn({ file }, 'change journal spool: cannot remove an appended entry'));
        if (this.#waiting.length === 0) this.#logger.info({ store: 'redis' }, 'change journal: every waiting entry is in the shared store');
      }
    })().finally(() => {
      this.#flushing = undefined;
    });
    return this.#flushing;
  }

  /** A failure on a connection that stays up (no reconnection to wait for): try again in a while. */
  #retryLater(): void {
    this.#retry ??= setTimeout(() => {
      this.#retry = undefined;
      void this.flush();
    }, RETRY_MS);
    this.#retry.unref();
  }
}

/** A spool file's content, or undefined when it is not one. */
function parseSpooled(text: string): Omit<Spooled, 'file'> | undefined {
  try {
    const value = JSON.parse(text) as Partial<Spooled>;
    if (typeof value.key !== 'string' || typeof value.nonce !== 'string' || typeof value.entry !== 'object' || value.entry === null)
      return undefined;
    if (typeof value.entry.at !== 'string') return undefined;
    return { key: value.key, nonce: value.nonce, entry: value.entry };
  } catch {
    return undefined;
  }
}
