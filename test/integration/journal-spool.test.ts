import { copyFileSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import type { ChangeEntry } from '../../src/domains/change-entry.js';
import { createLogger } from '../../src/logger.js';
import { RedisChangeJournal } from '../../src/stores/redis/change-journal.js';
import { RedisConnection } from '../../src/stores/redis/connection.js';
import { JOURNAL_SPOOL_DIR, JournalSpool } from '../../src/stores/redis/journal-spool.js';
import { type Simulator, startSimulator } from '../../src/wechat/simulator/server.js';
import { journalEntry } from '../support/journal-entries.js';
import { type Running, runService, startProcess } from '../support/process.js';
import { describeWithRedis, type RedisServer, startRedis, until } from '../support/redis.js';

// With REDIS_URL, a journal entry Redis cannot take is written to DATA_DIR/journal-spool before the change is
// answered, and appended (once, by its nonce) when Redis is back: by the same process or the next one.

const APP = 'wxplatform';
const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});
const tempDir = (prefix: string) => {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
};
const spooled = (dataDir: string) => readdirSync(join(dataDir, JOURNAL_SPOOL_DIR)).filter((n) => n.endsWith('.json'));

describeWithRedis('the change journal spool', () => {
  let redis: RedisServer;
  const connect = async () => {
    const connection = new RedisConnection({ url: redis.url, keyPrefix: 'test:', commandTimeoutMs: 1000 }, createLogger('silent'));
    connection.start();
    cleanups.push(() => connection.close());
    await until(() => connection.ready);
    return connection;
  };

  it('in-process: an entry kept on disk during an outage is appended by the next spool opened on that DATA_DIR, once', async () => {
    redis = await startRedis();
    cleanups.push(() => redis.close());
    const dataDir = join(tempDir('wxa-spool-'), 'data');
    const first = await connect();
    const journal = new RedisChangeJournal<ChangeEntry>(
      first,
      APP,
      'journal',
      createLogger('silent'),
      await JournalSpool.open(dataDir, first, createLogger('silent')),
    );
    await journal.append(journalEntry('2026-11-02T00:00:00.000Z', 'before.example.com'));
    await redis.stop();
    await until(() => !first.ready);
    expect((await journal.append(journalEntry('2026-11-02T00:00:01.000Z', 'during.example.com'))).id).toMatch(/^pending-/);
    // On disk as soon as append returned (the answer goes after it).
    const [file] = spooled(dataDir);
    expect(file).toBeDefined();
    const copy = join(dataDir, '..', 'copy.json');
    copyFileSync(join(dataDir, JOURNAL_SPOOL_DIR, file!), copy);
    await first.close(); // the process "dies" before Redis returns

    await redis.start();
    const second = await connect();
    const reopened = new RedisChangeJournal<ChangeEntry>(
      second,
      APP,
      'journal',
      createLogger('silent'),
      await JournalSpool.open(dataDir, second, createLogger('silent')),
    );
    await expect.poll(async () => (await reopened.page(10)).map((e) => e.domains[0])).toEqual(['during.example.com']);
    await expect.poll(() => spooled(dataDir)).toEqual([]);

    // A file that outlived its append (a crash between Redis's answer and the removal) is not appended twice.
    copyFileSync(copy, join(dataDir, JOURNAL_SPOOL_DIR, file!));
    const third = await connect();
    await JournalSpool.open(dataDir, third, createLogger('silent'));
    await expect.poll(() => spooled(dataDir)).toEqual([]);
    expect((await reopened.page(10)).map((e) => e.domains[0])).toEqual(['during.example.com']);
  });

  it('a replica stopped during an outage: its change, answered while Redis was away, is in the journal once after a restart', async () => {
    redis = await startRedis();
    cleanups.push(() => redis.close());
    const sim: Simulator = await startSimulator();
    cleanups.push(() => sim.close());
    const dataDir = join(tempDir('wxa-spool-replica-'), 'data');
    const start = async (): Promise<Running> => {
      const running = await startProcess(process.execPath, ['dist/main.js'], {
        PORT: '0',
        LOG_LEVEL: 'info',
        WECHAT_API_BASE_URL: sim.url,
        WECHAT_COMPONENT_APPID: sim.credentials.componentAppId,
        WECHAT_COMPONENT_APPSECRET: sim.credentials.componentAppSecret,
        WECHAT_COMPONENT_VERIFY_TICKET: sim.credentials.componentVerifyTicket,
        REDIS_URL: redis.url,
        AUTH_DISABLED: 'true',
        DATA_DIR: dataDir,
      });
      cleanups.push(() => (running.child.exitCode === null && running.child.signalCode === null ? running.stop('SIGKILL') : undefined));
      await until(() => running.output().includes('connected to the shared store'), 10_000);
      return running;
    };
    const post = async (running: Running, query: string) => {
      const response = await fetch(`${running.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query }),
      });
      return ((await response.json()) as { data: any }).data;
    };
    const JOURNAL = '{ serverDomainChanges(first: 100) { edges { node { domains effect } } } }';
    const journalOf = async (running: Running) =>
      ((await post(running, JOURNAL)).serverDomainChanges?.edges ?? []).map((e: { node: { domains: string[] } }) => e.node.domains[0]);

    let replica = await start();
    // WeChat takes a while to answer the change; Redis goes away meanwhile (after the lock was taken).
    sim.injectFault({ on: 'modify', action: 'add', delayMs: 1_500 });
    const answer = post(
      replica,
      'mutation { addDomains(input: { domains: ["outage.example.com"] }) { __typename ... on ServerDomains { change { id effect } } } }',
    );
    await until(() => sim.count('modify', 'add') === 1, 10_000);
    await redis.stop();
    const { addDomains } = await answer;
    expect(addDomains).toMatchObject({ __typename: 'ServerDomains', change: { effect: 'APPLIED' } });
    expect(addDomains.change.id).toMatch(/^pending-/);
    expect(spooled(dataDir)).toHaveLength(1);
    await replica.stop('SIGKILL');

    // Redis comes back (empty: it kept nothing); the replica restarts on the same DATA_DIR.
    await redis.start();
    replica = await start();
    await expect.poll(() => journalOf(replica), { timeout: 10_000 }).toEqual(['outage.example.com']);
    expect(spooled(dataDir)).toEqual([]);
    // Once, and still once after another restart.
    expect(await replica.stop()).toBe(0);
    replica = await start();
    expect(await journalOf(replica)).toEqual(['outage.example.com']);
  }, 60_000);

  it('with REDIS_URL, a DATA_DIR that cannot be written stops the start with one line naming it', async () => {
    const dir = tempDir('wxa-spool-unwritable-');
    writeFileSync(join(dir, 'a-file'), '');
    const { code, stdout, stderr } = await runService({
      WECHAT_API_BASE_URL: 'http://127.0.0.1:9',
      WECHAT_COMPONENT_APPID: 'wxplatform',
      WECHAT_COMPONENT_APPSECRET: 'secret',
      WECHAT_COMPONENT_VERIFY_TICKET: 'ticket',
      REDIS_URL: 'redis://127.0.0.1:9',
      AUTH_DISABLED: 'true',
      DATA_DIR: join(dir, 'a-file', 'data'),
    });
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(stderr).toMatch(/Invalid configuration: DATA_DIR: cannot write to .*a-file\/data \(ENOTDIR\)/);
  });
});
