import SchemaBuilder from '@pothos/core';
import DirectivePlugin from '@pothos/plugin-directives';
import ErrorsPlugin from '@pothos/plugin-errors';
import FederationPlugin from '@pothos/plugin-federation';
import RelayPlugin from '@pothos/plugin-relay';
import ScopeAuthPlugin from '@pothos/plugin-scope-auth';
import { GraphQLError } from 'graphql';
import type { Context } from '../context.js';

/** The one SchemaBuilder; each schema area adds its types in its own file under src/schema/. */
export const builder = new SchemaBuilder<{
  Context: Context;
  DefaultFieldNullability: false;
  AuthScopes: { read: boolean; write: boolean };
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
    authScopes: (context) => ({ read: context.caller.canRead, write: context.caller.canWrite }),
    // The plugin's own ForbiddenError keeps its code outside `extensions`, where clients look.
    unauthorizedError: (_parent, _context, info) =>
      new GraphQLError(
        `Not allowed: ${info.fieldName} needs the scope ${info.parentType.name === 'Mutation' ? 'server-domains:write' : 'server-domains:read'}.`,
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
