/**
 * The reference: fastify + mercurius with graphql-jit (`jit: 1`: a query is compiled the first time it is
 * seen again) over the committed schema.graphql, resolvers answering from memory. Mercurius keeps parsed
 * and validated queries in an LRU and runs compiled ones: about as fast as a GraphQL server in Node answers
 * a repeated query, so it is the bar for the service's hot path.
 */
import Fastify from 'fastify';
import mercurius from 'mercurius';
import { exitWithParent, listenAddress, logListening } from '../lib/child.js';
import { memorySchema } from '../lib/schema.js';

const app = Fastify({ logger: false });
await app.register(mercurius, { schema: memorySchema(), jit: 1, path: '/graphql', graphiql: false });
app.get('/health', async () => ({ message: 'alive' }));

const { host, port } = listenAddress();
await app.listen({ host, port });
const address = app.server.address();
if (address && typeof address === 'object') logListening(address.address, address.port);
exitWithParent();
process.on('SIGTERM', () => {
  app.server.closeAllConnections();
  void app.close().then(() => process.exit(0));
});
