import { randomBytes } from 'node:crypto';
import { SignJWT } from 'jose';

/** The one GraphQL request every throughput scenario sends (and the burst too). */
export const QUERY = '{ serverDomains { __typename ... on ServerDomains { testing published unverified } } }';
export const BODY = JSON.stringify({ query: QUERY });
/** The cold load's body: the same query with a trailing comment that autocannon fills with a fresh id per request. */
export const COLD_BODY = JSON.stringify({ query: `${QUERY} # [<id>]` });

/**
 * What the service answers to BODY on a fresh simulator (platform `wxsimulatedplatform0`, starting with
 * api.example.com as testing and published domain). The raw server returns exactly these bytes, the
 * stock yoga server produces them, and every response of every scenario is compared with them.
 */
export const EXPECTED =
  '{"data":{"serverDomains":{"__typename":"ServerDomains","testing":["api.example.com"],"published":["api.example.com"],"unverified":[]}}}';

/** The data behind EXPECTED, for the stock yoga server's resolvers. */
export const STATE = { testing: ['api.example.com'], published: ['api.example.com'], unverified: [] as string[] };

export const READ_SCOPE = 'server-domains:read';

/** A fresh random HS256 secret (64 hex characters: the service wants at least 32). */
export const randomSecret = (): string => randomBytes(32).toString('hex');

/** An HS256 JWT with `scope: "server-domains:read"`, valid for an hour, signed with the secret's UTF-8 bytes. */
/**
 * `issuedAt` (epoch seconds; now unless given) makes the token the same bytes each time it is minted: the
 * many-callers warm-up and measured window are separate processes, and must send the same 10,000 tokens.
 */
export async function mintToken(secret: string, subject = 'bench', issuedAt = Math.floor(Date.now() / 1000)): Promise<string> {
  return new SignJWT({ scope: READ_SCOPE })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(subject)
    .setIssuedAt(issuedAt)
    .setExpirationTime(issuedAt + 3600)
    .sign(new TextEncoder().encode(secret));
}

/** Headers of the benchmark request. */
export const requestHeaders = (token: string | undefined): Record<string, string> => ({
  'content-type': 'application/json',
  ...(token ? { authorization: `Bearer ${token}` } : {}),
});
