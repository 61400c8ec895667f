import { SignJWT } from 'jose';
import { afterEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../support/clock.js';
import { type Stack, startStack } from '../support/stack.js';
import { mint, TEST_SECRET } from '../support/tokens.js';

let stack: Stack;
afterEach(() => stack?.close());

const auth = { mode: 'secret' as const, secret: TEST_SECRET };
const READ = JSON.stringify({ query: 'query Read { serverDomains { __typename ... on ServerDomains { testing published unverified } } }' });

async function raw(body: string, headers: Record<string, string> = {}) {
  const response = await fetch(`${stack.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body,
  });
  return { status: response.status, type: response.headers.get('content-type'), body: await response.text() };
}

const requestLines = () => stack.logLines.map((l) => JSON.parse(l) as Record<string, unknown>).filter((l) => l.msg === 'request');

describe('the fast path answers repeated reads exactly as the full path did', () => {
  it.each([
    ['no Accept', {}],
    ['application/json', { accept: 'application/json' }],
    ['graphql-response+json', { accept: 'application/graphql-response+json' }],
    ['a list with q-values', { accept: 'application/graphql-response+json;q=0.9, application/json;q=0.8' }],
  ])('%s: same status, content type and bytes, and logged as fast', async (_what, accept) => {
    stack = await startStack({ auth, cacheTtlMs: 60_000 });
    const headers = { ...accept, authorization: `Bearer ${await mint({ scope: 'server-domains:read', sub: 'reader' })}` };
    const first = await raw(READ, headers);
    // Kept the second time the request comes (a request seen once is not worth keeping), served from the third.
    const answers = [await raw(READ, headers), await raw(READ, headers), await raw(READ, headers)];
    expect(first.status).toBe(200);
    for (const answer of answers) expect(answer).toEqual(first);
    const lines = requestLines();
    expect(lines.map((l) => l.fast ?? false)).toEqual([false, false, true, true]);
    expect(lines[3]).toMatchObject({ operationName: 'Read', operationType: 'query', caller: 'reader', status: 200 });
    expect(stack.sim.count('modify', 'get')).toBe(1);
    const metrics = await (await fetch(`${stack.url}/metrics`)).text();
    expect(metrics).toMatch(/^graphql_fast_path_request_duration_seconds_count 2$/m);
  });

  it('variables and operation names are part of what is matched', async () => {
    stack = await startStack({ cacheTtlMs: 60_000 });
    const doc = 'query A { a: serverDomains { __typename } } query B { b: serverDomains { __typename } }';
    const a = await raw(JSON.stringify({ query: doc, operationName: 'A' }));
    const b = await raw(JSON.stringify({ query: doc, operationName: 'B' }));
    expect(JSON.parse(a.body)).toEqual({ data: { a: { __typename: 'ServerDomains' } } });
    expect(JSON.parse(b.body)).toEqual({ data: { b: { __typename: 'ServerDomains' } } });
    expect(JSON.parse((await raw(JSON.stringify({ query: doc, operationName: 'B' }))).body)).toEqual(JSON.parse(b.body));
  });
});

describe('the fast path never serves what the full path would not', () => {
  it('a change is seen at once: the kept answer belongs to the state before it', async () => {
    stack = await startStack({ cacheTtlMs: 60_000, simulator: { platform: { testing: ['a.example.com'] } } });
    await raw(READ);
    expect(JSON.parse((await raw(READ)).body).data.serverDomains.testing).toEqual(['a.example.com']);
    await raw(JSON.stringify({ query: 'mutation { addDomains(input: { domains: ["b.example.com"] }) { __typename } }' }));
    expect(JSON.parse((await raw(READ)).body).data.serverDomains.testing).toEqual(['a.example.com', 'b.example.com']);
  });

  it('after the cache TTL the read goes upstream again', async () => {
    const clock = new ManualClock();
    stack = await startStack({ cacheTtlMs: 200, clock });
    await raw(READ);
    await raw(READ);
    expect(stack.sim.count('modify', 'get')).toBe(1);
    clock.advance(199);
    await raw(READ);
    expect(stack.sim.count('modify', 'get')).toBe(1);
    clock.advance(51);
    await raw(READ);
    expect(stack.sim.count('modify', 'get')).toBe(2);
  });

  it('a refresh that finds the same domains keeps every kept answer valid', async () => {
    const clock = new ManualClock();
    stack = await startStack({ cacheTtlMs: 200, clock });
    const other = { accept: 'application/graphql-response+json' };
    for (let i = 0; i < 2; i++) {
      await raw(READ);
      await raw(READ, other);
    }
    clock.advance(250);
    await raw(READ); // the TTL is over: the full path, and a get that finds the same domains
    expect(stack.sim.count('modify', 'get')).toBe(2);
    const before = requestLines().length;
    await raw(READ, other); // kept before the refresh, still valid: nothing changed
    expect(
      requestLines()
        .slice(before)
        .map((l) => l.fast ?? false),
    ).toEqual([true]);
  });

  it('a refresh that finds other domains invalidates what was kept', async () => {
    const clock = new ManualClock();
    stack = await startStack({ cacheTtlMs: 200, clock, simulator: { platform: { testing: ['a.example.com'] } } });
    const other = { accept: 'application/graphql-response+json' };
    await raw(READ, other);
    await raw(READ, other);
    stack.sim.platform.handle({ action: 'add', wxa_server_domain: 'b.example.com' }, Date.now());
    clock.advance(250);
    await raw(READ);
    const before = requestLines().length;
    const answer = await raw(READ, other);
    expect(JSON.parse(answer.body).data.serverDomains.testing).toEqual(['a.example.com', 'b.example.com']);
    expect(
      requestLines()
        .slice(before)
        .map((l) => l.fast ?? false),
    ).toEqual([false]);
  });

  it('mutations always take the full path', async () => {
    stack = await startStack({ cacheTtlMs: 60_000, simulator: { platform: { testing: ['a.example.com', 'x.example.com'] } } });
    const body = JSON.stringify({ query: 'mutation { removeDomains(input: { domains: ["x.example.com"] }) { __typename } }' });
    await raw(body);
    await raw(body);
    // Both ran the change flow (its fresh read); the first removed the domain, the second found nothing to do.
    expect(stack.sim.count('modify', 'get')).toBe(2);
    expect(stack.sim.count('modify', 'delete')).toBe(1);
    expect(requestLines().some((l) => l.fast)).toBe(false);
  });

  it('failed reads are not kept', async () => {
    stack = await startStack({ cacheTtlMs: 60_000 });
    stack.sim.injectFault({ action: 'get', errcode: -1, times: 3 });
    expect(JSON.parse((await raw(READ)).body).data.serverDomains.__typename).toBe('SystemBusyError');
    expect(JSON.parse((await raw(READ)).body).data.serverDomains.__typename).toBe('ServerDomains');
  });

  it('another token is checked afresh: without the scope it gets FORBIDDEN, not the kept answer', async () => {
    stack = await startStack({ auth, cacheTtlMs: 60_000 });
    const reader = { authorization: `Bearer ${await mint({ scope: 'server-domains:read' })}` };
    await raw(READ, reader);
    await raw(READ, reader);
    const other = await raw(READ, { authorization: `Bearer ${await mint({ scope: 'profile' })}` });
    expect(JSON.parse(other.body).errors[0].extensions.code).toBe('FORBIDDEN');
    const twice = await raw(READ, { authorization: `Bearer ${await mint({ scope: 'profile', sub: 'x' })}` });
    expect(JSON.parse(twice.body).errors[0].extensions.code).toBe('FORBIDDEN');
    const forged = await raw(READ, { authorization: `Bearer ${await mint({ scope: 'server-domains:read' }, { secret: 'x'.repeat(40) })}` });
    expect(forged.status).toBe(401);
    expect((await raw(READ)).status).toBe(401);
  });

  it('a token that expired since it was verified gets 401', async () => {
    const clock = new ManualClock();
    stack = await startStack({ auth, cacheTtlMs: 60_000, clock });
    const exp = clock.seconds + 2;
    const soon = { authorization: `Bearer ${await mint({ scope: 'server-domains:read' }, { expiresIn: exp })}` };
    for (let i = 0; i < 3; i++) expect((await raw(READ, soon)).status).toBe(200);
    expect(requestLines().map((l) => l.fast ?? false)).toEqual([false, false, true]);
    clock.advance(exp * 1000 - clock.now()); // the second it expires
    const late = await raw(READ, soon);
    expect(late.status).toBe(401);
    expect(JSON.parse(late.body).errors[0].extensions.code).toBe('UNAUTHENTICATED');
  });
});

describe('verified tokens are remembered for a bounded time', () => {
  const ids = () => requestLines().map((l) => l.fast ?? false);

  it('a token without exp is verified again after five minutes', async () => {
    const clock = new ManualClock();
    stack = await startStack({ auth, cacheTtlMs: 3_600_000, clock });
    const token = await new SignJWT({ scope: 'server-domains:read' })
      .setProtectedHeader({ alg: 'HS256' })
      .sign(new TextEncoder().encode(TEST_SECRET));
    const headers = { authorization: `Bearer ${token}` };
    await raw(READ, headers);
    await raw(READ, headers); // its answer kept
    await raw(READ, headers);
    clock.advance(5 * 60 * 1000 - 1);
    await raw(READ, headers);
    clock.advance(1);
    await raw(READ, headers); // verified again (the full path), then remembered anew
    await raw(READ, headers);
    expect(ids()).toEqual([false, false, true, true, false, true]);
  });

  it('a token with a long exp is verified again after five minutes too', async () => {
    const clock = new ManualClock();
    stack = await startStack({ auth, cacheTtlMs: 3_600_000, clock });
    const headers = { authorization: `Bearer ${await mint({ scope: 'server-domains:read' }, { expiresIn: '1d' })}` };
    await raw(READ, headers);
    clock.advance(5 * 60 * 1000);
    await raw(READ, headers);
    expect(ids()).toEqual([false, false]);
  });
});
