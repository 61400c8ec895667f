import { describe, expect, it } from 'vitest';
import { MAX_REMEMBER_MS, VerifiedTokens } from '../../src/fast-path/verified-tokens.js';

const READ = { scope: 'server-domains:read' };
const token = (i: number) => `token-${i}-${'x'.repeat(200)}`;

describe('VerifiedTokens', () => {
  it('remembers a token until its exp, on the service clock', () => {
    let now = 1_800_000_000_000;
    const tokens = new VerifiedTokens({ now: () => now });
    tokens.remember(token(1), { ...READ, sub: 'alice', exp: now / 1000 + 60 });
    expect(tokens.lookup(token(1))).toMatchObject({ scopes: 'r-', subject: 'alice' });
    now += 59_999;
    expect(tokens.lookup(token(1))).toBeDefined();
    now += 1;
    expect(tokens.lookup(token(1))).toBeUndefined();
    expect(tokens.size).toBe(0);
  });

  it('remembers a token without exp for MAX_REMEMBER_MS at most, and never one not yet valid', () => {
    let now = 1_800_000_000_000;
    const tokens = new VerifiedTokens({ now: () => now });
    tokens.remember(token(1), READ);
    tokens.remember(token(2), { ...READ, nbf: now / 1000 + 10 });
    expect(tokens.lookup(token(2))).toBeUndefined();
    now += MAX_REMEMBER_MS - 1;
    expect(tokens.lookup(token(1))).toBeDefined();
    now += 1;
    expect(tokens.lookup(token(1))).toBeUndefined();
  });

  it('stays within its byte budget, the least recently used out first', () => {
    const tokens = new VerifiedTokens({ budgetBytes: 4_000 });
    for (let i = 0; i < 20; i++) tokens.remember(token(i), READ);
    const kept = tokens.size;
    expect(kept).toBeGreaterThan(5);
    expect(kept).toBeLessThan(20);
    expect(tokens.bytes).toBeLessThanOrEqual(4_000);
    const oldestKept = 20 - kept;
    // Looked up now, the oldest kept token is the most recently used: the next one in pushes out the one after it.
    expect(tokens.lookup(token(oldestKept))).toBeDefined();
    tokens.remember(token(20), READ);
    expect(tokens.lookup(token(oldestKept))).toBeDefined();
    expect(tokens.lookup(token(oldestKept + 1))).toBeUndefined();
    expect(tokens.lookup(token(20))).toBeDefined();
  });
});
