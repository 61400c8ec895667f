import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import type { Fault, Simulator } from '../../src/wechat/simulator/server.js';
import { startSimulator } from '../../src/wechat/simulator/server.js';
import { type Running, startProcess } from '../support/process.js';
import { describeWithRedis, type RedisServer, startRedis, until } from '../support/redis.js';

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
 * as its answer is read, a new process, and there the entry (newest first) and the month's count.
 */
async function killAfterEachAnswer(sim: Simulator, start: () => Promise<Running>): Promise<void> {
  let spent = 0;
  const seen: Record<string, unknown>[] = [];
  for (const [i, c] of CASES.entries()) {
    const running = await start();
    if (c.fault) sim.injectFault(c.fault);
    const domain = `d${i}.example.com`;
    const answer = (await post(running, ADD, { domain })).addDomains;
    await running.stop('SIGKILL');
    expect(answer, c.name).toMatchObject(c.answer);
    seen.unshift({ ...c.entry, domains: [domain] });
    if (c.spendsQuota) spent += 1;

    const restarted = await start();
    const entries = (await post(restarted, JOURNAL)).serverDomainChanges.edges.map((e: any) => e.node);
    expect(entries, c.name).toMatchObject(seen);
    expect(entries).toHaveLength(seen.length);
    expect((await post(restarted, QUOTA)).serverDomainsQuota.changesThisMonth, c.name).toBe(spent);
    await restarted.stop('SIGKILL');
  }
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
