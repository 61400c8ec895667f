import { afterEach, describe, expect, it } from 'vitest';
import { AddDomainsMutation, ServerDomainsQuery, ThreeReadsQuery } from '../support/operations.js';
import { type Stack, startStack } from '../support/stack.js';

let stack: Stack;
afterEach(() => stack?.close());

describe('reads within one request share one upstream get', () => {
  it('three serverDomains selections → one WeChat call', async () => {
    stack = await startStack({ simulator: { platform: { testing: ['a.example.com'], published: ['p.example.com'] } } });
    const { data, errors } = await stack.gql(ThreeReadsQuery);
    expect(errors).toBeUndefined();
    expect(data).toEqual({
      a: { __typename: 'ServerDomains', testing: ['a.example.com'] },
      b: { __typename: 'ServerDomains', published: ['p.example.com'] },
      c: { __typename: 'ServerDomains', unverified: [] },
    });
    expect(stack.sim.count('modify', 'get')).toBe(1);
  });

  it('separate requests each read afresh', async () => {
    stack = await startStack();
    await stack.gql(ThreeReadsQuery);
    await stack.gql(ThreeReadsQuery);
    expect(stack.sim.count('modify', 'get')).toBe(2);
  });

  it('a change answers with the state WeChat returned for it, without another get', async () => {
    stack = await startStack({ simulator: { platform: { testing: ['a.example.com'] } } });
    expect((await stack.gql(ServerDomainsQuery)).data?.serverDomains).toMatchObject({ testing: ['a.example.com'] });
    const { data } = await stack.gql(AddDomainsMutation, { input: { domains: ['b.example.com'] } });
    expect(data?.addDomains).toMatchObject({ __typename: 'ServerDomains', testing: ['a.example.com', 'b.example.com'] });
    // The read, then the change's own fresh read (its no-op check); none after the change.
    expect(stack.sim.calls.filter((c) => c.kind === 'modify').map((c) => c.action)).toEqual(['get', 'get', 'add']);
  });

  it('an upstream error reaches every selection of the request as the same typed member', async () => {
    stack = await startStack();
    stack.sim.injectFault({ action: 'get', errcode: 48001 });
    const { data } = await stack.gql(ThreeReadsQuery);
    expect([data?.a.__typename, data?.b.__typename, data?.c.__typename]).toEqual([
      'UnknownWechatError',
      'UnknownWechatError',
      'UnknownWechatError',
    ]);
    expect(stack.sim.count('modify', 'get')).toBe(1);
  });
});
