import { GraphQLError } from 'graphql';
import { type YogaServerOptions, maskError as yogaMaskError } from 'graphql-yoga';

type MaskError = NonNullable<Exclude<YogaServerOptions<object, object>['maskedErrors'], boolean | undefined>['maskError']>;

/**
 * Yoga's masking, plus one thing it leaves out: its 400 for malformed JSON carries
 * `extensions.originalError` with a snippet of the body even in production. Outside development no
 * error keeps an `originalError`, so nothing a client sent (or a stack) is echoed back.
 */
export const maskError: MaskError = (error, message, isDev) => {
  const masked = yogaMaskError(error, message, isDev);
  if (isDev || !(masked instanceof GraphQLError) || masked.extensions.originalError === undefined) return masked;
  const { originalError: _dropped, ...extensions } = masked.extensions;
  return new GraphQLError(masked.message, {
    nodes: masked.nodes,
    source: masked.source,
    positions: masked.positions,
    path: masked.path,
    extensions,
  });
};
