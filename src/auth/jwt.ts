import { createSecretKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { type GetSigningKeyFunction, useJWT } from '@graphql-yoga/plugin-jwt';
import { handleMaybePromise } from '@whatwg-node/promise-helpers';
import { GraphQLError } from 'graphql';
import { createGraphQLError, type Plugin } from 'graphql-yoga';
import { JwksClient } from 'jwks-rsa';
import type { AuthSettings } from '../config.js';
import { bearerToken, type Caller } from './caller.js';

type CheckedAuth = Exclude<AuthSettings, { mode: 'disabled' }>;

export function unauthenticated(): GraphQLError {
  return createGraphQLError('Authentication required: send "Authorization: Bearer <JWT>" with a valid, unexpired token.', {
    extensions: { code: 'UNAUTHENTICATED', http: { status: 401, headers: { 'WWW-Authenticate': 'Bearer' } } },
  });
}

function authUnavailable(): GraphQLError {
  return createGraphQLError('Authentication is unavailable at the moment (the signing keys could not be fetched). Try again shortly.', {
    extensions: { code: 'AUTH_UNAVAILABLE', http: { status: 503 } },
  });
}

/** A public key that verifies no token: what a key id missing from the JWKS verifies with. Made on first use. */
let noSuchKey: KeyObject | undefined;
const NO_SUCH_KEY = (): KeyObject => {
  noSuchKey ??= generateKeyPairSync('ec', { namedCurve: 'P-256' }).publicKey;
  return noSuchKey;
};

/** How long keys fetched from a JWKS are used before the JWKS is fetched again (jwks-rsa's default). */
export const JWKS_KEY_LIFETIME_MS = 10 * 60 * 1000;

/**
 * Signing keys of a JWKS endpoint by key id, each kept for JWKS_KEY_LIFETIME_MS from its fetch. jwks-rsa
 * fetches and converts them; the caching is ours (not jwks-rsa's `cache`) because the fast path must know
 * when the key behind a remembered token may have gone, on the service's clock.
 */
class JwksKeys {
  readonly #client: JwksClient;
  readonly #now: () => number;
  readonly #keys = new Map<string, { key: Promise<string | KeyObject>; until: number }>();

  constructor(jwksUri: string, now: () => number) {
    this.#client = new JwksClient({ jwksUri, cache: false, rateLimit: true, timeout: 5_000 });
    this.#now = now;
  }

  get(kid: string | undefined): Promise<string | KeyObject> {
    const id = kid ?? '';
    const kept = this.#keys.get(id);
    if (kept && this.#now() < kept.until) return kept.key;
    const entry = {
      key: this.#client.getSigningKey(kid).then(
        (key): string | KeyObject => key.getPublicKey(),
        // A JWKS without that key: the token cannot be valid, so it fails verification (401) like any other
        // bad signature, rather than reading as "authentication unavailable" (503).
        (error: unknown) => {
          if (error instanceof Error && error.name === 'SigningKeyNotFoundError') return NO_SUCH_KEY();
          throw error;
        },
      ),
      until: this.#now() + JWKS_KEY_LIFETIME_MS,
    };
    this.#keys.set(id, entry);
    // Only keys that were found stay: unknown key ids cannot fill the map.
    const drop = () => {
      if (this.#keys.get(id) === entry) this.#keys.delete(id);
    };
    entry.key.then((key) => key === noSuchKey && drop(), drop);
    return entry.key;
  }

  /** When the key with this id stops being used (epoch ms); -Infinity when none is held. */
  validUntil(kid: string | undefined): number {
    return this.#keys.get(kid ?? '')?.until ?? Number.NEGATIVE_INFINITY;
  }
}

/** The `kid` of a JWT's header, without verifying anything (the token was verified before this is asked). */
function keyIdOf(token: string): string | undefined {
  try {
    const header = JSON.parse(Buffer.from(token.slice(0, token.indexOf('.')), 'base64url').toString('utf8')) as { kid?: unknown };
    return typeof header.kid === 'string' ? header.kid : undefined;
  } catch {
    return undefined;
  }
}

const REMEMBERED = Symbol('wxa.rememberedCaller');

/** The caller of a request whose token was verified before and is still remembered (see useAuthentication). */
export const rememberedCallerOf = (context: object): Caller | undefined => (context as { [REMEMBERED]?: Caller })[REMEMBERED];

export interface AuthenticationOptions {
  /** The clock `exp` and `nbf` are checked against (epoch ms); Date.now unless given. */
  readonly now?: () => number;
  /** A token verified before and still to be trusted: its caller. Such a request skips verification. */
  readonly remembered?: (token: string) => Caller | undefined;
}

export interface Authentication {
  readonly plugin: Plugin;
  /** When the key that verified this token may change (epoch ms): Infinity for a secret, the key's lifetime for a JWKS. */
  keyValidUntil(token: string): number;
}

/**
 * @graphql-yoga/plugin-jwt, with every refusal made uniform: plugin-jwt answers a missing token with
 * 401 but an undecodable token or another scheme with 400, none with an `extensions.code`. Only the
 * configured key's algorithms are accepted, so `alg: none` and algorithm swaps are refused.
 *
 * A token that was verified before and is still remembered (options.remembered: by the fast path's
 * VerifiedTokens, for at most its `exp`, five minutes and its key's lifetime) is not verified again: the
 * request's context gets the remembered caller instead (about 50 µs of a request).
 */
export function useAuthentication(auth: CheckedAuth, options: AuthenticationOptions = {}): Authentication {
  const now = options.now ?? Date.now;
  const jwks = auth.mode === 'jwks' ? new JwksKeys(auth.jwksUrl, now) : undefined;
  // A KeyObject made once: given the secret as a string, jsonwebtoken first tries (and fails) to read it
  // as a public key on every request, which costs most of a request's CPU time.
  // (plugin-jwt types keys as strings; jsonwebtoken takes KeyObjects too.)
  const signingKey: GetSigningKeyFunction =
    auth.mode === 'secret'
      ? ((
          (key) => () =>
            key
        )(createSecretKey(Buffer.from(auth.secret, 'utf8'))) as unknown as GetSigningKeyFunction)
      : (((kid) => jwks!.get(kid)) as GetSigningKeyFunction);
  const tokenVerification: NonNullable<Parameters<typeof useJWT>[0]['tokenVerification']> = {
    algorithms: auth.mode === 'secret' ? ['HS256'] : ['RS256', 'ES256'],
    ...(auth.issuer ? { issuer: auth.issuer } : {}),
    ...(auth.audience ? { audience: auth.audience } : {}),
  };
  if (options.now) {
    // jsonwebtoken copies its options per verification: the getter gives each one the service's clock.
    Object.defineProperty(tokenVerification, 'clockTimestamp', { enumerable: true, get: () => Math.floor(now() / 1000) });
  }
  const jwt = useJWT({
    signingKeyProviders: [signingKey],
    tokenVerification,
    reject: { missingToken: true, invalidToken: true },
    extendContext: 'jwt',
  });
  const uniform = (error: unknown): never => {
    throw error instanceof GraphQLError ? unauthenticated() : authUnavailable();
  };
  const plugin = {
    ...jwt,
    onRequestParse(payload) {
      const token = options.remembered && bearerToken(payload.request.headers.get('authorization'));
      const caller = token && options.remembered!(token);
      if (caller) {
        (payload.serverContext as { [REMEMBERED]?: Caller })[REMEMBERED] = caller;
        return;
      }
      return handleMaybePromise(
        () => jwt.onRequestParse?.(payload),
        (result) => result,
        uniform,
      );
    },
    onContextBuilding(payload) {
      if (rememberedCallerOf(payload.context)) return;
      return handleMaybePromise(
        () => jwt.onContextBuilding?.(payload),
        (result) => result,
        uniform,
      );
    },
  } as Plugin;
  return {
    plugin,
    keyValidUntil: jwks ? (token) => jwks.validUntil(keyIdOf(token)) : () => Number.POSITIVE_INFINITY,
  };
}
