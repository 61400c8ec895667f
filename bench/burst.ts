/**
 * Scenario 5: N identical requests at the same instant. Opens N connections first (one GET /health on
 * each, which never reaches WeChat), then sends the N POSTs together, one per connection, so they reach
 * the service as one burst rather than trickling in behind TCP handshakes. Prints one JSON line.
 *
 *   node bench/results/.build/burst.js '{"url":"http://127.0.0.1:4000/graphql","requests":1000,...}'
 */
import { performance } from 'node:perf_hooks';
import { Client } from 'undici';
import { exitWithParent, printAndExit } from './lib/child.js';

export interface BurstOptions {
  url: string;
  requests: number;
  headers: Record<string, string>;
  body: string;
  expectBody: string;
  /** Milliseconds for each request. */
  timeoutMs?: number;
}

export interface BurstResult {
  requests: number;
  ok: number;
  non2xx: number;
  mismatches: number;
  errors: number;
  /** The first few distinct failures. */
  failures: string[];
  /** From the first POST sent to the last answer. */
  wallMs: number;
  latencyMs: { p50: number; p99: number; max: number };
}

const raw = process.argv[2];
if (!raw) {
  process.stderr.write('usage: burst.js <json options>\n');
  process.exit(64);
}
const options = JSON.parse(raw) as BurstOptions;
exitWithParent();

const url = new URL(options.url);
const timeoutMs = options.timeoutMs ?? 30_000;
const clients = Array.from(
  { length: options.requests },
  () => new Client(url.origin, { headersTimeout: timeoutMs, bodyTimeout: timeoutMs, keepAliveTimeout: 60_000 }),
);

// Connect every client first: TCP handshakes (and the listen backlog) are not what this measures.
await Promise.all(
  clients.map(async (client) => {
    const res = await client.request({ method: 'GET', path: '/health' });
    await res.body.dump();
  }),
);

const failures = new Set<string>();
let ok = 0;
let non2xx = 0;
let mismatches = 0;
let errors = 0;
const latencies: number[] = [];
const started = performance.now();
await Promise.all(
  clients.map(async (client) => {
    const t0 = performance.now();
    try {
      const res = await client.request({
        method: 'POST',
        path: url.pathname + url.search,
        headers: options.headers,
        body: options.body,
      });
      const text = await res.body.text();
      latencies.push(performance.now() - t0);
      if (res.statusCode < 200 || res.statusCode > 299) {
        non2xx++;
        failures.add(`HTTP ${res.statusCode}: ${text.slice(0, 200)}`);
      } else if (text !== options.expectBody) {
        mismatches++;
        failures.add(`unexpected body: ${text.slice(0, 200)}`);
      } else {
        ok++;
      }
    } catch (error) {
      errors++;
      failures.add(error instanceof Error ? `${error.name}: ${error.message}` : String(error));
    }
  }),
);
const wallMs = performance.now() - started;
await Promise.all(clients.map((client) => client.close().catch(() => undefined)));

latencies.sort((a, b) => a - b);
const pick = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? Number.NaN;
const result: BurstResult = {
  requests: options.requests,
  ok,
  non2xx,
  mismatches,
  errors,
  failures: [...failures].slice(0, 5),
  wallMs,
  latencyMs: { p50: pick(0.5), p99: pick(0.99), max: latencies.at(-1) ?? Number.NaN },
};
printAndExit(result);
