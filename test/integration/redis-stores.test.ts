import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import type { ChangeEntry } from '../../src/domains/change-entry.js';
import { UnknownCursorError } from '../../src/domains/errors.js';
import { createLogger } from '../../src/logger.js';
import { RedisChangeJournal } from '../../src/stores/redis/change-journal.js';
import { RedisConnection } from '../../src/stores/redis/connection.js';
import { RedisTicketStore } from '../../src/stores/redis/ticket-store.js';
import { RedisTokenStore } from '../../src/stores/redis/token-store.js';
import { journalEntry } from '../support/journal-entries.js';
import { describeWithRedis, type RedisServer, startRedis, until } from '../support/redis.js';

const APP = 'wxplatform';

describeWithRedis('ticket and token stores on a real redis-server', () => {
  let redis: RedisServer;
  const connections: RedisConnection[] = [];
  const connect = async () => {
    const connection = new RedisConnection({ url: redis.url, keyPrefix: 'test:', commandTimeoutMs: 1000 }, createLogger('silent'));
    connection.start();
    connections.push(connection);
    await until(() => connection.ready);
    return connection;
  };
  beforeAll(async () => {
    redis = await startRedis();
  });
  beforeEach(async () => {
    const admin = await connect();
    await admin.run('flush', (client) => client.flushAll());
  });
  afterAll(async () => {
    for (const connection of connections) await connection.close();
    await redis?.close();
  });

  it('tickets: the newest CreateTime wins, whichever replica offers it and in whatever order', async () => {
    const replicas = await Promise.all([connect(), connect(), connect()]);
    const stores = replicas.map((r) => new RedisTicketStore(r, createLogger('silent')));
    const offers = Array.from({ length: 30 }, (_, i) => ({ ticket: `ticket-${i}`, createTime: 1_700_000_000 + i }));
    // Shuffled, spread over three replicas, all at once.
    const shuffled = [...offers].sort(() => Math.random() - 0.5);
    const kept = await Promise.all(shuffled.map((t, i) => stores[i % 3]!.offer(APP, t)));
    for (const store of stores) expect(await store.get(APP)).toEqual(offers.at(-1));
    // Every `true` raised the kept CreateTime: no time twice, and the newest among them, once.
    const raised = shuffled.filter((_, i) => kept[i]).map((t) => t.createTime);
    expect(new Set(raised).size).toBe(raised.length);
    expect(raised.filter((t) => t === offers.at(-1)!.createTime)).toHaveLength(1);
    // A replay of an older push changes nothing.
    expect(await stores[1]!.offer(APP, offers[3]!)).toBe(false);
    expect(await stores[2]!.get(APP)).toEqual(offers.at(-1));
  });

  it('tickets: a push delivered to several replicas at once (WeChat retries), among older ones: exactly one offer says true', async () => {
    const replicas = await Promise.all([connect(), connect(), connect()]);
    const stores = replicas.map((r) => new RedisTicketStore(r, createLogger('silent')));
    // Below the later tests' times: each replica refills Redis with the newest it saw when Redis returns.
    await stores[0]!.offer(APP, { ticket: 'kept', createTime: 1_700_000_050 });
    const newest = { ticket: 'ticket-newest', createTime: 1_700_000_060 };
    // 24 older offers and the newest six times, spread over the replicas, all at once.
    const offers = Array.from({ length: 30 }, (_, i) => (i % 5 === 0 ? newest : { ticket: `ticket-${i}`, createTime: 1_700_000_000 + i }));
    const said = await Promise.all(offers.map((t, i) => stores[i % 3]!.offer(APP, t)));
    expect(offers.filter((_, i) => said[i])).toEqual([newest]);
    for (const store of stores) expect(await store.get(APP)).toEqual(newest);
  });

  it('tokens: set on one replica is seen by the others; deleteIf drops only the token it names', async () => {
    const [a, b] = await Promise.all([connect(), connect()]);
    const storeA = new RedisTokenStore(a, createLogger('silent'), { refreshTimeoutMs: 1000 });
    const storeB = new RedisTokenStore(b, createLogger('silent'), { refreshTimeoutMs: 1000 });
    const token = { token: 'tok-1', expiresAt: Date.now() + 60_000, lifetimeMs: 7_200_000 };
    await storeA.set(APP, token);
    expect(await storeB.get(APP)).toEqual(token);
    await storeB.deleteIf(APP, 'tok-0');
    expect(await storeA.get(APP)).toEqual(token);
    await storeB.deleteIf(APP, 'tok-1');
    expect(await storeA.get(APP)).toBeUndefined();
  });

  it('tokens: the refresh lease lets one replica at a time refresh', async () => {
    const replicas = await Promise.all([connect(), connect(), connect()]);
    const stores = replicas.map((r) => new RedisTokenStore(r, createLogger('silent'), { refreshTimeoutMs: 2000 }));
    let inside = 0;
    let most = 0;
    await Promise.all(
      stores.map((store) =>
        store.exclusive(APP, async () => {
          inside += 1;
          most = Math.max(most, inside);
          await new Promise((resolve) => setTimeout(resolve, 50));
          inside -= 1;
        }),
      ),
    );
    expect(most).toBe(1);
  });

  it('Redis away: the token this replica holds keeps serving; Redis back empty: refilled with it and the newest ticket', async () => {
    const connection = await connect();
    const tokens = new RedisTokenStore(connection, createLogger('silent'), { refreshTimeoutMs: 1000 });
    const tickets = new RedisTicketStore(connection, createLogger('silent'));
    const token = { token: 'tok-kept', expiresAt: Date.now() + 60_000, lifetimeMs: 7_200_000 };
    await tokens.set(APP, token);
    await tickets.offer(APP, { ticket: 'ticket-kept', createTime: 1_700_000_100 });
    await redis.stop();
    await until(() => !connection.ready);
    expect(await tokens.get(APP)).toEqual(token);
    await expect(tokens.exclusive(APP, async () => 'refreshed')).rejects.toThrow(/shared store/);
    await redis.start();
    await until(() => connection.ready);
    const other = await connect();
    // The refill runs as the connection comes back; another replica then reads what this one held.
    await expect.poll(() => new RedisTokenStore(other, createLogger('silent'), { refreshTimeoutMs: 1000 }).get(APP)).toEqual(token);
    expect(await new RedisTicketStore(other, createLogger('silent')).get(APP)).toEqual({
      ticket: 'ticket-kept',
      createTime: 1_700_000_100,
    });
  });

  it('journal: ids follow the entries’ times, pages go newest first by cursor, a month is a time range', async () => {
    const [a, b] = await Promise.all([connect(), connect()]);
    const journalA = new RedisChangeJournal<ChangeEntry>(a, APP, 'journal', createLogger('silent'));
    const journalB = new RedisChangeJournal<ChangeEntry>(b, APP, 'journal', createLogger('silent'));
    const base = Date.parse('2026-11-02T00:00:00Z');
    const ids: string[] = [];
    // 150 entries from two replicas, a few in the same millisecond.
    for (let i = 0; i < 150; i++) {
      const at = new Date(base + Math.floor(i / 3) * 1000).toISOString();
      ids.push((await (i % 2 ? journalA : journalB).append(journalEntry(at, `d${i}.example.com`))).id);
    }
    expect(new Set(ids).size).toBe(150);
    expect(ids[0]).toBe(`${base}-0`);
    // Paging by cursor: all 150, newest first, each once, while new entries arrive.
    const seen: string[] = [];
    let after: string | undefined;
    for (;;) {
      const page = await journalA.page(40, after);
      if (page.length === 0) break;
      seen.push(...page.map((e) => e.domains[0]!));
      after = page.at(-1)!.id;
      await journalB.append(journalEntry(new Date(base + 3_600_000).toISOString(), 'late.example.com'));
    }
    expect(seen).toEqual(Array.from({ length: 150 }, (_, i) => `d${149 - i}.example.com`));
    await expect(journalA.page(10, '1-0')).rejects.toBeInstanceOf(UnknownCursorError);
    await expect(journalA.page(10, 'not-an-id')).rejects.toBeInstanceOf(UnknownCursorError);
    // A time range: the first 30 seconds hold entries 0..89.
    expect(await journalB.between(base, base + 30_000)).toHaveLength(90);
    // An entry dated before the last one (a replica whose clock is behind) still comes after it.
    const behind = await journalA.append(journalEntry(new Date(base - 86_400_000).toISOString(), 'behind.example.com'));
    expect((await journalB.page(1))[0]!.id).toBe(behind.id);
  });

  it('journal: an entry made while Redis is away is kept, and appended when it returns', async () => {
    const connection = await connect();
    const journal = new RedisChangeJournal<ChangeEntry>(connection, APP, 'journal', createLogger('silent'));
    await journal.append(journalEntry('2026-11-02T00:00:00.000Z', 'before.example.com'));
    await redis.stop();
    await until(() => !connection.ready);
    const pending = await journal.append(journalEntry('2026-11-02T00:00:01.000Z', 'during.example.com'));
    expect(pending.id).toMatch(/^pending-/);
    await expect(journal.page(10)).rejects.toThrow(/shared store/);
    await redis.start();
    await until(() => connection.ready);
    // Redis came back empty: what this replica waited to append is there.
    await expect.poll(async () => (await journal.page(10)).map((e) => e.domains[0])).toEqual(['during.example.com']);
  });

  it('journal: an append Redis refuses on a live connection (out of memory) waits, and goes in before the next one', async () => {
    const connection = await connect();
    const journal = new RedisChangeJournal<ChangeEntry>(connection, APP, 'journal', createLogger('silent'));
    await journal.append(journalEntry('2026-11-02T00:00:00.000Z', 'first.example.com'));
    await connection.run('config', (client) => client.configSet({ maxmemory: '1', 'maxmemory-policy': 'noeviction' }));
    try {
      expect((await journal.append(journalEntry('2026-11-02T00:00:01.000Z', 'refused.example.com'))).id).toMatch(/^pending-/);
    } finally {
      await connection.run('config', (client) => client.configSet({ maxmemory: '0' }));
    }
    expect(connection.ready).toBe(true);
    await journal.append(journalEntry('2026-11-02T00:00:02.000Z', 'next.example.com'));
    expect((await journal.page(10)).map((e) => e.domains[0])).toEqual(['next.example.com', 'refused.example.com', 'first.example.com']);
  });
});
