import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createGatewayRuntime } from '@graphql-hive/gateway-runtime';
import { useOpenTelemetry } from '@graphql-hive/plugin-opentelemetry';
import { disable, openTelemetrySetup } from '@graphql-hive/plugin-opentelemetry/setup';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { composeServices, compositionHasErrors } from '@theguild/federation-composition';
import { parse } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startArgs } from '../support/node-options.js';
import { type OtlpSpan, SERVER, startReceiver } from '../support/otlp-receiver.js';
import { ROOT, type Running, startProcess } from '../support/process.js';

// Hive Gateway with its OpenTelemetry plugin in front of the service (a process of its own, tracing on),
// both exporting to one OTLP receiver: a query through the gateway is one trace holding both sides' spans.

let receiver: Awaited<ReturnType<typeof startReceiver>>;
let service: Running;
let gateway: Server;
let gatewayUrl: string;

beforeAll(async () => {
  receiver = await startReceiver();
  service = await startProcess(process.execPath, startArgs(), {
    PORT: '0',
    OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url,
    OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json',
    OTEL_BSP_SCHEDULE_DELAY: '50',
  });
  const composed = composeServices([
    { name: 'wxa-server-domains', url: `${service.url}/graphql`, typeDefs: parse(readFileSync(`${ROOT}/schema.graphql`, 'utf8')) },
  ]);
  if (compositionHasErrors(composed)) throw new Error(composed.errors.map((e) => e.message).join('\n'));
  openTelemetrySetup({
    contextManager: new AsyncLocalStorageContextManager(),
    resource: { serviceName: 'gateway' },
    traces: { exporter: new OTLPTraceExporter({ url: `${receiver.url}/v1/traces` }), batching: false },
  });
  const runtime = createGatewayRuntime({
    supergraph: composed.supergraphSdl,
    logging: false,
    plugins: (context) => [useOpenTelemetry({ ...context, traces: true })],
  });
  gateway = createServer(runtime);
  gateway.listen(0, '127.0.0.1');
  await once(gateway, 'listening');
  gatewayUrl = `http://127.0.0.1:${(gateway.address() as AddressInfo).port}/graphql`;
});

afterAll(async () => {
  gateway?.closeAllConnections();
  await new Promise((resolve) => gateway?.close(resolve));
  disable();
  await service?.stop();
  receiver?.server.close();
});

describe('Hive Gateway with OpenTelemetry in front of the service', () => {
  it('one trace holds the gateway’s spans and the subgraph’s, the subgraph’s server span a child of the gateway’s fetch', async () => {
    const response = await fetch(gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: 'query ThroughGateway { serverDomains { __typename } }' }),
    });
    expect(((await response.json()) as { data: any }).data.serverDomains.__typename).toBe('ServerDomains');
    // Exported as each side's spans end: wait for the subgraph's server span, and the gateway's root (the last to end).
    const subgraphServer = (): OtlpSpan | undefined =>
      receiver.spans.find((s) => s.service === 'wxa-server-domains' && s.kind === SERVER && s.name === 'POST /graphql');
    await expect
      .poll(
        () => {
          const server = subgraphServer();
          return (
            server !== undefined && receiver.spans.some((s) => s.service === 'gateway' && s.traceId === server.traceId && !s.parentSpanId)
          );
        },
        { timeout: 10_000 },
      )
      .toBe(true);
    const server = subgraphServer()!;
    const trace = receiver.spans.filter((s) => s.traceId === server.traceId);
    // The subgraph's server span is the child of a gateway span (its fetch to the subgraph).
    expect(trace.find((s) => s.spanId === server.parentSpanId)?.service).toBe('gateway');
    const gatewaySpans = trace.filter((s) => s.service === 'gateway').map((s) => s.name);
    const subgraphSpans = trace.filter((s) => s.service === 'wxa-server-domains').map((s) => s.name);
    expect(gatewaySpans.length, gatewaySpans.join(', ')).toBeGreaterThan(1);
    expect(subgraphSpans).toEqual(expect.arrayContaining(['POST /graphql', 'wechat get']));
    // The gateway's root span is the trace's root.
    expect(trace.filter((s) => !s.parentSpanId).map((s) => s.service)).toEqual(['gateway']);
  });
});
