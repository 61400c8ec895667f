import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { createLogger } from '../../src/logger.js';
import { RedisConnection } from '../../src/stores/redis/connection.js';
import { RedisLeases } from '../../src/stores/redis/lease.js';
import { describeWithRedis, type RedisServer, startRedis, until } from '../support/redis.js';

describeWithRedis('leases on a real redis-server', () => {
  let redis: RedisServer;
  let a: RedisConnection;
  let b: RedisConnection;
  beforeAll(async () => {
    redis = await startRedis();
    const settings = { url: redis.url, keyPrefix: 'test:', commandTimeoutMs: 1000 };
    a = new RedisConnection(settings, createLogger('silent'));
    b = new RedisConnection(settings, createLogger('silent'));
    a.start();
    b.start();
    await until(() => a.ready && b.ready);
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
    await redis?.close();
  });

  /** SET commands Redis has run so far (each tryAcquire is one). */
  const setCalls = async () => {
    const stats = await a.run('info', (client) => client.info('commandstats'));
    return Number(/cmdstat_set:calls=(\d+)/.exec(String(stats))?.[1] ?? 0);
  };

  it('one holder at a time; only the holder releases', async () => {
    const leasesA = new RedisLeases(a);
    const leasesB = new RedisLeases(b);
    const held = await leasesA.tryAcquire('test:l1', 10_000);
    expect(held).toBeDefined();
    expect(await leasesB.tryAcquire('test:l1', 10_000)).toBeUndefined();
    // Another owner value cannot release or extend it.
    expect(await leasesB.release({ key: 'test:l1', owner: 'not-the-owner' })).toBe(false);
    expect(await leasesB.extend({ key: 'test:l1', owner: 'not-the-owner' }, 10_000)).toBe(false);
    expect(await leasesA.release(held!)).toBe(true);
    expect(await leasesB.tryAcquire('test:l1', 10_000)).toBeDefined();
  });

  it('a waiter gets the lease once the holder releases it, within its wait', async () => {
    const leases = new RedisLeases(a);
    const held = await leases.tryAcquire('test:l2', 10_000);
    const before = await setCalls();
    const waiting = new RedisLeases(b).acquire('test:l2', 10_000, 10_000);
    // The waiter has tried twice and found it taken (Redis counts the SETs): it is waiting now.
    await vi.waitFor(async () => expect(await setCalls()).toBeGreaterThanOrEqual(before + 2), { timeout: 10_000, interval: 5 });
    await leases.release(held!);
    expect(await waiting).toBeDefined();
  });

  it('a lease nobody releases expires after its time; a waiter that gives up first gets nothing', async () => {
    const leases = new RedisLeases(a);
    // A lease far longer than the first waiter's wait, so a slow machine cannot let it expire in between.
    expect(await leases.tryAcquire('test:l3', 1_000)).toBeDefined();
    expect(await new RedisLeases(b).acquire('test:l3', 1_000, 50)).toBeUndefined();
    expect(await new RedisLeases(b).acquire('test:l3', 1_000, 10_000)).toBeDefined();
  });

  it('a lease that expired and was taken by another is not released by its first holder', async () => {
    const first = await new RedisLeases(a).tryAcquire('test:l4', 100);
    // Expired: Redis has removed the key.
    await vi.waitFor(async () => expect(await a.run('exists', (client) => client.exists('test:l4'))).toBe(0), { timeout: 10_000 });
    const second = await new RedisLeases(b).tryAcquire('test:l4', 10_000);
    expect(second).toBeDefined();
    expect(await new RedisLeases(a).release(first!)).toBe(false);
    expect(await a.run('get', (client) => client.get('test:l4'))).toBe(second!.owner);
  });
});
