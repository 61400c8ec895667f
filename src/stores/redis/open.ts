import { resolve } from 'node:path';
import type { Logger } from 'pino';
import type { Config } from '../../config.js';
import type { CachedRead, JournaledList } from '../../domains/list.js';
import type { ChangeJournal, DatedEntry } from '../../domains/ports.js';
import { refreshGraceMs } from '../../domains/read-path.js';
import { memoizedBy } from '../memoized.js';
import type { LiveCredentials, Stores } from '../stores.js';
import { RedisChangeJournal } from './change-journal.js';
import { RedisConnection } from './connection.js';
import { JournalSpool } from './journal-spool.js';
import { RedisAuthorizerTokenCache, RedisRegistryStore } from './mini-program-registry.js';
import { RedisReadCache } from './read-cache.js';
import { RedisTicketStore } from './ticket-store.js';
import { RedisTokenStore } from './token-store.js';
import { RedisWriteLock } from './write-lock.js';

/** Redis commands answer in a millisecond; one that takes this long means Redis is in trouble. */
const REDIS_COMMAND_TIMEOUT_MS = 1_000;

/**
 * The stores of live mode with REDIS_URL: everything replicas share, in Redis (see openStores), and in
 * DATA_DIR the spool of journal entries Redis could not take (one spool for every list's journal). Throws
 * DataDirError when DATA_DIR cannot be written.
 */
export async function openRedisStores(
  config: Config,
  credentials: LiveCredentials,
  logger: Logger,
  lists: readonly JournaledList[],
): Promise<Stores> {
  const redisSettings = config.redis!;
  // Checked by the configuration: a shared store is per platform.
  const platform = credentials.componentAppId!;
  const { timeoutMs } = config.wechat;
  const redis = new RedisConnection({ ...redisSettings, commandTimeoutMs: REDIS_COMMAND_TIMEOUT_MS }, logger);
  // Before connecting: a DATA_DIR that cannot be written stops the start with nothing opened.
  const spool = await JournalSpool.open(resolve(config.dataDir), redis, logger);
  redis.start();
  logger.info(
    { store: 'redis', keyPrefix: redisSettings.keyPrefix, platform },
    'Replicas share the ticket, token, change lock, read cache, change journal and Mini Program registry through Redis',
  );
  return {
    ticketStore: new RedisTicketStore(redis, logger),
    tokenStore: new RedisTokenStore(redis, logger, { refreshTimeoutMs: timeoutMs, mirror: { componentAppId: platform, everyMs: 2_000 } }),
    journals: new Map<string, ChangeJournal<DatedEntry>>(
      lists.map((list) => [list.key, new RedisChangeJournal(redis, platform, list.stores.journalStream, logger, spool)]),
    ),
    // A stream per Mini Program (both its lists), sharing the spool with the platform's lists.
    miniProgramJournal: memoizedBy(
      (list) => list.stores.journalStream,
      (list) => new RedisChangeJournal(redis, platform, list.stores.journalStream, logger, spool),
    ),
    readCache: <S>(read: CachedRead<S>) =>
      new RedisReadCache<S>(redis, {
        platform,
        list: read.cache,
        ttlMs: config.cacheTtlMs,
        graceMs: refreshGraceMs(config.cacheTtlMs, timeoutMs),
        refreshTimeoutMs: timeoutMs,
      }),
    writeLock: new RedisWriteLock(redis, platform, logger),
    miniProgramRegistry: new RedisRegistryStore(redis, platform, logger),
    authorizerTokenCache: new RedisAuthorizerTokenCache(redis, platform, logger, { refreshTimeoutMs: timeoutMs }),
    sharedStoreReachable: () => redis.ping(),
    onSharedStoreReady: (listener) => redis.onReady(listener),
    close: () => redis.close(),
  };
}
