import type { JWTExtendContextFields } from '@graphql-yoga/plugin-jwt';
import { createInMemoryCache, useResponseCache } from '@graphql-yoga/plugin-response-cache';
import { type GraphQLSchema, isInterfaceType } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { type Caller, callerFromClaims } from '../auth/caller.js';
import { rememberedCallerOf } from '../auth/jwt.js';

/**
 * BENCH ONLY: `@graphql-yoga/plugin-response-cache` in place of the fast path (createService's
 * `answerCache: 'response-cache-plugin'`), kept so that `npm run bench -- --answer-cache` can measure the
 * two against each other (bench/README.md has the figures: the fast path stays). Not for production: its
 * answers live for the read TTL whatever the read cache holds, so with REDIS_URL another replica's change
 * shows only when they expire.
 */
export interface ResponseCachePlugin {
  readonly plugin: Plugin;
  /** Makes every kept answer unusable (after a change of the list). */
  invalidate(): void;
}

/** Types that never make an answer worth keeping: every type implementing the schema's Error interface. */
const errorTypesOf = (schema: GraphQLSchema): string[] => {
  const error = schema.getType('Error');
  return isInterfaceType(error) ? schema.getImplementations(error).objects.map((type) => type.name) : [];
};

/** Fields whose answers depend on more than the domain state (the journal, the month's count, WeChat's quota). */
const NEVER_KEPT = {
  'Query.serverDomainChanges': 0,
  'Query.serverDomainsQuota': 0,
  'Query.serverDomainsChangePreview': 0,
  'Query.jumpDomainChanges': 0,
  'Query.jumpDomainsQuota': 0,
  'Query.jumpDomainsChangePreview': 0,
};

const scopesOf = (caller: Caller): string => `${caller.canRead ? 'r' : '-'}${caller.canWrite ? 'w' : '-'}`;

/** The caller's scopes: plugin-jwt (onRequestParse, before the plugin's onParams) has refused anyone without a valid token. */
function callerScopes(context: object, authOn: boolean): string {
  if (!authOn) return 'unchecked';
  const jwt = (context as { jwt?: JWTExtendContextFields }).jwt;
  return scopesOf(rememberedCallerOf(context) ?? callerFromClaims((jwt?.payload ?? {}) as Record<string, unknown>));
}

/** The plugin with `session` = the caller's scopes (answers are shared by callers who may read the same), by list. */
export function responseCachePlugin(options: {
  readonly schema: GraphQLSchema;
  readonly ttlMs: number;
  readonly authOn: boolean;
}): ResponseCachePlugin {
  const cache = createInMemoryCache({ max: 1000 });
  // The plugin records (and so invalidates) only entities with an id, and the list has none: a change of the
  // list moves its generation, which is part of every session (so of every key): older answers are never found again.
  let generation = 0;
  const plugin = useResponseCache({
    cache,
    ttl: options.ttlMs,
    session: (_request, context: object) => `${callerScopes(context, options.authOn)}\n${generation}`,
    ignoredTypes: errorTypesOf(options.schema),
    ttlPerSchemaCoordinate: NEVER_KEPT,
    invalidateViaMutation: false,
  });
  return {
    plugin,
    invalidate: () => {
      generation++;
    },
  };
}
