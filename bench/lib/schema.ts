import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { buildSchema, GraphQLObjectType, type GraphQLSchema, GraphQLUnionType } from 'graphql';
import { STATE } from './request.js';

/**
 * The committed schema.graphql as a plain executable schema whose `serverDomains` answers STATE from
 * memory: what the reference servers (stock yoga, mercurius) serve. run.ts passes the path in
 * BENCH_SCHEMA_PATH; by hand, run from the repository root.
 */
export function memorySchema(): GraphQLSchema {
  const schemaPath = resolve(process.env.BENCH_SCHEMA_PATH || 'schema.graphql');
  // assumeValidSDL: schema.graphql is a federation subgraph SDL (`extend schema @link(...)`, `@key`), whose
  // directives are not defined in it. Here they are inert: these are plain, non-federated servers.
  const schema = buildSchema(readFileSync(schemaPath, 'utf8'), { assumeValidSDL: true });
  const serverDomains = schema.getQueryType()?.getFields().serverDomains;
  const result = schema.getType('QueryServerDomainsResult');
  if (!serverDomains || !(result instanceof GraphQLUnionType) || !(schema.getType('ServerDomains') instanceof GraphQLObjectType)) {
    throw new Error(`${schemaPath} has no Query.serverDomains: QueryServerDomainsResult with a ServerDomains member`);
  }
  serverDomains.resolve = () => STATE;
  result.resolveType = () => 'ServerDomains';
  return schema;
}
