import { join, resolve } from 'node:path';
import type { Logger } from 'pino';
import type { z } from 'zod';
import type { Config } from '../config.js';
import type { JournaledList } from '../domains/list.js';
import type { DatedEntry } from '../domains/ports.js';
import { FileChangeJournal, recordSchema } from './file/change-journal.js';
import { DataDirError, prepareDataDir } from './file/json-file.js';
import { FileRegistryStore } from './file/mini-program-registry.js';
import { openDataDir } from './file/open.js';
import { LazyChangeJournal } from './lazy-journal.js';
import { memoizedBy } from './memoized.js';
import type { LiveCredentials, Stores } from './stores.js';

/**
 * The stores live mode runs on. With REDIS_URL, everything replicas share (ticket, token, change lock, read
 * cache, change journal) is in Redis, and the service starts whether Redis is up or not (it connects in the
 * background); DATA_DIR holds the spool of journal entries Redis could not take. Without it: the ticket, the token and the change journal in DATA_DIR, the rest in memory.
 * Throws DataDirError naming the directory when DATA_DIR cannot be used.
 */
export async function openStores(
  config: Config,
  credentials: LiveCredentials,
  logger: Logger,
  lists: readonly JournaledList[],
): Promise<Stores> {
  // Loaded only when used: the Redis client is the largest library the service has, and a process without
  // REDIS_URL would otherwise carry its code for nothing (heap that every full GC walks).
  if (config.redis) return (await import('./redis/open.js')).openRedisStores(config, credentials, logger, lists);
  return openDataDirStores(config, credentials, logger, lists);
}

async function openDataDirStores(
  config: Config,
  credentials: LiveCredentials,
  logger: Logger,
  lists: readonly JournaledList[],
): Promise<Stores> {
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
  // The month's count survives restarts: live mode journals each list's changes in a file of its own in DATA_DIR.
  const journals = new Map<string, FileChangeJournal<DatedEntry>>();
  try {
    for (const list of lists) journals.set(list.key, await openJournalFile(dir, list, logger));
  } catch (error) {
    await Promise.all([...journals.values()].map((journal) => journal.close()));
    throw error;
  }
  const miniProgramRegistry = await openRegistry(dir, credentials, logger);
  // A file per Mini Program (both its lists), opened when it is first used.
  const miniProgramJournals: LazyChangeJournal<DatedEntry>[] = [];
  const miniProgramJournal = memoizedBy(
    (list: JournaledList) => list.stores.journalFile,
    (list) => {
      const journal = new LazyChangeJournal<DatedEntry>(() => openJournalFile(dir, list, logger));
      miniProgramJournals.push(journal);
      return journal;
    },
  );
  return {
    ...stores,
    ...(miniProgramRegistry ? { miniProgramRegistry } : {}),
    journals,
    miniProgramJournal,
    close: async () => void (await Promise.all([...[...journals.values(), ...miniProgramJournals].map((journal) => journal.close())])),
  };
}

/** A list's journal file, opened and checked; DataDirError naming the directory when it cannot be. */
async function openJournalFile(dir: string, list: JournaledList, logger: Logger): Promise<FileChangeJournal<DatedEntry>> {
  const file = list.stores.journalFile;
  let opened: Awaited<ReturnType<typeof FileChangeJournal.open<DatedEntry>>>;
  try {
    // The record's fields and the list's own: what every line of its file holds.
    const schema = recordSchema.extend(list.detailFields) as unknown as z.ZodType<DatedEntry>;
    opened = await FileChangeJournal.open(dir, { file, schema });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new DataDirError(`cannot open the change journal ${file} in ${dir}${code ? ` (${code})` : ''}`);
  }
  const fields = { list: list.key, expiredEntries: opened.expiredEntries };
  logger.info(fields, `change journal: ${join(dir, file)}`);
  if (opened.tornLine) logger.warn(fields, 'change journal: cut off a torn last line (a write cut short by a crash)');
  if (opened.skippedLines > 0)
    logger.warn({ ...fields, skippedLines: opened.skippedLines }, 'change journal: skipped lines that are not entries');
  return opened.journal;
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
