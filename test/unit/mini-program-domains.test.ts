import { describe, expect, it } from 'vitest';
import type { JournaledList } from '../../src/domains/list.js';
import { MiniProgramLists } from '../../src/domains/mini-program-domains.js';
import { affectedMiniPrograms } from '../../src/domains/mini-program-impact.js';
import {
  type MiniProgramChangeEntry,
  type MiniProgramServerDomainsChange,
  type MiniProgramServerDomainsState,
  type MiniProgramWebviewDomainsChange,
  type MiniProgramWebviewDomainsState,
  SERVER_KINDS,
  serverEntriesLeaving,
  webviewEntriesLeaving,
} from '../../src/domains/mini-program-lists.js';
import { applyAction } from '../../src/domains/plan.js';
import type { ListUpstream } from '../../src/domains/upstream.js';
import { MemoryChangeJournal } from '../../src/stores/change-journal.js';
import { MemoryReadCache } from '../../src/stores/read-cache.js';
import { MemoryWriteLock } from '../../src/stores/write-lock.js';
import { kinds, serverState, webviewState } from '../support/mini-program-states.js';

/** A WeChat of many Mini Programs in memory, counting reads per Mini Program and list. */
function fakeWechat() {
  const server = new Map<string, MiniProgramServerDomainsState>();
  const webview = new Map<string, MiniProgramWebviewDomainsState>();
  const reads: string[] = [];
  const quota = async () => ({ limit: 1, used: 0, remaining: 1 });
  return {
    reads,
    server: (appId: string): ListUpstream<MiniProgramServerDomainsState, MiniProgramServerDomainsChange> => ({
      read: async () => {
        reads.push(`${appId}:server`);
        return server.get(appId) ?? serverState({});
      },
      change: async (change) => {
        const before = server.get(appId)?.platform ?? kinds();
        const next = serverState(
          Object.fromEntries(SERVER_KINDS.map((kind) => [kind, applyAction(change.action, before[kind], change.kinds[kind] ?? [])])),
        );
        server.set(appId, next);
        return next;
      },
      dailyCallQuota: quota,
    }),
    webview: (appId: string): ListUpstream<MiniProgramWebviewDomainsState, MiniProgramWebviewDomainsChange> => ({
      read: async () => {
        reads.push(`${appId}:webview`);
        return webview.get(appId) ?? webviewState([]);
      },
      change: async (change) => {
        const next = webviewState(applyAction(change.action, webview.get(appId)?.platform ?? [], change.domains));
        webview.set(appId, next);
        return next;
      },
      dailyCallQuota: quota,
    }),
  };
}

function lists(maxKept?: number) {
  const wechat = fakeWechat();
  const journals = new Map<string, MemoryChangeJournal<MiniProgramChangeEntry>>();
  const opened: string[] = [];
  const journal = (list: JournaledList) => {
    opened.push(list.stores.journalFile);
    const kept = journals.get(list.stores.journalFile) ?? new MemoryChangeJournal<MiniProgramChangeEntry>();
    journals.set(list.stores.journalFile, kept);
    return kept;
  };
  const mini = new MiniProgramLists({
    upstream: wechat,
    readCache: (read) => new MemoryReadCache(read),
    journal,
    writeLock: new MemoryWriteLock(),
    ttlMs: 60_000,
    timeoutMs: 1000,
    monthlyLimit: 50,
    ...(maxKept ? { maxKept } : {}),
  });
  return { mini, wechat, journals, opened };
}

describe('MiniProgramLists: a flow per Mini Program and list, made on first use', () => {
  it('keeps one read path per (appId, list): a second read within the TTL is cached, another Mini Program is read on its own', async () => {
    const { mini, wechat } = lists();
    await mini.server('wxa').reads.read();
    await mini.server('wxa').reads.read();
    await mini.webview('wxa').reads.read();
    await mini.server('wxb').reads.read();
    expect(wechat.reads).toEqual(['wxa:server', 'wxa:webview', 'wxb:server']);
  });

  it("a change of one Mini Program never invalidates another's cached read", async () => {
    const { mini, wechat } = lists();
    await mini.server('wxa').reads.read();
    await mini.server('wxb').reads.read();
    await mini.server('wxa').change({ action: 'add', kinds: { request: ['https://api.example.com'] } }, { caller: null });
    wechat.reads.length = 0;
    expect((await mini.server('wxa').reads.read()).platform.request).toEqual(['https://api.example.com']);
    await mini.server('wxb').reads.read();
    expect(wechat.reads).toEqual([]);
  });

  it('is bounded: the least recently used Mini Program is dropped, and its journal outlives it', async () => {
    const { mini, wechat } = lists(2);
    await mini.webview('wxa').change({ action: 'set', domains: ['https://a.example.com'] }, { caller: null });
    await mini.server('wxb').reads.read();
    await mini.server('wxc').reads.read();
    wechat.reads.length = 0;
    // wxa was dropped: made again, it reads WeChat once more, and finds its journal.
    await mini.server('wxa').reads.read();
    expect(wechat.reads).toEqual(['wxa:server']);
    expect((await mini.changes('wxa', 10)).map((e) => e.list)).toEqual(['WEBVIEW']);
  });

  it('pages one journal per Mini Program, both lists or one', async () => {
    const { mini } = lists();
    for (let i = 0; i < 60; i++) {
      if (i % 3 === 0)
        await mini.server('wxa').change({ action: i % 2 === 0 ? 'add' : 'delete', kinds: { tcp: ['tcp://a.com:1'] } }, { caller: null });
      else await mini.webview('wxa').change({ action: 'set', domains: [`https://p${i}.example.com`] }, { caller: null });
    }
    await mini.server('wxb').change({ action: 'add', kinds: { udp: ['udp://b.com:1'] } }, { caller: null });
    expect(await mini.changes('wxa', 100)).toHaveLength(60);
    const servers = await mini.changes('wxa', 15, undefined, 'SERVER');
    expect(servers).toHaveLength(15);
    expect(servers.every((e) => e.list === 'SERVER' && e.appId === 'wxa')).toBe(true);
    const rest = await mini.changes('wxa', 15, servers.at(-1)!.id, 'SERVER');
    expect(rest).toHaveLength(5);
    expect(new Set([...servers, ...rest].map((e) => e.id)).size).toBe(20);
    const webviews = await mini.changes('wxa', 100, undefined, 'WEBVIEW');
    expect(webviews).toHaveLength(40);
    expect((await mini.changes('wxb', 10)).map((e) => e.appId)).toEqual(['wxb']);
    // The webview changes do not count against the server domains' month.
    expect((await mini.server('wxa').monthlyQuota()).changes).toBe(20);
  });
});

describe('affectedMiniPrograms', () => {
  const states = new Map([
    ['wxc', serverState({ request: ['https://api.old.com'] })],
    ['wxa', serverState({ request: ['https://api.new.com'], udp: ['udp://api.old.com:9'] })],
    ['wxb', serverState({ request: ['https://api.new.com'] })],
  ]);

  it('lists, by appId ascending, the Mini Programs with entries a removal takes out of both platform lists', async () => {
    const read = async (appId: string) => states.get(appId)!;
    const affected = await affectedMiniPrograms(
      ['wxc', 'wxb', 'wxa'],
      read,
      serverEntriesLeaving,
      { testing: ['api.old.com', 'api.new.com'], published: ['api.old.com', 'api.new.com'] },
      { testing: ['api.new.com'], published: ['api.new.com'] },
    );
    expect(affected).toEqual([
      { appId: 'wxa', domains: ['udp://api.old.com:9'] },
      { appId: 'wxc', domains: ['https://api.old.com'] },
    ]);
  });

  it('is empty, and reads nothing, when no host leaves the platform lists (a SET that keeps them all)', async () => {
    const read = async (appId: string): Promise<MiniProgramServerDomainsState> => {
      throw new Error(`read ${appId}`);
    };
    const affected = await affectedMiniPrograms(
      ['wxa'],
      read,
      serverEntriesLeaving,
      { testing: ['api.old.com'], published: ['api.old.com'] },
      { testing: ['api.old.com', 'api.new.com'], published: ['api.old.com'] },
    );
    expect(affected).toEqual([]);
  });

  it('a SET of the business domains that drops one: its subdomains are named', async () => {
    const read = async () => webviewState(['https://m.shop.com', 'https://www.keep.com']);
    const affected = await affectedMiniPrograms(
      ['wxa'],
      read,
      webviewEntriesLeaving,
      { testing: ['shop.com', 'keep.com'], published: null },
      { testing: ['keep.com'], published: null },
    );
    expect(affected).toEqual([{ appId: 'wxa', domains: ['https://m.shop.com'] }]);
  });

  it('fails as a whole when a Mini Program cannot be read (never "nothing is hurt" where it does not know)', async () => {
    const read = async (appId: string) => {
      if (appId === 'wxb') throw new Error('unreadable');
      return states.get(appId)!;
    };
    await expect(
      affectedMiniPrograms(
        ['wxa', 'wxb'],
        read,
        serverEntriesLeaving,
        { testing: ['api.old.com'], published: null },
        { testing: [], published: null },
      ),
    ).rejects.toThrow('unreadable');
  });
});
