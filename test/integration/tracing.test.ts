import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Simulator, startSimulator } from '../../src/wechat/simulator/server.js';
import { startArgs } from '../support/node-options.js';
import { attribute, CLIENT, ERROR, type OtlpSpan, SERVER, startReceiver } from '../support/otlp-receiver.js';
import { type Running, runService, startProcess } from '../support/process.js';
import { describeWithRedis, startRedis, until } from '../support/redis.js';
import { simulatorSecrets } from '../support/secrets.js';
import { mint, TEST_SECRET } from '../support/tokens.js';

// The built service with OTEL_EXPORTER_OTLP_ENDPOINT pointing at an OTLP/HTTP receiver of the test's own
// (http/json), in live mode on the simulator with JWT authentication: the spans as a collector gets them.

const LOAD_HOOK = ['--import', './test/support/log-sdk-loads.mjs'];
const SDK_LOADED = 'opentelemetry sdk module loaded';
const ISSUER = 'https://id.example.com';
const AUDIENCE = 'wxa-server-domains';
const READ = 'query Read { serverDomains { __typename ... on ServerDomains { testing } } }';
const add = (domain: string) =>
  `mutation Add { addDomains(input: { domains: ["${domain}"] }) { __typename ... on WechatError { errcode } ... on ServerDomains { testing } } }`;

describe('tracing (OTLP/HTTP, http/json)', () => {
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  let sim: Simulator;
  let service: Running;
  let jwt: string;

  beforeAll(async () => {
    receiver = await startReceiver();
    sim = await startSimulator();
    jwt = await mint({ scope: 'server-domains:write', sub: 'tracing-test' }, { issuer: ISSUER, audience: AUDIENCE });
    service = await startProcess(process.execPath, [...LOAD_HOOK, ...startArgs()], {
      PORT: '0',
      LOG_LEVEL: 'info',
      WECHAT_API_BASE_URL: sim.url,
      WECHAT_COMPONENT_APPID: sim.credentials.componentAppId,
      WECHAT_COMPONENT_APPSECRET: sim.credentials.componentAppSecret,
      WECHAT_COMPONENT_VERIFY_TICKET: sim.credentials.componentVerifyTicket,
      AUTH_JWT_SECRET: TEST_SECRET,
      AUTH_JWT_ISSUER: ISSUER,
      AUTH_JWT_AUDIENCE: AUDIENCE,
      SERVER_DOMAINS_CACHE_TTL_MS: '60000',
      OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url,
      OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json',
      OTEL_BSP_SCHEDULE_DELAY: '50',
    });
    // Live mode with an appid syncs the Mini Programs at start, and that takes the first token: wait for it, so
    // that what each test's request does is its own.
    await until(() => service.output().includes('Mini Programs synced from WeChat'), 10_000);
  });
  afterAll(async () => {
    await service?.stop();
    await sim?.close();
    receiver?.server.close();
  });

  /** Sends `query` with a traceparent of a new trace; returns the trace id, the caller's span id and the answer. */
  const traced = async (query: string) => {
    const traceId = randomBytes(16).toString('hex');
    const parentId = randomBytes(8).toString('hex');
    const response = await fetch(`${service.url}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${jwt}`,
        traceparent: `00-${traceId}-${parentId}-01`,
        tracestate: 'gateway=1',
      },
      body: JSON.stringify({ query }),
    });
    expect(response.status).toBe(200);
    return { traceId, parentId, data: ((await response.json()) as { data: any }).data };
  };
  /** The trace's spans once its server span (the last to end) has been exported. */
  const spansOf = async (traceId: string): Promise<OtlpSpan[]> => {
    await expect.poll(() => receiver.spans.some((s) => s.traceId === traceId && s.kind === SERVER), { timeout: 10_000 }).toBe(true);
    return receiver.spans.filter((s) => s.traceId === traceId);
  };
  const named = (spans: OtlpSpan[], name: string) => spans.filter((s) => s.name === name);
  const one = (spans: OtlpSpan[], name: string) => {
    const found = named(spans, name);
    expect(
      found.map((s) => s.name),
      `one span named ${name} in ${spans.map((s) => s.name).join(', ')}`,
    ).toEqual([name]);
    return found[0]!;
  };
  const childrenOf = (spans: OtlpSpan[], parent: OtlpSpan) => spans.filter((s) => s.parentSpanId === parent.spanId);

  it('loads the SDK (the endpoint is set) and names the service', async () => {
    expect(service.output()).toContain(SDK_LOADED);
    expect(service.output()).toContain('Tracing: spans exported over OTLP (http/json) as wxa-server-domains');
  });

  it('a read: continues the caller’s trace; the operation and the WeChat call are its spans', async () => {
    const { traceId, parentId, data } = await traced(READ);
    expect(data.serverDomains.__typename).toBe('ServerDomains');
    const spans = await spansOf(traceId);
    const server = one(spans, 'POST /graphql');
    expect(server).toMatchObject({ kind: SERVER, parentSpanId: parentId, service: 'wxa-server-domains' });
    expect(attribute(server, 'http.response.status_code')).toBe(200);
    const operation = one(spans, 'query Read');
    expect(operation.parentSpanId).toBe(server.spanId);
    expect(attribute(operation, 'graphql.operation.type')).toBe('query');
    expect(attribute(operation, 'graphql.operation.name')).toBe('Read');
    const call = one(spans, 'wechat get');
    // The token is the one the start-up sync took: the call is its one exchange.
    expect(childrenOf(spans, call).map((s) => s.name)).toEqual(['POST /cgi-bin/component/modify_wxa_server_domain']);
    const attempt = one(spans, 'POST /cgi-bin/component/modify_wxa_server_domain');
    expect(attempt).toMatchObject({ kind: CLIENT, parentSpanId: call.spanId });
    expect(attribute(attempt!, 'wechat.action')).toBe('get');
    expect(attribute(attempt!, 'wechat.errcode')).toBe(0);
    expect(attribute(attempt!, 'http.response.status_code')).toBe(200);
    expect(attribute(attempt!, 'url.full')).toBe(`${sim.url}/cgi-bin/component/modify_wxa_server_domain?access_token=[redacted]`);
  });

  it('a repeated read the fast path answers (before yoga) still continues the caller’s trace, in one server span', async () => {
    const READ_AGAIN = 'query ReadAgain { serverDomains { __typename } }';
    await traced(READ_AGAIN);
    await traced(READ_AGAIN); // kept after this one
    const { traceId, parentId, data } = await traced(READ_AGAIN);
    expect(data.serverDomains.__typename).toBe('ServerDomains');
    const spans = await spansOf(traceId);
    expect(spans.map((s) => [s.name, s.kind, s.parentSpanId])).toEqual([['POST /graphql', SERVER, parentId]]);
    // It was the fast path's answer (the request's log line says so).
    await expect
      .poll(() =>
        service
          .output()
          .split('\n')
          .filter((l) => l.includes('"operationName":"ReadAgain"'))
          .map((l) => (JSON.parse(l) as { fast?: boolean }).fast),
      )
      .toEqual([undefined, undefined, true]);
  });

  it('a query by GET (urql’s default) is traced the same way, its query string never recorded', async () => {
    const traceId = randomBytes(16).toString('hex');
    const parentId = randomBytes(8).toString('hex');
    const query = 'query ReadByGet { serverDomains { __typename } }';
    const response = await fetch(`${service.url}/graphql?query=${encodeURIComponent(query)}`, {
      headers: { accept: 'application/json', authorization: `Bearer ${jwt}`, traceparent: `00-${traceId}-${parentId}-01` },
    });
    expect(response.status).toBe(200);
    const spans = await spansOf(traceId);
    const server = one(spans, 'GET /graphql');
    expect(server.parentSpanId).toBe(parentId);
    expect(attribute(server, 'url.path')).toBe('/graphql');
    expect(one(spans, 'query ReadByGet').parentSpanId).toBe(server.spanId);
    expect(JSON.stringify(spans)).not.toContain('ReadByGet {');
  });

  it('a change: its lock wait, fresh read and WeChat call', async () => {
    const { traceId, data } = await traced(add('traced.example.com'));
    expect(data.addDomains.__typename).toBe('ServerDomains');
    const spans = await spansOf(traceId);
    expect(one(spans, 'mutation Add').parentSpanId).toBe(one(spans, 'POST /graphql').spanId);
    const change = one(spans, 'server-domains change');
    expect(childrenOf(spans, change).map((s) => s.name)).toEqual(['server-domains lock wait', 'server-domains fresh read', 'wechat add']);
    expect(childrenOf(spans, one(spans, 'server-domains fresh read')).map((s) => s.name)).toEqual(['wechat get']);
    const [attempt] = childrenOf(spans, one(spans, 'wechat add'));
    expect(attribute(attempt!, 'wechat.errcode')).toBe(0);
    expect(change.status?.code ?? 0).not.toBe(ERROR);
  });

  it('a change after a revoked token: the refused attempt (40001, not an error), the refresh, the retry', async () => {
    sim.revokeTokens();
    const { traceId, data } = await traced(add('after-revoke.example.com'));
    expect(data.addDomains.__typename).toBe('ServerDomains');
    const spans = await spansOf(traceId);
    // The fresh read meets the revoked token first: its get is refused, refreshed, retried.
    const attempts = named(spans, 'POST /cgi-bin/component/modify_wxa_server_domain');
    expect(attempts.map((s) => [attribute(s, 'wechat.action'), attribute(s, 'wechat.errcode')])).toEqual([
      ['get', 40001],
      ['get', 0],
      ['add', 0],
    ]);
    expect(attempts[0]!.status?.code ?? 0).not.toBe(ERROR);
    // The refresh is a span of the call that needed it, holding its own exchange.
    const refresh = one(spans, 'wechat token refresh');
    expect(childrenOf(spans, refresh).map((s) => s.name)).toEqual(['POST /cgi-bin/component/api_component_token']);
  });

  it('a WeChat errcode the caller gets as an error member: its spans have status error', async () => {
    sim.injectFault({ on: 'modify', action: 'add', errcode: 65316 });
    const { traceId, data } = await traced(add('too-many.example.com'));
    expect(data.addDomains).toMatchObject({ errcode: 65316 });
    const spans = await spansOf(traceId);
    const call = one(spans, 'wechat add');
    expect(call.status?.code).toBe(ERROR);
    expect(childrenOf(spans, call)[0]!.status?.code).toBe(ERROR);
    expect(one(spans, 'server-domains change').status?.code).toBe(ERROR);
  });

  it('UpstreamUnavailableError (the answer lost): the call’s span has status error, with the error’s type', async () => {
    sim.injectFault({ on: 'modify', action: 'add', drop: true });
    const { traceId, data } = await traced(
      'mutation Lost { addDomains(input: { domains: ["lost.example.com"] }) { __typename ... on UpstreamUnavailableError { mayHaveApplied } } }',
    );
    expect(data.addDomains).toEqual({ __typename: 'UpstreamUnavailableError', mayHaveApplied: true });
    const call = one(await spansOf(traceId), 'wechat add');
    expect(call.status?.code).toBe(ERROR);
    expect(attribute(call, 'error.type')).toBe('UpstreamUnavailableError');
  });

  it('never exports a secret, and never sends WeChat a trace context', async () => {
    const exported = receiver.payloads.join('\n');
    expect(exported.length).toBeGreaterThan(0);
    const secrets = [...simulatorSecrets(sim), jwt, TEST_SECRET];
    expect(secrets.length).toBeGreaterThanOrEqual(5);
    for (const secret of secrets) expect(exported).not.toContain(secret);
    expect(exported).not.toContain('Bearer');
    expect(exported.toLowerCase()).not.toContain('authorization');
    expect(sim.calls.length).toBeGreaterThan(0);
    for (const call of sim.calls) {
      expect(call.headers.traceparent).toBeUndefined();
      expect(call.headers.tracestate).toBeUndefined();
    }
  });
});

describe('without an OTLP endpoint', () => {
  it('the SDK is never loaded, and the service starts and answers', async () => {
    const service = await startProcess(process.execPath, [...LOAD_HOOK, ...startArgs()], { PORT: '0', LOG_LEVEL: 'info' });
    try {
      const response = await fetch(`${service.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', traceparent: `00-${'1'.repeat(32)}-${'2'.repeat(16)}-01` },
        body: JSON.stringify({ query: READ }),
      });
      expect(((await response.json()) as { data: any }).data.serverDomains.__typename).toBe('ServerDomains');
      expect(service.output()).not.toContain(SDK_LOADED);
      expect(service.output()).not.toContain('Tracing:');
    } finally {
      await service.stop();
    }
  });
});

describe('the default protocol', () => {
  it('is http/protobuf, to OTEL_EXPORTER_OTLP_ENDPOINT/v1/traces', async () => {
    const receiver = await startReceiver();
    const service = await startProcess(process.execPath, startArgs(), {
      PORT: '0',
      OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url,
      OTEL_BSP_SCHEDULE_DELAY: '50',
    });
    try {
      await fetch(`${service.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: READ }),
      });
      // The protobuf holds the span names as plain strings: the server span ends last.
      await expect.poll(() => receiver.payloads.join('').includes('POST /graphql'), { timeout: 10_000 }).toBe(true);
      expect(receiver.payloads.join('')).toContain('query Read');
      for (const request of receiver.requests) expect(request).toMatchObject({ path: '/v1/traces', contentType: 'application/x-protobuf' });
    } finally {
      await service.stop();
      receiver.server.close();
    }
  });
});

describe('a tracing setting that cannot be used', () => {
  it('stops the start with one line naming the variable', async () => {
    const { code, stdout, stderr } = await runService({
      OTEL_EXPORTER_OTLP_ENDPOINT: 'http://127.0.0.1:9',
      OTEL_EXPORTER_OTLP_PROTOCOL: 'grpc',
    });
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr.trimEnd().split('\n')).toEqual([
      expect.stringMatching(/^wxa-server-domains: Invalid configuration: OTEL_EXPORTER_OTLP_PROTOCOL: .*grpc/),
    ]);
  });
});

describeWithRedis('tracing with REDIS_URL', () => {
  it('a change shows its Redis commands (the lock, the shared read) as CLIENT spans, and never the Redis password', async () => {
    const password = 'tracing-redis-passw0rd';
    const redis = await startRedis({ password });
    const receiver = await startReceiver();
    const sim = await startSimulator();
    const service = await startProcess(process.execPath, startArgs(), {
      PORT: '0',
      LOG_LEVEL: 'info',
      WECHAT_API_BASE_URL: sim.url,
      WECHAT_COMPONENT_APPID: sim.credentials.componentAppId,
      WECHAT_COMPONENT_APPSECRET: sim.credentials.componentAppSecret,
      WECHAT_COMPONENT_VERIFY_TICKET: sim.credentials.componentVerifyTicket,
      REDIS_URL: redis.url,
      AUTH_DISABLED: 'true',
      OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: `${receiver.url}/v1/traces`,
      OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json',
      OTEL_BSP_SCHEDULE_DELAY: '50',
    });
    try {
      await until(() => service.output().includes('connected to the shared store'), 10_000);
      const traceId = randomBytes(16).toString('hex');
      const response = await fetch(`${service.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', traceparent: `00-${traceId}-${randomBytes(8).toString('hex')}-01` },
        body: JSON.stringify({ query: add('redis-traced.example.com') }),
      });
      expect(((await response.json()) as { data: any }).data.addDomains.__typename).toBe('ServerDomains');
      await expect.poll(() => receiver.spans.some((s) => s.traceId === traceId && s.kind === SERVER), { timeout: 10_000 }).toBe(true);
      const spans = receiver.spans.filter((s) => s.traceId === traceId);
      const redisSpans = spans.filter((s) => attribute(s, 'db.system.name') === 'redis');
      expect(redisSpans.every((s) => s.kind === CLIENT)).toBe(true);
      const names = new Set(redisSpans.map((s) => s.name));
      // The change lock is a lease; the fresh read offers its state to the shared read cache; the journal entry.
      for (const name of ['redis lease', 'redis read cache', 'redis change journal']) expect(names).toContain(name);
      // Taking the change lock: a lease command of the change itself.
      const change = spans.find((s) => s.name === 'server-domains change')!;
      expect(redisSpans.some((s) => s.name === 'redis lease' && s.parentSpanId === change.spanId)).toBe(true);
      const exported = receiver.payloads.join('\n');
      for (const secret of [password, ...simulatorSecrets(sim)]) expect(exported).not.toContain(secret);
    } finally {
      await service.stop();
      await sim.close();
      receiver.server.close();
      await redis.close();
    }
  }, 60_000);
});
