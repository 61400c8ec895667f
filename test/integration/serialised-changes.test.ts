import { afterEach, describe, expect, it } from 'vitest';
import { AddDomainsMutation, RemoveDomainsMutation, ServerDomainsQuery } from '../support/operations.js';
import { type Stack, startStack } from '../support/stack.js';

let stack: Stack;
afterEach(() => stack?.close());

describe('changes of one platform are serialised within the process', () => {
  it('a second mutation waits for the first one’s upstream call to finish', async () => {
    stack = await startStack({ simulator: { platform: { testing: ['two.example.com'] } } });
    await stack.gql(ServerDomainsQuery); // token and connection ready
    stack.sim.injectFault({ action: 'add', delayMs: 400 });
    const first = stack.gql(AddDomainsMutation, { input: { domains: ['one.example.com'] } });
    await new Promise((resolve) => setTimeout(resolve, 50));
    const second = stack.gql(RemoveDomainsMutation, { input: { domains: ['two.example.com'] } });
    const third = stack.gql(AddDomainsMutation, { input: { domains: ['three.example.com'] } });
    await new Promise((resolve) => setTimeout(resolve, 200));
    // The first is still at WeChat: the others have not been sent.
    expect(stack.sim.count('modify', 'add') + stack.sim.count('modify', 'delete')).toBe(1);
    // Reads are not held back by a change in flight.
    expect((await stack.gql(ServerDomainsQuery)).data?.serverDomains.__typename).toBe('ServerDomains');
    const results = await Promise.all([first, second, third]);
    expect(results.map((r) => Object.values(r.data ?? {})[0]?.__typename)).toEqual(['ServerDomains', 'ServerDomains', 'ServerDomains']);
    expect(stack.sim.calls.filter((c) => c.kind === 'modify' && c.action !== 'get').map((c) => c.wxaServerDomain)).toEqual([
      'one.example.com',
      'two.example.com',
      'three.example.com',
    ]);
    expect(stack.sim.platform.settings.testing).toEqual(['one.example.com', 'three.example.com']);
    // Each change read the state afresh inside the lock, after the one before it: get, add, get, delete, get, add.
    const sequence = stack.sim.calls.filter((c) => c.kind === 'modify').map((c) => c.action);
    expect(sequence.slice(sequence.indexOf('add') - 1).filter((_, i, all) => all[i] !== 'get' || all[i + 1] !== 'get')).toEqual([
      'get',
      'add',
      'get',
      'delete',
      'get',
      'add',
    ]);
  });

  it('a failed change releases the lock for the next one', async () => {
    stack = await startStack({ timeoutMs: 2000 });
    stack.sim.injectFault({ action: 'add', delayMs: 200, drop: true });
    const results = await Promise.all([
      stack.gql(AddDomainsMutation, { input: { domains: ['slow.example.com'] } }),
      stack.gql(AddDomainsMutation, { input: { domains: ['next.example.com'] } }),
    ]);
    expect(results[0]?.data?.addDomains).toMatchObject({ __typename: 'UpstreamUnavailableError', mayHaveApplied: true });
    expect(results[1]?.data?.addDomains.__typename).toBe('ServerDomains');
  });

  it('a change that cannot take the lock within WECHAT_TIMEOUT_MS is refused: nothing sent, journaled REFUSED', async () => {
    stack = await startStack({ timeoutMs: 500 });
    // The first change holds the lock for its fresh get (400 ms) and its add (400 ms): longer than the second waits.
    stack.sim.injectFault({ action: 'get', delayMs: 400 });
    stack.sim.injectFault({ action: 'add', delayMs: 400 });
    const first = stack.gql(AddDomainsMutation, { input: { domains: ['first.example.com'] } });
    await new Promise((resolve) => setTimeout(resolve, 50));
    const second = await stack.gql(AddDomainsMutation, { input: { domains: ['second.example.com'] } });
    expect(second.data?.addDomains).toMatchObject({
      __typename: 'UpstreamUnavailableError',
      mayHaveApplied: false,
      message: expect.stringMatching(/Another change .* in progress/),
    });
    expect((await first).data?.addDomains.__typename).toBe('ServerDomains');
    expect(stack.sim.calls.filter((c) => c.kind === 'modify' && c.action === 'add').map((c) => c.wxaServerDomain)).toEqual([
      'first.example.com',
    ]);
    const [entry] = await stack.service.domains.changes(1);
    expect(entry).toMatchObject({ domains: ['first.example.com'], effect: 'APPLIED' });
    const [refused] = (await stack.service.domains.changes(2)).slice(1);
    expect(refused).toMatchObject({ domains: ['second.example.com'], effect: 'REFUSED', outcome: 'UpstreamUnavailableError' });
  });
});
