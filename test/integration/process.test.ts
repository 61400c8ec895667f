import { describe, expect, it } from 'vitest';
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
      { WECHAT_COMPONENT_ACCESS_TOKEN: 'tok-value', WECHAT_COMPONENT_APPID: 'wx1', WECHAT_COMPONENT_APPSECRET: 's3cr3t-value', WECHAT_COMPONENT_VERIFY_TICKET: 'ticket-value' },
      'WECHAT_COMPONENT_ACCESS_TOKEN',
    ],
    [{ WECHAT_API_BASE_URL: 'http://127.0.0.1:9' }, 'WECHAT_API_BASE_URL'],
    [{ WECHAT_COMPONENT_ACCESS_TOKEN: 'tok-value', WECHAT_TIMEOUT_MS: 'soon' }, 'WECHAT_TIMEOUT_MS'],
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
    const running = await startProcess(process.execPath, ['dist/main.js'], { PORT: '0', WECHAT_API_BASE_URL: '', WECHAT_COMPONENT_APPID: ' ' });
    expect(running.output()).toContain('simulator');
    expect(await running.stop()).toBe(0);
  });
});

describe('`npm start` with no configuration', () => {
  it('serves the embedded simulator, says so in one line, and stops cleanly on SIGTERM', async () => {
    const running = await startProcess('npm', ['start', '--silent'], { PORT: '0' }, 120_000);
    const simulatorLines = running.output().split('\n').filter((l) => /embedded WeChat simulator/.test(l));
    expect(simulatorLines).toHaveLength(1);
    const health = await fetch(`${running.url}/health`);
    expect(health.status).toBe(200);
    const response = await fetch(`${running.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: 'mutation { addDomains(input: { domains: ["new.example.com"] }) { __typename ... on ServerDomains { testing } } }' }),
    });
    const { data } = (await response.json()) as { data: { addDomains: { __typename: string; testing: string[] } } };
    expect(data.addDomains.__typename).toBe('ServerDomains');
    expect(data.addDomains.testing).toContain('new.example.com');
    // Like Ctrl-C in a terminal, the signal goes to the whole group; npm itself dies of it, the service stops cleanly.
    await running.stop('SIGTERM');
    expect(running.output()).toMatch(/"msg":"stopped"/);
  }, 150_000);
});
