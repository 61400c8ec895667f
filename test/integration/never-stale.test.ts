import { afterEach, describe, expect, it } from 'vitest';
import { type Stack, startStack } from '../support/stack.js';

let stack: Stack;
afterEach(() => stack?.close());

/** Identical bodies each time, as a polling front end sends them. */
const QUOTA = JSON.stringify({ query: 'query Q { serverDomainsQuota { changesThisMonth remainingThisMonth } }' });
const JOURNAL = JSON.stringify({ query: 'query J { serverDomainChanges(first: 5) { edges { node { effect domains } } } }' });
const PREVIEW = JSON.stringify({
  query:
    'query P { serverDomainsChangePreview(input: { action: ADD, domains: ["c.example.com"] }) { __typename ... on ServerDomainsChangePreview { noOp remainingThisMonth } } }',
});
const READ = JSON.stringify({ query: 'query R { serverDomains { __typename ... on ServerDomains { testing } } }' });
const addViaConsole = (domain: string) => stack.sim.platform.handle({ action: 'add', wxa_server_domain: domain }, Date.now());

async function raw(body: string) {
  const response = await fetch(`${stack.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
  expect(response.status).toBe(200);
  return JSON.parse(await response.text()).data;
}

const fastFlags = () =>
  stack.logLines
    .map((l) => JSON.parse(l) as Record<string, unknown>)
    .filter((l) => l.msg === 'request')
    .map((l) => l.fast ?? false);

describe('the quota, the journal and the preview are never served stale (fast path and cache on)', () => {
  it('after a change, repeated identical requests answer afresh; none is kept by the fast path', async () => {
    stack = await startStack({ cacheTtlMs: 60_000, simulator: { platform: { testing: ['a.example.com'] } } });
    for (const body of [QUOTA, JOURNAL, PREVIEW, QUOTA, JOURNAL, PREVIEW]) await raw(body);
    expect(await raw(QUOTA)).toEqual({ serverDomainsQuota: { changesThisMonth: 0, remainingThisMonth: 50 } });
    expect(await raw(JOURNAL)).toEqual({ serverDomainChanges: { edges: [] } });
    expect(await raw(PREVIEW)).toEqual({
      serverDomainsChangePreview: { __typename: 'ServerDomainsChangePreview', noOp: false, remainingThisMonth: 49 },
    });

    // A change that leaves the domain state as it was (a no-op): only the journal moves.
    await raw(JSON.stringify({ query: 'mutation { addDomains(input: { domains: ["a.example.com"] }) { __typename } }' }));
    expect(await raw(JOURNAL)).toEqual({ serverDomainChanges: { edges: [{ node: { effect: 'NO_OP', domains: ['a.example.com'] } }] } });

    // A change made elsewhere, seen by the change's fresh read: the preview follows, the count does not.
    addViaConsole('c.example.com');
    await raw(JSON.stringify({ query: 'mutation { addDomains(input: { domains: ["d.example.com"] }) { __typename } }' }));
    expect(await raw(QUOTA)).toEqual({ serverDomainsQuota: { changesThisMonth: 1, remainingThisMonth: 49 } });
    expect(await raw(PREVIEW)).toEqual({
      serverDomainsChangePreview: { __typename: 'ServerDomainsChangePreview', noOp: true, remainingThisMonth: 49 },
    });
    expect((await raw(JOURNAL)).serverDomainChanges.edges).toHaveLength(2);
    expect(fastFlags().every((fast) => fast === false)).toBe(true);

    // Plain reads are still kept (the second time) and served again.
    await raw(READ);
    await raw(READ);
    await raw(READ);
    expect(fastFlags().slice(-3)).toEqual([false, false, true]);
  });
});
