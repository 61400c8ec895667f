import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { SERVER_DOMAINS } from '../../src/domains/platform-lists.js';
import { CHANGE_JOURNAL_FILE, FileChangeJournal } from '../../src/stores/file/change-journal.js';
import type { Fault, Simulator } from '../../src/wechat/simulator/server.js';
import { startSimulator } from '../../src/wechat/simulator/server.js';
import { serverJournalFile } from '../support/journal-files.js';
import { type Running, startProcess } from '../support/process.js';
import { ChangeMutation } from '../support/quota-operations.js';
import { describeWithRedis, type RedisServer, startRedis, until } from '../support/redis.js';
import { startStack } from '../support/stack.js';

// "Each line written and synced before the answer": the built service is SIGKILLed the instant its answer
// to a change arrives (no graceful stop, nothing flushed after), then restarted on the same state, where the
// change's entry must be found through HTTP. Each effect a change can have at WeChat: APPLIED, REFUSED by
// WeChat (an errcode), UNKNOWN (applied, then the answer lost).

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const ADD = `mutation Add($domain: String!) {
  addDomains(input: { domains: [$domain] }) {
    __typename
    ... on ServerDomains { change { id effect } }
    ... on WechatError { errcode }
    ... on UpstreamUnavailableError { mayHaveApplied }
  }
}`;
const JOURNAL = '{ serverDomainChanges(first: 100) { edges { node { effect domains outcome errcode } } } }';
const QUOTA = '{ serverDomainsQuota { changesThisMonth } }';

async function post(running: Running, query: string, variables?: Record<string, unknown>): Promise<any> {
  const response = await fetch(`${running.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: any; errors?: unknown };
  expect(body.errors).toBeUndefined();
  return body.data;
}

/**
 * POSTs a GraphQL request and SIGKILLs the service in the same turn as the answer's first bytes arrive (its
 * headers), before even reading the body: nothing the service might still do after answering gets to run.
 */
function postThenKill(
  running: Running,
  query: string,
  variables: Record<string, unknown>,
): Promise<{ answer: any; exited: Promise<unknown> }> {
  return new Promise((resolve, reject) => {
    const req = request(`${running.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' } });
    req.on('response', (res) => {
      const exited = running.stop('SIGKILL');
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ answer: JSON.parse(Buffer.concat(chunks).toString('utf8')), exited }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(JSON.stringify({ query, variables }));
  });
}

interface Case {
  readonly name: string;
  readonly fault?: Fault;
  /** The mutation's answer, as its caller got it. */
  readonly answer: Record<string, unknown>;
  /** Its journal entry, as a restarted service has it. */
  readonly entry: Record<string, unknown>;
  readonly spendsQuota: boolean;
}

const CASES: readonly Case[] = [
  {
    name: 'applied',
    answer: { __typename: 'ServerDomains', change: { effect: 'APPLIED' } },
    entry: { effect: 'APPLIED', outcome: 'ServerDomains', errcode: null },
    spendsQuota: true,
  },
  {
    name: 'refused by WeChat',
    fault: { action: 'add', errcode: 65316 },
    answer: { errcode: 65316 },
    entry: { effect: 'REFUSED', errcode: 65316 },
    spendsQuota: false,
  },
  {
    name: 'unknown (applied, answer lost)',
    fault: { action: 'add', applyFirst: true, drop: true },
    answer: { __typename: 'UpstreamUnavailableError', mayHaveApplied: true },
    entry: { effect: 'UNKNOWN', outcome: 'UpstreamUnavailableError', errcode: null },
    spendsQuota: true,
  },
];

/**
 * Runs every case against services started by `start` (the same state each time): a change, SIGKILL as soon
 * as its answer arrives, a new process, and there the entry (newest first) and the month's count; that
 * process then takes the next case's change.
 */
async function killAfterEachAnswer(sim: Simulator, start: () => Promise<Running>): Promise<void> {
  let spent = 0;
  const seen: Record<string, unknown>[] = [];
  let running = await start();
  for (const [i, c] of CASES.entries()) {
    if (c.fault) sim.injectFault(c.fault);
    const domain = `d${i}.example.com`;
    const { answer, exited } = await postThenKill(running, ADD, { domain });
    await exited;
    expect(answer.data.addDomains, c.name).toMatchObject(c.answer);
    seen.unshift({ ...c.entry, domains: [domain] });
    if (c.spendsQuota) spent += 1;

    running = await start();
    const entries = (await post(running, JOURNAL)).serverDomainChanges.edges.map((e: any) => e.node);
    expect(entries, c.name).toMatchObject(seen);
    expect(entries).toHaveLength(seen.length);
    expect((await post(running, QUOTA)).serverDomainsQuota.changesThisMonth, c.name).toBe(spent);
  }
  await running.stop('SIGKILL');
}

it('DATA_DIR: an entry of each effect is there after a SIGKILL right after its answer', async () => {
  const sim = await startSimulator({ staticTokens: ['central-token'] });
  cleanups.push(() => sim.close());
  const dir = mkdtempSync(join(tmpdir(), 'wxa-durability-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  const env = {
    PORT: '0',
    WECHAT_API_BASE_URL: sim.url,
    WECHAT_COMPONENT_ACCESS_TOKEN: 'central-token',
    AUTH_DISABLED: 'true',
    DATA_DIR: join(dir, 'data'),
  };
  await killAfterEachAnswer(sim, async () => {
    const running = await startProcess(process.execPath, ['dist/main.js'], env);
    cleanups.push(() => running.stop('SIGKILL').catch(() => undefined));
    return running;
  });
}, 120_000);

it('the file journal has each entry when the service ends its answer, not later', async () => {
  // In-process, so that the file is read in the very call that ends the answer: a write put off until after
  // it (even by a setTimeout of 0) is not there yet, whatever the machine's speed.
  const dir = mkdtempSync(join(tmpdir(), 'wxa-durability-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  const { journal } = await FileChangeJournal.open(dir, serverJournalFile());
  cleanups.push(() => journal.close());
  const linesAtAnswer: number[] = [];
  const stack = await startStack({
    journals: new Map([[SERVER_DOMAINS.key, journal]]),
    onAnswer: (req) => {
      if (req.method === 'POST' && req.url === '/graphql')
        linesAtAnswer.push(readFileSync(join(dir, CHANGE_JOURNAL_FILE), 'utf8').split('\n').filter(Boolean).length);
    },
  });
  cleanups.push(() => stack.close());
  for (const [i, c] of CASES.entries()) {
    if (c.fault) stack.sim.injectFault(c.fault);
    const { data } = await stack.gql(ChangeMutation, { add: [`d${i}.example.com`] });
    expect(data?.addDomains, c.name).toMatchObject(c.answer);
    expect(linesAtAnswer.at(-1), c.name).toBe(i + 1);
  }
  const entries = readFileSync(join(dir, CHANGE_JOURNAL_FILE), 'utf8')
    .trimEnd()
    .split('\n')
    .map((line) => JSON.parse(line));
  expect(entries).toMatchObject(CASES.map((c, i) => ({ ...c.entry, domains: [`d${i}.example.com`] })));
});

describeWithRedis('REDIS_URL', () => {
  it('the shared journal has an entry of each effect after a SIGKILL right after its answer', async () => {
    const redis: RedisServer = await startRedis();
    cleanups.push(() => redis.close());
    const sim = await startSimulator();
    cleanups.push(() => sim.close());
    const env = {
      PORT: '0',
      WECHAT_API_BASE_URL: sim.url,
      WECHAT_COMPONENT_APPID: sim.credentials.componentAppId,
      WECHAT_COMPONENT_APPSECRET: sim.credentials.componentAppSecret,
      WECHAT_COMPONENT_VERIFY_TICKET: sim.credentials.componentVerifyTicket,
      REDIS_URL: redis.url,
      AUTH_DISABLED: 'true',
      LOG_LEVEL: 'info',
    };
    await killAfterEachAnswer(sim, async () => {
      // Each process a DATA_DIR of its own (startProcess's default): what a restart finds is in Redis only.
      const running = await startProcess(process.execPath, ['dist/main.js'], env);
      cleanups.push(() => running.stop('SIGKILL').catch(() => undefined));
      await until(() => running.output().includes('connected to the shared store'), 30_000);
      return running;
    });
  }, 120_000);
});
