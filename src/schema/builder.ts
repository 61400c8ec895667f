import SchemaBuilder from '@pothos/core';
import DirectivePlugin from '@pothos/plugin-directives';
import ErrorsPlugin from '@pothos/plugin-errors';
import FederationPlugin from '@pothos/plugin-federation';
import RelayPlugin from '@pothos/plugin-relay';
import ScopeAuthPlugin, { type AuthFailure } from '@pothos/plugin-scope-auth';
import { GraphQLError } from 'graphql';
import { MINI_PROGRAMS_READ_SCOPE, MINI_PROGRAMS_WRITE_SCOPE, READ_SCOPE, WRITE_SCOPE } from '../auth/caller.js';
import type { Context } from '../context.js';

const SCOPE_NAMES: Readonly<Record<string, string>> = {
  read: READ_SCOPE,
  write: WRITE_SCOPE,
  miniProgramsRead: MINI_PROGRAMS_READ_SCOPE,
  miniProgramsWrite: MINI_PROGRAMS_WRITE_SCOPE,
};

/** The scope a refused field asks for, as callers name it (the first one the failure names). */
function scopeNamed(failure: AuthFailure, isMutation: boolean): string {
  const named = (f: AuthFailure): string | undefined =>
    'scope' in f ? SCOPE_NAMES[f.scope] : 'failures' in f ? f.failures.map(named).find((s) => s !== undefined) : undefined;
  return named(failure) ?? (isMutation ? WRITE_SCOPE : READ_SCOPE);
}

/** The one SchemaBuilder; each schema area adds its types in its own file under src/schema/. */
export const builder = new SchemaBuilder<{
  Context: Context;
  DefaultFieldNullability: false;
  // read/write: server-domains:read/write; miniProgramsRead/Write: mini-programs:read/write.
  AuthScopes: { read: boolean; write: boolean; miniProgramsRead: boolean; miniProgramsWrite: boolean };
}>({
  // ScopeAuth before Errors: a refusal stays a top-level GraphQL error, never a union member.
  // Federation last: it must see the resolvers the others wrap.
  plugins: [ScopeAuthPlugin, ErrorsPlugin, RelayPlugin, DirectivePlugin, FederationPlugin],
  defaultFieldNullability: false,
  relay: {
    // Cursor connections only: no Node interface, no node/nodes lookups (nothing here is fetched by global id).
    nodeQueryOptions: false,
    nodesQueryOptions: false,
    cursorType: 'String',
    // Other subgraphs of a supergraph may define PageInfo too: it must be shareable to compose.
    pageInfoTypeOptions: { shareable: true },
  },
  scopeAuth: {
    authScopes: (context) => ({
      read: context.caller.canRead,
      write: context.caller.canWrite,
      miniProgramsRead: context.caller.canReadMiniPrograms,
      miniProgramsWrite: context.caller.canWriteMiniPrograms,
    }),
    // The plugin's own ForbiddenError keeps its code outside `extensions`, where clients look.
    unauthorizedError: (_parent, _context, info, result) =>
      new GraphQLError(
        `Not allowed: ${info.fieldName} needs the scope ${scopeNamed(result.failure, info.parentType.name === 'Mutation')}.`,
        {
          extensions: { code: 'FORBIDDEN' },
        },
      ),
  },
  errors: {
    // Success types go into the result unions as they are (`ServerDomains`), not wrapped.
    directResult: true,
  },
});

// The root types, declared once; each schema module adds its own fields (builder.queryField / mutationField).
builder.queryType({});
builder.mutationType({});
