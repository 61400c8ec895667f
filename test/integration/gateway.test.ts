import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createGatewayRuntime } from '@graphql-hive/gateway-runtime';
import { composeServices, compositionHasErrors } from '@theguild/federation-composition';
import { parse } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SIMULATOR_APPID } from '../../src/wechat/simulator/server.js';
import { createDirectorySubgraph, DIRECTORY_SDL } from '../federation/directory-subgraph.js';
import { ROOT } from '../support/process.js';
import { type Stack, startStack } from '../support/stack.js';
import { mint, TEST_SECRET } from '../support/tokens.js';

let stack: Stack;
let directory: Server;
let gateway: Server;
let gatewayUrl: string;

async function listen(server: Server): Promise<string> {
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
}

beforeAll(async () => {
  stack = await startStack({
    auth: { mode: 'secret', secret: TEST_SECRET },
    credentials: (sim) => ({ mode: 'component', ...sim.credentials }),
  });
  directory = createServer(
    createDirectorySubgraph([{ componentAppId: SIMULATOR_APPID, displayName: 'Simulated platform', ownerTeam: 'mini-programs' }]),
  );
  const directoryUrl = await listen(directory);
  const composed = composeServices([
    { name: 'wxa-server-domains', url: `${stack.url}/graphql`, typeDefs: parse(readFileSync(`${ROOT}/schema.graphql`, 'utf8')) },
    { name: 'platform-directory', url: directoryUrl, typeDefs: parse(DIRECTORY_SDL) },
  ]);
  if (compositionHasErrors(composed)) throw new Error(composed.errors.map((e) => e.message).join('\n'));
  const runtime = createGatewayRuntime({
    supergraph: composed.supergraphSdl,
    logging: false,
    // Forward the caller's token, so scopes hold behind the gateway too.
    propagateHeaders: { fromClientToSubgraphs: ({ request }) => ({ authorization: request.headers.get('authorization') ?? '' }) },
  });
  gateway = createServer(runtime);
  gatewayUrl = await listen(gateway);
});

afterAll(async () => {
  for (const server of [gateway, directory]) {
    server?.closeAllConnections();
    await new Promise((resolve) => server?.close(resolve));
  }
  await stack?.close();
});

async function viaGateway(query: string, scope = 'server-domains:write', variables?: unknown) {
  const response = await fetch(gatewayUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${await mint({ scope })}` },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as { data?: any; errors?: { message: string; extensions?: { code?: string } }[] };
}

describe('through a real federation gateway (Hive Gateway runtime)', () => {
  it('answers a root query of ours', async () => {
    const { data, errors } = await viaGateway('{ serverDomains { __typename ... on ServerDomains { testing } } }');
    expect(errors).toBeUndefined();
    expect(data.serverDomains).toEqual({ __typename: 'ServerDomains', testing: ['api.example.com'] });
  });

  it("joins the directory's platforms with our server domains via _entities, in one upstream get", async () => {
    const gets = stack.sim.count('modify', 'get');
    const { data, errors } = await viaGateway(`{
      platforms {
        componentAppId displayName ownerTeam
        serverDomains { __typename ... on ServerDomains { testing published } ... on Error { message } }
      }
    }`);
    expect(errors).toBeUndefined();
    expect(data.platforms).toEqual([
      {
        componentAppId: SIMULATOR_APPID,
        displayName: 'Simulated platform',
        ownerTeam: 'mini-programs',
        serverDomains: { __typename: 'ServerDomains', testing: ['api.example.com'], published: ['api.example.com'] },
      },
    ]);
    expect(stack.sim.count('modify', 'get') - gets).toBe(1);
  });

  it('runs a mutation', async () => {
    const { data, errors } = await viaGateway(
      'mutation($input: AddDomainsInput!) { addDomains(input: $input) { __typename ... on ServerDomains { testing } } }',
      'server-domains:write',
      { input: { domains: ['gw.example.com'] } },
    );
    expect(errors).toBeUndefined();
    expect(data.addDomains.testing).toContain('gw.example.com');
  });

  it('returns an error union member', async () => {
    const { data } = await viaGateway(
      'mutation { setDomains(input: { domains: ["http://x.com"] }) { __typename ... on DomainValidationError { message problems { domain reason } } } }',
    );
    expect(data.setDomains.__typename).toBe('DomainValidationError');
    expect(data.setDomains.problems[0].domain).toBe('http://x.com');
  });

  it('keeps scopes: a read-only token cannot change anything through the gateway', async () => {
    const before = stack.sim.count('modify', 'add');
    const { errors } = await viaGateway(
      'mutation { addDomains(input: { domains: ["nope.example.com"] }) { __typename } }',
      'server-domains:read',
    );
    expect(errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(stack.sim.count('modify', 'add')).toBe(before);
  });
});
