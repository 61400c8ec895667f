import { afterEach, describe, expect, it } from 'vitest';
import { ChangeMutation, ChangesQuery, DailyQuery, PreviewQuery, UnicodeQuery } from '../support/quota-operations.js';
import { type Stack, startStack } from '../support/stack.js';

let stack: Stack;
afterEach(() => stack?.close());

const platform = { released: true, testing: ['a.example.com', 'b.example.com'], published: ['a.example.com'] };
const changeCalls = () => stack.sim.count('modify', 'add') + stack.sim.count('modify', 'delete') + stack.sim.count('modify', 'set');
const preview = async (action: 'ADD' | 'REMOVE' | 'SET', domains: string[], publishTogether = false) =>
  (await stack.gql(PreviewQuery, { input: { action, domains, publishTogether } })).data?.serverDomainsChangePreview;

describe('serverDomainsQuota.daily: WeChat’s quota/get, at most once a minute', () => {
  it('reports the daily call counts of modify_wxa_server_domain, asking WeChat at most once a minute', async () => {
    let now = Date.parse('2026-06-01T02:00:00Z');
    const clock = () => now;
    stack = await startStack({ clock, simulator: { now: clock, dailyCallLimit: 2000 } });
    await stack.gql(ChangeMutation, { add: ['c.example.com'] }); // a get and an add: two calls today
    const first = (await stack.gql(DailyQuery)).data?.serverDomainsQuota;
    expect(first).toEqual({ remainingThisMonth: 49, daily: { __typename: 'DailyCallQuota', limit: 2000, used: 2, remaining: 1998 } });
    expect(stack.sim.calls.filter((c) => c.kind === 'quota').map((c) => c.body)).toEqual([
      { cgi_path: '/cgi-bin/component/modify_wxa_server_domain' },
    ]);
    await stack.gql(ChangeMutation, { add: ['d.example.com'] });
    now += 59_999;
    expect((await stack.gql(DailyQuery)).data?.serverDomainsQuota.daily).toMatchObject({ used: 2 }); // the same answer
    expect(stack.sim.count('quota')).toBe(1);
    now += 1;
    expect((await stack.gql(DailyQuery)).data?.serverDomainsQuota.daily).toMatchObject({ used: 4, remaining: 1996 });
    expect(stack.sim.count('quota')).toBe(2);
  });

  it.each([
    ['-1 (after the retries)', { errcode: -1, times: 3 }, { __typename: 'SystemBusyError', errcode: -1 }],
    ['76003', { errcode: 76003, errmsg: 'cgi_path not found' }, { __typename: 'UnknownWechatError', errcode: 76003 }],
    ['40001 twice', { errcode: 40001, times: 2 }, { __typename: 'AccessTokenError', errcode: 40001 }],
    ['a 500', { status: 500 }, { __typename: 'UpstreamUnavailableError', mayHaveApplied: false }],
    ['a broken body', { brokenBody: true }, { __typename: 'UpstreamUnavailableError', mayHaveApplied: false }],
  ])('a quota call failing with %s is a member of daily; the rest of the quota answers', async (_what, fault, member) => {
    let now = Date.parse('2026-06-01T02:00:00Z');
    const clock = () => now;
    stack = await startStack({ clock, simulator: { now: clock } });
    stack.sim.injectFault({ on: 'quota', ...fault });
    const { data, errors } = await stack.gql(DailyQuery);
    expect(errors).toBeUndefined();
    expect(data?.serverDomainsQuota).toMatchObject({ remainingThisMonth: 50, daily: member });
    // Within the minute the failure stands (a failing WeChat is not asked again and again)…
    const calls = stack.sim.count('quota');
    expect((await stack.gql(DailyQuery)).data?.serverDomainsQuota.daily).toMatchObject(member);
    expect(stack.sim.count('quota')).toBe(calls);
    // …and the next minute asks again.
    now += 60_000;
    expect((await stack.gql(DailyQuery)).data?.serverDomainsQuota.daily).toMatchObject({ __typename: 'DailyCallQuota' });
  });

  it('the simulator checks the token and answers an unknown cgi_path with 76003, as WeChat does', async () => {
    stack = await startStack({ simulator: { staticTokens: ['tok'] } });
    const quotaGet = async (token: string, body: unknown) =>
      (
        await fetch(`${stack.sim.url}/cgi-bin/openapi/quota/get?access_token=${token}`, { method: 'POST', body: JSON.stringify(body) })
      ).json();
    expect(await quotaGet('nope', { cgi_path: '/cgi-bin/component/modify_wxa_server_domain' })).toMatchObject({ errcode: 40001 });
    expect(await quotaGet('tok', { cgi_path: '/cgi-bin/nope' })).toMatchObject({ errcode: 76003 });
    expect(await quotaGet('tok', {})).toMatchObject({ errcode: 76003 });
    expect(await quotaGet('tok', { cgi_path: '/cgi-bin/component/modify_wxa_server_domain' })).toMatchObject({
      errcode: 0,
      quota: { daily_limit: 1000, used: 0, remain: 1000 },
      rate_limit: { call_count: expect.any(Number), refresh_second: expect.any(Number) },
    });
  });
});

describe('serverDomainsChangePreview: what a change would do, without doing it', () => {
  it.each([
    [
      'ADD',
      ['c.example.com', 'a.example.com'],
      false,
      {
        added: ['c.example.com'],
        removed: [],
        testing: ['a.example.com', 'b.example.com', 'c.example.com'],
        published: ['a.example.com'],
        noOp: false,
        remainingThisMonth: 49,
      },
    ],
    [
      'ADD',
      ['a.example.com'],
      false,
      {
        added: [],
        removed: [],
        testing: ['a.example.com', 'b.example.com'],
        published: ['a.example.com'],
        noOp: true,
        remainingThisMonth: 50,
      },
    ],
    [
      'ADD',
      ['b.example.com'],
      true,
      {
        added: [],
        removed: [],
        testing: ['a.example.com', 'b.example.com'],
        published: ['a.example.com', 'b.example.com'],
        noOp: false,
        remainingThisMonth: 49,
      },
    ],
    [
      'REMOVE',
      ['b.example.com', 'x.example.com'],
      false,
      {
        added: [],
        removed: ['b.example.com'],
        testing: ['a.example.com'],
        published: ['a.example.com'],
        noOp: false,
        remainingThisMonth: 49,
      },
    ],
    [
      'REMOVE',
      ['x.example.com'],
      true,
      {
        added: [],
        removed: [],
        testing: ['a.example.com', 'b.example.com'],
        published: ['a.example.com'],
        noOp: true,
        remainingThisMonth: 50,
      },
    ],
    [
      'SET',
      ['b.example.com', 'c.example.com'],
      false,
      {
        added: ['c.example.com'],
        removed: ['a.example.com'],
        testing: ['b.example.com', 'c.example.com'],
        published: ['a.example.com'],
        noOp: false,
        remainingThisMonth: 49,
      },
    ],
    [
      'SET',
      ['b.example.com', 'a.example.com'],
      false,
      {
        added: [],
        removed: [],
        testing: ['b.example.com', 'a.example.com'],
        published: ['a.example.com'],
        noOp: true,
        remainingThisMonth: 50,
      },
    ],
    [
      'SET',
      [],
      true,
      { added: [], removed: ['a.example.com', 'b.example.com'], testing: [], published: [], noOp: false, remainingThisMonth: 49 },
    ],
  ] as const)('%s %j (publishTogether %s)', async (action, domains, publishTogether, expected) => {
    stack = await startStack({ simulator: { platform } });
    expect(await preview(action, [...domains], publishTogether)).toEqual({ __typename: 'ServerDomainsChangePreview', ...expected });
    expect(changeCalls()).toBe(0);
    expect(stack.sim.platform.changesThisMonth).toBe(0);
    expect((await stack.gql(ChangesQuery, { first: 10 })).data?.serverDomainChanges.edges).toEqual([]); // nothing journaled
  });

  it('agrees with what the mutation then does', async () => {
    stack = await startStack({ simulator: { platform } });
    const predicted = await preview('ADD', ['例子.中国', 'a.example.com']);
    const { data } = await stack.gql(ChangeMutation, { add: ['例子.中国', 'a.example.com'] });
    expect(predicted).toMatchObject({ added: ['xn--fsqu00a.xn--fiqs8s'], noOp: false });
    expect(data?.addDomains).toMatchObject({ __typename: 'ServerDomains', testing: (predicted as { testing: string[] }).testing });
    // Now it is in place: the same change would be a no-op, and one change is spent.
    expect(await preview('ADD', ['例子.中国'])).toMatchObject({ noOp: true, remainingThisMonth: 49 });
  });

  it('a platform never published: published stays null, and publishTogether is never a no-op', async () => {
    stack = await startStack({ simulator: { platform: { released: false, testing: ['a.example.com'], published: null } } });
    expect(await preview('ADD', ['a.example.com'], true)).toMatchObject({ published: null, noOp: false, remainingThisMonth: 49 });
    expect(await preview('ADD', ['a.example.com'], false)).toMatchObject({ published: null, noOp: true });
  });

  it('invalid domains answer DomainValidationError, as the mutations do; ADD needs at least one domain', async () => {
    stack = await startStack({ simulator: { platform } });
    expect(await preview('ADD', ['https://x.example.com'])).toMatchObject({
      __typename: 'DomainValidationError',
      problems: [{ domain: 'https://x.example.com' }],
    });
    expect(await preview('REMOVE', [])).toMatchObject({ __typename: 'DomainValidationError', problems: [] });
    expect(stack.sim.calls).toHaveLength(0);
  });

  it('a failed read answers the read’s error member', async () => {
    stack = await startStack({ simulator: { platform } });
    stack.sim.injectFault({ action: 'get', errcode: -1, times: 3 });
    expect(await preview('ADD', ['c.example.com'])).toMatchObject({ __typename: 'SystemBusyError' });
  });

  it('is computed from the cached state when there is one', async () => {
    stack = await startStack({ cacheTtlMs: 60_000, simulator: { platform } });
    await preview('ADD', ['c.example.com']);
    await preview('SET', ['c.example.com']);
    expect(stack.sim.count('modify', 'get')).toBe(1);
  });
});

describe('form: UNICODE shows domains as people write them', () => {
  it('turns punycode labels back into Unicode; the default stays ASCII', async () => {
    stack = await startStack({
      simulator: { platform: { testing: ['a.example.com', 'xn--fsqu00a.xn--fiqs8s'], published: ['xn--fsqu00a.xn--fiqs8s'] } },
    });
    await stack.gql(ChangeMutation, { add: ['例子.测试', 'b.example.com'] });
    const { data } = await stack.gql(UnicodeQuery);
    expect(data?.serverDomains).toEqual({
      __typename: 'ServerDomains',
      testing: ['a.example.com', 'xn--fsqu00a.xn--fiqs8s', 'xn--fsqu00a.xn--0zwm56d', 'b.example.com'],
      unicode: ['a.example.com', '例子.中国', '例子.测试', 'b.example.com'],
      published: ['例子.中国'],
      unverified: [],
      change: null,
    });
    expect(data?.serverDomainChanges.edges[0]?.node).toEqual({
      domains: ['例子.测试', 'b.example.com'],
      ascii: ['xn--fsqu00a.xn--0zwm56d', 'b.example.com'],
      testing: ['a.example.com', '例子.中国', '例子.测试', 'b.example.com'],
    });
  });
});
