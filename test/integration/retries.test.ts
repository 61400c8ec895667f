import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { startSimulator } from '../../src/wechat/simulator/server.js';
import { AddDomainsMutation, ServerDomainsQuery } from '../support/operations.js';
import { type Stack, startStack } from '../support/stack.js';

let stack: Stack | undefined;
const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  await stack?.close();
  stack = undefined;
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

async function started(timeoutMs = 2000): Promise<Stack> {
  stack = await startStack({ timeoutMs });
  await stack.gql(ServerDomainsQuery);
  stack.sim.calls.length = 0;
  return stack;
}

describe('reads retry -1 and transient faults, at most twice', () => {
  it.each([
    ['errcode -1', { errcode: -1 }],
    ['a dropped connection', { drop: true }],
    ['a 503', { status: 503 }],
    ['a 504', { status: 504 }],
  ])('%s twice, then an answer → ServerDomains after 3 attempts', async (_what, fault) => {
    const s = await started();
    s.sim.injectFault({ action: 'get', ...fault, times: 2 });
    const { data } = await s.gql(ServerDomainsQuery);
    expect(data?.serverDomains.__typename).toBe('ServerDomains');
    expect(s.sim.count('modify', 'get')).toBe(3);
  });

  it('-1 three times → SystemBusyError, after exactly 3 attempts', async () => {
    const s = await started();
    s.sim.injectFault({ action: 'get', errcode: -1, times: 5 });
    const { data } = await s.gql(ServerDomainsQuery);
    expect(data?.serverDomains.__typename).toBe('SystemBusyError');
    expect(s.sim.count('modify', 'get')).toBe(3);
  });

  it('a 500 or a broken body is not transient: one attempt', async () => {
    const s = await started();
    s.sim.injectFault({ action: 'get', status: 500 });
    expect((await s.gql(ServerDomainsQuery)).data?.serverDomains.__typename).toBe('UpstreamUnavailableError');
    expect(s.sim.count('modify', 'get')).toBe(1);
  });
});

describe('changes retry only what WeChat certainly did not apply', () => {
  it('errcode -1 once → retried, applied exactly once', async () => {
    const s = await started();
    s.sim.injectFault({ action: 'add', errcode: -1 });
    const { data } = await s.gql(AddDomainsMutation, { input: { domains: ['b.example.com'] } });
    expect(data?.addDomains.__typename).toBe('ServerDomains');
    expect(s.sim.count('modify', 'add')).toBe(2);
    expect(s.sim.platform.changesThisMonth).toBe(1);
  });

  it.each([
    ['a dropped connection', { drop: true }],
    ['a 503', { status: 503 }],
  ])('%s after sending → not retried, mayHaveApplied: true', async (_what, fault) => {
    const s = await started();
    s.sim.injectFault({ action: 'add', ...fault });
    const { data } = await s.gql(AddDomainsMutation, { input: { domains: ['b.example.com'] } });
    expect(data?.addDomains).toMatchObject({ __typename: 'UpstreamUnavailableError', mayHaveApplied: true });
    expect(s.sim.count('modify', 'add')).toBe(1);
  });

  it('a refused connection → retried once WeChat listens again, and applied once', async () => {
    // Reserve a port, free it, point the service at it, and bring the simulator up there mid-request.
    const probe = createServer().listen(0, '127.0.0.1');
    await new Promise((resolve) => probe.once('listening', resolve));
    const { port } = probe.address() as AddressInfo;
    await new Promise((resolve) => probe.close(resolve));

    stack = await startStack({
      baseUrl: `http://127.0.0.1:${port}`,
      timeoutMs: 3000,
      credentials: { mode: 'static', accessToken: 'shared-token', componentAppId: undefined },
    });
    const pending = stack.gql(AddDomainsMutation, { input: { domains: ['b.example.com'] } });
    // The change's fresh get found nothing listening (its log line says so): WeChat comes up now.
    await vi.waitFor(() => expect(stack!.logLines.some((l) => /"outcome":"unavailable"/.test(l) && l.includes('WeChat call'))).toBe(true), {
      timeout: 10_000,
      interval: 1,
    });
    const sim = await startSimulator({ port, staticTokens: ['shared-token'] });
    cleanups.push(() => sim.close());
    const { data } = await pending;
    expect(data?.addDomains).toMatchObject({ __typename: 'ServerDomains' });
    expect(data?.addDomains.__typename === 'ServerDomains' && data.addDomains.testing).toContain('b.example.com');
    expect(sim.count('modify', 'add')).toBe(1);
    expect(sim.platform.changesThisMonth).toBe(1);
  });
});
