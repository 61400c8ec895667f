import { afterEach, describe, expect, it } from 'vitest';
import { startStack, type Stack } from '../support/stack.js';
import { AddDomainsMutation, ServerDomainsQuery } from '../support/operations.js';

let stack: Stack;
afterEach(() => stack?.close());

const gets = () => stack.sim.count('modify', 'get');
const read = async () => (await stack.gql(ServerDomainsQuery)).data?.serverDomains;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('reads become a bounded trickle of upstream calls', () => {
  it('concurrent requests share one in-flight get (cache off: single-flight only)', async () => {
    stack = await startStack({ cacheTtlMs: 0 });
    await read(); // token and connections ready
    stack.sim.injectFault({ action: 'get', delayMs: 200 });
    const before = gets();
    const results = await Promise.all(Array.from({ length: 50 }, read));
    expect(results.every((r) => r?.__typename === 'ServerDomains')).toBe(true);
    expect(gets() - before).toBe(1);
    // With the cache off, a later request asks WeChat again.
    await read();
    expect(gets() - before).toBe(2);
  });

  it('a successful read is served from the cache for the TTL, then fetched again', async () => {
    stack = await startStack({ cacheTtlMs: 300 });
    await Promise.all(Array.from({ length: 20 }, read));
    expect(gets()).toBe(1);
    for (let i = 0; i < 10; i++) await read();
    expect(gets()).toBe(1);
    await sleep(350);
    expect((await read())?.__typename).toBe('ServerDomains');
    expect(gets()).toBe(2);
  });

  it('a mutation’s returned state replaces the cached one at once', async () => {
    stack = await startStack({ cacheTtlMs: 60_000, simulator: { platform: { testing: ['a.example.com'] } } });
    expect(await read()).toMatchObject({ testing: ['a.example.com'] });
    await stack.gql(AddDomainsMutation, { input: { domains: ['b.example.com'] } });
    expect(await read()).toMatchObject({ testing: ['a.example.com', 'b.example.com'] });
    expect(gets()).toBe(1);
  });

  it('a read that started before a change never overwrites the change’s state', async () => {
    stack = await startStack({ cacheTtlMs: 60_000, simulator: { platform: { testing: ['a.example.com'] } } });
    // WeChat answers this get with the state of the moment it arrives, but only 300 ms later.
    stack.sim.injectFault({ action: 'get', delayMs: 300, applyFirst: true });
    const slowRead = stack.service.domains.read();
    while (gets() === 0) await sleep(5);
    await stack.gql(AddDomainsMutation, { input: { domains: ['b.example.com'] } });
    expect(await slowRead).toMatchObject({ testing: ['a.example.com'] }); // stale, as it started before
    expect(await read()).toMatchObject({ testing: ['a.example.com', 'b.example.com'] });
    expect(gets()).toBe(1);
  });

  it('a change that may have been applied drops the cache, so the re-read the message asks for is fresh', async () => {
    stack = await startStack({ cacheTtlMs: 60_000, simulator: { platform: { testing: ['a.example.com'] } } });
    await read();
    stack.sim.injectFault({ action: 'add', drop: true, applyFirst: true });
    const { data } = await stack.gql(AddDomainsMutation, { input: { domains: ['b.example.com'] } });
    expect(data?.addDomains).toMatchObject({ __typename: 'UpstreamUnavailableError', mayHaveApplied: true });
    expect(await read()).toMatchObject({ testing: ['a.example.com', 'b.example.com'] });
    expect(gets()).toBe(2);
  });

  it('errors are not cached', async () => {
    stack = await startStack({ cacheTtlMs: 60_000 });
    stack.sim.injectFault({ action: 'get', errcode: -1, times: 3 });
    expect((await read())?.__typename).toBe('SystemBusyError');
    expect((await read())?.__typename).toBe('ServerDomains');
  });
});
