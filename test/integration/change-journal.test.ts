import { afterEach, describe, expect, it } from 'vitest';
import { ServerDomainsQuery } from '../support/operations.js';
import { ChangeMutation, ChangesQuery, QuotaQuery, RemoveMutation, SetMutation } from '../support/quota-operations.js';
import { type Stack, startStack } from '../support/stack.js';
import { mint, TEST_SECRET } from '../support/tokens.js';

let stack: Stack;
afterEach(() => stack?.close());

/** Changes the simulator made (add, delete, set calls that reached it). */
const changeCalls = () => stack.sim.count('modify', 'add') + stack.sim.count('modify', 'delete') + stack.sim.count('modify', 'set');
const journal = async (first = 100) => (await stack.gql(ChangesQuery, { first })).data!.serverDomainChanges.edges.map((e) => e.node);
const quota = async () => (await stack.gql(QuotaQuery)).data!.serverDomainsQuota;
const add = (domains: string[], publishTogether = false) => stack.gql(ChangeMutation, { add: domains, publishTogether });
const remove = (domains: string[], publishTogether = false) => stack.gql(RemoveMutation, { domains, publishTogether });
const set = (domains: string[], publishTogether = false) => stack.gql(SetMutation, { domains, publishTogether });

const platform = { released: true, testing: ['a.example.com', 'b.example.com'], published: ['a.example.com'] };

describe('no-op changes send nothing and spend nothing', () => {
  it.each([
    ['add of domains all present', () => add(['a.example.com', 'B.EXAMPLE.COM'])],
    ['add with publishTogether, present in both lists', () => add(['a.example.com'], true)],
    ['remove of domains none present', () => remove(['x.example.com', 'y.example.com'])],
    ['remove with publishTogether, in neither list', () => remove(['x.example.com'], true)],
    ['set equal as a set (another order, repeats)', () => set(['b.example.com', 'a.example.com', 'a.example.com'])],
    ['set with publishTogether, equal to both', () => set(['a.example.com'], true)],
  ])('%s → ServerDomains with change.effect NO_OP', async (_what, change) => {
    const testing = _what.startsWith('set with') ? ['a.example.com'] : platform.testing;
    stack = await startStack({ simulator: { platform: { ...platform, testing } } });
    const { data } = await change();
    const result = Object.values(data ?? {})[0];
    expect(result).toMatchObject({
      __typename: 'ServerDomains',
      testing,
      published: ['a.example.com'],
      change: { effect: 'NO_OP', outcome: 'ServerDomains', errcode: null, testing, published: ['a.example.com'] },
    });
    expect(changeCalls()).toBe(0);
    expect(stack.sim.count('modify', 'get')).toBe(1); // the fresh read, and nothing else
    expect(stack.sim.platform.changesThisMonth).toBe(0);
    expect(await quota()).toMatchObject({ changesThisMonth: 0, remainingThisMonth: 50 });
    expect((await journal()).map((e) => e.effect)).toEqual(['NO_OP']);
  });

  it.each([
    ['add present in testing but not in published', () => add(['b.example.com'], true)],
    ['remove present in published only', () => remove(['p.example.com'], true)],
    ['set equal to testing but not to published', () => set(['a.example.com', 'b.example.com'], true)],
  ])('%s, with publishTogether → sent and APPLIED', async (_what, change) => {
    stack = await startStack({ simulator: { platform: { ...platform, published: ['a.example.com', 'p.example.com'] } } });
    const { data } = await change();
    expect(Object.values(data ?? {})[0]).toMatchObject({ __typename: 'ServerDomains', change: { effect: 'APPLIED' } });
    expect(changeCalls()).toBe(1);
    expect(stack.sim.platform.changesThisMonth).toBe(1);
  });

  it('publishTogether on a platform never published is never a no-op: WeChat answers 61028, journaled REFUSED', async () => {
    stack = await startStack({ simulator: { platform: { released: false, testing: ['a.example.com'], published: null } } });
    const { data } = await add(['a.example.com'], true);
    expect(data?.addDomains).toMatchObject({ __typename: 'PlatformNotReleasedError', errcode: 61028 });
    expect(stack.sim.count('modify', 'add')).toBe(1);
    expect(await journal()).toMatchObject([{ effect: 'REFUSED', outcome: 'PlatformNotReleasedError', errcode: 61028 }]);
  });

  it('the no-op check reads afresh: never the cached state', async () => {
    stack = await startStack({ cacheTtlMs: 60_000, simulator: { platform } });
    await stack.gql(QuotaQuery);
    expect((await add(['x.example.com'])).data?.addDomains).toMatchObject({ change: { effect: 'APPLIED' } });
    // Removed in WeChat's console: the cache still lists it, WeChat does not.
    stack.sim.platform.handle({ action: 'delete', wxa_server_domain: 'x.example.com' }, Date.now());
    expect((await add(['x.example.com'])).data?.addDomains).toMatchObject({
      change: { effect: 'APPLIED' },
      testing: ['a.example.com', 'b.example.com', 'x.example.com'],
    });
    expect(stack.sim.count('modify', 'add')).toBe(2);
  });

  it('the no-op check never joins a get that started before the change was requested', async () => {
    stack = await startStack({ cacheTtlMs: 60_000, simulator: { platform: { ...platform, testing: ['a.example.com', 'x.example.com'] } } });
    // This get answers with the state of the moment it arrives (x present), 300 ms later.
    stack.sim.injectFault({ action: 'get', delayMs: 300, applyFirst: true });
    const getArrived = stack.sim.nextCall('modify', 'get');
    const slowRead = stack.gql(ServerDomainsQuery);
    await getArrived;
    stack.sim.platform.handle({ action: 'delete', wxa_server_domain: 'x.example.com' }, Date.now());
    const { data } = await add(['x.example.com']);
    expect(data?.addDomains).toMatchObject({ change: { effect: 'APPLIED' }, testing: ['a.example.com', 'x.example.com'] });
    expect((await slowRead).data?.serverDomains).toMatchObject({ testing: ['a.example.com', 'x.example.com'] });
  });
});

describe('the journal: one entry per change that passed validation, written before its answer', () => {
  it('records each effect with its outcome, errcode and the state after, newest first', async () => {
    stack = await startStack({ simulator: { platform } });
    const applied = await add(['c.example.com']);
    await add(['c.example.com']); // NO_OP
    stack.sim.injectFault({ action: 'add', errcode: 65316 });
    await add(['d.example.com']); // REFUSED by WeChat
    stack.sim.injectFault({ action: 'get', errcode: -1, times: 3 });
    expect((await add(['e.example.com'])).data?.addDomains.__typename).toBe('SystemBusyError'); // the fresh read failed: nothing sent
    stack.sim.injectFault({ action: 'delete', drop: true, applyFirst: true });
    expect((await remove(['a.example.com'])).data?.removeDomains.__typename).toBe('UpstreamUnavailableError'); // may have applied
    await add(['bad.invalid']); // REFUSED: WeChat's 9410016
    await add(['not a domain']); // DomainValidationError: not journaled

    const entries = await journal();
    expect(entries.map((e) => [e.action, e.domains, e.effect, e.outcome, e.errcode])).toEqual([
      ['ADD', ['bad.invalid'], 'REFUSED', 'InvalidDomainError', 9410016],
      ['REMOVE', ['a.example.com'], 'UNKNOWN', 'UpstreamUnavailableError', null],
      ['ADD', ['e.example.com'], 'REFUSED', 'SystemBusyError', -1],
      ['ADD', ['d.example.com'], 'REFUSED', 'DomainCountLimitError', 65316],
      ['ADD', ['c.example.com'], 'NO_OP', 'ServerDomains', null],
      ['ADD', ['c.example.com'], 'APPLIED', 'ServerDomains', null],
    ]);
    // The state after, where known; unknown after a failure.
    expect(entries[5]).toMatchObject({ testing: ['a.example.com', 'b.example.com', 'c.example.com'], published: ['a.example.com'] });
    expect(entries[1]).toMatchObject({ testing: null, published: null });
    expect(entries.every((e) => e.caller === null && e.publishTogether === false)).toBe(true);
    // The mutation's answer carries its own entry.
    expect(applied.data?.addDomains).toMatchObject({ change: entries[5] });
    // Ids grow with time; `at` is ISO 8601 UTC.
    const ids = entries.map((e) => e.id);
    expect(new Set(ids).size).toBe(6);
    for (const entry of entries) expect(entry.at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    // APPLIED and UNKNOWN are spent (the UNKNOWN one was in fact applied by the simulator).
    expect(await quota()).toMatchObject({ changesThisMonth: 2, remainingThisMonth: 48 });
    expect(stack.sim.platform.changesThisMonth).toBe(2);
  });

  it('records the caller’s sub; forbidden and unauthenticated calls are not journaled', async () => {
    stack = await startStack({ auth: { mode: 'secret', secret: TEST_SECRET }, simulator: { platform } });
    const writer = { authorization: `Bearer ${await mint({ scope: 'server-domains:write', sub: 'alice@example.com' })}` };
    const reader = { authorization: `Bearer ${await mint({ scope: 'server-domains:read', sub: 'bob' })}` };
    const { data } = await stack.gql(ChangeMutation, { add: ['c.example.com'] }, writer);
    expect(data?.addDomains).toMatchObject({ change: { caller: 'alice@example.com', effect: 'APPLIED' } });
    const forbidden = await stack.gql(ChangeMutation, { add: ['d.example.com'] }, reader);
    expect(forbidden.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await stack.post({ query: 'mutation { addDomains(input: { domains: ["e.example.com"] }) { __typename } }' })).status).toBe(401);
    const entries = (await stack.gql(ChangesQuery, { first: 10 }, reader)).data!.serverDomainChanges.edges.map((e) => e.node);
    expect(entries).toMatchObject([{ caller: 'alice@example.com', domains: ['c.example.com'] }]);
  });

  it('an operation refused for holding several changes is not journaled', async () => {
    stack = await startStack({ simulator: { platform } });
    const { text } = await stack.post({
      query:
        'mutation { a: addDomains(input: { domains: ["c.example.com"] }) { __typename } b: addDomains(input: { domains: ["d.example.com"] }) { __typename } }',
    });
    expect(JSON.parse(text).errors[0].extensions.code).toBe('TOO_MANY_CHANGES');
    expect(await journal()).toEqual([]);
  });
});

describe('the month’s quota, counted from the journal', () => {
  it('the 50th change goes through; the 51st is refused locally, without a call', async () => {
    // A WeChat with a larger quota: only this service's guard can refuse the 51st.
    stack = await startStack({ simulator: { platform: { ...platform, monthlyQuota: 100 } } });
    for (let i = 1; i <= 49; i++) expect((await add([`d${i}.example.com`])).data?.addDomains.__typename).toBe('ServerDomains');
    expect(await quota()).toMatchObject({ monthlyLimit: 50, changesThisMonth: 49, remainingThisMonth: 1 });
    expect((await add(['d50.example.com'])).data?.addDomains).toMatchObject({ change: { effect: 'APPLIED' } });
    expect(await quota()).toMatchObject({ changesThisMonth: 50, remainingThisMonth: 0 });

    const adds = stack.sim.count('modify', 'add');
    const { data } = await add(['d51.example.com']);
    expect(data?.addDomains).toMatchObject({ __typename: 'MonthlyQuotaExceededError', errcode: 45104 });
    expect(data?.addDomains).toMatchObject({
      errmsg: expect.stringMatching(/wxa-server-domains.*own count/),
      message: expect.stringMatching(/This service has counted 50 of the 50/),
    });
    expect(stack.sim.count('modify', 'add')).toBe(adds);
    expect(stack.sim.platform.settings.testing).not.toContain('d51.example.com');
    // The fresh read still runs, and a no-op still answers NO_OP.
    expect((await add(['d1.example.com'])).data?.addDomains).toMatchObject({ change: { effect: 'NO_OP' } });
    expect((await journal(2)).map((e) => [e.effect, e.outcome, e.errcode])).toEqual([
      ['NO_OP', 'ServerDomains', null],
      ['REFUSED', 'MonthlyQuotaExceededError', null],
    ]);
    expect(await quota()).toMatchObject({ changesThisMonth: 50, remainingThisMonth: 0 });
  });

  it('months are China Standard Time months: the count starts again at 00:00 +08:00 (an injected clock)', async () => {
    // 23:50 on 30 November in China; still 15:50 UTC on the 30th.
    let now = Date.parse('2026-11-30T15:50:00Z');
    const clock = () => now;
    stack = await startStack({ clock, monthlyLimit: 2, simulator: { now: clock, platform } });
    await add(['c.example.com']);
    await add(['d.example.com']);
    expect(await quota()).toEqual({
      monthlyLimit: 2,
      changesThisMonth: 2,
      remainingThisMonth: 0,
      monthResetsAt: '2026-12-01T00:00:00+08:00',
    });
    expect((await add(['e.example.com'])).data?.addDomains.__typename).toBe('MonthlyQuotaExceededError');

    now = Date.parse('2026-11-30T15:59:59.999Z');
    expect(await quota()).toMatchObject({ remainingThisMonth: 0 });
    now = Date.parse('2026-11-30T16:00:00Z'); // 1 December, 00:00 in China; still November in UTC
    expect(await quota()).toEqual({
      monthlyLimit: 2,
      changesThisMonth: 0,
      remainingThisMonth: 2,
      monthResetsAt: '2027-01-01T00:00:00+08:00',
    });
    expect((await add(['e.example.com'])).data?.addDomains).toMatchObject({
      change: { effect: 'APPLIED', at: '2026-11-30T16:00:00.000Z' },
    });
    expect(await quota()).toMatchObject({ changesThisMonth: 1, remainingThisMonth: 1 });
  });

  it('a 45104 from WeChat zeroes the rest of the month, across the count, until the next month', async () => {
    let now = Date.parse('2026-03-10T04:00:00Z');
    const clock = () => now;
    // A static token: a month on the simulator's clock would outlive any ticket it issued (12 hours).
    stack = await startStack({
      clock,
      simulator: { now: clock, platform, staticTokens: ['central-token'] },
      credentials: { mode: 'static', accessToken: 'central-token', componentAppId: undefined },
    });
    await add(['c.example.com']);
    stack.sim.injectFault({ action: 'add', errcode: 45104, errmsg: 'modify wxa server domain reach monthly quota limit' });
    const { data } = await add(['d.example.com']);
    expect(data?.addDomains).toMatchObject({ __typename: 'MonthlyQuotaExceededError', errcode: 45104 });
    expect(await quota()).toMatchObject({ changesThisMonth: 1, remainingThisMonth: 0 });
    expect(await journal(1)).toMatchObject([{ effect: 'REFUSED', errcode: 45104 }]);

    const adds = stack.sim.count('modify', 'add');
    const refused = await add(['e.example.com']);
    expect(refused.data?.addDomains).toMatchObject({
      __typename: 'MonthlyQuotaExceededError',
      errmsg: expect.stringMatching(/WeChat answered 45104 earlier this month/),
    });
    expect(stack.sim.count('modify', 'add')).toBe(adds);

    now = Date.parse('2026-03-31T16:00:00Z'); // April in China
    expect(await quota()).toMatchObject({ changesThisMonth: 0, remainingThisMonth: 50 });
    expect((await add(['e.example.com'])).data?.addDomains).toMatchObject({ change: { effect: 'APPLIED' } });
  });
});

describe('serverDomainChanges: a Relay connection, newest first', () => {
  it('pages over 150 entries with cursors that name entries, while new changes arrive', async () => {
    stack = await startStack({ auth: { mode: 'secret', secret: TEST_SECRET }, simulator: { platform } });
    const reader = { authorization: `Bearer ${await mint({ scope: 'server-domains:read', sub: 'reader' })}` };
    const addAs = async (caller: string, domain: string) => {
      const writer = { authorization: `Bearer ${await mint({ scope: 'server-domains:write', sub: caller })}` };
      expect((await stack.gql(ChangeMutation, { add: [domain] }, writer)).data?.addDomains.__typename).toBe('ServerDomains');
    };
    // A mix of applied changes and no-ops (every entry counts).
    for (let i = 0; i < 150; i++) await addAs(`pager${i}`, i % 5 === 0 ? `p${i}.example.com` : 'a.example.com');
    const seen: string[] = [];
    const callers: string[] = [];
    let after: string | undefined;
    for (let page = 0; ; page++) {
      const { data, errors } = await stack.gql(ChangesQuery, { first: 40, after }, reader);
      expect(errors).toBeUndefined();
      const { edges, pageInfo } = data!.serverDomainChanges;
      for (const edge of edges) {
        expect(edge.cursor).toBe(edge.node.id);
        seen.push(edge.node.id);
        callers.push(edge.node.caller!);
      }
      expect(pageInfo.hasPreviousPage).toBe(after !== undefined);
      expect(pageInfo.endCursor).toBe(edges.at(-1)?.cursor);
      if (page === 0) {
        // New changes arrive between pages: the next page still starts right after this one.
        for (let i = 0; i < 3; i++) await addAs('late', `late${i}.example.com`);
      }
      if (!pageInfo.hasNextPage) break;
      after = pageInfo.endCursor!;
    }
    expect(seen).toHaveLength(150);
    expect(new Set(seen).size).toBe(150);
    expect(callers).toEqual(Array.from({ length: 150 }, (_, i) => `pager${149 - i}`));
    // The newest first from the start again: the late ones lead.
    const newest = (await stack.gql(ChangesQuery, { first: 4 }, reader)).data!.serverDomainChanges.edges;
    expect(newest.map((e) => e.node.caller)).toEqual(['late', 'late', 'late', 'pager149']);
  });

  it('first defaults to 20; first outside 1..100 and unknown cursors are BAD_USER_INPUT', async () => {
    stack = await startStack({ simulator: { platform } });
    for (let i = 0; i < 25; i++) expect((await add(['a.example.com'])).data?.addDomains).toMatchObject({ change: { effect: 'NO_OP' } });
    const { data } = await stack.gql(ChangesQuery, {});
    expect(data?.serverDomainChanges.edges).toHaveLength(20);
    expect(data?.serverDomainChanges.pageInfo.hasNextPage).toBe(true);
    for (const variables of [{ first: 0 }, { first: 101 }, { first: -1 }, { after: 'nope' }, { after: '1-0' }, { after: '' }]) {
      const result = await stack.gql(ChangesQuery, variables);
      expect(result.errors?.[0]?.extensions?.code, JSON.stringify(variables)).toBe('BAD_USER_INPUT');
      expect(result.data).toBeNull();
    }
    expect((await stack.gql(ChangesQuery, { first: 100 })).data?.serverDomainChanges.edges).toHaveLength(25);
  });
});
