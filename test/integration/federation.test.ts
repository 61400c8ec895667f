import { afterEach, describe, expect, it } from 'vitest';
import { SIMULATOR_APPID } from '../../src/wechat/simulator/server.js';
import { type Stack, startStack } from '../support/stack.js';

let stack: Stack;
afterEach(() => stack?.close());

type Body = { data?: any; errors?: { message: string }[] };
const post = async (query: string, variables?: unknown) => JSON.parse((await stack.post({ query, variables })).text) as Body;

const ENTITIES = `query($representations: [_Any!]!) {
  _entities(representations: $representations) {
    __typename
    ... on ThirdPartyPlatform { componentAppId serverDomains { __typename ... on ServerDomains { testing } } }
  }
}`;

describe('the federation subgraph', () => {
  it('serves its SDL through _service, with the @key entity and the federation v2 link', async () => {
    stack = await startStack();
    const { data } = await post('{ _service { sdl } }');
    expect(data._service.sdl).toContain('@link(url: "https://specs.apollo.dev/federation/v2.6"');
    expect(data._service.sdl).toMatch(/type ThirdPartyPlatform\s+@key\(fields: "componentAppId"\)/);
  });

  it('resolves any number of representations of its platform with one upstream get, and others to null', async () => {
    stack = await startStack();
    const ours = { __typename: 'ThirdPartyPlatform', componentAppId: SIMULATOR_APPID };
    const withRootRead = `query($representations: [_Any!]!) {
      _entities(representations: $representations) {
        __typename
        ... on ThirdPartyPlatform { componentAppId serverDomains { __typename ... on ServerDomains { testing } } }
      }
      serverDomains { __typename }
    }`;
    const { data, errors } = await post(withRootRead, {
      representations: [ours, { __typename: 'ThirdPartyPlatform', componentAppId: 'wxother' }, ours, ours],
    });
    expect(errors).toBeUndefined();
    expect(data._entities).toEqual([
      {
        __typename: 'ThirdPartyPlatform',
        componentAppId: SIMULATOR_APPID,
        serverDomains: { __typename: 'ServerDomains', testing: ['api.example.com'] },
      },
      null,
      {
        __typename: 'ThirdPartyPlatform',
        componentAppId: SIMULATOR_APPID,
        serverDomains: { __typename: 'ServerDomains', testing: ['api.example.com'] },
      },
      {
        __typename: 'ThirdPartyPlatform',
        componentAppId: SIMULATOR_APPID,
        serverDomains: { __typename: 'ServerDomains', testing: ['api.example.com'] },
      },
    ]);
    expect(data.serverDomains.__typename).toBe('ServerDomains');
    expect(stack.sim.count('modify', 'get')).toBe(1);
  });

  it('Query.thirdPartyPlatform returns the configured platform', async () => {
    stack = await startStack();
    const { data } = await post('{ thirdPartyPlatform { componentAppId serverDomains { __typename } } }');
    expect(data.thirdPartyPlatform).toEqual({ componentAppId: SIMULATOR_APPID, serverDomains: { __typename: 'ServerDomains' } });
  });

  it('with a static token and no appid: thirdPartyPlatform and every representation are null', async () => {
    stack = await startStack({
      simulator: { staticTokens: ['t'] },
      credentials: { mode: 'static', accessToken: 't', componentAppId: undefined },
    });
    expect((await post('{ thirdPartyPlatform { componentAppId } }')).data.thirdPartyPlatform).toBeNull();
    const { data } = await post(ENTITIES, { representations: [{ __typename: 'ThirdPartyPlatform', componentAppId: SIMULATOR_APPID }] });
    expect(data._entities).toEqual([null]);
    expect(stack.sim.count('modify')).toBe(0);
  });
});
