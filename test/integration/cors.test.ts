import { afterEach, describe, expect, it } from 'vitest';
import { type Stack, startStack } from '../support/stack.js';

let stack: Stack;
afterEach(() => stack?.close());

const ADMIN = 'https://admin.example.com';
const OPS = 'https://ops.example.com';
const READ = JSON.stringify({ query: '{ serverDomains { __typename } }' });

async function post(origin: string) {
  const response = await fetch(`${stack.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin },
    body: READ,
  });
  return { status: response.status, allowed: response.headers.get('access-control-allow-origin'), body: await response.text() };
}

function preflight(origin: string) {
  return fetch(`${stack.url}/graphql`, {
    method: 'OPTIONS',
    headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type,authorization' },
  });
}

describe('CORS_ORIGINS', () => {
  it('allows the listed origins, on the full path and on repeated (fast-path) reads alike', async () => {
    stack = await startStack({ cacheTtlMs: 60_000, corsOrigins: [ADMIN] });
    const answer = await preflight(ADMIN);
    expect(answer.status).toBe(204);
    expect(answer.headers.get('access-control-allow-origin')).toBe(ADMIN);
    expect(answer.headers.get('access-control-allow-headers')).toContain('authorization');
    const first = await post(ADMIN);
    // Kept the second time, answered from what was kept the third.
    const [second, third] = [await post(ADMIN), await post(ADMIN)];
    expect(first).toMatchObject({ status: 200, allowed: ADMIN });
    expect(second).toEqual(first);
    expect(third).toEqual(first);
    const fast = stack.logLines.map((l) => JSON.parse(l) as { msg: string; fast?: boolean }).filter((l) => l.msg === 'request');
    expect(fast.at(-1)?.fast).toBe(true);
  });

  it.each([[[ADMIN]], [[ADMIN, OPS]]])(
    'never allows an origin that is not listed (%j; the browser then refuses the answer)',
    async (origins) => {
      const EVIL = 'https://evil.example.net';
      stack = await startStack({ cacheTtlMs: 60_000, corsOrigins: origins });
      expect((await preflight(EVIL)).headers.get('access-control-allow-origin')).not.toBe(EVIL);
      await post(EVIL);
      expect((await post(EVIL)).allowed).not.toBe(EVIL);
      // With several origins each is echoed to itself; with one, that one is always named.
      expect((await post(OPS)).allowed).toBe(origins.includes(OPS) ? OPS : ADMIN);
    },
  );

  it('without CORS_ORIGINS, no origin is allowed (same origin only)', async () => {
    stack = await startStack({ cacheTtlMs: 60_000 });
    expect((await preflight(ADMIN)).headers.get('access-control-allow-origin')).toBeNull();
    await post(ADMIN);
    expect((await post(ADMIN)).allowed).toBeNull();
  });
});
