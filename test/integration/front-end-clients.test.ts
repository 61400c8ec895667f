import { ApolloClient, gql as apolloGql, HttpLink, InMemoryCache } from '@apollo/client';
import { Client, fetchExchange, gql as urqlGql } from '@urql/core';
import { GraphQLClient } from 'graphql-request';
import { afterEach, describe, expect, it } from 'vitest';
import type { AuthSettings } from '../../src/config.js';
import { type Stack, startStack } from '../support/stack.js';
import { mint, TEST_SECRET } from '../support/tokens.js';

// The clients front ends use, each with its default settings; only `fetch` is wrapped, to see what was sent.
let stack: Stack;
afterEach(() => stack?.close());

const READ = 'query Read { serverDomains { __typename ... on ServerDomains { testing } } }';
const ADD = 'mutation Add($domain: String!) { addDomains(input: { domains: [$domain] }) { __typename } }';
const AUTH: AuthSettings = { mode: 'secret', secret: TEST_SECRET, issuer: 'https://id.example.com', audience: 'wxa-server-domains' };

type Read = { serverDomains: { __typename: string; testing?: string[] } };
type Add = { addDomains: { __typename: string } };

/** A fetch that records each request's method and passes it on unchanged. */
function recordingFetch(methods: string[]): typeof fetch {
  return (input, init) => {
    methods.push(init?.method ?? (input instanceof Request ? input.method : 'GET'));
    return fetch(input, init);
  };
}

const modes: [string, AuthSettings | undefined][] = [
  ['simulator mode, no token', undefined],
  ['live with a JWT', AUTH],
];

describe.each(modes)('front-end clients as they come (%s)', (_mode, auth) => {
  const headers = async (): Promise<Record<string, string>> =>
    auth
      ? { authorization: `Bearer ${await mint({ scope: 'server-domains:write' }, { issuer: AUTH.issuer, audience: AUTH.audience })}` }
      : {};

  it('urql: a query by its default GET, a mutation by POST', async () => {
    stack = await startStack({ auth });
    const methods: string[] = [];
    const sent = await headers();
    const client = new Client({
      url: `${stack.url}/graphql`,
      exchanges: [fetchExchange],
      fetch: recordingFetch(methods),
      fetchOptions: { headers: sent },
    });
    const read = await client.query<Read>(urqlGql(READ), {}).toPromise();
    expect(read.error).toBeUndefined();
    expect(read.data?.serverDomains.__typename).toBe('ServerDomains');
    const added = await client.mutation<Add>(urqlGql(ADD), { domain: 'urql.example.com' }).toPromise();
    expect(added.error).toBeUndefined();
    expect(added.data?.addDomains.__typename).toBe('ServerDomains');
    expect(methods).toEqual(['GET', 'POST']);
    expect(stack.sim.count('modify', 'add')).toBe(1);
    // urql's POST for queries (preferGetMethod: false) works as well.
    const posting = new Client({
      url: `${stack.url}/graphql`,
      exchanges: [fetchExchange],
      preferGetMethod: false,
      fetch: recordingFetch(methods),
      fetchOptions: { headers: sent },
    });
    const again = await posting.query<Read>(urqlGql(READ), {}, { requestPolicy: 'network-only' }).toPromise();
    expect(again.data?.serverDomains.testing).toContain('urql.example.com');
    expect(methods.at(-1)).toBe('POST');
  });

  it('Apollo Client 4: a query and a mutation', async () => {
    stack = await startStack({ auth });
    const methods: string[] = [];
    const client = new ApolloClient({
      link: new HttpLink({ uri: `${stack.url}/graphql`, headers: await headers(), fetch: recordingFetch(methods) }),
      cache: new InMemoryCache(),
    });
    const read = await client.query<Read>({ query: apolloGql(READ) });
    expect(read.data?.serverDomains.__typename).toBe('ServerDomains');
    const added = await client.mutate<Add>({ mutation: apolloGql(ADD), variables: { domain: 'apollo.example.com' } });
    expect(added.data?.addDomains.__typename).toBe('ServerDomains');
    expect(methods).toEqual(['POST', 'POST']);
    expect(stack.sim.count('modify', 'add')).toBe(1);
    client.stop();
  });

  it('graphql-request: a query and a mutation', async () => {
    stack = await startStack({ auth });
    const client = new GraphQLClient(`${stack.url}/graphql`, { headers: await headers() });
    expect((await client.request<Read>(READ)).serverDomains.__typename).toBe('ServerDomains');
    expect((await client.request<Add>(ADD, { domain: 'request.example.com' })).addDomains.__typename).toBe('ServerDomains');
    expect(stack.sim.count('modify', 'add')).toBe(1);
  });
});

describe('what CSRF prevention still refuses', () => {
  const mutation = 'mutation { addDomains(input: { domains: ["csrf.example.com"] }) { __typename } }';

  it('a GET never runs a mutation, with or without a preflight header: 405, nothing changed', async () => {
    stack = await startStack();
    const url = `${stack.url}/graphql?query=${encodeURIComponent(mutation)}`;
    for (const extra of [{}, { 'x-graphql-yoga-csrf': '1' }] as Record<string, string>[]) {
      const response = await fetch(url, { headers: { accept: 'application/json', ...extra } });
      expect(response.status).toBe(405);
    }
    expect(stack.sim.count('modify')).toBe(0);
  });

  it.each([
    ['text/plain', JSON.stringify({ query: mutation })],
    ['application/x-www-form-urlencoded', `query=${encodeURIComponent(mutation)}`],
  ])('a POST a cross-site form could send (%s, no preflighted header): 403, nothing changed', async (type, body) => {
    stack = await startStack();
    const response = await fetch(`${stack.url}/graphql`, { method: 'POST', headers: { 'content-type': type }, body });
    expect(response.status).toBe(403);
    expect(await response.text()).toContain('Required CSRF header(s) not present');
    expect(stack.sim.count('modify')).toBe(0);
  });
});
