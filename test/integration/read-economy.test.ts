import { afterEach, describe, expect, it, vi } from 'vitest';
import { ManualClock } from '../support/clock.js';
import { hold } from '../support/hold.js';
import { AddDomainsMutation, ServerDomainsQuery } from '../support/operations.js';
import { type Stack, startStack } from '../support/stack.js';

let stack: Stack;
afterEach(() => stack?.close());

const gets = () => stack.sim.count('modify', 'get');
const read = async () => (await stack.gql(ServerDomainsQuery)).data?.serverDomains;
/** Settles to whether `promise` has settled yet (without waiting for it). */
const settled = async (promise: Promise<unknown>) =>
  Promise.race([
    promise.then(
      () => true,
      () => true,
    ),
    new Promise<boolean>((resolve) => setImmediate(() => resolve(false))),
  ]);

describe('reads become a bounded trickle of upstream calls', () => {
  it('concurrent requests share one in-flight get (cache off: single-flight only)', async () => {
    stack = await startStack({ cacheTtlMs: 0 });
    await read(); // token and connections ready
    // The get is held at WeChat until all 50 requests are in: each one that reaches the read joins it.
    const held = hold();
    stack.sim.injectFault({ action: 'get', until: held.promise });
    const before = gets();
    const received = stack.bodiesReceived();
    const reads = Promise.all(Array.from({ length: 50 }, read));
    await vi.waitFor(() => expect(stack.bodiesReceived() - received).toBe(50), { timeout: 10_000, interval: 5 });
    await new Promise(setImmediate); // one turn of the event loop: each request's parse and validation run on to the read
    held.release();
    const results = await reads;
    expect(results.every((r) => r?.__typename === 'ServerDomains')).toBe(true);
    expect(gets() - before).toBe(1);
    // With the cache off, a later request asks WeChat again.
    await read();
    expect(gets() - before).toBe(2);
  });

  it('a successful read is served from the cache for the TTL, then fetched again', async () => {
    const clock = new ManualClock();
    stack = await startStack({ cacheTtlMs: 300, clock });
    await Promise.all(Array.from({ length: 20 }, read));
    expect(gets()).toBe(1);
    clock.advance(299);
    for (let i = 0; i < 10; i++) await read();
    expect(gets()).toBe(1);
    clock.advance(1);
    expect((await read())?.__typename).toBe('ServerDomains');
    expect(gets()).toBe(2);
  });

  it('a mutation’s returned state replaces the cached one at once', async () => {
    stack = await startStack({ cacheTtlMs: 60_000, simulator: { platform: { testing: ['a.example.com'] } } });
    expect(await read()).toMatchObject({ testing: ['a.example.com'] });
    await stack.gql(AddDomainsMutation, { input: { domains: ['b.example.com'] } });
    expect(gets()).toBe(2); // the read, and the change's own fresh read (its no-op check)
    expect(await read()).toMatchObject({ testing: ['a.example.com', 'b.example.com'] });
    expect(gets()).toBe(2);
  });

  it('a read that started before a change never overwrites the change’s state', async () => {
    stack = await startStack({ cacheTtlMs: 60_000, simulator: { platform: { testing: ['a.example.com'] } } });
    // WeChat answers this get with the state of the moment it arrives, but only 300 ms later.
    stack.sim.injectFault({ action: 'get', delayMs: 300, applyFirst: true });
    const getArrived = stack.sim.nextCall('modify', 'get');
    const slowRead = read();
    await getArrived;
    await stack.gql(AddDomainsMutation, { input: { domains: ['b.example.com'] } });
    expect(await slowRead).toMatchObject({ testing: ['a.example.com'] }); // stale, as it started before
    expect(await read()).toMatchObject({ testing: ['a.example.com', 'b.example.com'] });
    expect(gets()).toBe(2); // the slow read, and the change's own fresh read: never joined to the slow one
  });

  it('a change that may have been applied drops the cache, so the re-read the message asks for is fresh', async () => {
    stack = await startStack({ cacheTtlMs: 60_000, simulator: { platform: { testing: ['a.example.com'] } } });
    await read();
    stack.sim.injectFault({ action: 'add', drop: true, applyFirst: true });
    const { data } = await stack.gql(AddDomainsMutation, { input: { domains: ['b.example.com'] } });
    expect(data?.addDomains).toMatchObject({ __typename: 'UpstreamUnavailableError', mayHaveApplied: true });
    expect(gets()).toBe(2); // the read, and the change's fresh read
    expect(await read()).toMatchObject({ testing: ['a.example.com', 'b.example.com'] });
    expect(gets()).toBe(3);
  });

  it('errors are not cached', async () => {
    stack = await startStack({ cacheTtlMs: 60_000 });
    stack.sim.injectFault({ action: 'get', errcode: -1, times: 3 });
    expect((await read())?.__typename).toBe('SystemBusyError');
    expect((await read())?.__typename).toBe('ServerDomains');
  });
});

describe('when the TTL runs out under load, readers do not all stall behind the refresh', () => {
  /** A change made outside this service, as in WeChat's console. */
  const changeInConsole = (domain: string) => stack.sim.platform.handle({ action: 'add', wxa_server_domain: domain }, Date.now());
  const testing = (result: Awaited<ReturnType<typeof read>>) =>
    result?.__typename === 'ServerDomains' ? result.testing : result?.__typename;

  it('the read that starts a refresh waits for the new state; reads arriving during it get the last one at once', async () => {
    const clock = new ManualClock();
    stack = await startStack({ cacheTtlMs: 400, timeoutMs: 3000, clock, simulator: { platform: { testing: ['a.example.com'] } } });
    expect(testing(await read())).toEqual(['a.example.com']);
    changeInConsole('b.example.com');
    clock.advance(450);
    stack.sim.injectFault({ action: 'get', delayMs: 800 });
    const refreshArrived = stack.sim.nextCall('modify', 'get');
    const refreshing = read();
    await refreshArrived;
    expect(testing(await read())).toEqual(['a.example.com']);
    expect(await settled(refreshing)).toBe(false); // answered while the refresh was still away
    expect(testing(await refreshing)).toEqual(['a.example.com', 'b.example.com']);
    expect(testing(await read())).toEqual(['a.example.com', 'b.example.com']);
    expect(gets()).toBe(2);
  });

  it('the last state is never given out once it is older than twice the TTL: later readers wait', async () => {
    const clock = new ManualClock();
    stack = await startStack({ cacheTtlMs: 300, timeoutMs: 5000, clock, simulator: { platform: { testing: ['a.example.com'] } } });
    await read();
    changeInConsole('b.example.com');
    clock.advance(350);
    stack.sim.injectFault({ action: 'get', delayMs: 900 }); // a refresh that is still away when the state turns too old
    const refreshArrived = stack.sim.nextCall('modify', 'get');
    const refreshing = read();
    await refreshArrived;
    clock.advance(250); // 600 ms: twice the TTL, the last moment it may be given out
    expect(testing(await read())).toEqual(['a.example.com']);
    clock.advance(1);
    expect(testing(await read())).toEqual(['a.example.com', 'b.example.com']); // waited for the refresh
    expect(testing(await refreshing)).toEqual(['a.example.com', 'b.example.com']);
  });

  it('with a WECHAT_TIMEOUT_MS shorter than the TTL, never older than the TTL plus the timeout', async () => {
    const [ttl, timeout] = [1000, 300];
    const clock = new ManualClock();
    stack = await startStack({ cacheTtlMs: ttl, timeoutMs: timeout, clock, simulator: { platform: { testing: ['a.example.com'] } } });
    await read();
    clock.advance(ttl + 50);
    stack.sim.injectFault({ action: 'get', delayMs: 3000, times: 2 });
    const firstArrived = stack.sim.nextCall('modify', 'get');
    const first = read(); // times out (after 300 ms of real time: the HTTP bound)
    await firstArrived;
    clock.advance(timeout - 50); // TTL + timeout: the last moment it may be given out
    expect(testing(await read())).toEqual(['a.example.com']);
    expect(testing(await first)).toBe('UpstreamUnavailableError');
    clock.advance(1);
    const secondArrived = stack.sim.nextCall('modify', 'get');
    const second = read(); // a new refresh, which times out too
    await secondArrived;
    // Too old now: this read waits for the refresh and shares its outcome.
    expect(testing(await read())).toBe('UpstreamUnavailableError');
    expect(testing(await second)).toBe('UpstreamUnavailableError');
  });

  it('after a change that may have applied, readers wait for WeChat rather than get the state before it', async () => {
    stack = await startStack({ cacheTtlMs: 60_000, simulator: { platform: { testing: ['a.example.com'] } } });
    await read();
    stack.sim.injectFault({ action: 'add', drop: true, applyFirst: true });
    const { data } = await stack.gql(AddDomainsMutation, { input: { domains: ['b.example.com'] } });
    expect(data?.addDomains).toMatchObject({ mayHaveApplied: true });
    stack.sim.injectFault({ action: 'get', delayMs: 300 });
    const refreshArrived = stack.sim.nextCall('modify', 'get');
    const refreshing = read();
    await refreshArrived;
    expect(testing(await read())).toEqual(['a.example.com', 'b.example.com']);
    expect(testing(await refreshing)).toEqual(['a.example.com', 'b.example.com']);
  });

  it('with the cache off, every reader waits for the call in flight', async () => {
    stack = await startStack({ cacheTtlMs: 0, simulator: { platform: { testing: ['a.example.com'] } } });
    await read();
    changeInConsole('b.example.com');
    stack.sim.injectFault({ action: 'get', delayMs: 300 });
    const refreshArrived = stack.sim.nextCall('modify', 'get');
    const refreshing = read();
    await refreshArrived;
    expect(testing(await read())).toEqual(['a.example.com', 'b.example.com']);
    await refreshing;
  });
});
