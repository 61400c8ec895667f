import { existsSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Simulator, startSimulator } from '../../src/wechat/simulator/server.js';
import { type Running, runService, startProcess } from '../support/process.js';
import { simulatorSecrets } from '../support/secrets.js';

// Live mode as a deployment runs it: the built service as a process, pointed at a simulator the test holds,
// its state in a DATA_DIR of its own.

let dir: string;
let sim: Simulator | undefined;
let running: Running | undefined;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'wxa-restart-'));
});
afterEach(async () => {
  await running?.stop('SIGKILL').catch(() => undefined);
  running = undefined;
  await sim?.close();
  sim = undefined;
  rmSync(dir, { recursive: true, force: true });
});

const liveEnv = (s: Simulator, dataDir: string, extra: Record<string, string> = {}) => ({
  PORT: '0',
  WECHAT_API_BASE_URL: s.url,
  WECHAT_COMPONENT_APPID: s.credentials.componentAppId,
  WECHAT_COMPONENT_APPSECRET: s.credentials.componentAppSecret,
  WECHAT_EVENT_TOKEN: s.events.token,
  WECHAT_EVENT_AES_KEY: s.events.encodingAesKey,
  AUTH_DISABLED: 'true',
  DATA_DIR: dataDir,
  ...extra,
});
const start = async (env: Record<string, string>) => {
  running = await startProcess(process.execPath, ['dist/main.js'], env);
  return running;
};
const stop = async () => {
  expect(await running!.stop()).toBe(0);
  const output = running!.output();
  running = undefined;
  return output;
};
const read = async (url: string) => {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: '{ serverDomains { __typename ... on WechatError { errcode } } }' }),
  });
  return ((await response.json()) as { data: { serverDomains: { __typename: string } } }).data.serverDomains.__typename;
};
const readSync = async (url: string) => {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: '{ miniProgramSync { total } }' }),
  });
  return ((await response.json()) as { data: { miniProgramSync: { total: number } | null } }).data.miniProgramSync;
};
/** Resolves once `check` holds, or fails after a generous bound. */
async function until(check: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (!(await check())) {
    if (performance.now() > deadline) throw new Error(`not within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
const tokenCallTickets = () =>
  sim!.calls.filter((c) => c.kind === 'token').map((c) => (c.body as Record<string, string>).component_verify_ticket);

function assertNoSecrets(output: string): void {
  const s = sim!;
  for (const secret of simulatorSecrets(s)) expect(output).not.toContain(secret);
}

describe('restarts in live mode keep what WeChat gave (DATA_DIR)', () => {
  it('a kept ticket needs no new push; a kept token needs no token call; a kept ticket wins over the seed', async () => {
    sim = await startSimulator();
    const dataDir = join(dir, 'data');
    const outputs: string[] = [];

    // 1. No ticket yet: not ready. A push arrives and is kept in DATA_DIR.
    let url = (await start(liveEnv(sim, dataDir))).url;
    expect(await (await fetch(`${url}/ready`)).text()).toBe('not ready: no component_verify_ticket yet\n');
    expect(await sim.pushTo(`${url}/wechat/events`)).toMatchObject({ status: 200, answer: 'success' });
    await sim.pushTo(undefined);
    const pushed = sim.issuedTickets.at(-1)!.ticket;
    // The start-up Mini Program sync, which failed for want of a ticket, runs with the pushed one at once.
    await until(async () => (await readSync(url)) !== null);
    outputs.push(await stop());
    expect(tokenCallTickets()).toEqual([pushed]);
    const ticketFile = join(dataDir, `component-verify-ticket.${sim.credentials.componentAppId}.json`);
    expect(statSync(ticketFile).mode & 0o777).toBe(0o600);

    // 2. Restart, with a seed ticket too: the kept ticket is used at once, no push needed.
    url = (await start(liveEnv(sim, dataDir, { WECHAT_COMPONENT_VERIFY_TICKET: sim.credentials.componentVerifyTicket }))).url;
    expect(running!.output()).toMatch(/"keptTicket":true/);
    expect((await fetch(`${url}/ready`)).status).toBe(200);
    expect(await read(url)).toBe('ServerDomains');
    expect(tokenCallTickets()).toEqual([pushed]);
    expect(sim.pushes).toHaveLength(1);
    outputs.push(await stop());
    const tokenFile = join(dataDir, `component-access-token.${sim.credentials.componentAppId}.json`);
    expect(statSync(tokenFile).mode & 0o777).toBe(0o600);

    // 3. Restart again: the kept token is still valid, so no api_component_token call at all.
    url = (await start(liveEnv(sim, dataDir))).url;
    expect(running!.output()).toMatch(/"keptToken":true/);
    expect((await fetch(`${url}/ready`)).status).toBe(200);
    expect(await read(url)).toBe('ServerDomains');
    expect(sim.count('token')).toBe(1);
    outputs.push(await stop());

    // What WeChat gave (the ticket, the token, the Mini Program registry), and the (empty) change journal:
    // nothing else, every file private.
    expect(readdirSync(dataDir).sort()).toEqual([
      `component-access-token.${sim.credentials.componentAppId}.json`,
      `component-verify-ticket.${sim.credentials.componentAppId}.json`,
      'jump-domain-changes.jsonl',
      `mini-programs.${sim.credentials.componentAppId}.json`,
      'server-domain-changes.jsonl',
    ]);
    for (const file of readdirSync(dataDir)) expect(statSync(join(dataDir, file)).mode & 0o777).toBe(0o600);
    for (const output of outputs) assertNoSecrets(output);
  }, 60_000);

  it('a kept token WeChat no longer takes is dropped, and a new one obtained with the kept ticket', async () => {
    sim = await startSimulator();
    const dataDir = join(dir, 'data');
    let url = (await start(liveEnv(sim, dataDir))).url;
    await sim.pushTo(`${url}/wechat/events`);
    expect(await read(url)).toBe('ServerDomains');
    await stop();
    sim.revokeTokens();
    url = (await start(liveEnv(sim, dataDir))).url;
    expect(await read(url)).toBe('ServerDomains');
    expect(sim.count('token')).toBe(2);
    assertNoSecrets(await stop());
  }, 60_000);
});

describe('DATA_DIR at start', () => {
  it('unwritable in live mode: stops start-up with one line naming it', async () => {
    sim = await startSimulator();
    writeFileSync(join(dir, 'a-file'), 'not a directory');
    // Component mode, then a static token (which keeps nothing there, but is live mode all the same).
    const staticToken = {
      WECHAT_EVENT_TOKEN: '',
      WECHAT_EVENT_AES_KEY: '',
      WECHAT_COMPONENT_APPSECRET: '',
      WECHAT_COMPONENT_ACCESS_TOKEN: 'tok-value',
    };
    for (const extra of [{} as Record<string, string>, staticToken]) {
      const { code, stdout, stderr } = await runService(liveEnv(sim, join(dir, 'a-file', 'data'), extra));
      expect(code).toBe(1);
      expect(stdout).toBe('');
      expect(stderr.trim().split('\n')).toHaveLength(1);
      expect(stderr).toMatch(/DATA_DIR: cannot write to .*a-file\/data \(ENOTDIR\)/);
      expect(stderr).not.toContain('tok-value');
    }
  });

  it('simulator mode writes nothing there, and runs the whole push loop', async () => {
    const dataDir = join(dir, 'never-created');
    const { url } = await start({ PORT: '0', DATA_DIR: dataDir, LOG_LEVEL: 'info' });
    const deadline = Date.now() + 10_000;
    while (!running!.output().includes('"path":"/wechat/events"') && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    expect(running!.output()).toMatch(
      /"path":"\/wechat\/events","status":200,.*"event":\{"outcome":"ok","infoType":"component_verify_ticket"\}/,
    );
    expect(await read(url)).toBe('ServerDomains');
    const output = await stop();
    expect(existsSync(dataDir)).toBe(false);
    expect(output).not.toMatch(/ticket@@@|simtoken_|simevent/);
  });
});

describe('event settings at start: one line naming the variable', () => {
  const base = { PORT: '0', WECHAT_COMPONENT_APPID: 'wx123', WECHAT_COMPONENT_APPSECRET: 's3cr3t-value', AUTH_DISABLED: 'true' };
  const KEY = 'abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG';
  it.each([
    [{ WECHAT_EVENT_TOKEN: 'evt-t0ken' }, 'WECHAT_EVENT_AES_KEY'],
    [{ WECHAT_EVENT_AES_KEY: KEY }, 'WECHAT_EVENT_TOKEN'],
    [{ WECHAT_EVENT_TOKEN: 'evt-t0ken', WECHAT_EVENT_AES_KEY: `${KEY}=` }, 'WECHAT_EVENT_AES_KEY'],
    [{ WECHAT_EVENT_TOKEN: 'evt-t0ken', WECHAT_EVENT_AES_KEY: KEY.replace('a', '_') }, 'WECHAT_EVENT_AES_KEY'],
    [{}, 'WECHAT_COMPONENT_VERIFY_TICKET'],
  ] as [Record<string, string>, string][])('%j → names %s', async (env, variable) => {
    const { code, stdout, stderr } = await runService({ ...base, DATA_DIR: join(dir, 'data'), ...env });
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toContain(variable);
    for (const secret of ['s3cr3t-value', 'evt-t0ken', KEY]) expect(stderr).not.toContain(secret);
  });
});
