import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import type { MiniProgramChangeEntry } from '../../src/domains/mini-program-lists.js';
import { miniProgramServerList, miniProgramWebviewList } from '../../src/domains/mini-program-lists.js';
import { PLATFORM_LISTS } from '../../src/domains/platform-lists.js';
import type { ChangeJournal } from '../../src/domains/ports.js';
import { createLogger } from '../../src/logger.js';
import { openStores } from '../../src/stores/open.js';

// Live mode without Redis: each Mini Program's journal is a file of its own in DATA_DIR, opened when it is
// first used, holding both its lists, and read back after a restart.

const dirs: string[] = [];
afterEach(async () => {
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
});

async function open(dir: string) {
  const config = loadConfig({ DATA_DIR: dir, WECHAT_COMPONENT_ACCESS_TOKEN: 'static-token-for-tests', AUTH_DISABLED: 'true' });
  const credentials = { mode: 'static' as const, accessToken: 'static-token-for-tests', componentAppId: 'wxplatform000001' };
  return openStores(config, credentials, createLogger('silent'), PLATFORM_LISTS);
}

const entry = (list: 'SERVER' | 'WEBVIEW', appId: string): Omit<MiniProgramChangeEntry, 'id'> => ({
  at: new Date().toISOString(),
  caller: 'tester',
  action: 'add',
  effect: 'APPLIED',
  outcome: list === 'SERVER' ? 'MiniProgramServerDomains' : 'MiniProgramWebviewDomains',
  errcode: null,
  appId,
  list,
  server: list === 'SERVER' ? { request: ['https://api.example.com'], ws: [], upload: [], download: [], udp: [], tcp: [] } : null,
  webview: list === 'WEBVIEW' ? ['https://www.example.com'] : null,
});

describe("a Mini Program's journal in DATA_DIR", () => {
  it('is one file per Mini Program for both lists, made on first use, and read back after a restart', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'wxa-mp-journal-'));
    dirs.push(dir);
    const stores = await open(dir);
    const journalOf = (list: Parameters<NonNullable<typeof stores.miniProgramJournal>>[0]) =>
      stores.miniProgramJournal!(list) as ChangeJournal<MiniProgramChangeEntry>;
    // Asked for, never used: no file.
    journalOf(miniProgramServerList('wxmp2'));
    expect((await readdir(dir)).filter((f) => f.startsWith('mini-program-domain-changes.'))).toEqual([]);
    expect(journalOf(miniProgramServerList('wxmp1'))).toBe(journalOf(miniProgramWebviewList('wxmp1')));
    await journalOf(miniProgramServerList('wxmp1')).append(entry('SERVER', 'wxmp1'));
    await journalOf(miniProgramWebviewList('wxmp1')).append(entry('WEBVIEW', 'wxmp1'));
    await stores.close();
    expect((await readdir(dir)).filter((f) => f.startsWith('mini-program-domain-changes.'))).toEqual([
      'mini-program-domain-changes.wxmp1.jsonl',
    ]);
    expect((await readFile(join(dir, 'mini-program-domain-changes.wxmp1.jsonl'), 'utf8')).trim().split('\n')).toHaveLength(2);

    const again = await open(dir);
    const page = await (again.miniProgramJournal!(miniProgramWebviewList('wxmp1')) as ChangeJournal<MiniProgramChangeEntry>).page(10);
    expect(page.map((e) => [e.list, e.appId])).toEqual([
      ['WEBVIEW', 'wxmp1'],
      ['SERVER', 'wxmp1'],
    ]);
    expect(page[1]?.server?.request).toEqual(['https://api.example.com']);
    await again.close();
  });
});
