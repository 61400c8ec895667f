import { describe, expect, it } from 'vitest';
import { type CachedResponse, RESPONSE_BUDGET_BYTES, ResponseCache } from '../../src/fast-path/response-cache.js';

const answer = (bytes: number): CachedResponse => ({
  body: Buffer.alloc(bytes, 'x'),
  headers: { 'content-type': 'application/json', 'content-length': String(bytes) },
  reads: [],
  operationName: undefined,
  logFields: '',
});
const key = (i: number) => ResponseCache.key('application/json', '', 'r-', ResponseCache.digest(Buffer.from(`{"query":"{ a }","n":${i}}`)));

describe('ResponseCache', () => {
  it('a key stands for the body by its digest, never the body itself', () => {
    const body = Buffer.from(JSON.stringify({ query: '{ serverDomains { __typename } }', variables: { pad: 'y'.repeat(100_000) } }));
    const k = ResponseCache.key('application/json', 'https://admin.example.com', 'rw', ResponseCache.digest(body));
    expect(k.length).toBeLessThan(120);
    expect(k).not.toContain('yyyy');
  });

  it('admits a request the second time it comes, and one already kept at once', () => {
    const cache = new ResponseCache();
    expect(cache.admit(key(1))).toBe(false);
    expect(cache.admit(key(2))).toBe(false);
    expect(cache.admit(key(1))).toBe(true);
    cache.set(key(1), answer(10));
    // Kept: a new answer for it (the state moved on) replaces it without a second sighting.
    expect(cache.admit(key(1))).toBe(true);
    // Seen once is forgotten once admitted: the next one-off sighting starts again.
    expect(cache.admit(key(2))).toBe(true);
  });

  it('remembers what it saw once within a budget: a flood of one-off requests keeps nothing and grows nothing', () => {
    const cache = new ResponseCache();
    for (let i = 0; i < 200_000; i++) expect(cache.admit(key(i))).toBe(false);
    expect(cache.size).toBe(0);
    // The oldest sightings went to stay within the budget (1 MiB of keys): key 0 is new again.
    expect(cache.admit(key(0))).toBe(false);
    expect(cache.admit(key(199_999))).toBe(true);
  });

  it('keeps answers within its byte budget, oldest out first', () => {
    const cache = new ResponseCache();
    const size = 200 * 1024;
    const count = Math.ceil((2 * RESPONSE_BUDGET_BYTES) / size);
    for (let i = 0; i < count; i++) cache.set(key(i), answer(size));
    expect(cache.bytes).toBeLessThanOrEqual(RESPONSE_BUDGET_BYTES);
    expect(cache.get(key(0))).toBeUndefined();
    expect(cache.get(key(count - 1))).toBeDefined();
  });
});
