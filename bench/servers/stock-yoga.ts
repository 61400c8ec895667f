/**
 * The baseline: graphql-yoga with its default options (logging, GraphiQL, landing page, health check,
 * CORS, parser and validation cache all as createYoga sets them) over the committed schema.graphql, with
 * resolvers that answer from memory. It is what the GraphQL stack costs on its own, before any of the
 * service's plugins, DataLoader, WeChat client or simulator.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createYoga } from 'graphql-yoga';
import { exitWithParent, listenAddress, logListening } from '../lib/child.js';
import { memorySchema } from '../lib/schema.js';

const yoga = createYoga({ schema: memorySchema() });
const server = createServer(yoga);

const { host, port } = listenAddress();
server.listen(port, host, () => {
  const address = server.address() as AddressInfo;
  logListening(address.address, address.port);
});
exitWithParent();
process.on('SIGTERM', () => server.close(() => process.exit(0)).closeAllConnections());
