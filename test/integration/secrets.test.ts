import { afterEach, describe, expect, it } from 'vitest';
import { AddDomainsMutation, ServerDomainsQuery } from '../support/operations.js';
import { type Stack, startStack } from '../support/stack.js';

let stack: Stack;
afterEach(() => stack?.close());

describe('secrets never leave the service', () => {
  it('no app secret, ticket or access token in any response or log line, errors included', async () => {
    stack = await startStack({ timeoutMs: 300 });
    const bodies: string[] = [];
    const send = async (body: unknown) => bodies.push((await stack.post(body)).text);
    await send({ query: '{ serverDomains { __typename } }' });
    stack.sim.revokeTokens(); // forces a 40001, a refresh and a retry
    await send({ query: 'mutation { addDomains(input: { domains: ["b.example.com"] }) { __typename ... on Error { message } } }' });
    stack.sim.injectFault({ action: 'get', errcode: 40001, times: 2 });
    await send({ query: '{ serverDomains { __typename ... on WechatError { errcode errmsg message } } }' });
    for (const fault of [{ drop: true }, { status: 502 }, { brokenBody: true }, { delayMs: 2000 }]) {
      stack.sim.injectFault({ action: 'get', ...fault });
      await send({ query: '{ serverDomains { __typename ... on Error { message } } }' });
    }
    stack.sim.injectFault({ on: 'token', errcode: 61004 });
    stack.sim.revokeTokens();
    await send({ query: '{ serverDomains { __typename ... on WechatError { errcode errmsg message } } }' });
    await send('{ not json');
    await send({ query: '{ nope }' });

    const secrets = [stack.sim.credentials.componentAppSecret, stack.sim.credentials.componentVerifyTicket, ...stack.sim.issuedTokens];
    expect(stack.sim.issuedTokens.length).toBeGreaterThanOrEqual(3);
    const everything = [...bodies, ...stack.logLines];
    expect(stack.logLines.length).toBeGreaterThan(5);
    for (const secret of secrets) {
      for (const text of everything) expect(text).not.toContain(secret);
    }
    // The upstream URL is logged, with its token redacted.
    expect(stack.logLines.some((l) => l.includes('modify_wxa_server_domain?access_token=[redacted]'))).toBe(true);
  });

  it('a static token never shows up either, even when WeChat refuses it', async () => {
    const accessToken = 'static-secret-token-value-123456';
    stack = await startStack({ credentials: { mode: 'static', accessToken, componentAppId: undefined } });
    const read = await stack.post({ query: '{ serverDomains { __typename ... on WechatError { errcode errmsg message } } }' });
    const change = await stack.gql(AddDomainsMutation, { input: { domains: ['b.example.com'] } });
    expect(read.text).toContain('AccessTokenError');
    expect(change.data?.addDomains.__typename).toBe('AccessTokenError');
    for (const text of [read.text, JSON.stringify(change), ...stack.logLines]) expect(text).not.toContain(accessToken);
    expect((await stack.gql(ServerDomainsQuery)).data?.serverDomains.__typename).toBe('AccessTokenError');
  });
});
