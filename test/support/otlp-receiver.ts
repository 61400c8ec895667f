import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

// An OTLP/HTTP receiver (JSON encoding) on a loopback port: what a collector would get, payloads kept as sent.

export type Value = { stringValue?: string; intValue?: string | number; boolValue?: boolean };
export interface OtlpSpan {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  kind: number;
  attributes?: { key: string; value: Value }[];
  status?: { code?: number };
  /** The resource's service.name (added here: OTLP gives it once per resource). */
  service?: string;
}
export const SERVER = 2;
export const CLIENT = 3;
export const ERROR = 2;

/** An OTLP/HTTP receiver: every payload as it came (and each request's path and content type); the spans of JSON ones. */
export async function startReceiver(): Promise<{
  server: Server;
  url: string;
  payloads: string[];
  requests: { path: string; contentType: string; bytes: number }[];
  spans: OtlpSpan[];
  resources: unknown[];
}> {
  const requests: { path: string; contentType: string; bytes: number }[] = [];
  const payloads: string[] = [];
  const spans: OtlpSpan[] = [];
  const resources: unknown[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const bytes = Buffer.concat(chunks);
      const contentType = req.headers['content-type'] ?? '';
      requests.push({ path: req.url ?? '', contentType, bytes: bytes.byteLength });
      const body = bytes.toString('utf8');
      payloads.push(body);
      if (!contentType.startsWith('application/json')) {
        res.writeHead(200, { 'content-type': contentType });
        res.end();
        return;
      }
      const parsed = JSON.parse(body) as { resourceSpans?: { resource?: unknown; scopeSpans?: { spans?: OtlpSpan[] }[] }[] };
      for (const resourceSpans of parsed.resourceSpans ?? []) {
        resources.push(resourceSpans.resource);
        const service = (resourceSpans.resource as { attributes?: { key: string; value: Value }[] } | undefined)?.attributes?.find(
          (a) => a.key === 'service.name',
        )?.value.stringValue;
        for (const scope of resourceSpans.scopeSpans ?? []) spans.push(...(scope.spans ?? []).map((span) => ({ ...span, service })));
      }
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{}');
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, payloads, requests, spans, resources };
}

export const attribute = (span: OtlpSpan, key: string) => {
  const value = span.attributes?.find((a) => a.key === key)?.value;
  return value?.stringValue ?? (value?.intValue === undefined ? value?.boolValue : Number(value.intValue));
};
