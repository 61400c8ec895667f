import { Writable } from 'node:stream';
import { afterEach, expect, it } from 'vitest';
import { createLogger } from '../../src/logger.js';
import { createService, type Service } from '../../src/server.js';
import { RedisConnection } from '../../src/stores/redis/connection.js';
import { RedisAuthorizerTokenCache, RedisRegistryStore } from '../../src/stores/redis/mini-program-registry.js';
import { RedisTokenStore } from '../../src/stores/redis/token-store.js';
import { type Simulator, startSimulator } from '../../src/wechat/simulator/server.js';
import { type Fleet, startFleet as startProcessFleet } from '../support/fleet.js';
import { describeWithRedis, type RedisServer, startRedis, until } from '../support/redis.js';
import { simulatorSecrets } from '../support/secrets.js';

// Three replicas (services of their own, each with its own Redis connection) on one real redis-server and
// one simulated WeChat: what the fleet shares about Mini Programs goes through Redis over real TCP.

let redis: RedisServer | undefined;
let processes: Fleet | undefined;
let sim: Simulator | undefined;
const replicas: Service[] = [];
const connections: RedisConnection[] = [];
const logLines: string[] = [];
afterEach(async () => {
  await processes?.close();
  processes = undefined;
  for (const replica of replicas.splice(0)) await replica.close();
  for (const connection of connections.splice(0)) await connection.close();
  const secrets = sim ? simulatorSecrets(sim) : [];
  await sim?.close();
  await redis?.close();
  for (const line of logLines.splice(0)) for (const secret of secrets) expect(line).not.toContain(secret);
});

async function startFleet(simulatorOptions: Parameters<typeof startSimulator>[0] = {}): Promise<Service[]> {
  redis = await startRedis();
  sim = await startSimulator(simulatorOptions);
  const platform = sim.credentials.componentAppId;
  for (let i = 0; i < 3; i++) {
    const sink = new Writable({
      write(chunk, _encoding, done) {
        logLines.push(String(chunk));
        done();
      },
    });
    const logger = createLogger('trace', sink);
    const connection = new RedisConnection({ url: redis.url, keyPrefix: 'fleet:', commandTimeoutMs: 1000 }, logger);
    connection.start();
    connections.push(connection);
    await until(() => connection.ready);
    replicas.push(
      createService({
        wechat: { baseUrl: sim.url, timeoutMs: 2000, credentials: { mode: 'component', ...sim.credentials } },
        logger,
        tokenStore: new RedisTokenStore(connection, logger, { refreshTimeoutMs: 2000 }),
        miniProgramRegistry: new RedisRegistryStore(connection, platform, logger),
        authorizerTokenCache: new RedisAuthorizerTokenCache(connection, platform, logger, { refreshTimeoutMs: 2000 }),
      }),
    );
  }
  return replicas;
}

const APPS = ['wxsimminiprogram0001', 'wxsimminiprogram0002', 'wxsimminiprogram0003', 'wxsimminiprogram0004', 'wxsimminiprogram0005'];

describeWithRedis('Mini Programs on a fleet of three replicas sharing Redis', () => {
  it('one api_authorizer_token per Mini Program for the whole fleet', async () => {
    const fleet = await startFleet();
    await fleet[0]!.miniPrograms!.sync();
    const needs = APPS.flatMap((appId) => Array.from({ length: 30 }, (_, i) => fleet[i % 3]!.miniPrograms!.tokens.get(appId)));
    const tokens = await Promise.all(needs);
    expect(new Set(tokens).size).toBe(APPS.length);
    expect(sim!.count('authorizer_token')).toBe(APPS.length);
  }, 30_000);

  it('one sync at a time: syncs asked of every replica during one answer its result', async () => {
    const fleet = await startFleet();
    // The first page comes slowly, so the other replicas' syncs arrive while it runs.
    sim!.injectFault({ on: 'authorizer_list', delayMs: 300 });
    const results = await Promise.all(fleet.map((replica) => replica.miniPrograms!.sync()));
    expect(sim!.count('authorizer_list')).toBe(1);
    expect(sim!.count('authorizer_info')).toBe(6);
    expect(new Set(results.map((r) => r.at)).size).toBe(1);
    expect(results[2]).toMatchObject({ total: 5, added: 5, revoked: 0 });
  }, 30_000);

  it('a Redis emptied by a restart is refilled from the authorizer list, without a person acting', async () => {
    const fleet = await startFleet();
    await fleet[0]!.miniPrograms!.sync();
    await fleet[1]!.miniPrograms!.tokens.get(APPS[0]!);
    await redis!.stop();
    await redis!.start();
    for (const connection of connections) await until(() => connection.ready, 10_000);
    // Everything is gone, the refresh tokens too; the next need of a token takes them again from the list.
    const token = await fleet[2]!.miniPrograms!.tokens.get(APPS[1]!);
    expect(sim!.authorizers.checkAccessToken(token, sim!.now())).toEqual({ appId: APPS[1] });
    expect(sim!.count('authorizer_list')).toBe(2);
    expect((await fleet[0]!.miniPrograms!.get(APPS[4]!))?.status).toBe('AUTHORIZED');
  }, 30_000);

  it('three service processes starting together classify each authorizer once, and answer one sync together', async () => {
    processes = await startProcessFleet({ simulator: { authorizers: { miniPrograms: 40, officialAccounts: 2 } } });
    const SYNCED = '{ miniProgramSync { at total } miniPrograms(first: 500) { edges { node { appId } } } }';
    // The start-up syncs run in the background, one at a time through Redis.
    const deadline = performance.now() + 20_000;
    while ((await processes.post(2, SYNCED)).body.data.miniProgramSync === null) {
      if (performance.now() > deadline) throw new Error(`no start-up sync:\n${processes.replicas[2]!.output()}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    await until(() => processes!.sim.count('authorizer_info') >= 42, 20_000);
    expect(processes.sim.count('authorizer_info')).toBe(42);
    for (const i of [0, 1, 2]) expect((await processes.post(i, SYNCED)).body.data.miniPrograms.edges).toHaveLength(40);

    const listedBefore = processes.sim.count('authorizer_list');
    processes.sim.injectFault({ on: 'authorizer_list', delayMs: 500 });
    const SYNC = 'mutation { syncMiniPrograms { __typename ... on MiniProgramSync { at total added } } }';
    const answers = await Promise.all([0, 1, 2].map((i) => processes!.post(i, SYNC)));
    const results = answers.map((a) => a.body.data.syncMiniPrograms);
    expect(new Set(results.map((r: { at: string }) => r.at)).size).toBe(1);
    expect(results[0]).toMatchObject({ __typename: 'MiniProgramSync', total: 40, added: 0 });
    expect(processes.sim.count('authorizer_list')).toBe(listedBefore + 1);
    expect(processes.sim.count('authorizer_info')).toBe(42);
  }, 60_000);
});
