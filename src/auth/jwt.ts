import { createSecretKey } from 'node:crypto';
import { createRemoteJwksSigningKeyProvider, type GetSigningKeyFunction, useJWT } from '@graphql-yoga/plugin-jwt';
import { handleMaybePromise } from '@whatwg-node/promise-helpers';
import { GraphQLError } from 'graphql';
import { createGraphQLError, type Plugin } from 'graphql-yoga';
import type { AuthSettings } from '../config.js';

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

/**
 * @graphql-yoga/plugin-jwt, with every refusal made uniform: plugin-jwt answers a missing token with
 * 401 but an undecodable token or another scheme with 400, none with an `extensions.code`. Only the
 * configured key's algorithms are accepted, so `alg: none` and algorithm swaps are refused.
 */
export function useAuthentication(auth: CheckedAuth): Plugin {
  // A KeyObject made once: given the secret as a string, jsonwebtoken first tries (and fails) to read it
  // as a public key on every request, which costs most of a request's CPU time.
  // (plugin-jwt types keys as strings; jsonwebtoken takes KeyObjects too.)
  const signingKey: GetSigningKeyFunction =
    auth.mode === 'secret'
      ? ((
          (key) => () =>
            key
        )(createSecretKey(Buffer.from(auth.secret, 'utf8'))) as unknown as GetSigningKeyFunction)
      : createRemoteJwksSigningKeyProvider({ jwksUri: auth.jwksUrl, cache: true, rateLimit: true, timeout: 5_000 });
  const jwt = useJWT({
    signingKeyProviders: [signingKey],
    tokenVerification: {
      algorithms: auth.mode === 'secret' ? ['HS256'] : ['RS256', 'ES256'],
      ...(auth.issuer ? { issuer: auth.issuer } : {}),
      ...(auth.audience ? { audience: auth.audience } : {}),
    },
    reject: { missingToken: true, invalidToken: true },
    extendContext: 'jwt',
  });
  const uniform = (error: unknown): never => {
    throw error instanceof GraphQLError ? unauthenticated() : authUnavailable();
  };
  return {
    ...jwt,
    onRequestParse(payload) {
      return handleMaybePromise(
        () => jwt.onRequestParse?.(payload),
        (result) => result,
        uniform,
      );
    },
    onContextBuilding(payload) {
      return handleMaybePromise(
        () => jwt.onContextBuilding?.(payload),
        (result) => result,
        uniform,
      );
    },
  } as Plugin;
}
