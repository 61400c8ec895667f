import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { normalizeDomain } from '../../src/domains/normalize.js';
import { type Stack, startStack } from '../support/stack.js';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack({ simulator: { platform: { monthlyQuota: 1_000_000, maxDomains: 1_000_000 } } });
});
afterAll(() => stack?.close());

const UNION_MEMBERS = new Set([
  'ServerDomains',
  'DomainValidationError',
  'InvalidDomainError',
  'DomainCountLimitError',
  'PlatformNotReleasedError',
  'MonthlyQuotaExceededError',
  'SystemBusyError',
  'AccessTokenError',
  'UnknownWechatError',
  'UpstreamUnavailableError',
  'InvalidActionError',
]);

/** Strings a careless or hostile client might send: hosts, URLs, separators, Unicode, control characters. */
const entry = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme' }),
  fc.domain(),
  fc.webUrl(),
  fc
    .tuple(fc.domain(), fc.constantFrom(';', ',', '；', ' ', '\n', ':443', '/x', '?q', '#f', '@', '\u0000'), fc.domain())
    .map((p) => p.join('')),
  fc.ipV4(),
  fc.ipV6(),
  fc.constantFrom('例子.中国', 'ＷＷＷ.ＱＱ.ＣＯＭ', 'xn--zz.com', '*.qq.com', 'a.0x1', '-a.com', 'a..b.com', '.', ''),
);

describe('random mutation inputs', () => {
  it('always end in a typed result or a GraphQL error — never a 500, never an invalid domain upstream', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('addDomains', 'removeDomains', 'setDomains'),
        fc.array(entry, { maxLength: 8 }),
        fc.option(fc.boolean()),
        async (field, domains, publishTogether) => {
          const before = stack.sim.calls.length;
          const { status, text } = await stack.post({
            query: `mutation($input: ${field[0]!.toUpperCase()}${field.slice(1)}Input!) { ${field}(input: $input) { __typename } }`,
            variables: { input: { domains, publishTogether } },
          });
          expect(status).toBeLessThan(500);
          const body = JSON.parse(text) as { data?: Record<string, { __typename: string }>; errors?: unknown[] };
          if (body.errors) {
            expect(status).toBe(400);
          } else {
            expect(UNION_MEMBERS.has(body.data![field]!.__typename)).toBe(true);
          }
          for (const call of stack.sim.calls.slice(before)) {
            if (call.kind !== 'modify' || call.action === 'get') continue;
            for (const sent of (call.wxaServerDomain ?? '').split(';').filter(Boolean)) {
              expect(normalizeDomain(sent)).toEqual({ ok: true, domain: sent });
            }
          }
          if (body.data?.[field]?.__typename === 'DomainValidationError') expect(stack.sim.calls.length).toBe(before);
        },
      ),
      { numRuns: 150 },
    );
  }, 60_000);
});
