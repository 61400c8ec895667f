import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/logger.js';
import type { RegistryStore } from '../../src/mini-programs/ports.js';
import { createService, type Service, type ServiceOptions } from '../../src/server.js';
import { FileRegistryStore } from '../../src/stores/file/mini-program-registry.js';
import { MemoryRegistryStore } from '../../src/stores/mini-program-registry.js';
import { type Simulator, startSimulator } from '../../src/wechat/simulator/server.js';

// The registry across restarts: services come and go, one simulated WeChat stays (as WeChat would).

let dir: string;
let sim: Simulator;
const services: Service[] = [];
const logLines: string[] = [];
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'wxa-mini-programs-'));
});
afterEach(async () => {
  for (const service of services.splice(0)) await service.close();
  logLines.length = 0;
  await sim?.close();
  rmSync(dir, { recursive: true, force: true });
});

function serve(registry: RegistryStore = new MemoryRegistryStore(), extra: Partial<ServiceOptions> = {}): Service {
  const sink = new Writable({
    write(chunk, _encoding, done) {
      logLines.push(String(chunk));
      done();
    },
  });
  const service = createService({
    wechat: { baseUrl: sim.url, timeoutMs: 2000, credentials: { mode: 'component', ...sim.credentials } },
    logger: createLogger('trace', sink),
    miniProgramRegistry: registry,
    now: () => sim.now(),
    ...extra,
  });
  services.push(service);
  return service;
}

describe('the registry in DATA_DIR', () => {
  it('keeps a rotated refresh token across a restart, in a file for the service user only; nobody is classified twice', async () => {
    sim = await startSimulator({ authorizers: { rotateRefreshTokens: true } });
    const appId = 'wxsimminiprogram0001';
    const first = serve(await FileRegistryStore.open(dir, sim.credentials.componentAppId));
    await first.miniPrograms!.sync();
    await first.miniPrograms!.tokens.get(appId);
    await first.close();
    services.length = 0;

    const [file] = readdirSync(dir).filter((f) => f.startsWith('mini-programs.'));
    expect(statSync(join(dir, file!)).mode & 0o777).toBe(0o600);
    // The rotated token is the one on disk: the one the list (and WeChat) holds now.
    expect(readFileSync(join(dir, file!), 'utf8')).toContain(sim.authorizers.get(appId)!.refreshToken);

    sim.advanceClock(3 * 3_600_000);
    const second = serve(await FileRegistryStore.open(dir, sim.credentials.componentAppId));
    const token = await second.miniPrograms!.tokens.get(appId);
    expect(sim.authorizers.checkAccessToken(token, sim.now())).toEqual({ appId });
    // No 61023 and no trip to the list: the kept refresh token was good.
    expect(sim.count('authorizer_token')).toBe(2);
    expect(sim.count('authorizer_list')).toBe(1);
    await second.miniPrograms!.sync();
    expect(sim.count('authorizer_info')).toBe(6);
    expect((await second.miniPrograms!.lastSync())?.added).toBe(0);
  });

  it('a refresh token missing from the store is recovered from the authorizer list, without a person acting', async () => {
    sim = await startSimulator();
    const registry = await FileRegistryStore.open(dir, sim.credentials.componentAppId);
    const service = serve(registry);
    await service.miniPrograms!.sync();
    // As a store that lost its refresh tokens (a Redis restarted without its append-only file) leaves them.
    await registry.putMany((await registry.all()).map((a) => ({ ...a, refreshToken: undefined })));
    const token = await service.miniPrograms!.tokens.get('wxsimminiprogram0003');
    expect(sim.authorizers.checkAccessToken(token, sim.now())).toEqual({ appId: 'wxsimminiprogram0003' });
    expect(sim.count('authorizer_list')).toBe(2);
    // One sync refilled them all: the next Mini Program needs no list call.
    await service.miniPrograms!.tokens.get('wxsimminiprogram0004');
    expect(sim.count('authorizer_list')).toBe(2);
    expect(sim.count('authorizer_info')).toBe(6);
  });
});

/** Resolves once `check` holds, or fails after a generous bound. */
async function eventually(check: () => Promise<boolean>, timeoutMs = 5_000): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (!(await check())) {
    if (performance.now() > deadline) throw new Error(`not within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe('the background syncs', () => {
  it('syncs at start-up in the background, then every MINI_PROGRAM_SYNC_INTERVAL_MS', async () => {
    sim = await startSimulator();
    const service = serve(undefined, { miniProgramSyncIntervalMs: 200 });
    await eventually(async () => (await service.miniPrograms!.lastSync()) !== undefined);
    expect((await service.miniPrograms!.lastSync())?.total).toBe(5);
    await eventually(async () => sim.count('authorizer_list') >= 2);
    expect(sim.count('authorizer_info')).toBe(6);
  });

  it('a failed start-up sync is one log line, changes nothing and keeps /ready and every other answer', async () => {
    sim = await startSimulator();
    sim.injectFault({ on: 'authorizer_list', errcode: -1, errmsg: 'system error', times: 10 });
    const service = serve(undefined, { miniProgramSyncIntervalMs: 0 });
    await eventually(async () => logLines.some((l) => l.includes('Mini Program sync failed')));
    expect(logLines.filter((l) => l.includes('Mini Program sync failed'))).toHaveLength(1);
    expect(await service.miniPrograms!.lastSync()).toBeUndefined();
    const ready = await service.yoga.fetch('http://yoga/ready');
    expect(ready.status).toBe(200);
    const read = await service.yoga.fetch('http://yoga/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ serverDomains { __typename } miniPrograms { edges { node { appId } } } }' }),
    });
    expect(await read.json()).toEqual({ data: { serverDomains: { __typename: 'ServerDomains' }, miniPrograms: { edges: [] } } });
  });
});
