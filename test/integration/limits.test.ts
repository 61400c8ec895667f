import { request } from 'node:http';
import { getIntrospectionQuery } from 'graphql';
import { afterEach, describe, expect, it } from 'vitest';
import { type Stack, startStack } from '../support/stack.js';

let stack: Stack;
afterEach(() => stack?.close());

type Body = { data?: unknown; errors?: { message: string; extensions?: Record<string, unknown> }[] };
const parse = (text: string) => JSON.parse(text) as Body;

describe('at most one change per operation', () => {
  it.each([
    [
      'two fields',
      'mutation { a: addDomains(input: { domains: ["a.example.com"] }) { __typename } b: removeDomains(input: { domains: ["b.example.com"] }) { __typename } }',
    ],
    [
      'aliases of one field',
      'mutation { a: addDomains(input: { domains: ["a.example.com"] }) { __typename } b: addDomains(input: { domains: ["b.example.com"] }) { __typename } }',
    ],
    [
      'a fragment',
      'mutation { ...Two } fragment Two on Mutation { a: setDomains(input: { domains: [] }) { __typename } b: setDomains(input: { domains: ["x.example.com"] }) { __typename } }',
    ],
    [
      'an inline fragment',
      'mutation { addDomains(input: { domains: ["a.example.com"] }) { __typename } ... on Mutation { setDomains(input: { domains: [] }) { __typename } } }',
    ],
  ])('%s → refused before execution, no upstream call', async (_what, query) => {
    stack = await startStack();
    const { status, text } = await stack.post({ query });
    const body = parse(text);
    expect(status).toBe(400);
    expect(body.data).toBeUndefined();
    expect(body.errors?.[0]?.extensions?.code).toBe('TOO_MANY_CHANGES');
    expect(body.errors?.[0]?.message).toMatch(/at most 1 is allowed per operation/);
    expect(stack.sim.calls).toHaveLength(0);
  });

  it('one change with __typename beside it is fine, and MAX_CHANGES_PER_OPERATION can raise the bound', async () => {
    stack = await startStack();
    const one = await stack.post({ query: 'mutation { __typename addDomains(input: { domains: ["a.example.com"] }) { __typename } }' });
    expect(parse(one.text).errors).toBeUndefined();
    await stack.close();
    stack = await startStack({ limits: { maxChangesPerOperation: 2 } });
    const two = await stack.post({
      query:
        'mutation { a: addDomains(input: { domains: ["a.example.com"] }) { __typename } b: removeDomains(input: { domains: ["a.example.com"] }) { __typename } }',
    });
    expect(parse(two.text).errors).toBeUndefined();
    expect(stack.sim.count('modify', 'add') + stack.sim.count('modify', 'delete')).toBe(2);
  });

  it('batched requests are refused', async () => {
    stack = await startStack();
    const { status } = await stack.post([{ query: '{ serverDomains { __typename } }' }, { query: '{ serverDomains { __typename } }' }]);
    expect(status).toBe(400);
    expect(stack.sim.calls).toHaveLength(0);
  });
});

describe('query bombs are refused before execution', () => {
  it('too many aliases', async () => {
    stack = await startStack();
    const aliases = Array.from({ length: 50 }, (_, i) => `a${i}: serverDomains { __typename }`).join(' ');
    const body = parse((await stack.post({ query: `{ ${aliases} }` })).text);
    expect(body.errors?.[0]?.message).toMatch(/aliases/i);
    expect(body.data ?? undefined).toBeUndefined();
    expect(stack.sim.calls).toHaveLength(0);
  });

  it("too deep, introspection included; GraphiQL's own introspection query passes", async () => {
    stack = await startStack();
    expect(parse((await stack.post({ query: getIntrospectionQuery() })).text).errors).toBeUndefined();
    const nested = `{ __type(name: "Query") { ${'fields { type { ofType { '.repeat(12)} name ${'} } } '.repeat(12)} } }`;
    const body = parse((await stack.post({ query: nested })).text);
    expect(body.errors?.[0]?.message).toMatch(/depth|cost/i);
    expect(body.data ?? undefined).toBeUndefined();
  });

  it('too many tokens', async () => {
    stack = await startStack();
    const query = `{ ${'__typename '.repeat(5000)} }`;
    const body = parse((await stack.post({ query })).text);
    expect(body.errors?.[0]?.message).toMatch(/token/i);
  });

  it('a 1000-domain change written inline still passes the limits', async () => {
    stack = await startStack();
    const domains = Array.from({ length: 1000 }, (_, i) => `"d${i}.example.com"`).join(', ');
    const body = parse((await stack.post({ query: `mutation { setDomains(input: { domains: [${domains}] }) { __typename } }` })).text);
    expect(body.errors).toBeUndefined();
    expect(body.data).toEqual({ setDomains: { __typename: 'ServerDomains' } });
  });
});

describe('request bodies', () => {
  it('over 1 MiB → 413 with a GraphQL error, and the service keeps serving', async () => {
    stack = await startStack();
    const big = JSON.stringify({ query: `{ serverDomains { __typename } } # ${'x'.repeat(1024 * 1024)}` });
    const { status, text } = await stack.post(big);
    expect(status).toBe(413);
    expect(parse(text).errors?.[0]?.message).toBeTruthy();
    expect(text).not.toContain('xxxx');
    expect((await stack.post({ query: '{ serverDomains { __typename } }' })).status).toBe(200);
  });

  it('over 1 MiB chunked (no content-length) → 413', async () => {
    stack = await startStack();
    const status = await new Promise<number>((resolve, reject) => {
      const req = request(`${stack.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' } }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
      req.write('{"query":"{ serverDomains { __typename } }","extensions":{"pad":"');
      for (let i = 0; i < 20; i++) req.write('y'.repeat(64 * 1024));
      req.end('"}}');
    });
    expect(status).toBe(413);
  });

  // GraphQL over HTTP: a body that is not JSON is not a well-formed request, so 4xx whatever the client
  // accepts (application/json may use 200 only for errors of a well-formed request).
  it.each([
    ['application/json', { accept: 'application/json' }],
    ['*/*', { accept: '*/*' }],
    ['no Accept header', {}],
    ['application/graphql-response+json', { accept: 'application/graphql-response+json' }],
  ])('malformed JSON with %s → 400 with a GraphQL error that echoes nothing of the body', async (_what, accept) => {
    stack = await startStack();
    for (let i = 0; i < 2; i++) {
      const response = await fetch(`${stack.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...accept },
        body: '{"query": "{ serverDomains { __typename } }", SECRET-LOOKING-PAYLOAD',
      });
      const text = await response.text();
      expect(response.status).toBe(400);
      expect(parse(text).errors?.[0]?.message).toBe('POST body sent invalid JSON.');
      expect(text).not.toContain('SECRET-LOOKING-PAYLOAD');
      expect(text).not.toContain('originalError');
    }
    expect((await stack.post({ query: '{ serverDomains { __typename } }' })).status).toBe(200);
  });
});

describe('other protections', () => {
  it('CSRF: a GET query runs without a preflight header (urql sends queries so); a mutation by GET never does', async () => {
    stack = await startStack();
    const url = `${stack.url}/graphql?query=${encodeURIComponent('{ serverDomains { __typename } }')}`;
    expect((await fetch(url, { headers: { accept: 'application/json' } })).status).toBe(200);
    const write = `${stack.url}/graphql?query=${encodeURIComponent('mutation { setDomains(input: { domains: [] }) { __typename } }')}`;
    expect((await fetch(write, { headers: { accept: 'application/json' } })).status).toBe(405);
    expect(stack.sim.count('modify', 'set')).toBe(0);
  });

  it('field suggestions are off in production, on in development', async () => {
    stack = await startStack();
    const prod = parse((await stack.post({ query: '{ serverDomain { __typename } }' })).text);
    expect(prod.errors?.[0]?.message).not.toMatch(/Did you mean/);
    await stack.close();
    stack = await startStack({ development: true });
    const dev = parse((await stack.post({ query: '{ serverDomain { __typename } }' })).text);
    expect(dev.errors?.[0]?.message).toMatch(/Did you mean "serverDomains"/);
  });

  it('introspection is on by default and off with GRAPHQL_INTROSPECTION=false', async () => {
    stack = await startStack();
    expect(parse((await stack.post({ query: '{ __schema { queryType { name } } }' })).text).errors).toBeUndefined();
    await stack.close();
    stack = await startStack({ limits: { introspection: false } });
    const body = parse((await stack.post({ query: '{ __schema { queryType { name } } }' })).text);
    expect(body.errors?.[0]?.message).toMatch(/introspection/i);
  });
});
