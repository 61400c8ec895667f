import { afterEach, describe, expect, it } from 'vitest';
import { AddDomainsMutation, RemoveDomainsMutation, ServerDomainsQuery, SetDomainsMutation } from '../support/operations.js';
import { type Stack, startStack } from '../support/stack.js';

let stack: Stack;
afterEach(() => stack?.close());

const platform = { released: true, testing: ['a.example.com'], published: ['a.example.com'] };

describe('queries and mutations end to end (service ↔ simulator over HTTP)', () => {
  it('reads the testing, published and unverified values', async () => {
    stack = await startStack({ simulator: { platform: { ...platform, testing: ['a.example.com', 'b.example.test'] } } });
    const { data, errors } = await stack.gql(ServerDomainsQuery);
    expect(errors).toBeUndefined();
    expect(data?.serverDomains).toEqual({
      __typename: 'ServerDomains',
      testing: ['a.example.com', 'b.example.test'],
      published: ['a.example.com'],
      unverified: ['b.example.test'],
    });
    expect(stack.sim.calls.filter((c) => c.kind === 'modify').map((c) => c.body)).toEqual([{ action: 'get' }]);
  });

  it('reports published as null for a platform that was never published', async () => {
    stack = await startStack({ simulator: { platform: { released: false, testing: ['a.example.com'], published: null } } });
    const { data } = await stack.gql(ServerDomainsQuery);
    expect(data?.serverDomains).toMatchObject({ __typename: 'ServerDomains', testing: ['a.example.com'], published: null });
  });

  it('adds normalised domains to testing only by default, on the wire as WeChat wants them', async () => {
    stack = await startStack({ simulator: { platform } });
    const { data } = await stack.gql(AddDomainsMutation, { input: { domains: ['  WWW.QQ.com ', '例子.中国', 'www.qq.com'] } });
    expect(data?.addDomains).toMatchObject({
      __typename: 'ServerDomains',
      testing: ['a.example.com', 'www.qq.com', 'xn--fsqu00a.xn--fiqs8s'],
      published: ['a.example.com'],
    });
    const [call] = stack.sim.calls.filter((c) => c.kind === 'modify' && c.action !== 'get');
    expect(call?.body).toEqual({
      action: 'add',
      wxa_server_domain: 'www.qq.com;xn--fsqu00a.xn--fiqs8s',
      is_modify_published_together: false,
    });
    expect(JSON.stringify(call?.body)).not.toContain('access_token');
    expect(stack.sim.platform.settings.testing).toEqual(['a.example.com', 'www.qq.com', 'xn--fsqu00a.xn--fiqs8s']);
  });

  it('changes testing and published together when publishTogether is true', async () => {
    stack = await startStack({ simulator: { platform } });
    const { data } = await stack.gql(AddDomainsMutation, { input: { domains: ['b.example.com'], publishTogether: true } });
    expect(data?.addDomains).toMatchObject({
      testing: ['a.example.com', 'b.example.com'],
      published: ['a.example.com', 'b.example.com'],
    });
    expect(stack.sim.calls.at(-1)?.publishTogether).toBe(true);
  });

  it('treats an explicit null publishTogether as false', async () => {
    stack = await startStack({ simulator: { platform } });
    const { data } = await stack.gql(AddDomainsMutation, { input: { domains: ['b.example.com'], publishTogether: null } });
    expect(data?.addDomains).toMatchObject({ published: ['a.example.com'] });
    expect(stack.sim.calls.at(-1)?.publishTogether).toBe(false);
  });

  it('removes domains, and removing one that is not there succeeds', async () => {
    stack = await startStack({ simulator: { platform: { ...platform, testing: ['a.example.com', 'b.example.com'] } } });
    const { data } = await stack.gql(RemoveDomainsMutation, { input: { domains: ['b.example.com', 'missing.example.com'] } });
    expect(data?.removeDomains).toMatchObject({ __typename: 'ServerDomains', testing: ['a.example.com'] });
    expect(stack.sim.calls.at(-1)?.body).toMatchObject({ action: 'delete', wxa_server_domain: 'b.example.com;missing.example.com' });
  });

  it('sets the list, and an empty set clears it', async () => {
    stack = await startStack({ simulator: { platform } });
    const set = await stack.gql(SetDomainsMutation, { input: { domains: ['x.example.com', 'y.example.com'] } });
    expect(set.data?.setDomains).toMatchObject({ testing: ['x.example.com', 'y.example.com'] });
    const cleared = await stack.gql(SetDomainsMutation, { input: { domains: [], publishTogether: true } });
    expect(cleared.data?.setDomains).toMatchObject({ testing: [], published: [] });
    expect(stack.sim.calls.at(-1)?.body).toEqual({ action: 'set', wxa_server_domain: '', is_modify_published_together: true });
  });
});

describe('HTTP surface', () => {
  it('answers /health with 200 without calling WeChat', async () => {
    stack = await startStack();
    const response = await fetch(`${stack.url}/health`);
    expect(response.status).toBe(200);
    expect(stack.sim.calls).toHaveLength(0);
  });

  it('serves GraphiQL to browsers at /graphql, with no asset from a CDN', async () => {
    stack = await startStack();
    const response = await fetch(`${stack.url}/graphql`, { headers: { accept: 'text/html' } });
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain('GraphiQL');
    expect(html).toContain('serverDomains');
    expect(html).not.toMatch(/<script[^>]+src=["']https?:/);
    expect(html).not.toMatch(/<link[^>]+href=["']https?:/);
  });
});
