import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClient } from 'redis';
import { afterEach, describe, expect, it } from 'vitest';
import { type Simulator, startSimulator } from '../../src/wechat/simulator/server.js';
import { type Fleet, startFleet } from '../support/fleet.js';
import { type Running, startProcess } from '../support/process.js';
import { describeWithRedis } from '../support/redis.js';

// The second list's journal beside the first, and the first one's data as the version before lists wrote it:
// read unchanged after the upgrade, with no step by hand.

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** Two lines exactly as the version before lists wrote them (its field order): an APPLIED add and a NO_OP. */
const now = Date.now();
const OLD_LINES = [
  {
    id: `${now - 2000}-0`,
    at: new Date(now - 2000).toISOString(),
    caller: 'ops',
    action: 'add',
    domains: ['old.example.com'],
    publishTogether: false,
    effect: 'APPLIED',
    outcome: 'ServerDomains',
    errcode: null,
    testing: ['api.example.com', 'old.example.com'],
    published: ['api.example.com'],
  },
  {
    id: `${now - 1000}-0`,
    at: new Date(now - 1000).toISOString(),
    caller: 'ops',
    action: 'add',
    domains: ['old.example.com'],
    publishTogether: false,
    effect: 'NO_OP',
    outcome: 'ServerDomains',
    errcode: null,
    testing: ['api.example.com', 'old.example.com'],
    published: ['api.example.com'],
  },
];
const OLD_FILE = OLD_LINES.map((line) => `${JSON.stringify(line)}\n`).join('');

const SERVER_JOURNAL = '{ serverDomainChanges(first: 10) { edges { node { id caller effect domains outcome } } } }';
const JUMP_JOURNAL = '{ jumpDomainChanges(first: 10) { edges { node { id effect domains outcome } } } }';
const QUOTAS = '{ serverDomainsQuota { changesThisMonth } jumpDomainsQuota { changesThisMonth remainingThisMonth } }';
const ADD_JUMP = `mutation { addJumpDomains(input: { domains: ["c.example.com"] }) { __typename ... on JumpDomains { testing change { id effect } } } }`;

async function start(sim: Simulator, dataDir: string): Promise<Running> {
  const running = await startProcess(process.execPath, ['dist/main.js'], {
    PORT: '0',
    WECHAT_API_BASE_URL: sim.url,
    WECHAT_COMPONENT_ACCESS_TOKEN: 'central-token',
    AUTH_DISABLED: 'true',
    DATA_DIR: dataDir,
  });
  cleanups.push(() => (running.child.exitCode === null ? running.stop('SIGKILL') : undefined));
  return running;
}

async function query(url: string, query: string): Promise<any> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query }),
  });
  return ((await response.json()) as { data: unknown }).data;
}

describe('DATA_DIR: each list its own journal file', () => {
  it("the server domains' file of the version before lists is read as it is; the business domains' entries go to their own file and survive a restart", async () => {
    const sim = await startSimulator({ staticTokens: ['central-token'] });
    cleanups.push(() => sim.close());
    const dataDir = join(mkdtempSync(join(tmpdir(), 'wxa-lists-')), 'data');
    cleanups.push(() => rmSync(join(dataDir, '..'), { recursive: true, force: true }));
    mkdirSync(dataDir, { mode: 0o700 });
    writeFileSync(join(dataDir, 'server-domain-changes.jsonl'), OLD_FILE, { mode: 0o600 });

    let running = await start(sim, dataDir);
    expect((await query(running.url, SERVER_JOURNAL)).serverDomainChanges.edges.map((e: any) => e.node)).toEqual([
      { id: OLD_LINES[1]!.id, caller: 'ops', effect: 'NO_OP', domains: ['old.example.com'], outcome: 'ServerDomains' },
      { id: OLD_LINES[0]!.id, caller: 'ops', effect: 'APPLIED', domains: ['old.example.com'], outcome: 'ServerDomains' },
    ]);
    const added = (await query(running.url, ADD_JUMP)).addJumpDomains;
    expect(added.change.effect).toBe('APPLIED');
    expect(await query(running.url, QUOTAS)).toEqual({
      serverDomainsQuota: { changesThisMonth: 1 },
      jumpDomainsQuota: { changesThisMonth: 1, remainingThisMonth: null },
    });
    expect(await running.stop()).toBe(0);

    // Nothing of the old file was rewritten; the new entry is a line of the business domains' file.
    expect(readFileSync(join(dataDir, 'server-domain-changes.jsonl'), 'utf8')).toBe(OLD_FILE);
    expect(
      readFileSync(join(dataDir, 'jump-domain-changes.jsonl'), 'utf8')
        .trimEnd()
        .split('\n')
        .map((l) => JSON.parse(l)),
    ).toMatchObject([{ id: added.change.id, action: 'add', domains: ['c.example.com'], effect: 'APPLIED', outcome: 'JumpDomains' }]);

    running = await start(sim, dataDir);
    expect((await query(running.url, JUMP_JOURNAL)).jumpDomainChanges.edges.map((e: any) => e.node.id)).toEqual([added.change.id]);
    expect(await query(running.url, QUOTAS)).toMatchObject({
      serverDomainsQuota: { changesThisMonth: 1 },
      jumpDomainsQuota: { changesThisMonth: 1 },
    });
    expect(await running.stop()).toBe(0);
  }, 60_000);
});

let fleet: Fleet | undefined;
afterEach(async () => {
  await fleet?.close();
  fleet = undefined;
});

describeWithRedis('two replicas on one Redis: each list its own stream, lock and kept read', () => {
  it("the stream of the version before lists is the server domains' journal; a business-domain change through one replica is read through the other", async () => {
    fleet = await startFleet({ replicas: 2, env: { SERVER_DOMAINS_CACHE_TTL_MS: '60000' } });
    const client = createClient({ url: fleet.redis.url });
    await client.connect();
    const key = `wxa-server-domains:${fleet.sim.credentials.componentAppId}:journal`;
    for (const { id, ...entry } of OLD_LINES) await client.xAdd(key, id, { e: JSON.stringify(entry) });

    // Both replicas read (and keep) the business domains first.
    for (const i of [0, 1])
      expect((await fleet.post(i, '{ jumpDomains { __typename ... on JumpDomains { testing } } }')).body.data.jumpDomains.testing).toEqual([
        'www.example.com',
      ]);
    const added = (await fleet.post(0, ADD_JUMP)).body.data.addJumpDomains;
    expect(added).toMatchObject({
      __typename: 'JumpDomains',
      testing: ['www.example.com', 'c.example.com'],
      change: { effect: 'APPLIED' },
    });
    // Read-your-writes on the other replica, at once, though it kept the state before.
    expect((await fleet.post(1, '{ jumpDomains { __typename ... on JumpDomains { testing } } }')).body.data.jumpDomains.testing).toEqual([
      'www.example.com',
      'c.example.com',
    ]);

    for (const i of [0, 1]) {
      const { body } = await fleet.post(i, `${SERVER_JOURNAL.slice(0, -1)} ${JUMP_JOURNAL.slice(1)}`);
      expect(body.data.serverDomainChanges.edges.map((e: any) => e.node.id)).toEqual([OLD_LINES[1]!.id, OLD_LINES[0]!.id]);
      expect(body.data.jumpDomainChanges.edges.map((e: any) => e.node.id)).toEqual([added.change.id]);
    }
    expect(await client.exists(`wxa-server-domains:${fleet.sim.credentials.componentAppId}:jump-journal`)).toBe(1);
    await client.quit();
  }, 60_000);
});
