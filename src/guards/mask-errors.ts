import { GraphQLError } from 'graphql';
import { type YogaServerOptions, maskError as yogaMaskError } from 'graphql-yoga';
import { SharedStoreUnavailableError } from '../stores/errors.js';

type MaskError = NonNullable<Exclude<YogaServerOptions<object, object>['maskedErrors'], boolean | undefined>['maskError']>;

/**
 * Yoga's masking, plus one thing it leaves out: its 400 for malformed JSON carries
 * `extensions.originalError` with a snippet of the body even in production. Outside development no
 * error keeps an `originalError`, so nothing a client sent (or a stack) is echoed back.
 *
 * The HTTP status must survive that. Yoga marks such request errors `http.spec: true`, which lets an
 * `application/json` answer use 200, and it tells a request error (4xx under every media type) from a
 * GraphQL one by the presence of `originalError`. With `originalError` gone it would take the malformed
 * body for a GraphQL error and answer 200, so the rebuilt error drops `spec` too: the status holds
 * whatever the Accept header (GraphQL over HTTP: a request that is not well-formed gets a 4xx).
 */
export const maskError: MaskError = (error, message, isDev) => {
  // Not a bug but an outage the caller should hear of: the shared store behind the journal and the quota.
  if (error instanceof GraphQLError && error.originalError instanceof SharedStoreUnavailableError) {
    return new GraphQLError('The shared store (Redis) is unreachable, so this cannot be answered now. Try again shortly.', {
      nodes: error.nodes,
      source: error.source,
      positions: error.positions,
      path: error.path,
      extensions: { code: 'SHARED_STORE_UNAVAILABLE' },
    });
  }
  const masked = yogaMaskError(error, message, isDev);
  if (isDev || !(masked instanceof GraphQLError) || masked.extensions.originalError === undefined) return masked;
  const {
    originalError: _dropped,
    http,
    ...extensions
  } = masked.extensions as Record<string, unknown> & {
    http?: { spec?: boolean };
  };
  let kept = extensions;
  if (http !== undefined) {
    const { spec: _spec, ...status } = http;
    kept = { ...extensions, http: status };
  }
  return new GraphQLError(masked.message, {
    nodes: masked.nodes,
    source: masked.source,
    positions: masked.positions,
    path: masked.path,
    extensions: kept,
  });
};
