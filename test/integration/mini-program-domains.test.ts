import { afterEach, describe, expect, it } from 'vitest';
import { sample } from '../support/prometheus.js';
import { type Stack, type StackOptions, startStack } from '../support/stack.js';
import { mint, TEST_SECRET } from '../support/tokens.js';

/**
 * Each authorized Mini Program's server and webview domains through the API: real HTTP to the service and
 * from it to the simulator.
 */

let stack: Stack;
afterEach(() => stack?.close());

type Body = { data?: any; errors?: { message: string; path?: string[]; extensions?: { code?: string } }[] };
const post = async (query: string, variables?: unknown, headers?: Record<string, string>) =>
  JSON.parse((await stack.post({ query, variables }, headers)).text) as Body;

const MP1 = 'wxsimminiprogram0001';
const MP2 = 'wxsimminiprogram0002';

async function start(options: StackOptions = {}): Promise<Stack> {
  stack = await startStack({
    ...options,
    simulator: {
      platform: { testing: ['api.example.com', 'api.new.com'], published: ['api.example.com', 'api.old.com'] },
      jumpDomains: { testing: ['example.com'], published: ['example.com', 'shop.example.org'] },
      ...options.simulator,
    },
  });
  await post('mutation { syncMiniPrograms { __typename } }');
  stack.sim.calls.length = 0;
  return stack;
}

const KINDS = 'request ws upload download udp tcp';
const READ = `query($appId: ID!) { miniProgram(appId: $appId) { appId
  serverDomains { __typename ... on MiniProgramServerDomains { platform { ${KINDS} } effective { request } console { request } direct { request } }
    ... on Error { message } ... on MiniProgramNotAuthorizedError { appId } }
  webviewDomains { __typename ... on MiniProgramWebviewDomains { platform effective console direct } ... on Error { message } }
  domainsQuota { monthlyLimit changesThisMonth remainingThisMonth monthResetsAt }
} }`;
const CHANGE_SERVER = `mutation($input: MiniProgramServerDomainsChangeInput!) { changeMiniProgramServerDomains(input: $input) {
  __typename
  ... on MiniProgramServerDomains { platform { ${KINDS} } change { effect list appId action outcome server { ${KINDS} } webview } }
  ... on DomainValidationError { problems { domain reason } }
  ... on MiniProgramNotAuthorizedError { appId }
  ... on WechatError { errcode errmsg }
  ... on Error { message }
} }`;
const CHANGE_WEBVIEW = `mutation($input: MiniProgramWebviewDomainsChangeInput!) { changeMiniProgramWebviewDomains(input: $input) {
  __typename
  ... on MiniProgramWebviewDomains { platform change { effect list webview } }
  ... on DomainValidationError { problems { domain reason } }
  ... on MiniProgramNotAuthorizedError { appId }
  ... on WechatError { errcode errmsg }
  ... on Error { message }
} }`;
const JOURNAL = `query($appId: ID!, $first: Int, $after: String, $list: MiniProgramDomainList) { miniProgram(appId: $appId) {
  domainChanges(first: $first, after: $after, list: $list) { edges { cursor node { id list effect appId } } pageInfo { hasNextPage endCursor } }
} }`;
const PREVIEW = `query($input: ServerDomainsChangeInput!) { serverDomainsChangePreview(input: $input) {
  __typename ... on ServerDomainsChangePreview { removed affectedMiniPrograms { miniProgram { appId } domains } }
} }`;
const JUMP_PREVIEW = `query($input: JumpDomainsChangeInput!) { jumpDomainsChangePreview(input: $input) {
  __typename ... on JumpDomainsChangePreview { affectedMiniPrograms { miniProgram { appId } domains } }
} }`;

const wxa = (name?: string) => stack.sim.calls.filter((c) => c.kind === 'wxa' && (name === undefined || c.wxa === name));
const changeServer = (input: Record<string, unknown>) => post(CHANGE_SERVER, { input: { appId: MP1, ...input } });

describe('reads', () => {
  it('the four views of both lists and the quota, on the MiniProgram entity', async () => {
    await start();
    const { data, errors } = await post(READ, { appId: MP1 });
    expect(errors).toBeUndefined();
    expect(data.miniProgram.serverDomains).toMatchObject({
      __typename: 'MiniProgramServerDomains',
      platform: { request: ['https://api.example.com'], download: ['https://api.example.com'], ws: [] },
      console: { request: ['https://console.example.net'] },
    });
    expect(data.miniProgram.webviewDomains).toMatchObject({ platform: ['https://www.example.com'] });
    expect(data.miniProgram.domainsQuota).toMatchObject({ monthlyLimit: 50, changesThisMonth: 0, remainingThisMonth: 50 });
  });
});

describe('validation before anything is sent', () => {
  it("each kind's scheme, and the server ceiling (the exact host)", async () => {
    await start();
    const { data } = await changeServer({
      action: 'ADD',
      request: ['wss://api.example.com'],
      ws: ['wss://v2.api.example.com'],
      tcp: ['tcp://api.weixin.qq.com'],
    });
    expect(data.changeMiniProgramServerDomains.__typename).toBe('DomainValidationError');
    expect(data.changeMiniProgramServerDomains.problems).toEqual([
      { domain: 'wss://api.example.com', reason: 'request: has the scheme wss:// where this kind takes https://' },
      { domain: 'wss://v2.api.example.com', reason: "ws: is not among the platform's server domains" },
      { domain: 'tcp://api.weixin.qq.com', reason: "tcp: is WeChat's own API host (api.weixin.qq.com), which WeChat refuses" },
    ]);
    expect(wxa('modify_domain')).toHaveLength(0);
  });

  it('the webview ceiling allows a subdomain of a business domain, nothing else', async () => {
    await start();
    const refused = await post(CHANGE_WEBVIEW, {
      input: { appId: MP1, action: 'ADD', domains: ['https://m.example.com', 'https://example.net'] },
    });
    expect(refused.data.changeMiniProgramWebviewDomains.problems).toEqual([
      { domain: 'https://example.net', reason: "is not among the platform's business domains (nor a subdomain of one)" },
    ]);
    expect(wxa('setwebviewdomain')).toHaveLength(0);
    const added = await post(CHANGE_WEBVIEW, { input: { appId: MP1, action: 'ADD', domains: ['https://m.example.com'] } });
    expect(added.data.changeMiniProgramWebviewDomains.platform).toEqual(['https://www.example.com', 'https://m.example.com']);
  });

  it('REMOVE is never held to the ceiling', async () => {
    await start();
    stack.sim.miniProgramDomains.lists(MP1).platform.requestdomain.push('https://gone.example.net');
    const { data } = await changeServer({ action: 'REMOVE', request: ['https://gone.example.net'] });
    expect(data.changeMiniProgramServerDomains.__typename).toBe('MiniProgramServerDomains');
    expect(data.changeMiniProgramServerDomains.platform.request).toEqual(['https://api.example.com']);
  });
});

describe('changes', () => {
  it('SET keeps the kinds it leaves out, and an explicit [] clears one', async () => {
    await start();
    const { data } = await changeServer({ action: 'SET', request: [], ws: ['wss://api.new.com'] });
    const answer = data.changeMiniProgramServerDomains;
    expect(answer.platform).toMatchObject({ request: [], ws: ['wss://api.new.com'], download: ['https://api.example.com'] });
    expect(answer.change).toMatchObject({ effect: 'APPLIED', list: 'SERVER', appId: MP1, action: 'SET', webview: null });
    expect(answer.change.server).toEqual({ request: [], ws: ['wss://api.new.com'], upload: [], download: [], udp: [], tcp: [] });
    expect(wxa('modify_domain')[0]?.body).toMatchObject({ action: 'set', downloaddomain: ['https://api.example.com'], requestdomain: [] });
  });

  it('a no-op per list sends nothing', async () => {
    await start();
    const server = await changeServer({ action: 'ADD', request: ['https://api.example.com'] });
    const webview = await post(CHANGE_WEBVIEW, { input: { appId: MP1, action: 'SET', domains: ['https://www.example.com'] } });
    expect(server.data.changeMiniProgramServerDomains.change.effect).toBe('NO_OP');
    expect(webview.data.changeMiniProgramWebviewDomains.change.effect).toBe('NO_OP');
    expect(wxa('modify_domain')).toHaveLength(0);
    expect(wxa('setwebviewdomain')).toHaveLength(0);
  });

  it("the 50th change is made and the 51st refused with nothing sent, while another Mini Program's count stays", async () => {
    await start();
    for (let i = 0; i < 50; i++) {
      const { data } = await changeServer({ action: i % 2 === 0 ? 'ADD' : 'REMOVE', tcp: ['tcp://api.example.com:9000'] });
      expect(data.changeMiniProgramServerDomains.change.effect).toBe('APPLIED');
    }
    const sent = wxa('modify_domain').length;
    const refused = await changeServer({ action: 'ADD', udp: ['udp://api.example.com:1'] });
    expect(refused.data.changeMiniProgramServerDomains).toMatchObject({ __typename: 'MonthlyQuotaExceededError', errcode: 45104 });
    expect(wxa('modify_domain')).toHaveLength(sent);
    const other = await post(READ, { appId: MP2 });
    expect(other.data.miniProgram.domainsQuota).toMatchObject({ changesThisMonth: 0, remainingThisMonth: 50 });
    // Webview changes are neither counted nor limited.
    const webview = await post(CHANGE_WEBVIEW, { input: { appId: MP1, action: 'SET', domains: [] } });
    expect(webview.data.changeMiniProgramWebviewDomains.change.effect).toBe('APPLIED');
  });

  it.each([
    [85018, 'DomainNotOnPlatformError'],
    [85301, 'DomainNotOnPlatformError'],
    [89021, 'DomainNotOnPlatformError'],
    [85016, 'DomainCountLimitError'],
    [89029, 'DomainCountLimitError'],
    [45104, 'MonthlyQuotaExceededError'],
    [-1, 'SystemBusyError'],
    [48001, 'UnknownWechatError'],
  ])('WeChat %i → %s', async (errcode, typename) => {
    await start();
    stack.sim.injectFault({ on: 'wxa', action: 'add', errcode, errmsg: `simulated ${errcode}`, times: 3 });
    const { data } = await changeServer({ action: 'ADD', ws: ['wss://api.example.com'] });
    expect(data.changeMiniProgramServerDomains).toMatchObject({ __typename: typename, errcode, errmsg: `simulated ${errcode}` });
  });

  it('an unknown appId, an Official Account and a REVOKED Mini Program: MiniProgramNotAuthorizedError, nothing sent', async () => {
    await start();
    stack.sim.authorizers.remove(MP2);
    await post('mutation { syncMiniPrograms { __typename } }');
    stack.sim.calls.length = 0;
    for (const appId of ['wxunknown000001', 'wxsimofficialacct0001', MP2]) {
      const { data } = await post(CHANGE_SERVER, { input: { appId, action: 'ADD', ws: ['wss://api.example.com'] } });
      expect(data.changeMiniProgramServerDomains).toMatchObject({ __typename: 'MiniProgramNotAuthorizedError', appId });
    }
    const read = await post(READ, { appId: MP2 });
    expect(read.errors).toBeUndefined();
    expect(read.data.miniProgram.serverDomains).toMatchObject({ __typename: 'MiniProgramNotAuthorizedError', appId: MP2 });
    expect(wxa()).toHaveLength(0);
    expect(stack.sim.count('authorizer_token')).toBe(0);
  });
});

describe('metrics', () => {
  it('wechat_mini_program_domain_changes_total{list,effect}: by list and effect, never by appid', async () => {
    await start();
    await changeServer({ action: 'ADD', ws: ['wss://api.example.com'] });
    await changeServer({ action: 'ADD', ws: ['wss://api.example.com'] });
    await post(CHANGE_WEBVIEW, { input: { appId: MP2, action: 'SET', domains: [] } });
    const text = await (await fetch(`${stack.url}/metrics`)).text();
    const name = 'wechat_mini_program_domain_changes_total';
    expect(sample(text, name, { list: 'SERVER', effect: 'APPLIED' })).toBe(1);
    expect(sample(text, name, { list: 'SERVER', effect: 'NO_OP' })).toBe(1);
    expect(sample(text, name, { list: 'WEBVIEW', effect: 'APPLIED' })).toBe(1);
    expect(sample(text, name, { list: 'WEBVIEW', effect: 'REFUSED' })).toBe(0);
    expect(text).not.toContain(MP1);
  });
});

describe('the journal, one per Mini Program', () => {
  it('pages both lists or one, newest first', async () => {
    await start();
    for (let i = 0; i < 6; i++) {
      await changeServer({ action: i % 2 === 0 ? 'ADD' : 'REMOVE', udp: ['udp://api.example.com:1'] });
      await post(CHANGE_WEBVIEW, { input: { appId: MP1, action: 'SET', domains: i % 2 === 0 ? [] : ['https://example.com'] } });
    }
    await post(CHANGE_SERVER, { input: { appId: MP2, action: 'ADD', udp: ['udp://api.example.com:1'] } });
    const all = await post(JOURNAL, { appId: MP1, first: 5 });
    expect(all.data.miniProgram.domainChanges.edges).toHaveLength(5);
    expect(all.data.miniProgram.domainChanges.edges[0].node.list).toBe('WEBVIEW');
    const servers: string[] = [];
    let after: string | undefined;
    for (;;) {
      const page = await post(JOURNAL, { appId: MP1, first: 4, after, list: 'SERVER' });
      servers.push(...page.data.miniProgram.domainChanges.edges.map((e: { node: { list: string } }) => e.node.list));
      if (!page.data.miniProgram.domainChanges.pageInfo.hasNextPage) break;
      after = page.data.miniProgram.domainChanges.pageInfo.endCursor;
    }
    expect(servers).toEqual(Array(6).fill('SERVER'));
    const other = await post(JOURNAL, { appId: MP2 });
    expect(other.data.miniProgram.domainChanges.edges.map((e: { node: { appId: string } }) => e.node.appId)).toEqual([MP2]);
  });
});

describe('the impact of a platform change', () => {
  it('a removal names the Mini Programs whose entries leave both platform lists, by appId; a SET that keeps them: empty', async () => {
    await start();
    await changeServer({ action: 'ADD', request: ['https://api.old.com'], udp: ['udp://api.old.com:9'] });
    await post(CHANGE_SERVER, { input: { appId: MP2, action: 'ADD', ws: ['wss://api.old.com'] } });
    // api.old.com is published only: removing it with publishTogether takes it out of both lists.
    const removal = await post(PREVIEW, { input: { action: 'REMOVE', domains: ['api.old.com'], publishTogether: true } });
    expect(removal.data.serverDomainsChangePreview.affectedMiniPrograms).toEqual([
      { miniProgram: { appId: MP1 }, domains: ['https://api.old.com', 'udp://api.old.com:9'] },
      { miniProgram: { appId: MP2 }, domains: ['wss://api.old.com'] },
    ]);
    const set = await post(PREVIEW, { input: { action: 'SET', domains: ['api.example.com', 'api.new.com', 'api.old.com'] } });
    expect(set.data.serverDomainsChangePreview.affectedMiniPrograms).toEqual([]);
    const setDropping = await post(PREVIEW, { input: { action: 'SET', domains: ['api.new.com'], publishTogether: true } });
    expect(
      setDropping.data.serverDomainsChangePreview.affectedMiniPrograms.map((a: { miniProgram: { appId: string } }) => a.miniProgram.appId),
    ).toContain(MP1);
  });

  it('the business domains: a subdomain entry leaves with its domain', async () => {
    await start();
    await post(CHANGE_WEBVIEW, { input: { appId: MP1, action: 'ADD', domains: ['https://m.shop.example.org'] } });
    const { data } = await post(JUMP_PREVIEW, { input: { action: 'REMOVE', domains: ['shop.example.org'], publishTogether: true } });
    expect(data.jumpDomainsChangePreview.affectedMiniPrograms).toEqual([
      { miniProgram: { appId: MP1 }, domains: ['https://m.shop.example.org'] },
    ]);
  });

  it('without mini-programs:read, that field alone is FORBIDDEN', async () => {
    await start({ auth: { mode: 'secret', secret: TEST_SECRET } });
    const token = await mint({ scope: 'server-domains:read' });
    const { data, errors } = await post(
      PREVIEW,
      { input: { action: 'REMOVE', domains: ['api.old.com'] } },
      { authorization: `Bearer ${token}` },
    );
    expect(data.serverDomainsChangePreview.removed).toEqual([]);
    expect(data.serverDomainsChangePreview.affectedMiniPrograms).toBeNull();
    expect(errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
  });
});

describe('many Mini Programs in one request', () => {
  it('500 Mini Programs: one call each, never more than 8 /wxa calls in flight, a failure only in its own field', async () => {
    await start({ simulator: { authorizers: { miniPrograms: 500 }, miniProgramDomains: { delayMs: 5 } } });
    // One Mini Program's token refused once (refreshed, the call made again); another's call refused by WeChat.
    await post(READ, { appId: 'wxsimminiprogram0007' });
    stack.sim.authorizers.revokeAccessTokens('wxsimminiprogram0007');
    // Withdrawn at WeChat, not yet synced: its token cannot be had, and only its own field says so.
    stack.sim.authorizers.remove('wxsimminiprogram0009');
    stack.sim.calls.length = 0;
    stack.sim.miniProgramDomains.resetMostAtOnce();
    const query = `query($first: Int) { miniPrograms(first: $first) { edges { node { appId serverDomains { __typename ... on MiniProgramServerDomains { platform { request } } } } } } }`;
    const { data, errors } = await post(query, { first: 500 });
    expect(errors).toBeUndefined();
    expect(data.miniPrograms.edges).toHaveLength(500);
    const typenames = data.miniPrograms.edges.map(
      (e: { node: { serverDomains: { __typename: string } } }) => e.node.serverDomains.__typename,
    );
    expect(typenames.filter((t: string) => t !== 'MiniProgramServerDomains')).toEqual(['MiniProgramNotAuthorizedError']);
    expect(typenames[8]).toBe('MiniProgramNotAuthorizedError');
    expect(stack.sim.miniProgramDomains.mostAtOnce).toBe(8);
    // One call each (none for the withdrawn one), and one more for the Mini Program whose token was refused once.
    expect(wxa('get_effective_domain')).toHaveLength(500);
  });
});

describe('the cost limit', () => {
  it('admits a page of 500 Mini Programs with both lists, every view and the quota, written as a literal', async () => {
    await start({ simulator: { authorizers: { miniPrograms: 500 } } });
    const views = `effective { ${KINDS} } platform { ${KINDS} } direct { ${KINDS} } console { ${KINDS} }`;
    const query = `{ miniPrograms(first: 500) { edges { node { appId
      serverDomains { __typename ... on MiniProgramServerDomains { ${views} } ... on Error { message } }
      webviewDomains { __typename ... on MiniProgramWebviewDomains { effective platform direct console } ... on Error { message } }
      domainsQuota { changesThisMonth remainingThisMonth }
    } } } }`;
    const { data, errors } = await post(query);
    expect(errors).toBeUndefined();
    expect(data.miniPrograms.edges).toHaveLength(500);
    expect(wxa('get_effective_domain')).toHaveLength(500);
    expect(wxa('get_effective_webviewdomain')).toHaveLength(500);
  });
});

describe('federation', () => {
  it('the new MiniProgram fields resolve through _entities', async () => {
    await start();
    const { data, errors } = await post(
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on MiniProgram { appId serverDomains { __typename ... on MiniProgramServerDomains { platform { request } } } } } }`,
      { r: [{ __typename: 'MiniProgram', appId: MP1 }] },
    );
    expect(errors).toBeUndefined();
    expect(data._entities[0].serverDomains.platform.request).toEqual(['https://api.example.com']);
  });
});
