import { costLimitRule } from '@escape.tech/graphql-armor-cost-limit';
import { parse, validate } from 'graphql';
import { describe, expect, it } from 'vitest';
import { operationCost } from '../../src/guards/cost-limit.js';
import { schema } from '../../src/schema/index.js';

/** What graphql-armor's own rule finds for a document (it sees literals only). */
const armorCost = (query: string) => {
  let found = Number.NaN;
  const onReject = [(_context: unknown, error: Error) => (found = Number(/found (\d+(?:\.\d+)?)/.exec(error.message)?.[1]))];
  validate(schema, parse(query), [costLimitRule({ maxCost: 0, propagateOnRejection: false, onReject })]);
  return found;
};

describe('operationCost', () => {
  it.each([
    '{ serverDomains { __typename ... on ServerDomains { testing published } ... on Error { message } } }',
    '{ miniPrograms(first: 500) { edges { cursor node { appId status name } } pageInfo { hasNextPage } } }',
    'query { a: miniPrograms(first: 3) { ...page } b: miniPrograms(first: 7) { ...page } } fragment page on MiniProgramConnection { edges { node { appId } } }',
    '{ thirdPartyPlatform { componentAppId miniPrograms(first: 20, status: REVOKED) { edges { node { appId revokedAt } } } } }',
  ])('matches graphql-armor for literals: %s', (query) => {
    expect(operationCost(parse(query), undefined, {})).toBe(armorCost(query));
  });

  it('a variable, given or defaulted, costs what its value as a literal costs', () => {
    const literal = operationCost(parse('{ miniPrograms(first: 120) { edges { node { appId } } } }'), undefined, {});
    expect(operationCost(parse('query($n: Int) { miniPrograms(first: $n) { edges { node { appId } } } }'), undefined, { n: 120 })).toBe(
      literal,
    );
    expect(operationCost(parse('query($n: Int = 120) { miniPrograms(first: $n) { edges { node { appId } } } }'), undefined, {})).toBe(
      literal,
    );
    expect(literal).toBeGreaterThan(100);
  });
});
