import { afterEach, describe, expect, it, vi } from 'vitest';
import { hold } from '../support/hold.js';
import { ObservedWriteLock } from '../support/observed-lock.js';
import { AddDomainsMutation, RemoveDomainsMutation, ServerDomainsQuery } from '../support/operations.js';
import { ChangesQuery } from '../support/quota-operations.js';
import { type Stack, startStack } from '../support/stack.js';

let stack: Stack;
afterEach(() => stack?.close());

describe('changes of one platform are serialised within the process', () => {
  it('a second mutation waits for the first one’s upstream call to finish', async () => {
    const lock = new ObservedWriteLock();
    stack = await startStack({ writeLock: lock, simulator: { platform: { testing: ['two.example.com'] } } });
    await stack.gql(ServerDomainsQuery); // token and connection ready
    const held = hold();
    stack.sim.injectFault({ action: 'add', until: held.promise });
    const firstAtWechat = stack.sim.nextCall('modify', 'add');
    const first = stack.gql(AddDomainsMutation, { input: { domains: ['one.example.com'] } });
    await firstAtWechat;
    const second = stack.gql(RemoveDomainsMutation, { input: { domains: ['two.example.com'] } });
    const third = stack.gql(AddDomainsMutation, { input: { domains: ['three.example.com'] } });
    // Both have asked for the lock while the first is still at WeChat: neither has sent anything.
    await vi.waitFor(() => expect(lock.asked).toBe(3), { timeout: 10_000 });
    expect(stack.sim.count('modify', 'add') + stack.sim.count('modify', 'delete')).toBe(1);
    // Reads are not held back by a change in flight.
    expect((await stack.gql(ServerDomainsQuery)).data?.serverDomains.__typename).toBe('ServerDomains');
    expect(stack.sim.count('modify', 'add') + stack.sim.count('modify', 'delete')).toBe(1);
    held.release();
    const results = await Promise.all([first, second, third]);
    expect(stack.sim.changesMostAtOnce()).toBe(1);
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
    const lock = new ObservedWriteLock();
    stack = await startStack({ timeoutMs: 500, writeLock: lock });
    await stack.gql(ServerDomainsQuery); // token and connection ready
    // The first change takes the lock; its fresh get is held at WeChat until the second has asked for the
    // lock, and its add until the second is answered: the first holds the lock all the while the second waits.
    // (Whether the first's add then answers in time, or times out itself, is the machine's speed: either is
    // journaled, and neither is what this test is about.)
    const getHeld = hold();
    const addHeld = hold();
    stack.sim.injectFault({ action: 'get', until: getHeld.promise });
    stack.sim.injectFault({ action: 'add', until: addHeld.promise });
    const firstHasLock = stack.sim.nextCall('modify', 'get');
    const first = stack.gql(AddDomainsMutation, { input: { domains: ['first.example.com'] } });
    await firstHasLock;
    const secondAnswer = stack.gql(AddDomainsMutation, { input: { domains: ['second.example.com'] } });
    await vi.waitFor(() => expect(lock.asked).toBe(2), { timeout: 10_000, interval: 1 });
    getHeld.release();
    const second = await secondAnswer;
    addHeld.release();
    expect(second.data?.addDomains).toMatchObject({
      __typename: 'UpstreamUnavailableError',
      mayHaveApplied: false,
      message: expect.stringMatching(/Another change .* in progress/),
    });
    const firstAnswer = (await first).data?.addDomains;
    const firstEffect = firstAnswer?.__typename === 'ServerDomains' ? 'APPLIED' : 'UNKNOWN';
    if (firstEffect === 'UNKNOWN') expect(firstAnswer).toMatchObject({ __typename: 'UpstreamUnavailableError', mayHaveApplied: true });
    // Only the first change reached WeChat.
    expect(stack.sim.calls.filter((c) => c.kind === 'modify' && c.action === 'add').map((c) => c.wxaServerDomain)).toEqual([
      'first.example.com',
    ]);
    const entries = (await stack.gql(ChangesQuery, { first: 10 })).data!.serverDomainChanges.edges.map((e) => e.node);
    expect(entries).toHaveLength(2);
    expect(entries.find((e) => e.domains[0] === 'first.example.com')).toMatchObject({ effect: firstEffect });
    expect(entries.find((e) => e.domains[0] === 'second.example.com')).toMatchObject({
      effect: 'REFUSED',
      outcome: 'UpstreamUnavailableError',
    });
  });
});
