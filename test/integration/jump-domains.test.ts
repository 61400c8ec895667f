import { afterEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../support/clock.js';
import {
  AddJumpMutation,
  ConfirmFileQuery,
  JumpChangesQuery,
  JumpDomainsQuery,
  JumpPreviewQuery,
  JumpQuotaQuery,
  PlatformListsQuery,
  RemoveJumpMutation,
  SetJumpMutation,
} from '../support/jump-operations.js';
import { sample } from '../support/prometheus.js';
import { ChangesQuery, QuotaQuery } from '../support/quota-operations.js';
import { type Stack, type StackOptions, startStack } from '../support/stack.js';

let stack: Stack;
afterEach(() => stack?.close());

const JUMP_PATH_BODY_FIELD = 'wxa_jump_h5_domain';
const jumpDomains = { released: true, testing: ['a.example.com', 'b.example.com'], published: ['a.example.com'] };

const start = (options: StackOptions = {}) =>
  startStack({ ...options, simulator: { jumpDomains, ...options.simulator } }).then((started) => {
    stack = started;
    return started;
  });

const add = (domains: string[], publishTogether = false) => stack.gql(AddJumpMutation, { domains, publishTogether });
const remove = (domains: string[], publishTogether = false) => stack.gql(RemoveJumpMutation, { domains, publishTogether });
const set = (domains: string[], publishTogether = false) => stack.gql(SetJumpMutation, { domains, publishTogether });
const jumpJournal = async () => (await stack.gql(JumpChangesQuery, { first: 100 })).data!.jumpDomainChanges.edges.map((e) => e.node);
const jumpQuota = async () => (await stack.gql(JumpQuotaQuery)).data!.jumpDomainsQuota;
const jumpChanges = () => ['add', 'delete', 'set'].reduce((sum, action) => sum + stack.sim.count('jump', action), 0);
const serverCalls = () => stack.sim.count('modify');

describe('the wire format of modify_wxa_jump_domain, as the simulator receives it', () => {
  it('a read is one action get on the jump path; its three lists are split on ";"', async () => {
    await start({ simulator: { jumpDomains: { ...jumpDomains, testing: ['a.example.com', 'x.test'] } } });
    const { data } = await stack.gql(JumpDomainsQuery);
    expect(data?.jumpDomains).toEqual({
      __typename: 'JumpDomains',
      testing: ['a.example.com', 'x.test'],
      published: ['a.example.com'],
      unverified: ['x.test'],
      unicode: ['a.example.com', 'x.test'],
      change: null,
    });
    expect(stack.sim.calls.map((c) => [c.kind, c.body])).toEqual([
      ['token', expect.anything()],
      ['jump', { action: 'get' }],
    ]);
    expect(serverCalls()).toBe(0);
  });

  it.each([
    ['add', () => add(['C.example.com', 'c.example.com', 'd.example.com']), 'c.example.com;d.example.com', false],
    ['delete', () => remove(['b.example.com'], true), 'b.example.com', true],
    ['set', () => set(['a.example.com', 'e.example.com']), 'a.example.com;e.example.com', false],
  ])('%s: normalised domains joined with ";", is_modify_published_together always sent', async (action, change, joined, together) => {
    await start();
    const { data } = await change();
    expect(Object.values(data ?? {})[0]).toMatchObject({
      __typename: 'JumpDomains',
      change: { effect: 'APPLIED', outcome: 'JumpDomains' },
    });
    const sent = stack.sim.calls.filter((c) => c.kind === 'jump' && c.action === action);
    expect(sent.map((c) => c.body)).toEqual([{ action, [JUMP_PATH_BODY_FIELD]: joined, is_modify_published_together: together }]);
    // The fresh read before the change, and nothing of the server domains' API.
    expect(stack.sim.count('jump', 'get')).toBe(1);
    expect(serverCalls()).toBe(0);
  });

  it('set [] clears the testing list; the answer is what WeChat answered', async () => {
    await start();
    const { data } = await set([]);
    expect(data?.setJumpDomains).toMatchObject({ __typename: 'JumpDomains', testing: [], published: ['a.example.com'] });
    expect(stack.sim.jumpDomains.settings.testing).toEqual([]);
  });

  it('ThirdPartyPlatform holds both lists, each read once', async () => {
    await start();
    const { data } = await stack.gql(PlatformListsQuery);
    expect(data?.thirdPartyPlatform).toEqual({
      componentAppId: stack.sim.credentials.componentAppId,
      serverDomains: { __typename: 'ServerDomains', testing: ['api.example.com'] },
      jumpDomains: { __typename: 'JumpDomains', testing: jumpDomains.testing },
    });
    expect(stack.sim.count('jump', 'get')).toBe(1);
    expect(stack.sim.count('modify', 'get')).toBe(1);
  });
});

describe('invalid input sends nothing at all, not even the fresh get', () => {
  it.each([
    ['a scheme', ['https://a.example.com'], 1],
    ['a path and a bad one', ['a.example.com/x', '-bad-.example.com', 'ok.example.com'], 2],
    ['an IP address', ['10.0.0.1'], 1],
  ])('%s → DomainValidationError naming each bad entry', async (_what, domains, problems) => {
    await start();
    const { data } = await add(domains);
    expect(data?.addJumpDomains.__typename).toBe('DomainValidationError');
    if (data?.addJumpDomains.__typename !== 'DomainValidationError') return;
    expect(data.addJumpDomains.problems).toHaveLength(problems);
    expect(data.addJumpDomains.message).toMatch(/business domain/);
    expect(stack.sim.calls.filter((c) => c.kind !== 'token')).toEqual([]);
    expect(await jumpJournal()).toEqual([]);
  });

  it('1 to 300 domains for add and remove, 0 to 300 for set (WeChat documents 300)', async () => {
    await start();
    const many = Array.from({ length: 301 }, (_, i) => `d${i}.example.com`);
    for (const result of [await add([]), await remove([]), await set(many), await add(many)]) {
      const member = Object.values(result.data ?? {})[0] as { __typename: string; message?: string };
      expect(member.__typename).toBe('DomainValidationError');
      expect(member.message).toMatch(/between [01] and 300/);
    }
    expect(stack.sim.calls.filter((c) => c.kind !== 'token')).toEqual([]);
    expect((await set(many.slice(0, 300))).data?.setJumpDomains.__typename).toBe('JumpDomains');
  });
});

describe("every errcode of WeChat's answer is its union member", () => {
  it.each([
    [-1, 'SystemBusyError'],
    [61028, 'PlatformNotReleasedError'],
    [65316, 'DomainCountLimitError'],
    [45104, 'MonthlyQuotaExceededError'],
    [40052, 'InvalidActionError'],
    [9410016, 'InvalidDomainError'],
    [48001, 'UnknownWechatError'],
  ])('errcode %i on an add → %s, journaled REFUSED with the errcode', async (errcode, typename) => {
    await start();
    stack.sim.injectFault({ on: 'jump', action: 'add', errcode, errmsg: `scripted ${errcode}`, times: 3 });
    const { data } = await add(['c.example.com']);
    expect(data?.addJumpDomains).toMatchObject({ __typename: typename, errcode, errmsg: `scripted ${errcode}` });
    expect((await jumpJournal()).map((e) => [e.effect, e.outcome, e.errcode])).toEqual([['REFUSED', typename, errcode]]);
    expect(serverCalls()).toBe(0);
  });

  it('-1 on an add says WeChat also answers it when the confirmation file cannot be fetched; not on a removal', async () => {
    await start();
    // The simulator cannot fetch the file from a domain whose first label is `nofile`.
    const { data } = await add(['nofile.example.com']);
    expect(data?.addJumpDomains).toMatchObject({ __typename: 'SystemBusyError', errcode: -1 });
    expect(data?.addJumpDomains.__typename === 'SystemBusyError' && data.addJumpDomains.message).toMatch(/confirmation file/);
    stack.sim.injectFault({ on: 'jump', action: 'delete', errcode: -1, times: 3 });
    const removed = (await remove(['a.example.com'])).data?.removeJumpDomains;
    expect(removed?.__typename).toBe('SystemBusyError');
    expect(removed?.__typename === 'SystemBusyError' && removed.message).not.toMatch(/confirmation file/);
  });

  it('a failing read answers its member and is never kept', async () => {
    await start({ cacheTtlMs: 60_000 });
    stack.sim.injectFault({ on: 'jump', action: 'get', errcode: 48001 });
    expect((await stack.gql(JumpDomainsQuery)).data?.jumpDomains).toMatchObject({ __typename: 'UnknownWechatError', errcode: 48001 });
    expect((await stack.gql(JumpDomainsQuery)).data?.jumpDomains.__typename).toBe('JumpDomains');
    expect(stack.sim.count('jump', 'get')).toBe(2);
  });
});

describe('what the core gives every list, the business domains have too', () => {
  it.each([
    ['add of domains all present', () => add(['a.example.com', 'B.example.com'])],
    ['remove of absent domains', () => remove(['x.example.com'])],
    ['set equal as a set', () => set(['b.example.com', 'a.example.com'])],
  ])('%s: NO_OP, nothing sent, journaled, nothing counted', async (_what, change) => {
    await start();
    const { data } = await change();
    expect(Object.values(data ?? {})[0]).toMatchObject({ __typename: 'JumpDomains', change: { effect: 'NO_OP', outcome: 'JumpDomains' } });
    expect(jumpChanges()).toBe(0);
    expect(stack.sim.count('jump', 'get')).toBe(1);
    expect(await jumpQuota()).toMatchObject({ monthlyLimit: null, changesThisMonth: 0, remainingThisMonth: null });
  });

  it('the preview computes without sending; its remaining count is null without a limit', async () => {
    await start();
    const { data } = await stack.gql(JumpPreviewQuery, { input: { action: 'ADD', domains: ['c.example.com', 'a.example.com'] } });
    expect(data?.jumpDomainsChangePreview).toEqual({
      __typename: 'JumpDomainsChangePreview',
      added: ['c.example.com'],
      removed: [],
      testing: ['a.example.com', 'b.example.com', 'c.example.com'],
      published: ['a.example.com'],
      noOp: false,
      remainingThisMonth: null,
    });
    const bad = await stack.gql(JumpPreviewQuery, { input: { action: 'SET', domains: ['https://x.example.com'] } });
    expect(bad.data?.jumpDomainsChangePreview.__typename).toBe('DomainValidationError');
    expect(jumpChanges()).toBe(0);
    expect(await jumpJournal()).toEqual([]);
  });

  it('JUMP_DOMAINS_MONTHLY_LIMIT: the local guard refuses past it, nothing sent; the preview and the gauge count down', async () => {
    await start({ jumpMonthlyLimit: 2 });
    const preview = await stack.gql(JumpPreviewQuery, { input: { action: 'ADD', domains: ['c.example.com'] } });
    expect(preview.data?.jumpDomainsChangePreview).toMatchObject({ remainingThisMonth: 1 });
    expect((await add(['c.example.com'])).data?.addJumpDomains.__typename).toBe('JumpDomains');
    expect((await add(['d.example.com'])).data?.addJumpDomains.__typename).toBe('JumpDomains');
    expect(await jumpQuota()).toMatchObject({ monthlyLimit: 2, changesThisMonth: 2, remainingThisMonth: 0 });
    const refused = (await add(['e.example.com'])).data?.addJumpDomains;
    expect(refused).toMatchObject({ __typename: 'MonthlyQuotaExceededError', errcode: 45104 });
    expect(refused?.__typename === 'MonthlyQuotaExceededError' && refused.message).toMatch(/business-domain/);
    expect(stack.sim.count('jump', 'add')).toBe(2);
    // A no-op is still answered: it spends nothing.
    expect((await add(['c.example.com'])).data?.addJumpDomains).toMatchObject({ change: { effect: 'NO_OP' } });
    const metrics = await (await fetch(`${stack.url}/metrics`)).text();
    expect(sample(metrics, 'jump_domains_changes_remaining_this_month')).toBe(0);
    expect(sample(metrics, 'wechat_jump_domain_changes_total', { effect: 'APPLIED' })).toBe(2);
    expect(sample(metrics, 'wechat_jump_domain_changes_total', { effect: 'REFUSED' })).toBe(1);
    expect(sample(metrics, 'wechat_server_domain_changes_total', { effect: 'APPLIED' })).toBe(0);
  });

  it('without a limit there is no remaining-changes gauge for the list', async () => {
    await start();
    const metrics = await (await fetch(`${stack.url}/metrics`)).text();
    expect(sample(metrics, 'jump_domains_changes_remaining_this_month')).toBeUndefined();
    expect(sample(metrics, 'server_domains_changes_remaining_this_month')).toBe(50);
  });

  it("without a limit, WeChat's 45104 makes the rest of the month 0: later changes are refused locally until the month ends", async () => {
    const clock = new ManualClock(Date.parse('2026-12-10T04:00:00Z'));
    await start({ clock });
    stack.sim.injectFault({ on: 'jump', action: 'add', errcode: 45104, errmsg: 'reach monthly quota limit' });
    expect((await add(['c.example.com'])).data?.addJumpDomains).toMatchObject({
      __typename: 'MonthlyQuotaExceededError',
      errmsg: 'reach monthly quota limit',
    });
    expect(await jumpQuota()).toMatchObject({ monthlyLimit: null, remainingThisMonth: 0 });
    const local = (await add(['d.example.com'])).data?.addJumpDomains;
    expect(local).toMatchObject({ __typename: 'MonthlyQuotaExceededError', errcode: 45104 });
    expect(local?.__typename === 'MonthlyQuotaExceededError' && local.errmsg).toMatch(/not sent by wxa-server-domains/);
    expect(stack.sim.count('jump', 'add')).toBe(1);
    // The server domains' month is untouched by the other list's 45104.
    expect((await stack.gql(QuotaQuery)).data?.serverDomainsQuota).toMatchObject({ remainingThisMonth: 50 });
    // The next month in China Standard Time starts afresh.
    clock.advance(Date.parse('2026-12-31T16:00:00Z') - clock.now());
    expect(await jumpQuota()).toMatchObject({ remainingThisMonth: null, changesThisMonth: 0 });
    expect((await add(['d.example.com'])).data?.addJumpDomains.__typename).toBe('JumpDomains');
  });

  it('its own journal, paged by cursor newest first; the server domains journal stays empty', async () => {
    await start();
    for (const domain of ['c', 'd', 'e'].map((l) => `${l}.example.com`)) await add([domain]);
    await add(['c.example.com']); // NO_OP
    const first = (await stack.gql(JumpChangesQuery, { first: 2 })).data!.jumpDomainChanges;
    expect(first.edges.map((e) => [e.node.effect, e.node.domains])).toEqual([
      ['NO_OP', ['c.example.com']],
      ['APPLIED', ['e.example.com']],
    ]);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const second = (await stack.gql(JumpChangesQuery, { first: 2, after: first.pageInfo.endCursor })).data!.jumpDomainChanges;
    expect(second.edges.map((e) => e.node.domains)).toEqual([['d.example.com'], ['c.example.com']]);
    expect(second.edges[0]?.node).toMatchObject({
      action: 'ADD',
      publishTogether: false,
      testing: ['a.example.com', 'b.example.com', 'c.example.com', 'd.example.com'],
    });
    expect((await stack.gql(ChangesQuery, { first: 10 })).data?.serverDomainChanges.edges).toEqual([]);
    expect(await jumpQuota()).toMatchObject({ changesThisMonth: 3 });
  });

  it('the daily call counts are asked for modify_wxa_jump_domain', async () => {
    await start();
    await stack.gql(JumpDomainsQuery);
    const { daily } = await jumpQuota();
    expect(daily).toMatchObject({ __typename: 'DailyCallQuota', used: 1 });
    expect(stack.sim.calls.filter((c) => c.kind === 'quota').map((c) => c.body)).toEqual([
      { cgi_path: '/cgi-bin/component/modify_wxa_jump_domain' },
    ]);
  });
});

describe('one list never touches the other', () => {
  it("a change to the business domains leaves the server domains' kept answer in use, and its count", async () => {
    await start({ cacheTtlMs: 60_000 });
    const read = JSON.stringify({ query: '{ serverDomains { __typename ... on ServerDomains { testing } } }' });
    for (let i = 0; i < 3; i++) await stack.post(read);
    const fast = () => stack.logLines.filter((l) => l.includes('"fast":true')).length;
    expect(fast()).toBe(1);
    expect((await add(['c.example.com'])).data?.addJumpDomains.__typename).toBe('JumpDomains');
    await stack.post(read);
    expect(fast()).toBe(2);
    expect(stack.sim.count('modify', 'get')).toBe(1);
    expect((await stack.gql(QuotaQuery)).data?.serverDomainsQuota.changesThisMonth).toBe(0);
    expect(await jumpQuota()).toMatchObject({ changesThisMonth: 1 });
  });

  it('a change to the server domains makes the kept answers that read them unusable, not the business domains ones', async () => {
    await start({ cacheTtlMs: 60_000 });
    const jump = JSON.stringify({ query: '{ jumpDomains { __typename ... on JumpDomains { testing } } }' });
    const both = JSON.stringify({ query: '{ jumpDomains { __typename } serverDomains { __typename ... on ServerDomains { testing } } }' });
    for (let i = 0; i < 3; i++) {
      await stack.post(jump);
      await stack.post(both);
    }
    const fast = () => stack.logLines.filter((l) => l.includes('"fast":true')).length;
    expect(fast()).toBe(2);
    await stack.post(JSON.stringify({ query: 'mutation { addDomains(input: { domains: ["z.example.com"] }) { __typename } }' }));
    expect(JSON.parse((await stack.post(both)).text).data.serverDomains.testing).toEqual(['api.example.com', 'z.example.com']);
    await stack.post(jump);
    // The jump read was served from what was kept (one fast more); the answer with both was computed again.
    expect(fast()).toBe(3);
    expect(stack.sim.count('jump', 'get')).toBe(1);
  });

  it('changes of the two lists do not wait on each other (no shared lock)', async () => {
    await start({ timeoutMs: 5_000 });
    stack.sim.injectFault({ on: 'modify', action: 'add', delayMs: 1_500 });
    const server = stack.post(JSON.stringify({ query: 'mutation { addDomains(input: { domains: ["z.example.com"] }) { __typename } }' }));
    // The server change is at WeChat (its delayed call arrived): the business-domain change goes through meanwhile.
    await waitFor(() => stack.sim.count('modify', 'add') === 1);
    expect((await add(['c.example.com'])).data?.addJumpDomains.__typename).toBe('JumpDomains');
    // Both changes were at WeChat at once: neither waited for the other's lock.
    expect(stack.sim.changesMostAtOnce()).toBe(2);
    expect(JSON.parse((await server).text).data.addDomains.__typename).toBe('ServerDomains');
  });
});

describe('the confirmation file', () => {
  it('is read like a list: one call in flight, kept for the TTL, never journaled', async () => {
    await start({ cacheTtlMs: 60_000 });
    const answers = await Promise.all(Array.from({ length: 5 }, () => stack.gql(ConfirmFileQuery)));
    for (const { data } of answers) {
      expect(data?.jumpDomainConfirmFile).toEqual({ __typename: 'DomainConfirmFile', ...stack.sim.confirmFile });
    }
    await stack.gql(ConfirmFileQuery);
    expect(stack.sim.calls.filter((c) => c.kind === 'confirmfile').map((c) => c.body)).toEqual([{}]);
    expect(await jumpJournal()).toEqual([]);
  });

  it('its errors are members of its union and are not kept', async () => {
    await start({ cacheTtlMs: 60_000 });
    stack.sim.injectFault({ on: 'confirmfile', errcode: -1, times: 3 });
    expect((await stack.gql(ConfirmFileQuery)).data?.jumpDomainConfirmFile).toMatchObject({ __typename: 'SystemBusyError', errcode: -1 });
    expect((await stack.gql(ConfirmFileQuery)).data?.jumpDomainConfirmFile.__typename).toBe('DomainConfirmFile');
  });
});

/** Waits until `done` holds, polling; a generous bound fails only a test that would hang. */
async function waitFor(done: () => boolean, timeoutMs = 10_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!done()) {
    if (Date.now() > until) throw new Error('waited in vain');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
