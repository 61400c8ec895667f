/**
 * Scenario 2, the baseline: graphql-yoga with its default options (logging, GraphiQL, landing page,
 * health check all as createYoga sets them) over the committed schema.graphql, with resolvers that answer
 * from memory. It is what the GraphQL stack costs on its own, before any of the service's plugins,
 * DataLoader, WeChat client or simulator.
 */
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { buildSchema, GraphQLObjectType, GraphQLUnionType } from 'graphql';
import { createYoga } from 'graphql-yoga';
import { exitWithParent, listenAddress, logListening } from '../lib/child.js';
import { STATE } from '../lib/request.js';

// run.ts passes the path; by hand, run from the repository root.
const schemaPath = resolve(process.env.BENCH_SCHEMA_PATH || 'schema.graphql');
// assumeValidSDL: schema.graphql may be a federation subgraph SDL (`extend schema @link(...)`, `@key`),
// whose directives are not defined in it. Here they are inert: this is a plain, non-federated server.
const schema = buildSchema(readFileSync(schemaPath, 'utf8'), { assumeValidSDL: true });

const query = schema.getQueryType();
const serverDomains = query?.getFields().serverDomains;
const result = schema.getType('QueryServerDomainsResult');
if (!serverDomains || !(result instanceof GraphQLUnionType) || !(schema.getType('ServerDomains') instanceof GraphQLObjectType)) {
  throw new Error(`${schemaPath} has no Query.serverDomains: QueryServerDomainsResult with a ServerDomains member`);
}
serverDomains.resolve = () => STATE;
result.resolveType = () => 'ServerDomains';

const yoga = createYoga({ schema });
const server = createServer(yoga);

const { host, port } = listenAddress();
server.listen(port, host, () => {
  const address = server.address() as AddressInfo;
  logListening(address.address, address.port);
});
exitWithParent();
process.on('SIGTERM', () => server.close(() => process.exit(0)).closeAllConnections());
