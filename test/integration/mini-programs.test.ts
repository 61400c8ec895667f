import { afterEach, describe, expect, it } from 'vitest';
import { type Stack, startStack } from '../support/stack.js';
import { mint, TEST_SECRET } from '../support/tokens.js';

let stack: Stack;
afterEach(() => stack?.close());

type Body = { data?: any; errors?: { message: string; extensions?: { code?: string } }[] };
const post = async (query: string, variables?: unknown, headers?: Record<string, string>) =>
  JSON.parse((await stack.post({ query, variables }, headers)).text) as Body;

const SYNC =
  'mutation { syncMiniPrograms { __typename ... on MiniProgramSync { at total added revoked } ... on Error { message } ... on WechatError { errcode } } }';
const PAGE = `query($first: Int, $after: String, $status: AuthorizationStatus) {
  miniPrograms(first: $first, after: $after, status: $status) {
    edges { cursor node { appId status name authorizedAt revokedAt } }
    pageInfo { hasNextPage endCursor }
  }
}`;

/** Every Mini Program the API lists, page after page. */
async function listAll(first = 500, status?: string) {
  const nodes: { appId: string; status: string }[] = [];
  let after: string | undefined;
  for (;;) {
    const { data, errors } = await post(PAGE, { first, after, status });
    expect(errors).toBeUndefined();
    nodes.push(...data.miniPrograms.edges.map((e: { node: { appId: string; status: string } }) => e.node));
    if (!data.miniPrograms.pageInfo.hasNextPage) return nodes;
    after = data.miniPrograms.pageInfo.endCursor;
  }
}

describe('the Mini Program registry', () => {
  it('syncs more than 500 authorizers page by page, leaves Official Accounts out, and classifies each new one once', async () => {
    stack = await startStack({ simulator: { authorizers: { miniPrograms: 1203, officialAccounts: 4 } } });
    const first = await post(SYNC);
    expect(first.data.syncMiniPrograms).toMatchObject({ __typename: 'MiniProgramSync', total: 1203, added: 1203, revoked: 0 });
    expect(stack.sim.count('authorizer_list')).toBe(3);
    expect(stack.sim.count('authorizer_info')).toBe(1207);
    const listed = await listAll();
    expect(listed).toHaveLength(1203);
    expect(listed.map((n) => n.appId)).toEqual([...listed.map((n) => n.appId)].sort());
    expect(listed.every((n) => n.appId.startsWith('wxsimminiprogram') && n.status === 'AUTHORIZED')).toBe(true);
    const oa = await post('{ miniProgram(appId: "wxsimofficialacct0001") { appId } }');
    expect(oa.data.miniProgram).toBeNull();

    const second = await post(SYNC);
    expect(second.data.syncMiniPrograms).toMatchObject({ total: 1203, added: 0, revoked: 0 });
    expect(stack.sim.count('authorizer_list')).toBe(6);
    expect(stack.sim.count('authorizer_info')).toBe(1207);
    const last = await post('{ miniProgramSync { at total added revoked } }');
    const { __typename, ...summary } = second.data.syncMiniPrograms;
    expect(last.data.miniProgramSync).toEqual(summary);
  });

  it('turns REVOKED only after a complete listing: one cut short changes nothing', async () => {
    stack = await startStack({ simulator: { authorizers: { miniPrograms: 700, officialAccounts: 1 } } });
    await post(SYNC);
    await stack.service.miniPrograms!.tokens.get('wxsimminiprogram0003');
    stack.sim.authorizers.remove('wxsimminiprogram0003');
    stack.sim.injectFault({ on: 'authorizer_list', skip: 1, errcode: 45009, errmsg: 'reach max api daily quota limit' });
    const failed = await post(SYNC);
    expect(failed.data.syncMiniPrograms).toMatchObject({ __typename: 'UnknownWechatError', errcode: 45009 });
    const kept = await post('{ miniProgram(appId: "wxsimminiprogram0003") { status revokedAt } }');
    expect(kept.data.miniProgram).toEqual({ status: 'AUTHORIZED', revokedAt: null });
    expect((await post('{ miniProgramSync { total } }')).data.miniProgramSync.total).toBe(700);

    const complete = await post(SYNC);
    expect(complete.data.syncMiniPrograms).toMatchObject({ total: 699, added: 0, revoked: 1 });
    await expect(stack.service.miniPrograms!.tokens.get('wxsimminiprogram0003')).rejects.toThrow(/not a Mini Program authorized/);
    const revoked = await post('{ miniProgram(appId: "wxsimminiprogram0003") { status revokedAt } }');
    expect(revoked.data.miniProgram.status).toBe('REVOKED');
    expect(Date.parse(revoked.data.miniProgram.revokedAt)).toBeGreaterThan(0);
    expect(await listAll(100, 'REVOKED')).toEqual([expect.objectContaining({ appId: 'wxsimminiprogram0003' })]);
  });

  it('repeated reads see each sync: the fast path never keeps an answer from the registry', async () => {
    stack = await startStack();
    await post(SYNC);
    const READ =
      '{ miniProgram(appId: "wxsimminiprogram0002") { status } miniPrograms(first: 10) { edges { node { appId } } } miniProgramSync { total } }';
    for (let i = 0; i < 4; i++) expect((await post(READ)).data.miniProgram.status).toBe('AUTHORIZED');
    stack.sim.authorizers.remove('wxsimminiprogram0002');
    await post(SYNC);
    for (let i = 0; i < 4; i++) {
      const { data } = await post(READ);
      expect(data.miniProgram.status).toBe('REVOKED');
      expect(data.miniProgramSync.total).toBe(4);
    }
  });

  it('refuses a first outside 1..500 and an unknown cursor with BAD_USER_INPUT', async () => {
    stack = await startStack();
    await post(SYNC);
    for (const variables of [{ first: 0 }, { first: 501 }, { first: 10, after: 'wxnosuchapp' }]) {
      const { errors } = await post(PAGE, variables);
      expect(errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    }
    const page = await post(PAGE, { first: 2 });
    expect(page.data.miniPrograms.edges.map((e: { node: { appId: string } }) => e.node.appId)).toEqual([
      'wxsimminiprogram0001',
      'wxsimminiprogram0002',
    ]);
    const next = await post(PAGE, { first: 2, after: page.data.miniPrograms.pageInfo.endCursor });
    expect(next.data.miniPrograms.edges.map((e: { node: { appId: string } }) => e.node.appId)).toEqual([
      'wxsimminiprogram0003',
      'wxsimminiprogram0004',
    ]);
  });
});

describe('MiniProgram as a federation entity', () => {
  it('resolves a known appId of any status, and null for an unknown one and an Official Account', async () => {
    stack = await startStack();
    await post(SYNC);
    stack.sim.authorizers.remove('wxsimminiprogram0005');
    await post(SYNC);
    const { data, errors } = await post(
      `query($representations: [_Any!]!) { _entities(representations: $representations) { __typename ... on MiniProgram { appId status name } } }`,
      {
        representations: ['wxsimminiprogram0001', 'wxsimminiprogram0005', 'wxnosuchapp', 'wxsimofficialacct0001'].map((appId) => ({
          __typename: 'MiniProgram',
          appId,
        })),
      },
    );
    expect(errors).toBeUndefined();
    expect(data._entities).toEqual([
      { __typename: 'MiniProgram', appId: 'wxsimminiprogram0001', status: 'AUTHORIZED', name: 'Simulated Mini Program 1' },
      { __typename: 'MiniProgram', appId: 'wxsimminiprogram0005', status: 'REVOKED', name: 'Simulated Mini Program 5' },
      null,
      null,
    ]);
    const sdl = (await post('{ _service { sdl } }')).data._service.sdl;
    expect(sdl).toMatch(/type MiniProgram\s+@key\(fields: "appId"\)/);
  });
});

describe('scopes', () => {
  const auth = { mode: 'secret' as const, secret: TEST_SECRET };
  const READ =
    '{ miniPrograms { edges { node { appId } } } miniProgram(appId: "wxsimminiprogram0001") { appId } miniProgramSync { total } }';
  const as = async (scope: string) => ({ authorization: `Bearer ${await mint({ scope })}` });

  it('mini-programs:read reads, mini-programs:write syncs too; the server-domains scopes grant neither, and neither grants them', async () => {
    stack = await startStack({ auth });
    for (const scope of ['server-domains:read', 'server-domains:write', '']) {
      const read = await post(READ, undefined, await as(scope));
      expect(read.errors?.[0]).toMatchObject({ message: expect.stringContaining('mini-programs:read'), extensions: { code: 'FORBIDDEN' } });
      const sync = await post(SYNC, undefined, await as(scope));
      expect(sync.errors?.[0]).toMatchObject({
        message: expect.stringContaining('mini-programs:write'),
        extensions: { code: 'FORBIDDEN' },
      });
    }
    expect(stack.sim.count('authorizer_list')).toBe(0);
    const readOnly = await post(SYNC, undefined, await as('mini-programs:read'));
    expect(readOnly.errors?.[0]?.message).toContain('mini-programs:write');
    expect((await post(READ, undefined, await as('mini-programs:read'))).errors).toBeUndefined();
    const synced = await post(SYNC, undefined, await as('mini-programs:write'));
    expect(synced.data.syncMiniPrograms).toMatchObject({ __typename: 'MiniProgramSync', total: 5 });
    expect((await post(READ, undefined, await as('mini-programs:write'))).errors).toBeUndefined();
    for (const scope of ['mini-programs:read', 'mini-programs:write']) {
      const denied = await post('{ serverDomains { __typename } }', undefined, await as(scope));
      expect(denied.errors?.[0]).toMatchObject({
        message: expect.stringContaining('server-domains:read'),
        extensions: { code: 'FORBIDDEN' },
      });
    }
  });
});

describe('the query cost limit', () => {
  const FIELDS = 'edges { cursor node { appId status name authorizedAt revokedAt } } pageInfo { hasNextPage endCursor }';
  const aliased = (n: number, first: string) =>
    Array.from({ length: n }, (_, i) => `p${i}: miniPrograms(first: ${first}) { ${FIELDS} }`).join(' ');

  it('admits miniPrograms(first: 500) with every field, as a literal and as a variable', async () => {
    stack = await startStack({ simulator: { authorizers: { miniPrograms: 600 } } });
    await post(SYNC);
    const literal = await post(`{ miniPrograms(first: 500) { ${FIELDS} } thirdPartyPlatform { miniPrograms(first: 500) { ${FIELDS} } } }`);
    expect(literal.errors).toBeUndefined();
    expect(literal.data.miniPrograms.edges).toHaveLength(500);
    const variable = await post(`query($n: Int) { miniPrograms(first: $n) { ${FIELDS} } }`, { n: 500 });
    expect(variable.errors).toBeUndefined();
    expect(variable.data.miniPrograms.edges).toHaveLength(500);
  });

  it('a first given as a variable costs exactly what the literal costs', async () => {
    stack = await startStack();
    // 15 pages of 500 (as many aliases as the service takes) cost about 270,000: over the limit.
    const literal = await post(`{ ${aliased(15, '500')} }`);
    const variable = await post(`query($n: Int) { ${aliased(15, '$n')} }`, { n: 500 });
    const defaulted = await post(`query($n: Int = 500) { ${aliased(15, '$n')} }`);
    const found = (body: Body) => /found (\d+(?:\.\d+)?)/.exec(body.errors?.[0]?.message ?? '')?.[1];
    expect(literal.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_COSTLY');
    expect(found(literal)).toBeDefined();
    expect(found(variable)).toBe(found(literal));
    expect(found(defaulted)).toBe(found(literal));
    expect(literal.data ?? undefined).toBeUndefined();
    // Smaller pages fit, whichever way they are given.
    expect((await post(`query($n: Int) { ${aliased(15, '$n')} }`, { n: 50 })).errors).toBeUndefined();
  });
});
