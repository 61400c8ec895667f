import { describe, expect, it } from 'vitest';
import { ChangeFlow } from '../../src/domains/change-flow.js';
import { DomainValidationError } from '../../src/domains/errors.js';
import { ceilingHosts, withinCeiling } from '../../src/domains/mini-program-ceiling.js';
import { entriesInForm, hostOf, parseEntry } from '../../src/domains/mini-program-entries.js';
import {
  type MiniProgramChangeEntry,
  type MiniProgramServerDomainsChange,
  type MiniProgramWebviewDomainsChange,
  miniProgramServerList,
  miniProgramWebviewList,
  NOT_ON_PLATFORM_BUSINESS,
  NOT_ON_PLATFORM_SERVER,
  serverEntriesLeaving,
  validateServerChange,
  validateWebviewChange,
  webviewEntriesLeaving,
} from '../../src/domains/mini-program-lists.js';
import { ReadPath } from '../../src/domains/read-path.js';
import { MemoryChangeJournal } from '../../src/stores/change-journal.js';
import { MemoryReadCache } from '../../src/stores/read-cache.js';
import { MemoryWriteLock } from '../../src/stores/write-lock.js';
import { kinds, serverState, webviewState } from '../support/mini-program-states.js';

const SERVER_CEILING = ['api.example.com', 'ws.example.com', 'upload.example.com'];
const BUSINESS_CEILING = ['example.com', 'shop.example.org'];

function refusal(fn: () => unknown): DomainValidationError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(DomainValidationError);
    return error as DomainValidationError;
  }
  throw new Error('expected a DomainValidationError');
}

describe('parseEntry: one entry with its scheme', () => {
  it('normalises scheme, host and port as WeChat stores them', () => {
    expect(parseEntry(' HTTPS://API.Example.COM:0443 ', 'https', true)).toEqual({
      ok: true,
      entry: 'https://api.example.com:443',
      host: 'api.example.com',
    });
    expect(parseEntry('wss://例子.中国', 'wss', true)).toMatchObject({ ok: true, entry: 'wss://xn--fsqu00a.xn--fiqs8s' });
  });

  it.each([
    ['api.example.com', 'needs the scheme https://'],
    ['http://api.example.com', 'has the scheme http:// where this kind takes https://'],
    ['wss://api.example.com', 'has the scheme wss:// where this kind takes https://'],
    ['https://api.example.com/v1', 'has a path, query or fragment'],
    ['https://api.example.com/', 'has a path, query or fragment'],
    ['https://api.example.com?x=1', 'has a path, query or fragment'],
    ['https://user@api.example.com', 'contains user information'],
    ['https://api.example.com:0', 'has a port outside 1–65535'],
    ['https://api.example.com:65536', 'has a port outside 1–65535'],
    ['https://api.example.com:', 'has a port outside 1–65535'],
    ['https://10.0.0.1', 'is an IP address'],
    ['https://[::1]:443', 'is an IP address'],
    ['https://localhost', 'needs at least two labels'],
    ['https://api.weixin.qq.com', "WeChat's own API host"],
    ['https://API.WEIXIN.QQ.COM:443', "WeChat's own API host"],
  ])('refuses %s', (raw, reason) => {
    const check = parseEntry(raw, 'https', true);
    expect(check.ok).toBe(false);
    expect(check.ok ? '' : check.reason).toContain(reason);
  });

  it('takes a port from 1 to 65535, and none for webview domains', () => {
    expect(parseEntry('tcp://a.example.com:1', 'tcp', true)).toMatchObject({ ok: true, entry: 'tcp://a.example.com:1' });
    expect(parseEntry('udp://a.example.com:65535', 'udp', true)).toMatchObject({ ok: true });
    expect(parseEntry('https://a.example.com:443', 'https', false)).toEqual({ ok: false, reason: 'has a port: webview domains take none' });
  });

  it('shows entries in UNICODE form: the host only, scheme and port kept; ASCII is the same list', () => {
    const entries = ['https://xn--fsqu00a.xn--fiqs8s:8443', 'wss://api.example.com', 'tcp://xn--fsqu00a.xn--fiqs8s'];
    expect(entriesInForm(entries, 'UNICODE')).toEqual(['https://例子.中国:8443', 'wss://api.example.com', 'tcp://例子.中国']);
    expect(entriesInForm(entries, 'ASCII')).toBe(entries);
  });

  it('reads the host of an entry WeChat answered', () => {
    expect(hostOf('https://api.example.com:8443')).toBe('api.example.com');
    expect(hostOf('tcp://a.example.com')).toBe('a.example.com');
    expect(hostOf('a.example.com')).toBe('a.example.com');
  });
});

describe('validateServerChange', () => {
  it('checks each kind against its own scheme and names every bad entry with its kind', () => {
    const error = refusal(() =>
      validateServerChange(
        {
          action: 'add',
          request: ['wss://api.example.com'],
          ws: ['https://ws.example.com'],
          upload: ['udp://upload.example.com'],
          download: ['https://api.example.com'],
          udp: ['tcp://api.example.com'],
          tcp: ['udp://api.example.com'],
        },
        { ceiling: SERVER_CEILING },
      ),
    );
    expect(error.problems.map((p) => p.reason.split(':')[0])).toEqual(['request', 'ws', 'upload', 'udp', 'tcp']);
    expect(error.problems.map((p) => p.domain)).toEqual([
      'wss://api.example.com',
      'https://ws.example.com',
      'udp://upload.example.com',
      'tcp://api.example.com',
      'udp://api.example.com',
    ]);
  });

  it('accepts each kind with its scheme, normalised and without duplicates', () => {
    const change = validateServerChange(
      {
        action: 'add',
        request: ['https://API.example.com', 'https://api.example.com'],
        ws: ['wss://ws.example.com:8443'],
        upload: ['https://upload.example.com'],
        download: ['https://api.example.com'],
        udp: ['udp://api.example.com:9000'],
        tcp: ['tcp://api.example.com:9001'],
      },
      { ceiling: SERVER_CEILING },
    );
    expect(change).toEqual({
      action: 'add',
      kinds: {
        request: ['https://api.example.com'],
        ws: ['wss://ws.example.com:8443'],
        upload: ['https://upload.example.com'],
        download: ['https://api.example.com'],
        udp: ['udp://api.example.com:9000'],
        tcp: ['tcp://api.example.com:9001'],
      },
    });
  });

  it('refuses on ADD and SET a host that is not exactly one of the platform server domains (a subdomain is not enough)', () => {
    for (const action of ['add', 'set'] as const) {
      const error = refusal(() =>
        validateServerChange(
          { action, request: ['https://api.example.com', 'https://v2.api.example.com', 'https://other.com'] },
          { ceiling: SERVER_CEILING },
        ),
      );
      expect(error.problems).toEqual([
        { domain: 'https://v2.api.example.com', reason: `request: ${NOT_ON_PLATFORM_SERVER}` },
        { domain: 'https://other.com', reason: `request: ${NOT_ON_PLATFORM_SERVER}` },
      ]);
    }
  });

  it('never applies the ceiling to a removal: taking a domain away is always possible', () => {
    expect(validateServerChange({ action: 'delete', request: ['https://gone.example.net'] }, { ceiling: SERVER_CEILING })).toEqual({
      action: 'delete',
      kinds: { request: ['https://gone.example.net'] },
    });
  });

  it('needs an entry for ADD and DELETE; SET may clear a kind with []', () => {
    expect(refusal(() => validateServerChange({ action: 'add', request: [] }, { ceiling: SERVER_CEILING })).message).toMatch(
      /at least one/,
    );
    expect(refusal(() => validateServerChange({ action: 'delete' }, { ceiling: SERVER_CEILING })).message).toMatch(/at least one/);
    expect(validateServerChange({ action: 'set', ws: [] }, { ceiling: SERVER_CEILING })).toEqual({ action: 'set', kinds: { ws: [] } });
  });

  it('refuses more than 200 entries of a kind after the change', () => {
    const many = Array.from({ length: 200 }, (_, i) => `https://api.example.com:${i + 1}`);
    const current = kinds({ request: many });
    expect(
      validateServerChange({ action: 'add', request: ['https://api.example.com:1'] }, { ceiling: SERVER_CEILING, current }),
    ).toBeDefined();
    const error = refusal(() =>
      validateServerChange({ action: 'add', request: ['https://api.example.com:999'] }, { ceiling: SERVER_CEILING, current }),
    );
    expect(error.message).toContain('at most 200 request domains; this change would leave 201');
    expect(validateServerChange({ action: 'set', request: many }, { ceiling: SERVER_CEILING })).toBeDefined();
  });
});

describe('validateWebviewChange', () => {
  it('allows a platform business domain or a subdomain of one, on ADD and SET', () => {
    const change = validateWebviewChange(
      { action: 'set', domains: ['https://example.com', 'https://m.shop.example.org', 'https://a.b.example.com'] },
      { ceiling: BUSINESS_CEILING },
    );
    expect(change.domains).toEqual(['https://example.com', 'https://m.shop.example.org', 'https://a.b.example.com']);
  });

  it('refuses a host outside the business domains (a mere suffix is not a subdomain), a port, and another scheme', () => {
    const error = refusal(() =>
      validateWebviewChange(
        { action: 'add', domains: ['https://badexample.com', 'https://example.org', 'https://example.com:8443', 'wss://example.com'] },
        { ceiling: BUSINESS_CEILING },
      ),
    );
    expect(error.problems).toEqual([
      { domain: 'https://example.com:8443', reason: 'has a port: webview domains take none' },
      { domain: 'wss://example.com', reason: 'has the scheme wss:// where this kind takes https://' },
      { domain: 'https://badexample.com', reason: NOT_ON_PLATFORM_BUSINESS },
      { domain: 'https://example.org', reason: NOT_ON_PLATFORM_BUSINESS },
    ]);
  });

  it('removes anything, and refuses more than 300 after the change', () => {
    expect(validateWebviewChange({ action: 'delete', domains: ['https://gone.net'] }, { ceiling: BUSINESS_CEILING }).domains).toEqual([
      'https://gone.net',
    ]);
    const current = Array.from({ length: 300 }, (_, i) => `https://p${i}.example.com`);
    const error = refusal(() =>
      validateWebviewChange({ action: 'add', domains: ['https://new.example.com'] }, { ceiling: BUSINESS_CEILING, current }),
    );
    expect(error.message).toContain('at most 300 webview domains; this change would leave 301');
  });
});

describe('the lists, described', () => {
  const server = miniProgramServerList('wxmp1');
  const webview = miniProgramWebviewList('wxmp1');
  const state = serverState({ request: ['https://api.example.com'], ws: ['wss://ws.example.com'] });

  it('is a no-op when every kind the change gives would stay as it is', () => {
    expect(server.isNoOp(state, { action: 'add', kinds: { request: ['https://api.example.com'] } })).toBe(true);
    expect(server.isNoOp(state, { action: 'delete', kinds: { upload: ['https://upload.example.com'] } })).toBe(true);
    expect(server.isNoOp(state, { action: 'set', kinds: { request: ['https://api.example.com'] } })).toBe(true);
    expect(server.isNoOp(state, { action: 'set', kinds: { ws: [] } })).toBe(false);
    expect(server.isNoOp(state, { action: 'add', kinds: { download: ['https://api.example.com'] } })).toBe(false);
    expect(webview.isNoOp(webviewState(['https://example.com']), { action: 'add', domains: ['https://example.com'] })).toBe(true);
    expect(webview.isNoOp(webviewState(['https://example.com']), { action: 'set', domains: [] })).toBe(false);
  });

  it('SET sends the kinds the input left out as the fresh read found them; ADD and DELETE as asked', () => {
    const set: MiniProgramServerDomainsChange = { action: 'set', kinds: { request: [] } };
    expect(server.prepare?.(set, state)).toEqual({
      action: 'set',
      kinds: { ...kinds({ ws: ['wss://ws.example.com'] }), request: [] },
    });
    const add: MiniProgramServerDomainsChange = { action: 'add', kinds: { tcp: ['tcp://api.example.com'] } };
    expect(server.prepare?.(add, state)).toBe(add);
  });

  it("journals the input's entries by kind (left out: empty), and whose list it is", () => {
    expect(server.detail({ action: 'set', kinds: { request: ['https://api.example.com'] } }, state)).toEqual({
      appId: 'wxmp1',
      list: 'SERVER',
      server: kinds({ request: ['https://api.example.com'] }),
      webview: null,
    });
    expect(webview.detail({ action: 'add', domains: ['https://example.com'] }, undefined)).toEqual({
      appId: 'wxmp1',
      list: 'WEBVIEW',
      server: null,
      webview: ['https://example.com'],
    });
  });

  it('takes only an appid as a name of files and keys', () => {
    expect(() => miniProgramServerList('../../etc/passwd')).toThrow(/not an appid/);
    expect(() => miniProgramWebviewList('wx1 2')).toThrow(/not an appid/);
  });

  it('keeps its state per Mini Program and list, and one journal per Mini Program', () => {
    const other = miniProgramServerList('wxmp2');
    expect(new Set([server.stores.lock, webview.stores.lock, other.stores.lock]).size).toBe(3);
    expect(new Set([server.stores.cache, webview.stores.cache, other.stores.cache]).size).toBe(3);
    expect(server.stores.journalFile).toBe(webview.stores.journalFile);
    expect(server.stores.journalStream).toBe(webview.stores.journalStream);
    expect(other.stores.journalFile).not.toBe(server.stores.journalFile);
  });
});

describe('the ceiling and the impact of a platform change', () => {
  it('takes testing and published together', () => {
    expect(ceilingHosts({ testing: ['a.com', 'b.com'], published: ['b.com', 'c.com'] })).toEqual(['a.com', 'b.com', 'c.com']);
    expect(ceilingHosts({ testing: ['a.com'], published: null })).toEqual(['a.com']);
    expect(withinCeiling('x.a.com', ['a.com'], 'exact')).toBe(false);
    expect(withinCeiling('x.a.com', ['a.com'], 'subdomain')).toBe(true);
  });

  it('names the server entries whose host leaves both platform lists, and only those', () => {
    const state = serverState({
      request: ['https://api.old.com', 'https://api.new.com'],
      udp: ['udp://api.old.com:9000'],
      tcp: ['tcp://stray.com'],
    });
    expect(serverEntriesLeaving(state, ['api.old.com', 'api.new.com'], ['api.new.com'])).toEqual([
      'https://api.old.com',
      'udp://api.old.com:9000',
    ]);
    // Still published (only testing lost it): within the ceiling.
    expect(serverEntriesLeaving(state, ['api.old.com', 'api.new.com'], ['api.new.com', 'api.old.com'])).toEqual([]);
  });

  it('names webview entries below a business domain that goes', () => {
    const state = webviewState(['https://m.shop.com', 'https://shop.com', 'https://www.keep.com']);
    expect(webviewEntriesLeaving(state, ['shop.com', 'keep.com'], ['keep.com'])).toEqual(['https://m.shop.com', 'https://shop.com']);
    // A narrower business domain that stays keeps its subdomain within.
    expect(webviewEntriesLeaving(state, ['shop.com', 'keep.com'], ['m.shop.com', 'keep.com'])).toEqual(['https://shop.com']);
  });
});

describe('one journal per Mini Program on the core', () => {
  /** Both lists of one Mini Program on the one change flow, sharing a journal, as the service composes them. */
  function flows(monthlyLimit: number) {
    const journal = new MemoryChangeJournal<MiniProgramChangeEntry>();
    const writeLock = new MemoryWriteLock();
    let server = serverState({});
    let webview = webviewState([]);
    const serverList = miniProgramServerList('wxmp1');
    const webviewList = miniProgramWebviewList('wxmp1');
    const sent: MiniProgramServerDomainsChange[] = [];
    const serverFlow = new ChangeFlow({
      list: serverList,
      upstream: {
        read: async () => server,
        change: async (change: MiniProgramServerDomainsChange) => {
          sent.push(change);
          server = serverState({ ...server.platform, ...change.kinds });
          return server;
        },
        dailyCallQuota: async () => ({ limit: 1, used: 0, remaining: 1 }),
      },
      reads: new ReadPath({
        key: serverList.key,
        fetch: async () => server,
        cache: new MemoryReadCache(serverList),
        ttlMs: 0,
        timeoutMs: 1000,
      }),
      writeLock,
      journal,
      timeoutMs: 1000,
      monthlyLimit,
    });
    const webviewFlow = new ChangeFlow({
      list: webviewList,
      upstream: {
        read: async () => webview,
        change: async (change: MiniProgramWebviewDomainsChange) => {
          webview = webviewState(change.domains);
          return webview;
        },
        dailyCallQuota: async () => ({ limit: 1, used: 0, remaining: 1 }),
      },
      reads: new ReadPath({
        key: webviewList.key,
        fetch: async () => webview,
        cache: new MemoryReadCache(webviewList),
        ttlMs: 0,
        timeoutMs: 1000,
      }),
      writeLock,
      journal,
      timeoutMs: 1000,
      monthlyLimit: null,
    });
    return { serverFlow, webviewFlow, sent };
  }

  it('counts only the server domains against the month; webview changes are journaled but neither counted nor limited', async () => {
    const { serverFlow, webviewFlow } = flows(2);
    const request = { caller: 'tester' };
    await webviewFlow.change({ action: 'set', domains: ['https://a.example.com'] }, request);
    await webviewFlow.change({ action: 'set', domains: ['https://b.example.com'] }, request);
    await webviewFlow.change({ action: 'set', domains: ['https://c.example.com'] }, request);
    expect((await serverFlow.monthlyQuota()).changes).toBe(0);
    await serverFlow.change({ action: 'add', kinds: { request: ['https://a.example.com'] } }, request);
    await serverFlow.change({ action: 'add', kinds: { request: ['https://b.example.com'] } }, request);
    await expect(serverFlow.change({ action: 'add', kinds: { request: ['https://c.example.com'] } }, request)).rejects.toMatchObject({
      name: 'MonthlyQuotaExceededError',
    });
    // The month is spent for the server domains only.
    const webviewAfter = await webviewFlow.change({ action: 'set', domains: ['https://d.example.com'] }, request);
    expect(webviewAfter.entry).toMatchObject({ effect: 'APPLIED', list: 'WEBVIEW', appId: 'wxmp1' });
    const journal = await serverFlow.changes(100);
    expect(journal.map((e) => `${e.list}:${e.effect}`)).toEqual([
      'WEBVIEW:APPLIED',
      'SERVER:REFUSED',
      'SERVER:APPLIED',
      'SERVER:APPLIED',
      'WEBVIEW:APPLIED',
      'WEBVIEW:APPLIED',
      'WEBVIEW:APPLIED',
    ]);
  });

  it('sends a SET with the kinds left out as the fresh read found them, and journals the input as given', async () => {
    const { serverFlow, sent } = flows(50);
    await serverFlow.change({ action: 'add', kinds: { ws: ['wss://ws.example.com'] } }, { caller: null });
    const { entry } = await serverFlow.change({ action: 'set', kinds: { request: ['https://api.example.com'] } }, { caller: null });
    expect(sent.at(-1)).toEqual({ action: 'set', kinds: kinds({ request: ['https://api.example.com'], ws: ['wss://ws.example.com'] }) });
    expect(entry.server).toEqual(kinds({ request: ['https://api.example.com'] }));
  });
});
