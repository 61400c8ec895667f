import { appendFileSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CHANGE_JOURNAL_FILE } from '../../src/stores/file/change-journal.js';
import { type Simulator, startSimulator } from '../../src/wechat/simulator/server.js';
import { type Running, startProcess } from '../support/process.js';

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** The built service in live mode, on the simulator with a static token, journaling in `dataDir`. */
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

async function query(running: Running, query: string): Promise<any> {
  const response = await fetch(`${running.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query }),
  });
  return ((await response.json()) as { data: unknown }).data;
}

const JOURNAL = '{ serverDomainChanges(first: 100) { edges { node { id effect domains } } } }';
const QUOTA = '{ serverDomainsQuota { changesThisMonth remainingThisMonth } }';
const add = (domain: string) =>
  `mutation { addDomains(input: { domains: ["${domain}"] }) { __typename ... on ServerDomains { change { id effect } } } }`;

describe('live mode keeps the journal in DATA_DIR, across restarts and a crash mid-write', () => {
  it('a restarted service has the same journal and month; a torn last line is skipped and later appends still work', async () => {
    const sim = await startSimulator({ staticTokens: ['central-token'] });
    cleanups.push(() => sim.close());
    const dataDir = join(mkdtempSync(join(tmpdir(), 'wxa-journal-')), 'data'); // not there yet: created at start-up
    cleanups.push(() => rmSync(join(dataDir, '..'), { recursive: true, force: true }));
    const file = join(dataDir, CHANGE_JOURNAL_FILE);

    let running = await start(sim, dataDir);
    expect(running.output()).toContain('change journal');
    expect((statSync(file).mode & 0o777).toString(8)).toBe('600');
    const first = (await query(running, add('b.example.com'))).addDomains.change;
    const second = (await query(running, add('b.example.com'))).addDomains.change;
    expect([first.effect, second.effect]).toEqual(['APPLIED', 'NO_OP']);
    expect(await running.stop()).toBe(0);

    // One entry per line, readable as it is.
    const lines = readFileSync(file, 'utf8').trimEnd().split('\n');
    expect(lines.map((line) => JSON.parse(line))).toMatchObject([
      { id: first.id, effect: 'APPLIED', action: 'add', domains: ['b.example.com'], caller: null, outcome: 'ServerDomains' },
      { id: second.id, effect: 'NO_OP' },
    ]);

    // A crash in the middle of writing a third entry.
    appendFileSync(file, '{"id":"17999999');

    running = await start(sim, dataDir);
    expect(running.output()).toMatch(/cut off a torn last line/);
    expect(await query(running, JOURNAL)).toEqual({
      serverDomainChanges: {
        edges: [
          { node: { id: second.id, effect: 'NO_OP', domains: ['b.example.com'] } },
          { node: { id: first.id, effect: 'APPLIED', domains: ['b.example.com'] } },
        ],
      },
    });
    expect(await query(running, QUOTA)).toEqual({ serverDomainsQuota: { changesThisMonth: 1, remainingThisMonth: 49 } });
    const third = (await query(running, add('c.example.com'))).addDomains.change;
    expect(third.effect).toBe('APPLIED');
    expect(await running.stop()).toBe(0);

    // The torn fragment is gone: three entries, one per line, and nothing to warn about.
    expect(readFileSync(file, 'utf8').trimEnd().split('\n')).toHaveLength(3);
    running = await start(sim, dataDir);
    expect(running.output()).not.toMatch(/torn|skipped/);
    expect((await query(running, JOURNAL)).serverDomainChanges.edges.map((e: any) => e.node.id)).toEqual([third.id, second.id, first.id]);
    expect(await query(running, QUOTA)).toEqual({ serverDomainsQuota: { changesThisMonth: 2, remainingThisMonth: 48 } });
    expect(await running.stop()).toBe(0);
  }, 60_000);

  it('refuses to start when DATA_DIR cannot hold the journal, naming DATA_DIR', async () => {
    const sim = await startSimulator({ staticTokens: ['central-token'] });
    cleanups.push(() => sim.close());
    const dir = mkdtempSync(join(tmpdir(), 'wxa-journal-'));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    const blocker = join(dir, 'a-file');
    appendFileSync(blocker, 'not a directory');
    await expect(start(sim, blocker)).rejects.toThrow(/DATA_DIR/);
  });
});
