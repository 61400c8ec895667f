import type { Logger } from 'pino';
import type { Config } from '../../config.js';
import { refreshGraceMs } from '../../domains/service.js';
import type { LiveCredentials, Stores } from '../open.js';
import { RedisChangeJournal } from './change-journal.js';
import { RedisConnection } from './connection.js';
import { RedisAuthorizerTokenCache, RedisRegistryStore } from './mini-program-registry.js';
import { RedisReadCache } from './read-cache.js';
import { RedisTicketStore } from './ticket-store.js';
import { RedisTokenStore } from './token-store.js';
import { RedisWriteLock } from './write-lock.js';

/** Redis commands answer in a millisecond; one that takes this long means Redis is in trouble. */
const REDIS_COMMAND_TIMEOUT_MS = 1_000;

/** The stores of live mode with REDIS_URL: everything replicas share, in Redis (see openStores). */
export function openRedisStores(config: Config, credentials: LiveCredentials, logger: Logger): Stores {
  const redisSettings = config.redis!;
  // Checked by the configuration: a shared store is per platform.
  const platform = credentials.componentAppId!;
  const { timeoutMs } = config.wechat;
  const redis = new RedisConnection({ ...redisSettings, commandTimeoutMs: REDIS_COMMAND_TIMEOUT_MS }, logger);
  redis.start();
  logger.info(
    { store: 'redis', keyPrefix: redisSettings.keyPrefix, platform },
    'Replicas share the ticket, token, change lock, read cache, change journal and Mini Program registry through Redis',
  );
  return {
    ticketStore: new RedisTicketStore(redis, logger),
    tokenStore: new RedisTokenStore(redis, logger, { refreshTimeoutMs: timeoutMs, mirror: { componentAppId: platform, everyMs: 2_000 } }),
    changeJournal: new RedisChangeJournal(redis, platform, logger),
    readCache: new RedisReadCache(redis, {
      platform,
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
