import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { envOf, readDockerfile } from '../support/dockerfile.js';
import { type Running, startProcess } from '../support/process.js';

let service: Running | undefined;
afterEach(async () => {
  await service?.stop();
  service = undefined;
});

/** The image's NODE_OPTIONS (Dockerfile), read from it so that the test runs what is deployed. */
const IMAGE_NODE_OPTIONS = envOf(readDockerfile().final).NODE_OPTIONS!;
const rssBytes = (pid: number) => Number(/^VmRSS:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))![1]) * 1024;
const QUERY = '{ serverDomains { __typename ... on ServerDomains { testing published unverified } } }';

// A bound, not a timing: the built service in its own process, as the image runs it (its NODE_OPTIONS size
// the V8 heap, so that garbage is collected rather than left to grow it, the same on every Node version), in
// simulator mode (no token needed; in live mode any holder of a read token could do the same). What the
// service keeps is bounded by its budgets (kept answers ≤ 16 MiB, keyed by a digest, never the body); the
// rest is garbage. RSS is sampled during the attack too: the bound holds at its peak, not only at its end.
describe('memory under reads padded with unused variables', () => {
  it('300 reads each with ~900 KB of unused variables grow RSS by less than 64 MB', async () => {
    service = await startProcess(process.execPath, ['dist/main.js'], {
      PORT: '0',
      SERVER_DOMAINS_CACHE_TTL_MS: '60000',
      NODE_OPTIONS: IMAGE_NODE_OPTIONS,
    });
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
    for (let i = 1; i <= 300; i++) {
      // Each body differs (a fresh id), so each is a new key for the kept answers.
      const body = JSON.stringify({ query: QUERY, variables: { id: `${i}-${Math.random()}`, pad: 'y'.repeat(900 * 1024) } });
      expect(await post(body)).toBe(expected);
      if (i % 20 === 0) grown.push(rssBytes(service.child.pid!) - before);
    }
    const peak = Math.max(...grown);
    const shown = grown.map((bytes) => (bytes / 1024 / 1024).toFixed(0)).join(' ');
    expect(peak, `RSS grew by up to ${(peak / 1024 / 1024).toFixed(1)} MB (every 20 requests: ${shown} MB)`).toBeLessThan(64 * 1024 * 1024);
  }, 120_000);
});
