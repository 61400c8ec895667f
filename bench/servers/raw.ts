/**
 * Scenario 1, the ceiling: a bare node:http server that answers POST /graphql with the service's exact
 * response bytes for the benchmark query, without parsing anything. Nothing in Node can answer this
 * request much faster, so it measures the machine, the loopback and the load generator.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exitWithParent, listenAddress, logListening } from '../lib/child.js';
import { EXPECTED } from '../lib/request.js';

const body = Buffer.from(EXPECTED);
const health = Buffer.from('{"message":"alive"}');

const server = createServer((req, res) => {
  // Read the request body as a real server must, but do nothing with it.
  req.on('data', () => {});
  req.on('end', () => {
    if (req.method === 'POST' && req.url === '/graphql') {
      res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': body.length });
      res.end(body);
    } else if (req.method === 'GET' && req.url === '/health') {
      res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': health.length });
      res.end(health);
    } else {
      res.writeHead(404, { 'content-length': 0 });
      res.end();
    }
  });
});

const { host, port } = listenAddress();
server.listen(port, host, () => {
  const address = server.address() as AddressInfo;
  logListening(address.address, address.port);
});
exitWithParent();
process.on('SIGTERM', () => server.close(() => process.exit(0)).closeAllConnections());
