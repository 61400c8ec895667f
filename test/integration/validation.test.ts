import { afterEach, describe, expect, it } from 'vitest';
import { AddDomainsMutation, messageOf, RemoveDomainsMutation, SetDomainsMutation } from '../support/operations.js';
import { type Stack, startStack } from '../support/stack.js';

let stack: Stack;
afterEach(() => stack?.close());

const modifyCalls = () => stack.sim.calls.filter((c) => c.kind === 'modify').length;

describe('invalid domains never reach WeChat', () => {
  it.each([
    ['a.com;b.com', 'separator'],
    ['a.com,b.com', 'separator'],
    ['https://www.qq.com', 'scheme'],
    ['www.qq.com/path', 'path'],
    ['www.qq.com:8443', 'port'],
    ['1.2.3.4', 'IP address'],
    ['localhost', 'two labels'],
    ['-a.example.com', 'hyphen'],
    ['a_b.example.com', 'characters'],
    ['www.qq .com', 'whitespace'],
    ['', 'empty'],
  ])('%j → DomainValidationError (%s), no upstream call', async (bad, why) => {
    stack = await startStack();
    const { data } = await stack.gql(AddDomainsMutation, { input: { domains: ['fine.example.com', bad] } });
    const result = data?.addDomains;
    expect(result?.__typename).toBe('DomainValidationError');
    if (result?.__typename !== 'DomainValidationError') return;
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]?.domain).toBe(bad);
    expect(result.problems[0]?.reason).toContain(why);
    expect(modifyCalls()).toBe(0);
    expect(stack.sim.calls).toHaveLength(0);
  });

  it('names every bad entry at once', async () => {
    stack = await startStack();
    const { data } = await stack.gql(SetDomainsMutation, { input: { domains: ['x.com;evil.com', 'ok.example.com', 'http://y.com'] } });
    expect(data?.setDomains).toMatchObject({
      __typename: 'DomainValidationError',
      problems: [{ domain: 'x.com;evil.com' }, { domain: 'http://y.com' }],
    });
    expect(modifyCalls()).toBe(0);
  });

  it('refuses an empty add or remove, and more than 1000 distinct domains, with the bound in the message', async () => {
    stack = await startStack();
    const empty = await stack.gql(RemoveDomainsMutation, { input: { domains: [] } });
    expect(empty.data?.removeDomains).toMatchObject({ __typename: 'DomainValidationError', problems: [] });
    expect(messageOf(empty.data?.removeDomains)).toContain('between 1 and 1000');
    const many = Array.from({ length: 1001 }, (_, i) => `d${i}.example.com`);
    const tooMany = await stack.gql(SetDomainsMutation, { input: { domains: many } });
    expect(tooMany.data?.setDomains).toMatchObject({ __typename: 'DomainValidationError', problems: [] });
    expect(messageOf(tooMany.data?.setDomains)).toContain('between 0 and 1000');
    expect(modifyCalls()).toBe(0);
  });

  it('accepts 1000 distinct domains given as more entries that repeat', async () => {
    stack = await startStack();
    const domains = Array.from({ length: 1000 }, (_, i) => `d${i}.example.com`);
    const { data } = await stack.gql(SetDomainsMutation, { input: { domains: [...domains, 'D0.EXAMPLE.COM'] } });
    expect(data?.setDomains.__typename).toBe('ServerDomains');
    expect(stack.sim.calls.at(-1)?.wxaServerDomain?.split(';')).toHaveLength(1000);
  });

  it('a missing input or wrong type is a GraphQL validation error, not an upstream call', async () => {
    stack = await startStack();
    const { status, text } = await stack.post({ query: 'mutation { addDomains(input: { domains: "a.com" }) { __typename } }' });
    expect(status).toBe(200);
    // A single string is coerced to a one-item list by GraphQL's input coercion: that is valid.
    expect(JSON.parse(text).data.addDomains.__typename).toBe('ServerDomains');
    const bad = await stack.post({ query: 'mutation { addDomains(input: { domains: [1] }) { __typename } }' });
    expect(bad.status).toBe(400);
    expect(JSON.parse(bad.text).errors[0].message).toMatch(/String/);
    // The valid one only: its fresh read and its add.
    expect(modifyCalls()).toBe(2);
    expect(stack.sim.count('modify', 'add')).toBe(1);
  });
});
