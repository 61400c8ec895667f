import { afterEach, describe, expect, it } from 'vitest';
import { AddDomainsMutation, ServerDomainsQuery, ThreeReadsQuery } from '../support/operations.js';
import { sample } from '../support/prometheus.js';
import { type Stack, startStack } from '../support/stack.js';
import { mint, TEST_SECRET } from '../support/tokens.js';

let stack: Stack;
afterEach(() => stack?.close());

const logs = () => stack.logLines.map((l) => JSON.parse(l) as Record<string, any>);

describe('/metrics', () => {
  it('counts GraphQL requests, upstream calls by action and outcome, their durations, and token refreshes', async () => {
    stack = await startStack();
    await stack.gql(ServerDomainsQuery);
    await stack.gql(ThreeReadsQuery);
    await stack.gql(AddDomainsMutation, { input: { domains: ['b.example.com'] } });
    stack.sim.injectFault({ action: 'add', errcode: 45104 });
    await stack.gql(AddDomainsMutation, { input: { domains: ['c.example.com'] } });
    stack.sim.injectFault({ action: 'get', status: 500 });
    await stack.gql(ServerDomainsQuery);

    const response = await fetch(`${stack.url}/metrics`);
    expect(response.status).toBe(200);
    const text = await response.text();
    // Two reads, and each change's fresh read.
    expect(sample(text, 'wechat_upstream_requests_total', { action: 'get', outcome: 'ok' })).toBe(4);
    expect(sample(text, 'wechat_upstream_requests_total', { action: 'get', outcome: 'unavailable' })).toBe(1);
    expect(sample(text, 'wechat_upstream_requests_total', { action: 'add', outcome: 'ok' })).toBe(1);
    expect(sample(text, 'wechat_upstream_requests_total', { action: 'add', outcome: '45104' })).toBe(1);
    expect(sample(text, 'wechat_upstream_request_duration_seconds_count', { action: 'get' })).toBe(5);
    expect(sample(text, 'wechat_upstream_request_duration_seconds_count', { action: 'add' })).toBe(2);
    expect(sample(text, 'wechat_token_refreshes_total')).toBe(1);
    expect(sample(text, 'graphql_envelop_request', { operationType: 'mutation' })).toBe(2);
    expect(sample(text, 'graphql_envelop_request_duration_count', { operationName: 'ThreeReads' })).toBe(1);
    expect(sample(text, 'graphql_envelop_request_duration_count')).toBe(5);
    expect(sample(text, 'graphql_envelop_error_result', {})).toBeUndefined();
    expect(sample(text, 'wechat_server_domain_changes_total', { effect: 'APPLIED' })).toBe(1);
    expect(sample(text, 'wechat_server_domain_changes_total', { effect: 'REFUSED' })).toBe(1);
    expect(sample(text, 'wechat_server_domain_changes_total', { effect: 'NO_OP' })).toBe(0);
    expect(sample(text, 'wechat_server_domain_changes_total', { effect: 'UNKNOWN' })).toBe(0);
    // WeChat answered 45104: nothing is left this month, whatever this service counted.
    expect(sample(text, 'server_domains_changes_remaining_this_month')).toBe(0);
  });
});

describe('/ready', () => {
  it('200 when a token can be had, without changing anything', async () => {
    stack = await startStack();
    const response = await fetch(`${stack.url}/ready`);
    expect(response.status).toBe(200);
    expect(stack.sim.count('token')).toBe(1);
    expect(stack.sim.count('modify')).toBe(0);
    expect((await fetch(`${stack.url}/ready`)).status).toBe(200);
    expect(stack.sim.count('token')).toBe(1);
  });

  it('503 with a one-line reason when the token cannot be had, and remembers it for a while', async () => {
    stack = await startStack({ credentials: (sim) => ({ mode: 'component', ...sim.credentials, componentVerifyTicket: 'stale' }) });
    const response = await fetch(`${stack.url}/ready`);
    expect(response.status).toBe(503);
    const text = await response.text();
    expect(text.trim().split('\n')).toHaveLength(1);
    expect(text).toMatch(/^not ready: .*ticket is invalid/);
    expect(text).not.toContain(stack.sim.credentials.componentAppSecret);
    expect((await fetch(`${stack.url}/ready`)).status).toBe(503);
    expect(stack.sim.count('token')).toBe(1);
  });

  it('/health stays 200 and never calls WeChat, even when WeChat is down', async () => {
    stack = await startStack({ baseUrl: 'http://127.0.0.1:9' });
    expect((await fetch(`${stack.url}/health`)).status).toBe(200);
    expect((await fetch(`${stack.url}/ready`)).status).toBe(503);
  });
});

describe('structured request logs', () => {
  it('one JSON line per request: operation, duration, upstream calls with outcomes, caller subject; no secrets', async () => {
    stack = await startStack({ auth: { mode: 'secret', secret: TEST_SECRET } });
    const token = await mint({ scope: 'server-domains:write', sub: 'alice@example.com' });
    await stack.gql(ThreeReadsQuery, {}, { authorization: `Bearer ${token}` });
    stack.sim.injectFault({ action: 'add', errcode: -1 });
    await stack.gql(AddDomainsMutation, { input: { domains: ['b.example.com'] } }, { authorization: `Bearer ${token}` });
    await stack.post({ query: '{ serverDomains { __typename } }' });

    const requests = logs().filter((l) => l.msg === 'request');
    expect(requests).toHaveLength(3);
    const [read, change, refused] = requests;
    expect(read).toMatchObject({
      level: 30,
      method: 'POST',
      path: '/graphql',
      status: 200,
      operationName: 'ThreeReads',
      operationType: 'query',
      caller: 'alice@example.com',
      upstream: [{ action: 'get', outcome: 'ok' }],
    });
    expect(typeof read!.ms).toBe('number');
    expect(change).toMatchObject({
      operationName: 'AddDomains',
      operationType: 'mutation',
      upstream: [
        { action: 'get', outcome: 'ok' },
        { action: 'add', outcome: -1 },
        { action: 'add', outcome: 'ok' },
      ],
    });
    expect(refused).toMatchObject({ status: 401 });
    expect(refused!.caller).toBeUndefined();
    for (const line of stack.logLines) {
      expect(line).not.toContain(token);
      expect(line).not.toContain(TEST_SECRET);
      for (const issued of stack.sim.issuedTokens) expect(line).not.toContain(issued);
    }
  });
});
