import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/logger.js';
import { createService, type Service } from '../../src/server.js';
import { type Simulator, startSimulator } from '../../src/wechat/simulator/server.js';
import { mint, TEST_SECRET } from '../support/tokens.js';

// The bench-only alternative to the fast path (bench scenario 15): what it measures must be a correct service.
let sim: Simulator | undefined;
let service: Service | undefined;
let server: Server | undefined;
afterEach(async () => {
  server?.closeAllConnections();
  await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
  await service?.close();
  await sim?.close();
});

async function start(): Promise<string> {
  sim = await startSimulator({ platform: { testing: ['a.example.com'] } });
  service = createService({
    wechat: { baseUrl: sim.url, timeoutMs: 2000, credentials: { mode: 'component', ...sim.credentials } },
    logger: createLogger('silent'),
    auth: { mode: 'secret', secret: TEST_SECRET },
    cacheTtlMs: 60_000,
    answerCache: 'response-cache-plugin',
  });
  server = createServer(service.listener);
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
}

const READ = JSON.stringify({ query: '{ serverDomains { __typename ... on ServerDomains { testing } } }' });

async function post(url: string, body: string, token: string) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body,
  });
  return { status: response.status, body: await response.text() };
}

describe("answerCache: 'response-cache-plugin' (bench only)", () => {
  it('answers repeated reads with the same bytes, sees a change at once, and still refuses a missing token', async () => {
    const url = await start();
    const reader = await mint({ scope: 'server-domains:read', sub: 'reader' });
    const writer = await mint({ scope: 'server-domains:write', sub: 'writer' });
    const first = await post(url, READ, reader);
    expect(first).toEqual({ status: 200, body: '{"data":{"serverDomains":{"__typename":"ServerDomains","testing":["a.example.com"]}}}' });
    expect(await post(url, READ, reader)).toEqual(first);
    expect(await post(url, READ, reader)).toEqual(first);

    const change = await post(
      url,
      JSON.stringify({ query: 'mutation { addDomains(input: { domains: ["b.example.com"] }) { __typename } }' }),
      writer,
    );
    expect(JSON.parse(change.body)).toEqual({ data: { addDomains: { __typename: 'ServerDomains' } } });
    expect(JSON.parse((await post(url, READ, reader)).body).data.serverDomains.testing).toEqual(['a.example.com', 'b.example.com']);

    const anonymous = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: READ });
    expect(anonymous.status).toBe(401);
  });

  it('an answer with an error member is not kept', async () => {
    const url = await start();
    const reader = await mint({ scope: 'server-domains:read' });
    sim!.injectFault({ action: 'get', status: 404 });
    expect(JSON.parse((await post(url, READ, reader)).body).data.serverDomains.__typename).toBe('UpstreamUnavailableError');
    expect(JSON.parse((await post(url, READ, reader)).body).data.serverDomains.testing).toEqual(['a.example.com']);
  });
});
