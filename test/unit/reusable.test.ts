import { parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { dependenciesOf } from '../../src/fast-path/reusable.js';
import { schema } from '../../src/schema/index.js';

const of = (query: string, operationName?: string) => {
  const found = dependenciesOf(schema, parse(query), operationName);
  return found === null ? null : [...found].sort();
};

describe('which answers may be kept: only those whose every field is declared reusable', () => {
  it.each([
    ['a list read', '{ serverDomains { __typename ... on ServerDomains { testing published(form: UNICODE) } } }', ['server-domains']],
    [
      'both lists and the confirmation file',
      '{ serverDomains { __typename } jumpDomains { __typename } jumpDomainConfirmFile { __typename ... on DomainConfirmFile { fileName } } }',
      ['jump-domain-confirm-file', 'jump-domains', 'server-domains'],
    ],
    [
      'error members',
      '{ jumpDomains { ... on Error { message } ... on WechatError { errcode } ... on UpstreamUnavailableError { mayHaveApplied } } }',
      ['jump-domains'],
    ],
    ['the platform entity', '{ thirdPartyPlatform { componentAppId jumpDomains { __typename } } }', ['jump-domains']],
    ['introspection only', '{ __schema { queryType { name } } __typename }', []],
    [
      'through fragments',
      'query Q { ...F } fragment F on Query { serverDomains { ...G } } fragment G on ServerDomains { testing }',
      ['server-domains'],
    ],
  ])('%s → kept, depending on its lists', (_what, query, lists) => {
    expect(of(query)).toEqual(lists);
  });

  it.each([
    ['the journal', '{ serverDomainChanges { edges { node { id } } } }'],
    ['the quota', '{ jumpDomainsQuota { changesThisMonth } }'],
    ['a read beside the quota', '{ serverDomains { __typename } serverDomainsQuota { remainingThisMonth } }'],
    ['the preview', '{ serverDomainsChangePreview(input: { action: ADD, domains: ["a.example.com"] }) { __typename } }'],
    ['federation entities', '{ _entities(representations: []) { __typename } }'],
    ['a mutation', 'mutation { addDomains(input: { domains: ["a.example.com"] }) { __typename } }'],
    ['an undeclared field inside a fragment', '{ ...F } fragment F on Query { serverDomainsQuota { monthlyLimit } }'],
  ])('%s → never kept', (_what, query) => {
    expect(of(query)).toBeNull();
  });

  it('is decided per operation of a document', () => {
    const document = 'query A { serverDomains { __typename } } query B { serverDomainsQuota { monthlyLimit } }';
    expect(of(document, 'A')).toEqual(['server-domains']);
    expect(of(document, 'B')).toBeNull();
  });
});
