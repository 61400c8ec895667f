import { join, resolve } from 'node:path';
import type { Logger } from 'pino';
import type { Config, Credentials } from '../config.js';
import type { AuthorizerTokenCache, RegistryStore } from '../mini-programs/ports.js';
import type { ChangeJournal } from './change-journal.js';
import { CHANGE_JOURNAL_FILE, FileChangeJournal } from './file/change-journal.js';
import { DataDirError, prepareDataDir } from './file/json-file.js';
import { FileRegistryStore } from './file/mini-program-registry.js';
import { openDataDir } from './file/open.js';
import type { ReadCache } from './read-cache.js';
import type { TicketStore } from './ticket-store.js';
import type { TokenStore } from './token-store.js';
import type { WriteLock } from './write-lock.js';

/** The stores of live mode; what is left out, the service keeps in memory. */
export interface Stores {
  readonly ticketStore?: TicketStore;
  readonly tokenStore?: TokenStore;
  readonly changeJournal?: ChangeJournal;
  readonly readCache?: ReadCache;
  readonly writeLock?: WriteLock;
  /** The authorized Mini Programs and their refresh tokens. */
  readonly miniProgramRegistry?: RegistryStore;
  /** Authorizer access tokens (memory unless shared). */
  readonly authorizerTokenCache?: AuthorizerTokenCache;
  /** A fresh round trip to the shared store, for /ready; undefined without one. */
  readonly sharedStoreReachable?: () => Promise<boolean>;
  /** Calls `listener` each time the shared store (re)connects, at once if it is connected; undefined without one. */
  readonly onSharedStoreReady?: (listener: () => void) => void;
  close(): Promise<void>;
}

export type LiveCredentials = Exclude<Credentials, { mode: 'simulator' }>;

/**
 * The stores live mode runs on. With REDIS_URL, everything replicas share (ticket, token, change lock, read
 * cache, change journal) is in Redis, and the service starts whether Redis is up or not (it connects in the
 * background). Without it: the ticket, the token and the change journal in DATA_DIR, the rest in memory.
 * Throws DataDirError naming the directory when DATA_DIR cannot be used.
 */
export async function openStores(config: Config, credentials: LiveCredentials, logger: Logger): Promise<Stores> {
  // Loaded only when used: the Redis client is the largest library the service has, and a process without
  // REDIS_URL would otherwise carry its code for nothing (heap that every full GC walks).
  if (config.redis) return (await import('./redis/open.js')).openRedisStores(config, credentials, logger);
  return openDataDirStores(config, credentials, logger);
}

async function openDataDirStores(config: Config, credentials: LiveCredentials, logger: Logger): Promise<Stores> {
  const dir = resolve(config.dataDir);
  let stores: Pick<Stores, 'ticketStore' | 'tokenStore'> = {};
  if (credentials.mode === 'component') {
    const opened = await openDataDir(dir, credentials.componentAppId, {
      onUnreadable: (file) => logger.warn({ file }, 'a file in DATA_DIR could not be understood: ignored, and replaced at the next write'),
    });
    stores = { ticketStore: opened.tickets, tokenStore: opened.tokens };
    const { ticket, token } = opened.kept;
    logger.info(
      {
        dataDir: dir,
        keptTicket: ticket !== undefined,
        keptTicketAgeSeconds: ticket && Math.round(Date.now() / 1000 - ticket.createTime),
        keptToken: token !== undefined && token.expiresAt > Date.now(),
      },
      `Keeping the component_verify_ticket and component token in ${dir}`,
    );
  } else {
    // Nothing of a static or file token is kept; the directory holds the change journal all the same.
    await prepareDataDir(dir);
  }
  // The month's count survives restarts: live mode journals changes in DATA_DIR.
  let opened: Awaited<ReturnType<typeof FileChangeJournal.open>>;
  try {
    opened = await FileChangeJournal.open(dir);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new DataDirError(`cannot open the change journal in ${dir}${code ? ` (${code})` : ''}`);
  }
  logger.info({ expiredEntries: opened.expiredEntries }, `change journal: ${join(dir, CHANGE_JOURNAL_FILE)}`);
  const miniProgramRegistry = await openRegistry(dir, credentials, logger);
  if (opened.tornLine) logger.warn('change journal: cut off a torn last line (a write cut short by a crash)');
  if (opened.skippedLines > 0) logger.warn({ skippedLines: opened.skippedLines }, 'change journal: skipped lines that are not entries');
  return {
    ...stores,
    ...(miniProgramRegistry ? { miniProgramRegistry } : {}),
    changeJournal: opened.journal,
    close: () => opened.journal.close(),
  };
}

/** The Mini Program registry in DATA_DIR, wherever the platform's appid is known. */
async function openRegistry(dir: string, credentials: LiveCredentials, logger: Logger): Promise<FileRegistryStore | undefined> {
  if (credentials.componentAppId === undefined) return undefined;
  try {
    const registry = await FileRegistryStore.open(dir, credentials.componentAppId, {
      onUnreadable: (file) =>
        logger.warn({ file }, 'the Mini Program registry in DATA_DIR could not be understood: refilled from the authorizer list'),
    });
    logger.info({ authorizers: (await registry.all()).length }, `Keeping the Mini Program registry and its refresh tokens in ${dir}`);
    return registry;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new DataDirError(`cannot read the Mini Program registry in ${dir}${code ? ` (${code})` : ''}`);
  }
}
