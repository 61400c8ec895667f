import { afterEach, describe, expect, it } from 'vitest';
import { AddDomainsMutation, messageOf, ServerDomainsQuery, SetDomainsMutation } from '../support/operations.js';
import { type Stack, startStack } from '../support/stack.js';

let stack: Stack;
afterEach(() => stack?.close());

const add = (domains: string[], publishTogether = false) => stack.gql(AddDomainsMutation, { input: { domains, publishTogether } });

describe('every WeChat errcode comes back as its union member', () => {
  it.each([
    [-1, 'SystemBusyError'],
    [61028, 'PlatformNotReleasedError'],
    [65316, 'DomainCountLimitError'],
    [45104, 'MonthlyQuotaExceededError'],
    [40052, 'InvalidActionError'],
    [9410016, 'InvalidDomainError'],
    [48001, 'UnknownWechatError'],
  ])('errcode %i on a change → %s, with errcode, errmsg and a message of our own', async (errcode, typename) => {
    stack = await startStack();
    // times: 3, so that -1 is still there after its two retries.
    stack.sim.injectFault({ action: 'add', errcode, errmsg: `scripted errmsg ${errcode}`, times: 3 });
    const { data, errors } = await add(['b.example.com']);
    expect(errors).toBeUndefined();
    const result = data?.addDomains;
    expect(result?.__typename).toBe(typename);
    if (
      result?.__typename === 'ServerDomains' ||
      result?.__typename === 'DomainValidationError' ||
      result?.__typename === 'UpstreamUnavailableError'
    ) {
      throw new Error(`unexpected ${result.__typename}`);
    }
    expect(result).toMatchObject({ errcode, errmsg: `scripted errmsg ${errcode}` });
    expect(result?.message).not.toContain('scripted errmsg');
    expect(result?.message).toMatch(/\.$/);
  });

  it('a change with publishTogether on an unpublished platform → PlatformNotReleasedError, nothing changed', async () => {
    stack = await startStack({ simulator: { platform: { released: false, testing: ['a.example.com'], published: null } } });
    const { data } = await add(['b.example.com'], true);
    expect(data?.addDomains).toMatchObject({ __typename: 'PlatformNotReleasedError', errcode: 61028 });
    expect(stack.sim.platform.settings.testing).toEqual(['a.example.com']);
  });

  it('going past the domain cap → DomainCountLimitError', async () => {
    stack = await startStack({ simulator: { platform: { testing: ['a.example.com'], maxDomains: 2 } } });
    const { data } = await add(['b.example.com', 'c.example.com']);
    expect(data?.addDomains).toMatchObject({ __typename: 'DomainCountLimitError', errcode: 65316 });
  });

  it('the 51st change of a month → MonthlyQuotaExceededError', async () => {
    stack = await startStack({ simulator: { platform: { monthlyQuota: 2 } } });
    expect((await add(['b.example.com'])).data?.addDomains.__typename).toBe('ServerDomains');
    expect((await add(['c.example.com'])).data?.addDomains.__typename).toBe('ServerDomains');
    const third = await add(['d.example.com']);
    expect(third.data?.addDomains).toMatchObject({ __typename: 'MonthlyQuotaExceededError', errcode: 45104 });
    expect(messageOf(third.data?.addDomains)).toContain('50');
  });

  it('domains WeChat refuses → InvalidDomainError with one reason per refused domain', async () => {
    stack = await startStack();
    const { data } = await add(['ok.example.com', 'one.invalid', 'two.localhost']);
    const result = data?.addDomains;
    expect(result?.__typename).toBe('InvalidDomainError');
    if (result?.__typename !== 'InvalidDomainError') return;
    expect(result.reasons).toHaveLength(2);
    expect(result.reasons[0]).toContain('one.invalid');
    expect(result.reasons[1]).toContain('two.localhost');
    expect(result.reasons.join(' ')).not.toContain('rid:');
  });

  it('a read answers its own members; an errcode without one there becomes UnknownWechatError', async () => {
    stack = await startStack();
    stack.sim.injectFault({ action: 'get', errcode: -1, errmsg: 'system error', times: 3 });
    stack.sim.injectFault({ action: 'get', errcode: 61028, errmsg: 'not released' });
    const busy = await stack.gql(ServerDomainsQuery);
    expect(busy.data?.serverDomains).toMatchObject({ __typename: 'SystemBusyError', errcode: -1 });
    const other = await stack.gql(ServerDomainsQuery);
    expect(other.data?.serverDomains).toMatchObject({ __typename: 'UnknownWechatError', errcode: 61028, errmsg: 'not released' });
  });

  it('a WeChat error on set leaves the list as it was', async () => {
    stack = await startStack({ simulator: { platform: { testing: ['a.example.com'] } } });
    stack.sim.injectFault({ action: 'set', errcode: 45104 });
    const { data } = await stack.gql(SetDomainsMutation, { input: { domains: [] } });
    expect(data?.setDomains.__typename).toBe('MonthlyQuotaExceededError');
    expect(stack.sim.platform.settings.testing).toEqual(['a.example.com']);
  });
});
