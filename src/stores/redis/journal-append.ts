import type { DatedEntry } from '../../domains/ports.js';

/** A journal entry before the stream has given it an id (of any list). */
type NewEntry = Omit<DatedEntry, 'id'>;

import { retainedFrom } from '../change-journal.js';
import type { RedisConnection } from './connection.js';

// An entry per change in a Redis stream. Its id is the change's time (`<ms>-<seq>`), taken from the entry
// rather than from Redis's clock, and never lower than the last id (a replica whose clock is behind
// appends after the others, with the last time). Entries past the retention are trimmed. Each append
// carries a nonce, remembered for a day: an append retried after its answer was lost (Redis hung, then
// ran it), or replayed from the spool after a crash, is not appended twice.
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

/** Appends `entry` to the stream `key` once per nonce; returns its stream id (the first one, for a nonce seen before). */
export async function appendToStream(redis: RedisConnection, key: string, entry: NewEntry, nonce: string): Promise<string> {
  const at = Date.parse(entry.at);
  return (await redis.run('change journal', (client) =>
    client.eval(APPEND, {
      keys: [key, `${key}:nonce:${nonce}`],
      arguments: [String(at), JSON.stringify(entry), `${retainedFrom(at)}-0`],
    }),
  )) as string;
}
