import { type GraphQLObjectType, type GraphQLUnionType, validateSchema } from 'graphql';
import { describe, expect, it } from 'vitest';
import { schema } from '../../src/schema/index.js';

const members = (name: string) =>
  (schema.getType(name) as GraphQLUnionType)
    .getTypes()
    .map((t) => t.name)
    .sort();

const ALL_ERRORS = [
  'AccessTokenError',
  'DomainCountLimitError',
  'DomainValidationError',
  'InvalidActionError',
  'InvalidDomainError',
  'MonthlyQuotaExceededError',
  'PlatformNotReleasedError',
  'SystemBusyError',
  'UnknownWechatError',
  'UpstreamUnavailableError',
];

describe('the built schema', () => {
  it('is valid (interfaces, unions and their members)', () => {
    expect(validateSchema(schema)).toEqual([]);
  });

  it('lists every error type in each mutation union, with ServerDomains directly', () => {
    for (const union of ['MutationAddDomainsResult', 'MutationRemoveDomainsResult', 'MutationSetDomainsResult']) {
      expect(members(union)).toEqual([...ALL_ERRORS, 'ServerDomains'].sort());
    }
  });

  it('lists the read errors in the query union', () => {
    expect(members('QueryServerDomainsResult')).toEqual(
      expect.arrayContaining(['ServerDomains', 'SystemBusyError', 'AccessTokenError', 'UnknownWechatError', 'UpstreamUnavailableError']),
    );
    expect(members('QueryServerDomainsResult')).not.toContain('DomainValidationError');
  });

  it('makes every WechatError member implement both Error and WechatError', () => {
    const wechat = ALL_ERRORS.filter((n) => !['DomainValidationError', 'UpstreamUnavailableError'].includes(n));
    for (const name of wechat) {
      const type = schema.getType(name) as GraphQLObjectType;
      expect(
        type
          .getInterfaces()
          .map((i) => i.name)
          .sort(),
      ).toEqual(['Error', 'WechatError']);
    }
  });
});
