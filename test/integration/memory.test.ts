import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { heapNodeOptions, startArgs } from '../support/node-options.js';
import { type Running, startProcess } from '../support/process.js';

let service: Running | undefined;
afterEach(async () => {
  await service?.stop();
  service = undefined;
});

const rssBytes = (pid: number) => Number(/^VmRSS:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))![1]) * 1024;
const QUERY = '{ serverDomains { __typename ... on ServerDomains { testing published unverified } } }';
const MB = 1024 * 1024;

// A bound, not a timing: the built service in its own process, started as `npm start` and the image start it
// (node-options.env sizes the V8 heap, so that garbage is collected rather than left to grow it, the same on
// every Node version; without it RSS settled 81 MB above its start here), in simulator mode (no token needed;
// in live mode any holder of a read token could do the same). What the service keeps is bounded by its
// budgets (kept answers ≤ 16 MiB, keyed by a digest, never the body); the rest is garbage.
describe('memory under reads padded with unused variables', () => {
  it('400 reads each with ~900 KB of unused variables leave RSS settled less than 64 MB above its start', async () => {
    expect(heapNodeOptions()).toMatch(/--max-semi-space-size=\d+/);
    service = await startProcess(process.execPath, startArgs(), { PORT: '0', SERVER_DOMAINS_CACHE_TTL_MS: '60000' });
    const post = async (body: string) => {
      const response = await fetch(`${service!.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
      expect(response.status).toBe(200);
      return response.text();
    };
    const expected = await post(JSON.stringify({ query: QUERY }));
    // Warm up: the JIT, the pools and the heap's usual size for ordinary reads.
    for (let i = 0; i < 50; i++) await post(JSON.stringify({ query: QUERY, variables: { pad: 'x'.repeat(1000), i } }));
    const before = rssBytes(service.child.pid!);
    const grown: number[] = [];
    for (let i = 1; i <= 400; i++) {
      // Each body differs (a fresh id), so each is a new key for the kept answers.
      const body = JSON.stringify({ query: QUERY, variables: { id: `${i}-${Math.random()}`, pad: 'y'.repeat(900 * 1024) } });
      expect(await post(body)).toBe(expected);
      if (i % 20 === 0) grown.push(rssBytes(service.child.pid!) - before);
    }
    // Settled: what is left once the service has been idle a moment (the bound's definition, not a wait for an event).
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const settled = rssBytes(service.child.pid!) - before;
    const shown = grown.map((bytes) => (bytes / MB).toFixed(0)).join(' ');
    expect(settled, `RSS settled ${(settled / MB).toFixed(1)} MB above its start (every 20 requests: ${shown} MB)`).toBeLessThan(64 * MB);
  }, 120_000);
});
