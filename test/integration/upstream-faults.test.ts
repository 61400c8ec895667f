import { createServer } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import type { Fault } from '../../src/wechat/simulator/server.js';
import { ManualClock } from '../support/clock.js';
import { hold } from '../support/hold.js';
import { AddDomainsMutation, messageOf, ServerDomainsQuery } from '../support/operations.js';
import { type Stack, startStack } from '../support/stack.js';

let stack: Stack;
/** WeChat holds the answer until the test is over: whatever the service answers meanwhile, its timeout decided. */
let testOver = hold();
/** An answer slower than any timeout: held until the test is over. */
const HELD = 'held until the test is over';
const faultOf = (fault: Fault | typeof HELD): Fault => (fault === HELD ? { until: testOver.promise } : fault);
afterEach(async () => {
  testOver.release();
  testOver = hold();
  await stack?.close();
});

const TIMEOUT_MS = 300;

async function expectStillServing() {
  const { data } = await stack.gql(ServerDomainsQuery);
  expect(data?.serverDomains.__typename).toBe('ServerDomains');
}

describe('upstream faults → UpstreamUnavailableError, without waiting past the timeout, and the service keeps answering', () => {
  // The service's clock stands still: whether a retry fits the budget is decided by the retry rule, not by
  // how loaded the machine is (each attempt's own timeout still runs on real timers).
  it.each<[string, Fault | typeof HELD, number, number]>([
    ['a dropped connection (retried twice)', { drop: true, times: 3 }, 3, TIMEOUT_MS],
    ['a 502 page (retried twice)', { status: 502, times: 3 }, 3, TIMEOUT_MS],
    ['a 404 page', { status: 404 }, 1, TIMEOUT_MS],
    ['a broken body', { brokenBody: true }, 1, TIMEOUT_MS],
    ['an answer slower than the timeout (never retried: a retry would succeed)', HELD, 1, TIMEOUT_MS],
  ])('a read meeting %s', async (_what, fault, attempts, timeoutMs) => {
    stack = await startStack({ timeoutMs, clock: new ManualClock() });
    await stack.gql(ServerDomainsQuery); // token fetched, connection warm
    stack.sim.calls.length = 0;
    stack.sim.injectFault({ action: 'get', ...faultOf(fault) });
    const { data } = await stack.gql(ServerDomainsQuery);
    expect(data?.serverDomains).toMatchObject({ __typename: 'UpstreamUnavailableError', mayHaveApplied: false });
    expect(data?.serverDomains.__typename === 'UpstreamUnavailableError' && data.serverDomains.message).toMatch(/WeChat/);
    expect(stack.sim.count('modify', 'get')).toBe(attempts);
    await expectStillServing();
  });

  it.each<[string, Fault | typeof HELD]>([
    ['a dropped connection', { drop: true, applyFirst: true }],
    ['a 503 page', { status: 503, applyFirst: true }],
    ['a broken body', { brokenBody: true, applyFirst: true }],
    ['a timeout', HELD],
  ])('a change meeting %s after WeChat got it → not retried, mayHaveApplied: true and a message to re-read', async (_what, fault) => {
    stack = await startStack({ timeoutMs: TIMEOUT_MS });
    // Applied first, whatever the fault: WeChat got the change, only its answer went wrong.
    stack.sim.injectFault({ action: 'add', ...faultOf(fault), applyFirst: true, times: 3 });
    const { data } = await stack.gql(AddDomainsMutation, { input: { domains: ['b.example.com'] } });
    expect(data?.addDomains).toMatchObject({ __typename: 'UpstreamUnavailableError', mayHaveApplied: true });
    expect(stack.sim.count('modify', 'add')).toBe(1);
    expect(messageOf(data?.addDomains)).toMatch(/read the server domains again/i);
    expect(stack.sim.platform.settings.testing).toContain('b.example.com');
    await expectStillServing();
  });

  it('a refused connection → UpstreamUnavailableError with mayHaveApplied: false', async () => {
    const closedPort = await freePort();
    stack = await startStack({
      baseUrl: `http://127.0.0.1:${closedPort}`,
      credentials: { mode: 'static', accessToken: 'any', componentAppId: undefined },
    });
    const read = await stack.gql(ServerDomainsQuery);
    expect(read.data?.serverDomains).toMatchObject({ __typename: 'UpstreamUnavailableError', mayHaveApplied: false });
    const change = await stack.gql(AddDomainsMutation, { input: { domains: ['b.example.com'] } });
    expect(change.data?.addDomains).toMatchObject({ __typename: 'UpstreamUnavailableError', mayHaveApplied: false });
    expect(messageOf(change.data?.addDomains)).toMatch(/could not be reached.*Nothing was changed/);
  });

  it('a token endpoint that is down → UpstreamUnavailableError, not AccessTokenError', async () => {
    stack = await startStack({ timeoutMs: TIMEOUT_MS });
    stack.sim.injectFault({ on: 'token', status: 500 });
    const { data } = await stack.gql(ServerDomainsQuery);
    expect(data?.serverDomains).toMatchObject({ __typename: 'UpstreamUnavailableError', mayHaveApplied: false });
    await expectStillServing();
  });
});

/** A port nothing listens on. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}
