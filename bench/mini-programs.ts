import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * Scenario 17: the server domains of 500 Mini Programs read in one request, the simulator answering each
 * Mini Program's call after 50 ms. WECHAT_CONCURRENCY (8) bounds the /wxa calls in flight, so the ideal is
 * ⌈500 / 8⌉ × 50 ms; the target is within 1.25× of it. Then the same request again within the read TTL:
 * from the cache, with no WeChat call. In-process (the simulator's 50 ms is the point, not the HTTP stack),
 * on the built service (dist/), loaded after the bench has built it.
 */

export interface MiniProgramsFigures {
  readonly miniPrograms: number;
  readonly concurrency: number;
  readonly delayMs: number;
  readonly idealMs: number;
  readonly firstMs: number;
  readonly firstRatio: number;
  readonly firstCalls: number;
  readonly mostAtOnce: number;
  readonly againMs: number;
  readonly againCalls: number;
}

const QUERY =
  'query($first: Int) { miniPrograms(first: $first) { edges { node { appId serverDomains { __typename ... on MiniProgramServerDomains { platform { request } } } } } } }';

export async function measureMiniPrograms(miniPrograms = 500, delayMs = 50, concurrency = 8): Promise<MiniProgramsFigures> {
  const { startSimulator } = await import('../dist/wechat/simulator/server.js');
  const { createService } = await import('../dist/server.js');
  const { createLogger } = await import('../dist/logger.js');
  const sim = await startSimulator({ authorizers: { miniPrograms, officialAccounts: 0 } });
  const service = createService({
    wechat: {
      baseUrl: sim.url,
      timeoutMs: 10_000,
      credentials: {
        mode: 'component',
        componentAppId: sim.credentials.componentAppId,
        componentAppSecret: sim.credentials.componentAppSecret,
        componentVerifyTicket: sim.credentials.componentVerifyTicket,
      },
    },
    logger: createLogger('silent'),
    cacheTtlMs: 60_000,
    wechatConcurrency: concurrency,
  });
  const server: Server = createServer(service.listener);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  const post = async (query: string, variables?: unknown) => {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as {
      data?: { miniPrograms?: { edges: { node: { serverDomains: { __typename: string } } }[] } };
      errors?: unknown;
    };
    if (body.errors) throw new Error(`the bench request failed: ${JSON.stringify(body.errors)}`);
    return body;
  };
  const timed = async () => {
    const before = sim.calls.filter((c) => c.kind === 'wxa').length;
    const started = performance.now();
    const body = await post(QUERY, { first: miniPrograms });
    const ms = performance.now() - started;
    const edges = body.data?.miniPrograms?.edges ?? [];
    if (edges.length !== miniPrograms || edges.some((e) => e.node.serverDomains.__typename !== 'MiniProgramServerDomains'))
      throw new Error('the bench request did not answer every Mini Program');
    return { ms, calls: sim.calls.filter((c) => c.kind === 'wxa').length - before };
  };
  try {
    await post('mutation { syncMiniPrograms { __typename } }');
    // Tokens first (api_authorizer_token is not a /wxa call and not what is measured), without reading a list.
    const tokens = service.miniPrograms?.tokens;
    if (!tokens) throw new Error('the bench service has no Mini Program registry');
    await Promise.all(Array.from({ length: miniPrograms }, (_, i) => tokens.get(`wxsimminiprogram${String(i + 1).padStart(4, '0')}`)));
    sim.miniProgramDomains.settings.delayMs = delayMs;
    sim.miniProgramDomains.resetMostAtOnce();
    const first = await timed();
    const mostAtOnce = sim.miniProgramDomains.mostAtOnce;
    // Within the TTL: every Mini Program's answer from the read cache.
    const again = await timed();
    const idealMs = Math.ceil(miniPrograms / concurrency) * delayMs;
    return {
      miniPrograms,
      concurrency,
      delayMs,
      idealMs,
      firstMs: first.ms,
      firstRatio: first.ms / idealMs,
      firstCalls: first.calls,
      mostAtOnce,
      againMs: again.ms,
      againCalls: again.calls,
    };
  } finally {
    await new Promise((resolve) => server.close(resolve));
    await service.close();
    await sim.close();
  }
}
