import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { FileTicketStore } from '../../src/stores/file/file-ticket-store.js';
import { FileTokenStore } from '../../src/stores/file/file-token-store.js';
import { DataDirError, prepareDataDir } from '../../src/stores/file/json-file.js';
import { MemoryTicketStore, type TicketStore } from '../../src/stores/ticket-store.js';
import { MemoryTokenStore, type TokenStore } from '../../src/stores/token-store.js';

const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'wxa-stores-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const APP = 'wxcomponent0001';

// The same contract for every implementation (a Redis one will join the list).
const ticketStores: [string, () => TicketStore][] = [
  ['memory', () => new MemoryTicketStore()],
  ['file', () => new FileTicketStore(tempDir())],
];

describe.each(ticketStores)('TicketStore (%s)', (_name, make) => {
  it('keeps a ticket only when it is newer than the kept one, and says so', async () => {
    const store = make();
    expect(await store.get(APP)).toBeUndefined();
    expect(await store.offer(APP, { ticket: 't100', createTime: 100 })).toBe(true);
    expect(await store.offer(APP, { ticket: 't50', createTime: 50 })).toBe(false);
    expect(await store.offer(APP, { ticket: 't100-again', createTime: 100 })).toBe(false);
    expect(await store.get(APP)).toEqual({ ticket: 't100', createTime: 100 });
    expect(await store.offer(APP, { ticket: 't200', createTime: 200 })).toBe(true);
    expect(await store.get(APP)).toEqual({ ticket: 't200', createTime: 200 });
  });

  it('keys by platform', async () => {
    const store = make();
    await store.offer(APP, { ticket: 'a', createTime: 5 });
    expect(await store.offer('wxother', { ticket: 'b', createTime: 1 })).toBe(true);
    expect(await store.get(APP)).toEqual({ ticket: 'a', createTime: 5 });
    expect(await store.get('wxother')).toEqual({ ticket: 'b', createTime: 1 });
  });

  it('concurrent offers: the newest wins, whatever the order; a true only for an offer that raised it', async () => {
    const store = make();
    const times = [7, 3, 9, 1, 9, 4, 8, 2, 6, 5];
    const results = await Promise.all(times.map((t, i) => store.offer(APP, { ticket: `t${t}-${i}`, createTime: t })));
    expect(await store.get(APP)).toEqual({ ticket: 't9-2', createTime: 9 });
    // Every `true` raised the kept CreateTime: no time twice, and the newest among them, once.
    const kept = times.filter((_, i) => results[i]);
    expect(new Set(kept).size).toBe(kept.length);
    expect(kept.filter((t) => t === 9)).toEqual([9]);
  });

  it('concurrent offers where only the newest can raise it: exactly that one says true, and it is the one kept', async () => {
    const store = make();
    await store.offer(APP, { ticket: 'kept', createTime: 5 });
    // Older, equal, and the newest three times: in whatever order they are applied, one of the 9s raises it, once.
    const times = [3, 9, 5, 1, 9, 4, 5, 2, 9, 0];
    const results = await Promise.all(times.map((t, i) => store.offer(APP, { ticket: `t${t}-${i}`, createTime: t })));
    const raised = times.map((_, i) => i).filter((i) => results[i]);
    expect(raised).toHaveLength(1);
    expect(times[raised[0]!]).toBe(9);
    expect(await store.get(APP)).toEqual({ ticket: `t9-${raised[0]}`, createTime: 9 });
  });
});

const tokenStores: [string, () => TokenStore][] = [
  ['memory', () => new MemoryTokenStore()],
  ['file', () => new FileTokenStore(tempDir())],
];

describe.each(tokenStores)('TokenStore (%s)', (_name, make) => {
  it('set, get, and deleteIf only for the current token', async () => {
    const store = make();
    const token = { token: 'tok-1', expiresAt: 1_000_000, lifetimeMs: 7_200_000 };
    await store.set(APP, token);
    expect(await store.get(APP)).toEqual(token);
    await store.deleteIf(APP, 'tok-0');
    expect(await store.get(APP)).toEqual(token);
    await store.deleteIf(APP, 'tok-1');
    expect(await store.get(APP)).toBeUndefined();
  });
});

describe('file stores in DATA_DIR', () => {
  it('a new instance on the same directory reads what the last one kept (a restart)', async () => {
    const dir = tempDir();
    await new FileTicketStore(dir).offer(APP, { ticket: 'ticket@@@kept', createTime: 1234 });
    await new FileTokenStore(dir).set(APP, { token: 'tok-kept', expiresAt: 99, lifetimeMs: 7 });
    expect(await new FileTicketStore(dir).get(APP)).toEqual({ ticket: 'ticket@@@kept', createTime: 1234 });
    expect(await new FileTokenStore(dir).get(APP)).toEqual({ token: 'tok-kept', expiresAt: 99, lifetimeMs: 7 });
    // The offer after a restart still compares with the kept ticket.
    expect(await new FileTicketStore(dir).offer(APP, { ticket: 'older', createTime: 1000 })).toBe(false);
  });

  it('files are the owner’s only (0600), named by kind and appid, and no temp file is left behind', async () => {
    const dir = tempDir();
    const tickets = new FileTicketStore(dir);
    await Promise.all(Array.from({ length: 20 }, (_, i) => tickets.offer(APP, { ticket: `t${i}`, createTime: i })));
    await new FileTokenStore(dir).set(APP, { token: 'tok', expiresAt: 1, lifetimeMs: 1 });
    expect(readdirSync(dir).sort()).toEqual([`component-access-token.${APP}.json`, `component-verify-ticket.${APP}.json`]);
    for (const file of readdirSync(dir)) expect(statSync(join(dir, file)).mode & 0o777).toBe(0o600);
    expect(JSON.parse(readFileSync(join(dir, `component-verify-ticket.${APP}.json`), 'utf8'))).toEqual({
      componentAppId: APP,
      ticket: 't19',
      createTime: 19,
    });
  });

  it('an appid cannot name a file outside the directory', async () => {
    const dir = tempDir();
    await new FileTicketStore(dir).offer('../../etc/x', { ticket: 't', createTime: 1 });
    await new FileTicketStore(dir).offer('..', { ticket: 't', createTime: 1 });
    expect(readdirSync(dir)).toHaveLength(2);
    expect(await new FileTicketStore(dir).get('../../etc/x')).toEqual({ ticket: 't', createTime: 1 });
  });

  it('a file that cannot be understood counts as absent, is reported, and is replaced by the next write', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, `component-verify-ticket.${APP}.json`), '{ half a fi');
    writeFileSync(join(dir, `component-access-token.${APP}.json`), '{"token": 5}');
    const unreadable: string[] = [];
    const tickets = new FileTicketStore(dir, { onUnreadable: (file) => unreadable.push(file) });
    const tokens = new FileTokenStore(dir, { onUnreadable: (file) => unreadable.push(file) });
    expect(await tickets.get(APP)).toBeUndefined();
    expect(await tokens.get(APP)).toBeUndefined();
    expect(unreadable).toHaveLength(2);
    expect(await tickets.offer(APP, { ticket: 'fresh', createTime: 1 })).toBe(true);
    expect(await new FileTicketStore(dir).get(APP)).toEqual({ ticket: 'fresh', createTime: 1 });
  });

  it('prepareDataDir creates the directory (0700) and refuses one that cannot be written', async () => {
    const parent = tempDir();
    await prepareDataDir(join(parent, 'a', 'b'));
    expect(statSync(join(parent, 'a', 'b')).mode & 0o777).toBe(0o700);
    expect(readdirSync(join(parent, 'a', 'b'))).toEqual([]);
    writeFileSync(join(parent, 'file'), 'not a directory');
    await expect(prepareDataDir(join(parent, 'file', 'data'))).rejects.toThrow(DataDirError);
    await expect(prepareDataDir(join(parent, 'file', 'data'))).rejects.toThrow(/cannot write to .*file\/data \(ENOTDIR\)/);
  });
});
