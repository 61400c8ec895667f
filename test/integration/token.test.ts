import { afterEach, describe, expect, it } from 'vitest';
import { tokenId } from '../../src/wechat/simulator/server.js';
import { AddDomainsMutation, ServerDomainsQuery } from '../support/operations.js';
import { type Stack, startStack } from '../support/stack.js';

let stack: Stack;
afterEach(() => stack?.close());

const tokenCalls = () => stack.sim.count('token');
const modifyCalls = () => stack.sim.count('modify');

describe('the component_access_token', () => {
  it('is fetched on first use and reused after', async () => {
    stack = await startStack();
    expect(tokenCalls()).toBe(0);
    for (let i = 0; i < 3; i++) expect((await stack.gql(ServerDomainsQuery)).data?.serverDomains.__typename).toBe('ServerDomains');
    expect(tokenCalls()).toBe(1);
    expect(stack.sim.calls[0]?.body).toEqual({
      component_appid: stack.sim.credentials.componentAppId,
      component_appsecret: stack.sim.credentials.componentAppSecret,
      component_verify_ticket: stack.sim.credentials.componentVerifyTicket,
    });
  });

  it('is fetched once for many concurrent first requests', async () => {
    stack = await startStack();
    const results = await Promise.all(Array.from({ length: 10 }, () => stack.gql(ServerDomainsQuery)));
    expect(results.every((r) => r.data?.serverDomains.__typename === 'ServerDomains')).toBe(true);
    expect(tokenCalls()).toBe(1);
  });

  it('is refreshed inside the margin before expiry, not earlier; no call carries an expired token', async () => {
    // One clock for both: the simulator expires tokens by the time the service plans its refresh by.
    stack = await startStack({ clock: 'simulator' });
    const LIFETIME = 7200_000;
    const MARGIN = 10 * 60_000; // src/wechat/token.ts: WeChat's advice, 1 h 50 min of a 2 h token
    await stack.gql(ServerDomainsQuery);
    expect(tokenCalls()).toBe(1);
    const first = stack.sim.issuedTokens[0]!;

    // Just before the margin: the first token is still used, no refresh yet.
    stack.sim.advanceClock(LIFETIME - MARGIN - 1_000);
    expect((await stack.gql(ServerDomainsQuery)).data?.serverDomains.__typename).toBe('ServerDomains');
    expect(tokenCalls()).toBe(1);

    // Inside the margin, a second before the first token expires: refreshed, and the read uses the new one.
    stack.sim.advanceClock(MARGIN - 2_000);
    expect((await stack.gql(ServerDomainsQuery)).data?.serverDomains.__typename).toBe('ServerDomains');
    expect(tokenCalls()).toBe(2);
    const second = stack.sim.issuedTokens[1]!;
    expect(stack.sim.calls.filter((c) => c.kind === 'modify').map((c) => c.tokenId)).toEqual([
      tokenId(first),
      tokenId(first),
      tokenId(second),
    ]);

    // Past the first token's expiry, within the second's: no more refreshes.
    stack.sim.advanceClock(2_000);
    expect((await stack.gql(ServerDomainsQuery)).data?.serverDomains.__typename).toBe('ServerDomains');
    expect(tokenCalls()).toBe(2);
    const modify = stack.sim.calls.filter((c) => c.kind === 'modify');
    expect(modify).toHaveLength(4);
    expect(modify.map((c) => c.tokenState)).toEqual(['valid', 'valid', 'valid', 'valid']);
  });

  it('short lifetimes keep the same proportion: refreshed in the last twelfth, never after expiry', async () => {
    stack = await startStack({ simulator: { tokenTtlSeconds: 120 }, clock: 'simulator' });
    // A read every 5 s across three lifetimes, noting when each token call went out.
    const refreshedAt: number[] = [];
    for (let t = 0; t <= 360; t += 5) {
      if (t > 0) stack.sim.advanceClock(5_000);
      const before = tokenCalls();
      expect((await stack.gql(ServerDomainsQuery)).data?.serverDomains.__typename).toBe('ServerDomains');
      if (tokenCalls() > before) refreshedAt.push(t);
    }
    // Margin 10 s (a twelfth): each token is replaced at 110 s of its 120, none is used expired.
    expect(refreshedAt).toEqual([0, 110, 220, 330]);
    expect(stack.sim.calls.filter((c) => c.kind === 'modify').every((c) => c.tokenState === 'valid')).toBe(true);
  });

  it('refused with 40001 → dropped, refreshed, and the call retried once', async () => {
    stack = await startStack();
    await stack.gql(ServerDomainsQuery);
    stack.sim.revokeTokens();
    // The change's fresh read meets the refusal first: it refreshes, and the change then uses the new token.
    const { data } = await stack.gql(AddDomainsMutation, { input: { domains: ['b.example.com'] } });
    expect(data?.addDomains.__typename).toBe('ServerDomains');
    expect(tokenCalls()).toBe(2);
    expect(stack.sim.count('modify', 'get')).toBe(3);
    expect(stack.sim.count('modify', 'add')).toBe(1);
    expect(stack.sim.platform.settings.testing).toContain('b.example.com');
  });

  it('a change refused with 40001 → refreshed, and the change retried once', async () => {
    stack = await startStack();
    await stack.gql(ServerDomainsQuery);
    stack.sim.injectFault({ action: 'add', errcode: 40001 });
    const { data } = await stack.gql(AddDomainsMutation, { input: { domains: ['b.example.com'] } });
    expect(data?.addDomains.__typename).toBe('ServerDomains');
    expect(tokenCalls()).toBe(2);
    expect(stack.sim.count('modify', 'add')).toBe(2);
    expect(stack.sim.platform.changesThisMonth).toBe(1);
  });

  it.each([40001, 40014, 42001])('refused again (%i) after the refresh → AccessTokenError, no loop', async (errcode) => {
    stack = await startStack();
    stack.sim.injectFault({ action: 'get', errcode, times: 5 });
    const { data } = await stack.gql(ServerDomainsQuery);
    expect(data?.serverDomains).toMatchObject({ __typename: 'AccessTokenError', errcode });
    expect(tokenCalls()).toBe(2);
    expect(modifyCalls()).toBe(2);
  });

  it('a static token WeChat refuses → AccessTokenError after one call, never a token request', async () => {
    stack = await startStack({ credentials: { mode: 'static', accessToken: 'not-a-token-wechat-knows', componentAppId: undefined } });
    const { data } = await stack.gql(ServerDomainsQuery);
    expect(data?.serverDomains).toMatchObject({ __typename: 'AccessTokenError', errcode: 40001 });
    expect(tokenCalls()).toBe(0);
    expect(modifyCalls()).toBe(1);
  });

  it('a static token WeChat knows is used as is', async () => {
    stack = await startStack({
      simulator: { staticTokens: ['central-token-server-token'] },
      credentials: { mode: 'static', accessToken: 'central-token-server-token', componentAppId: undefined },
    });
    const { data } = await stack.gql(ServerDomainsQuery);
    expect(data?.serverDomains.__typename).toBe('ServerDomains');
    expect(tokenCalls()).toBe(0);
  });

  it.each([
    ['a wrong secret', { componentAppSecret: 'wrong' }, 40125, /app secret is invalid/],
    ['a wrong ticket', { componentVerifyTicket: 'wrong' }, 61006, /ticket is invalid/],
    ['a wrong appid', { componentAppId: 'wxwrong' }, 61011, /not a valid third-party platform/],
  ])('%s → AccessTokenError with the token call’s errcode', async (_what, override, errcode, message) => {
    stack = await startStack({ credentials: (sim) => ({ mode: 'component', ...sim.credentials, ...override }) });
    const { data } = await stack.gql(ServerDomainsQuery);
    expect(data?.serverDomains).toMatchObject({ __typename: 'AccessTokenError', errcode });
    expect(data?.serverDomains.__typename === 'AccessTokenError' && data.serverDomains.message).toMatch(message);
    expect(modifyCalls()).toBe(0);
  });

  it.each([
    [61004, /IP whitelist/],
    [61005, /expired/],
  ])('api_component_token errcode %i → AccessTokenError', async (errcode, message) => {
    stack = await startStack();
    stack.sim.injectFault({ on: 'token', errcode });
    const { data } = await stack.gql(ServerDomainsQuery);
    expect(data?.serverDomains).toMatchObject({ __typename: 'AccessTokenError', errcode });
    expect(data?.serverDomains.__typename === 'AccessTokenError' && data.serverDomains.message).toMatch(message);
  });
});
