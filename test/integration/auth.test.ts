import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { afterEach, describe, expect, it } from 'vitest';
import { JWKS_KEY_LIFETIME_MS } from '../../src/auth/jwt.js';
import { ManualClock } from '../support/clock.js';
import { type Stack, startStack } from '../support/stack.js';
import { mint, TEST_SECRET, unsigned } from '../support/tokens.js';

let stack: Stack;
afterEach(() => stack?.close());

const READ = 'query { serverDomains { __typename } }';
const WRITE = 'mutation { addDomains(input: { domains: ["b.example.com"] }) { __typename } }';

async function send(query: string, authorization?: string) {
  const { status, text } = await stack.post({ query }, authorization === undefined ? {} : { authorization });
  return {
    status,
    body: JSON.parse(text) as {
      data?: Record<string, { __typename: string }> | null;
      errors?: { message: string; extensions?: { code?: string } }[];
    },
  };
}

describe('authentication (HS256 secret)', () => {
  const auth = { mode: 'secret' as const, secret: TEST_SECRET, issuer: 'https://id.example.com', audience: 'wxa-server-domains' };
  const claims = { issuer: auth.issuer, audience: auth.audience };

  it.each([
    ['no token', async () => undefined],
    ['a token that cannot be decoded', async () => 'Bearer not.a.jwt'],
    ['an empty bearer', async () => 'Bearer '],
    ['another scheme', async () => `Basic ${Buffer.from('a:b').toString('base64')}`],
    [
      'a bad signature',
      async () =>
        `Bearer ${await mint({ scope: 'server-domains:write' }, { ...claims, secret: 'another-secret-that-is-also-32-characters' })}`,
    ],
    ['alg: none', async () => `Bearer ${unsigned({ scope: 'server-domains:write', iss: auth.issuer, aud: auth.audience, sub: 'x' })}`],
    [
      'a wrong issuer',
      async () => `Bearer ${await mint({ scope: 'server-domains:write' }, { ...claims, issuer: 'https://evil.example.com' })}`,
    ],
    ['a wrong audience', async () => `Bearer ${await mint({ scope: 'server-domains:write' }, { ...claims, audience: 'other-api' })}`],
    [
      'an expired token',
      async () => `Bearer ${await mint({ scope: 'server-domains:write' }, { ...claims, expiresIn: Math.floor(Date.now() / 1000) - 60 })}`,
    ],
  ])('%s → 401 UNAUTHENTICATED, nothing reaches WeChat', async (_what, header) => {
    stack = await startStack({ auth });
    for (const query of [READ, WRITE]) {
      const { status, body } = await send(query, await header());
      expect(status).toBe(401);
      expect(body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
      expect(body.data ?? null).toBeNull();
    }
    expect(stack.sim.calls).toHaveLength(0);
  });

  it('refuses introspection without a token too, but serves /health and the GraphiQL page', async () => {
    stack = await startStack({ auth });
    expect((await send('{ __schema { queryType { name } } }')).status).toBe(401);
    expect((await fetch(`${stack.url}/health`)).status).toBe(200);
    expect((await fetch(`${stack.url}/graphql`, { headers: { accept: 'text/html' } })).status).toBe(200);
  });

  it('read scope: reads, but a change fails FORBIDDEN without reaching WeChat', async () => {
    stack = await startStack({ auth });
    const token = `Bearer ${await mint({ scope: 'server-domains:read' }, claims)}`;
    const read = await send(READ, token);
    expect(read.status).toBe(200);
    expect(read.body.data?.serverDomains?.__typename).toBe('ServerDomains');
    const write = await send(WRITE, token);
    expect(write.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(write.body.errors?.[0]?.message).toContain('server-domains:write');
    expect(stack.sim.count('modify', 'add')).toBe(0);
  });

  it('write scope implies read (scp as an array works too)', async () => {
    stack = await startStack({ auth });
    const token = `Bearer ${await mint({ scp: ['server-domains:write'] }, claims)}`;
    expect((await send(READ, token)).body.data?.serverDomains?.__typename).toBe('ServerDomains');
    expect((await send(WRITE, token)).body.data?.addDomains?.__typename).toBe('ServerDomains');
  });

  it('no known scope → FORBIDDEN for reads and changes, no upstream call', async () => {
    stack = await startStack({ auth });
    const token = `Bearer ${await mint({ scope: 'profile email' }, claims)}`;
    for (const query of [READ, WRITE]) {
      const { status, body } = await send(query, token);
      expect(status).toBe(200);
      expect(body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
    expect(stack.sim.calls).toHaveLength(0);
  });
});

describe('authentication (JWKS)', () => {
  it('accepts an RS256 token signed by a key of the JWKS, refuses an HS256 one', async () => {
    const { publicKey, privateKey } = await generateKeyPair('RS256');
    const jwk = { ...(await exportJWK(publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' };
    const jwks = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ keys: [jwk] }));
    }).listen(0, '127.0.0.1');
    await new Promise((resolve) => jwks.once('listening', resolve));
    try {
      const jwksUrl = `http://127.0.0.1:${(jwks.address() as AddressInfo).port}/.well-known/jwks.json`;
      stack = await startStack({ auth: { mode: 'jwks', jwksUrl } });
      const good = await new SignJWT({ scope: 'server-domains:read' })
        .setProtectedHeader({ alg: 'RS256', kid: 'k1' })
        .setSubject('svc')
        .setExpirationTime('5m')
        .sign(privateKey);
      expect((await send(READ, `Bearer ${good}`)).body.data?.serverDomains?.__typename).toBe('ServerDomains');
      // An HS256 token "signed" with the public key must not pass (algorithm confusion).
      const forged = await new SignJWT({ scope: 'server-domains:write' })
        .setProtectedHeader({ alg: 'HS256', kid: 'k1' })
        .setExpirationTime('5m')
        .sign(new TextEncoder().encode(JSON.stringify(jwk)));
      const { status, body } = await send(WRITE, `Bearer ${forged}`);
      expect(status).toBe(401);
      expect(body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    } finally {
      jwks.closeAllConnections();
      await new Promise((resolve) => jwks.close(resolve));
    }
  });
});

describe('authentication (JWKS): rotated keys', () => {
  it('a remembered token whose key has left the JWKS is refused once the keys it was verified with expire', async () => {
    const [one, two] = [await generateKeyPair('RS256'), await generateKeyPair('RS256')];
    const jwk = async (key: CryptoKey, kid: string) => ({ ...(await exportJWK(key)), kid, alg: 'RS256', use: 'sig' });
    let keys = [await jwk(one.publicKey, 'k1')];
    let fetches = 0;
    const jwks = createServer((_req, res) => {
      fetches++;
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ keys }));
    }).listen(0, '127.0.0.1');
    await new Promise((resolve) => jwks.once('listening', resolve));
    try {
      const clock = new ManualClock();
      const jwksUrl = `http://127.0.0.1:${(jwks.address() as AddressInfo).port}/.well-known/jwks.json`;
      stack = await startStack({ auth: { mode: 'jwks', jwksUrl }, clock, cacheTtlMs: 3_600_000 });
      const token = await new SignJWT({ scope: 'server-domains:read' })
        .setProtectedHeader({ alg: 'RS256', kid: 'k1' })
        .setExpirationTime(clock.seconds + 3600)
        .sign(one.privateKey);
      for (let i = 0; i < 3; i++) expect((await send(READ, `Bearer ${token}`)).status).toBe(200);
      expect(fetches).toBe(1);
      // The identity provider rotates: k1 is gone. Within the keys' lifetime the token is still trusted
      // (the full path would trust the key it holds just the same)...
      keys = [await jwk(two.publicKey, 'k2')];
      clock.advance(JWKS_KEY_LIFETIME_MS - 1);
      expect((await send(READ, `Bearer ${token}`)).status).toBe(200);
      // ...and not a moment after: the JWKS is fetched again, and k1 is not in it.
      clock.advance(1);
      const late = await send(READ, `Bearer ${token}`);
      expect(late.status).toBe(401);
      expect(late.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
      expect(fetches).toBe(2);
      const fresh = await new SignJWT({ scope: 'server-domains:read' })
        .setProtectedHeader({ alg: 'RS256', kid: 'k2' })
        .setExpirationTime(clock.seconds + 3600)
        .sign(two.privateKey);
      expect((await send(READ, `Bearer ${fresh}`)).status).toBe(200);
    } finally {
      jwks.closeAllConnections();
      await new Promise((resolve) => jwks.close(resolve));
    }
  });
});

describe('npm run token', () => {
  it('mints a development token the service accepts, with the scope asked for', async () => {
    const { execFile } = await import('node:child_process');
    const token = await new Promise<string>((resolve, reject) =>
      execFile(
        'npx',
        ['tsx', 'scripts/token.ts', '--scope', 'server-domains:read', '--sub', 'dev'],
        { env: { ...process.env, AUTH_JWT_SECRET: TEST_SECRET } },
        (error, stdout) => (error ? reject(error) : resolve(stdout.trim())),
      ),
    );
    stack = await startStack({ auth: { mode: 'secret', secret: TEST_SECRET } });
    expect((await send(READ, `Bearer ${token}`)).body.data?.serverDomains?.__typename).toBe('ServerDomains');
    expect((await send(WRITE, `Bearer ${token}`)).body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
