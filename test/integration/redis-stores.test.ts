import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import { createLogger } from '../../src/logger.js';
import { RedisConnection } from '../../src/stores/redis/connection.js';
import { RedisTicketStore } from '../../src/stores/redis/ticket-store.js';
import { RedisTokenStore } from '../../src/stores/redis/token-store.js';
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
    await admin.client.flushAll();
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
    expect(kept.filter(Boolean).length).toBeGreaterThanOrEqual(1);
    for (const store of stores) expect(await store.get(APP)).toEqual(offers.at(-1));
    // A replay of an older push changes nothing.
    expect(await stores[1]!.offer(APP, offers[3]!)).toBe(false);
    expect(await stores[2]!.get(APP)).toEqual(offers.at(-1));
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
});
