import { describe, expect, it, vi } from 'vitest';
import { startSimulator } from '../../src/wechat/simulator/server.js';
import { hold } from '../support/hold.js';
import { runService, startProcess } from '../support/process.js';

describe('bad configuration: exit non-zero at once, one readable line naming the variable, no stack trace', () => {
  it.each([
    [{ PORT: 'eighty' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ WECHAT_COMPONENT_APPID: 'wx123' }, 'WECHAT_COMPONENT_APPSECRET'],
    [{ WECHAT_COMPONENT_APPID: 'wx123', WECHAT_COMPONENT_APPSECRET: 's3cr3t-value' }, 'WECHAT_COMPONENT_VERIFY_TICKET'],
    [{ WECHAT_COMPONENT_APPID: 'wx123', WECHAT_COMPONENT_VERIFY_TICKET: 'ticket-value' }, 'WECHAT_COMPONENT_APPSECRET'],
    [{ WECHAT_COMPONENT_APPSECRET: 's3cr3t-value', WECHAT_COMPONENT_VERIFY_TICKET: 'ticket-value' }, 'WECHAT_COMPONENT_APPID'],
    [
      {
        WECHAT_COMPONENT_ACCESS_TOKEN: 'tok-value',
        WECHAT_COMPONENT_APPID: 'wx1',
        WECHAT_COMPONENT_APPSECRET: 's3cr3t-value',
        WECHAT_COMPONENT_VERIFY_TICKET: 'ticket-value',
      },
      'WECHAT_COMPONENT_ACCESS_TOKEN',
    ],
    [{ WECHAT_API_BASE_URL: 'http://127.0.0.1:9' }, 'WECHAT_API_BASE_URL'],
    [{ WECHAT_COMPONENT_ACCESS_TOKEN: 'tok-value', WECHAT_TIMEOUT_MS: 'soon' }, 'WECHAT_TIMEOUT_MS'],
    // A production deployment without credentials would otherwise serve the simulator's fake domains.
    [{ NODE_ENV: 'production' }, 'WECHAT_SIMULATOR=true'],
  ] as [Record<string, string>, string][])('%j → names %s', async (env, variable) => {
    const { code, stdout, stderr } = await runService({ PORT: '0', ...env });
    expect(code).not.toBe(0);
    expect(stderr).toContain(variable);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).not.toMatch(/\n\s+at |Error:/);
    expect(stdout).toBe('');
    for (const secret of ['s3cr3t-value', 'ticket-value', 'tok-value']) expect(stderr).not.toContain(secret);
  });

  it('an empty value counts as unset', async () => {
    // WECHAT_API_BASE_URL empty is no base URL: the simulator starts, so the process runs (and is stopped).
    const running = await startProcess(process.execPath, ['dist/main.js'], {
      PORT: '0',
      WECHAT_API_BASE_URL: '',
      WECHAT_COMPONENT_APPID: ' ',
    });
    expect(running.output()).toContain('simulator');
    expect(await running.stop()).toBe(0);
  });
});

describe('`npm start` with no configuration', () => {
  it('serves the embedded simulator, says so in one line, and stops cleanly on SIGTERM', async () => {
    const running = await startProcess('npm', ['start', '--silent'], { PORT: '0' }, 120_000);
    const simulatorLines = running
      .output()
      .split('\n')
      .filter((l) => /embedded WeChat simulator/.test(l));
    expect(simulatorLines).toHaveLength(1);
    const health = await fetch(`${running.url}/health`);
    expect(health.status).toBe(200);
    const response = await fetch(`${running.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query: 'mutation { addDomains(input: { domains: ["new.example.com"] }) { __typename ... on ServerDomains { testing } } }',
      }),
    });
    const { data } = (await response.json()) as { data: { addDomains: { __typename: string; testing: string[] } } };
    expect(data.addDomains.__typename).toBe('ServerDomains');
    expect(data.addDomains.testing).toContain('new.example.com');
    // Like Ctrl-C in a terminal, the signal goes to the whole group; npm itself dies of it, the service stops cleanly.
    await running.stop('SIGTERM');
    expect(running.output()).toMatch(/"msg":"stopped"/);
  }, 150_000);
});

describe('live mode and authentication settings', () => {
  const live = { WECHAT_COMPONENT_ACCESS_TOKEN: 'tok-value', WECHAT_API_BASE_URL: 'http://127.0.0.1:9' };

  it('refuses to start with WeChat credentials and no auth setting, naming AUTH_JWT_SECRET/AUTH_JWKS_URL', async () => {
    const { code, stderr } = await runService({ PORT: '0', ...live });
    expect(code).not.toBe(0);
    expect(stderr).toContain('AUTH_JWT_SECRET');
    expect(stderr).toContain('AUTH_JWKS_URL');
    expect(stderr).not.toContain('tok-value');
  });

  it.each([
    [{ AUTH_JWT_SECRET: 'short' }, 'AUTH_JWT_SECRET'],
    [{ AUTH_JWT_SECRET: 'x'.repeat(40), AUTH_JWKS_URL: 'https://id.example.com/jwks' }, 'AUTH_JWT_SECRET'],
    [{ AUTH_JWT_SECRET: 'x'.repeat(40), AUTH_DISABLED: 'true' }, 'AUTH_DISABLED'],
    [{ AUTH_DISABLED: 'maybe' }, 'AUTH_DISABLED'],
    [{ MAX_CHANGES_PER_OPERATION: '0', AUTH_DISABLED: 'true' }, 'MAX_CHANGES_PER_OPERATION'],
  ] as [Record<string, string>, string][])('%j → names %s', async (env, variable) => {
    const { code, stderr } = await runService({ PORT: '0', ...live, ...env });
    expect(code).not.toBe(0);
    expect(stderr).toContain(variable);
  });

  it('AUTH_DISABLED=true starts live mode with a loud warning', async () => {
    const running = await startProcess(process.execPath, ['dist/main.js'], { PORT: '0', ...live, AUTH_DISABLED: 'true' });
    const warning = running
      .output()
      .split('\n')
      .find((l) => l.includes('AUTH_DISABLED=true'));
    expect(warning).toBeDefined();
    expect(JSON.parse(warning!).level).toBe(40);
    expect(await running.stop()).toBe(0);
  });
});

describe('graceful shutdown', () => {
  it('SIGTERM: refuses new connections, finishes the request in flight, exits 0', async () => {
    const sim = await startSimulator({ staticTokens: ['shared-token'] });
    try {
      const running = await startProcess(process.execPath, ['dist/main.js'], {
        PORT: '0',
        WECHAT_API_BASE_URL: sim.url,
        WECHAT_COMPONENT_ACCESS_TOKEN: 'shared-token',
        AUTH_DISABLED: 'true',
      });
      // The request's get is held at WeChat until the test has seen the service stop listening.
      const held = hold();
      sim.injectFault({ action: 'get', until: held.promise });
      const atWechat = sim.nextCall('modify', 'get');
      const inFlight = fetch(`${running.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ serverDomains { __typename ... on ServerDomains { testing } } }' }),
      });
      await atWechat;
      const exited = running.stop('SIGTERM');
      // Logged just before the listener is closed (src/main.ts).
      await vi.waitFor(() => expect(running.output()).toContain('shutting down: no new connections'), { timeout: 10_000 });
      await expect(fetch(`${running.url}/health`)).rejects.toThrow();
      held.release();
      const response = await inFlight;
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ data: { serverDomains: { __typename: 'ServerDomains', testing: ['api.example.com'] } } });
      expect(await exited).toBe(0);
      expect(running.output()).toMatch(/"msg":"stopped"/);
    } finally {
      await sim.close();
    }
  });
});

describe('production logs', () => {
  it('every line the process writes is JSON, yoga’s own included, with no secret', async () => {
    const running = await startProcess(process.execPath, ['dist/main.js'], {
      PORT: '0',
      NODE_ENV: 'production',
      WECHAT_SIMULATOR: 'true',
      LOG_LEVEL: 'debug',
    });
    const post = (body: string) =>
      fetch(`${running.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    await post(JSON.stringify({ query: '{ serverDomains { __typename } }' }));
    await post('{ not json');
    await post(JSON.stringify({ query: '{ nope }' }));
    await fetch(`${running.url}/ready`);
    expect(await running.stop()).toBe(0);
    const lines = running
      .output()
      .split('\n')
      .filter((l) => l.trim() !== '');
    expect(lines.length).toBeGreaterThan(5);
    for (const line of lines) expect(() => JSON.parse(line), line).not.toThrow();
    expect(lines.some((l) => JSON.parse(l).msg === 'request')).toBe(true);
    expect(running.output()).not.toMatch(/simtoken_|simulator-app-secret|ticket@@@/);
  });
});
