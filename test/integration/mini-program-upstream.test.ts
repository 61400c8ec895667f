import { afterEach, describe, expect, it } from 'vitest';
import type { ChangeAction } from '../../src/domains/change-entry.js';
import { ChangeFlow } from '../../src/domains/change-flow.js';
import {
  type MiniProgramChangeEntry,
  type MiniProgramServerDomainsChange,
  miniProgramServerList,
  miniProgramWebviewList,
} from '../../src/domains/mini-program-lists.js';
import { ReadPath } from '../../src/domains/read-path.js';
import { createLogger } from '../../src/logger.js';
import { MemoryChangeJournal } from '../../src/stores/change-journal.js';
import { MemoryReadCache } from '../../src/stores/read-cache.js';
import { MemoryWriteLock } from '../../src/stores/write-lock.js';
import { WechatClient } from '../../src/wechat/client.js';
import { JsonHttp } from '../../src/wechat/http.js';
import { type AuthorizerTokenSource, MiniProgramClient } from '../../src/wechat/mini-program-client.js';
import { type Simulator, type SimulatorOptions, startSimulator } from '../../src/wechat/simulator/server.js';
import { StaticTokenProvider } from '../../src/wechat/token.js';

/**
 * The Mini Programs' adapter against the simulator over real HTTP: the four /wxa calls, the errcodes'
 * members, the authorizer token's one refresh, and the process-wide bound on /wxa calls in flight.
 */

const COMPONENT_TOKEN = 'component-token-for-tests';
const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** Authorizer tokens as the registry gives them: one per Mini Program until invalidated, each issued by the simulator. */
class SimulatorTokens implements AuthorizerTokenSource {
  readonly current = new Map<string, string>();
  readonly invalidated: string[] = [];
  /** Answer `false` from invalidate (a token that cannot be refreshed). */
  refreshable = true;
  constructor(readonly sim: Simulator) {}
  async get(appId: string): Promise<string> {
    let token = this.current.get(appId);
    if (!token) {
      token = this.sim.miniProgramDomains.issueToken(appId);
      this.current.set(appId, token);
    }
    return token;
  }
  async invalidate(appId: string, token: string): Promise<boolean> {
    this.invalidated.push(appId);
    if (this.current.get(appId) === token) this.current.delete(appId);
    return this.refreshable;
  }
}

async function setUp(options: SimulatorOptions = {}, concurrency = 8) {
  const sim = await startSimulator({ staticTokens: [COMPONENT_TOKEN], ...options });
  const http = new JsonHttp(sim.url, { timeoutMs: 5000 });
  const client = new WechatClient({
    http,
    tokens: new StaticTokenProvider(COMPONENT_TOKEN),
    logger: createLogger('silent'),
    baseUrl: sim.url,
    timeoutMs: 5000,
  });
  cleanups.push(
    () => sim.close(),
    () => client.close(),
  );
  const tokens = new SimulatorTokens(sim);
  const miniPrograms = new MiniProgramClient({ client, tokens, concurrency });
  return { sim, tokens, miniPrograms };
}

/** Both lists of one Mini Program on the core's change flow, sharing one journal (as the service composes them). */
function flowsOf(miniPrograms: MiniProgramClient, appId: string, monthlyLimit: number | null = 50) {
  const journal = new MemoryChangeJournal<MiniProgramChangeEntry>();
  const writeLock = new MemoryWriteLock();
  const server = miniProgramServerList(appId);
  const webview = miniProgramWebviewList(appId);
  const serverUpstream = miniPrograms.serverDomains(appId);
  const webviewUpstream = miniPrograms.webviewDomains(appId);
  const common = { writeLock, journal, timeoutMs: 5000 };
  return {
    server: new ChangeFlow({
      ...common,
      list: server,
      upstream: serverUpstream,
      reads: new ReadPath({ key: server.key, fetch: serverUpstream.read, cache: new MemoryReadCache(server), ttlMs: 0, timeoutMs: 5000 }),
      monthlyLimit,
    }),
    webview: new ChangeFlow({
      ...common,
      list: webview,
      upstream: webviewUpstream,
      reads: new ReadPath({
        key: webview.key,
        fetch: webviewUpstream.read,
        cache: new MemoryReadCache(webview),
        ttlMs: 0,
        timeoutMs: 5000,
      }),
      monthlyLimit: null,
    }),
  };
}

const wxaCalls = (sim: Simulator, name?: string) => sim.calls.filter((c) => c.kind === 'wxa' && (name === undefined || c.wxa === name));

describe('reads: the four views of each list', () => {
  it("decodes get_effective_domain and get_effective_webviewdomain, with the Mini Program's token", async () => {
    const { sim, miniPrograms, tokens } = await setUp();
    const server = await miniPrograms.serverDomains('wxmp1').read();
    expect(server.platform.request).toEqual(['https://api.example.com']);
    expect(server.console.request).toEqual(['https://console.example.net']);
    expect(server.effective.request).toEqual(['https://console.example.net', 'https://api.example.com']);
    expect(server.direct).toEqual({ request: [], ws: [], upload: [], download: [], udp: [], tcp: [] });
    const webview = await miniPrograms.webviewDomains('wxmp1').read();
    expect(webview).toEqual({ effective: ['https://www.example.com'], platform: ['https://www.example.com'], direct: [], console: [] });
    const calls = wxaCalls(sim);
    expect(calls.map((c) => c.wxa)).toEqual(['get_effective_domain', 'get_effective_webviewdomain']);
    // The component token never travels on a Mini Program's call (the simulator would refuse it).
    expect(tokens.current.has('wxmp1')).toBe(true);
  });
});

describe('changes through the core', () => {
  it('ADD sends modify_domain with all six arrays, and answers from a read made after WeChat accepted it', async () => {
    const { sim, miniPrograms } = await setUp();
    const { server } = flowsOf(miniPrograms, 'wxmp1');
    sim.calls.length = 0;
    const { state, entry } = await server.change({ action: 'add', kinds: { ws: ['wss://api.example.com'] } }, { caller: 'ops' });
    expect(state.platform.ws).toEqual(['wss://api.example.com']);
    expect(entry).toMatchObject({ effect: 'APPLIED', appId: 'wxmp1', list: 'SERVER', outcome: 'MiniProgramServerDomains' });
    const calls = wxaCalls(sim);
    expect(calls.map((c) => c.wxa)).toEqual(['get_effective_domain', 'modify_domain', 'get_effective_domain']);
    expect(calls[1]?.body).toEqual({
      action: 'add',
      requestdomain: [],
      wsrequestdomain: ['wss://api.example.com'],
      uploaddomain: [],
      downloaddomain: [],
      udpdomain: [],
      tcpdomain: [],
    });
  });

  it('SET sends the kinds the input left out as the fresh read found them; an explicit [] clears a kind', async () => {
    const { sim, miniPrograms } = await setUp();
    const { server } = flowsOf(miniPrograms, 'wxmp1');
    const { state } = await server.change({ action: 'set', kinds: { request: [] } }, { caller: null });
    expect(state.platform.request).toEqual([]);
    // download was left out: kept, sent as it was.
    expect(state.platform.download).toEqual(['https://api.example.com']);
    expect(wxaCalls(sim, 'modify_domain').at(-1)?.body).toMatchObject({
      action: 'set',
      requestdomain: [],
      downloaddomain: ['https://api.example.com'],
    });
  });

  it('a no-op sends nothing to modify_domain or setwebviewdomain, per list', async () => {
    const { sim, miniPrograms } = await setUp();
    const { server, webview } = flowsOf(miniPrograms, 'wxmp1');
    const a = await server.change({ action: 'add', kinds: { request: ['https://api.example.com'] } }, { caller: null });
    const b = await webview.change({ action: 'delete', domains: ['https://gone.example.com'] }, { caller: null });
    expect([a.entry.effect, b.entry.effect]).toEqual(['NO_OP', 'NO_OP']);
    expect(wxaCalls(sim, 'modify_domain')).toHaveLength(0);
    expect(wxaCalls(sim, 'setwebviewdomain')).toHaveLength(0);
  });

  it('setwebviewdomain always carries an explicit action', async () => {
    const { sim, miniPrograms } = await setUp({ jumpDomains: { testing: ['example.com'], published: ['example.com'] } });
    const { webview } = flowsOf(miniPrograms, 'wxmp1');
    const { state } = await webview.change({ action: 'add', domains: ['https://m.example.com'] }, { caller: null });
    expect(state.platform).toEqual(['https://www.example.com', 'https://m.example.com']);
    expect(wxaCalls(sim, 'setwebviewdomain')[0]?.body).toEqual({ action: 'add', webviewdomain: ['https://m.example.com'] });
  });

  it("the 50th change is made, the 51st refused locally with nothing sent, while another Mini Program's count stays", async () => {
    const { sim, miniPrograms } = await setUp();
    const one = flowsOf(miniPrograms, 'wxmp1');
    const other = flowsOf(miniPrograms, 'wxmp2');
    for (let i = 1; i <= 50; i++) {
      const action: ChangeAction = i % 2 === 1 ? 'add' : 'delete';
      const { entry } = await one.server.change({ action, kinds: { tcp: ['tcp://api.example.com:9000'] } }, { caller: null });
      expect(entry.effect).toBe('APPLIED');
    }
    const sent = wxaCalls(sim, 'modify_domain').length;
    await expect(one.server.change({ action: 'add', kinds: { udp: ['udp://api.example.com:1'] } }, { caller: null })).rejects.toMatchObject(
      {
        name: 'MonthlyQuotaExceededError',
        errcode: 45104,
      },
    );
    expect(wxaCalls(sim, 'modify_domain')).toHaveLength(sent);
    expect((await one.server.monthlyQuota()).remaining).toBe(0);
    expect((await other.server.monthlyQuota()).remaining).toBe(50);
    const { entry } = await other.server.change({ action: 'add', kinds: { udp: ['udp://api.example.com:1'] } }, { caller: null });
    expect(entry.effect).toBe('APPLIED');
    expect(sim.miniProgramDomains.lists('wxmp1').changesThisMonth).toBe(50);
    expect(sim.miniProgramDomains.lists('wxmp2').changesThisMonth).toBe(1);
  });
});

describe("WeChat's errcodes as members", () => {
  const add = (kinds: MiniProgramServerDomainsChange['kinds']): MiniProgramServerDomainsChange => ({ action: 'add', kinds });

  it('85018 (a host the platform lacks, the list changed meanwhile) → DomainNotOnPlatformError, REFUSED', async () => {
    const { miniPrograms } = await setUp();
    const { server } = flowsOf(miniPrograms, 'wxmp1');
    await expect(server.change(add({ request: ['https://elsewhere.example.net'] }), { caller: null })).rejects.toMatchObject({
      name: 'DomainNotOnPlatformError',
      errcode: 85018,
    });
    expect((await server.changes(1))[0]).toMatchObject({ effect: 'REFUSED', outcome: 'DomainNotOnPlatformError', errcode: 85018 });
  });

  it('89021 (a webview host outside the business domains) → DomainNotOnPlatformError', async () => {
    const { miniPrograms } = await setUp();
    await expect(miniPrograms.webviewDomains('wxmp1').change({ action: 'add', domains: ['https://other.net'] })).rejects.toMatchObject({
      name: 'DomainNotOnPlatformError',
      errcode: 89021,
    });
  });

  it.each([
    [85301, 'DomainNotOnPlatformError'],
    [85016, 'DomainCountLimitError'],
    [89029, 'DomainCountLimitError'],
    [45104, 'MonthlyQuotaExceededError'],
    [48001, 'UnknownWechatError'],
  ])('%i → %s', async (errcode, name) => {
    const { sim, miniPrograms } = await setUp();
    sim.injectFault({ on: 'wxa', action: 'add', errcode, errmsg: `simulated ${errcode}` });
    await expect(miniPrograms.serverDomains('wxmp1').change(add({ request: ['https://api.example.com'] }))).rejects.toMatchObject({
      name,
      errcode,
      errmsg: `simulated ${errcode}`,
    });
  });

  it('-1 is retried, then SystemBusyError', async () => {
    const { sim, miniPrograms } = await setUp();
    sim.injectFault({ on: 'wxa', errcode: -1, times: 5 });
    await expect(miniPrograms.serverDomains('wxmp1').read()).rejects.toMatchObject({ name: 'SystemBusyError', errcode: -1 });
    expect(wxaCalls(sim, 'get_effective_domain')).toHaveLength(3);
  });

  it("45104 from WeChat ends the month for that Mini Program's server domains only", async () => {
    const { miniPrograms } = await setUp({ miniProgramDomains: { monthlyQuota: 1 } });
    const { server, webview } = flowsOf(miniPrograms, 'wxmp1', null);
    await server.change(add({ upload: ['https://api.example.com'] }), { caller: null });
    await expect(server.change(add({ ws: ['wss://api.example.com'] }), { caller: null })).rejects.toMatchObject({ errcode: 45104 });
    expect(await server.monthlyQuota()).toMatchObject({ remaining: 0, exhaustedAtWechat: true });
    expect((await webview.change({ action: 'set', domains: [] }, { caller: null })).entry.effect).toBe('APPLIED');
  });
});

describe("the Mini Program's authorizer token", () => {
  it('40001 → invalidated, a fresh token, the call made once more', async () => {
    const { sim, miniPrograms, tokens } = await setUp();
    const first = await tokens.get('wxmp1');
    sim.miniProgramDomains.revokeToken(first);
    await miniPrograms.serverDomains('wxmp1').read();
    expect(tokens.invalidated).toEqual(['wxmp1']);
    expect(wxaCalls(sim, 'get_effective_domain')).toHaveLength(2);
  });

  it("refused again → AccessTokenError naming the Mini Program's token, and no token in the error", async () => {
    const { sim, miniPrograms, tokens } = await setUp();
    tokens.refreshable = false;
    const token = await tokens.get('wxmp1');
    sim.miniProgramDomains.revokeToken(token);
    const error = await miniPrograms
      .serverDomains('wxmp1')
      .read()
      .catch((e: unknown) => e as Error);
    expect(error).toMatchObject({ name: 'AccessTokenError', errcode: 40001 });
    expect((error as Error).message).toContain('authorizer access token of Mini Program wxmp1');
    expect(JSON.stringify({ ...(error as object), message: (error as Error).message })).not.toContain(token);
  });
});

describe('at most WECHAT_CONCURRENCY /wxa calls in flight for the whole process', () => {
  it('60 Mini Programs read at once: 8 in flight at most, and 8 at some point', async () => {
    const { sim, miniPrograms } = await setUp({ miniProgramDomains: { delayMs: 20 } }, 8);
    const appIds = Array.from({ length: 60 }, (_, i) => `wxmp${i}`);
    const read = Promise.all(appIds.map((appId) => miniPrograms.serverDomains(appId).read()));
    expect(miniPrograms.load.inFlight).toBeLessThanOrEqual(8);
    const states = await read;
    expect(states).toHaveLength(60);
    expect(sim.miniProgramDomains.mostAtOnce).toBe(8);
    expect(wxaCalls(sim, 'get_effective_domain')).toHaveLength(60);
  });

  it('the bound holds across lists and Mini Programs (WECHAT_CONCURRENCY=3)', async () => {
    const { sim, miniPrograms } = await setUp({ miniProgramDomains: { delayMs: 10 } }, 3);
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        i % 2 === 0 ? miniPrograms.serverDomains(`wxmp${i}`).read() : miniPrograms.webviewDomains(`wxmp${i}`).read(),
      ),
    );
    expect(sim.miniProgramDomains.mostAtOnce).toBe(3);
  });
});

describe('the simulated WeChat', () => {
  it('an action-less setwebviewdomain adds every platform business domain, as WeChat', async () => {
    const { sim } = await setUp({ jumpDomains: { testing: ['a.example.com'], published: ['b.example.com'] } });
    const token = sim.miniProgramDomains.issueToken('wxmp1');
    const post = (path: string, body: unknown) =>
      fetch(`${sim.url}${path}?access_token=${token}`, { method: 'POST', body: JSON.stringify(body) }).then((r) => r.json());
    expect(await post('/wxa/setwebviewdomain', {})).toMatchObject({ errcode: 0 });
    expect(await post('/wxa/get_effective_webviewdomain', {})).toMatchObject({
      third_webviewdomain: ['https://www.example.com', 'https://a.example.com', 'https://b.example.com'],
    });
  });

  it('refuses a call without an authorizer token it issued, and the component token', async () => {
    const { sim } = await setUp();
    const post = (token: string) =>
      fetch(`${sim.url}/wxa/get_effective_domain?access_token=${token}`, { method: 'POST', body: '{}' }).then((r) => r.json());
    expect(await post(COMPONENT_TOKEN)).toMatchObject({ errcode: 40001 });
  });
});
