import { afterEach, describe, expect, it } from 'vitest';
import { authorizationMessage } from '../../src/wechat/simulator/push.js';
import { nowSeconds, PushForge, send } from '../support/pushes.js';
import { simulatorSecrets } from '../support/secrets.js';
import { type Stack, startStack } from '../support/stack.js';

let stack: Stack;
afterEach(() => stack?.close());

const query = async (text: string): Promise<any> => JSON.parse((await stack.post({ query: text })).text).data;
const miniProgram = async (appId: string) =>
  (await query(`{ miniProgram(appId: "${appId}") { appId status name authorizedAt revokedAt } }`)).miniProgram;

async function start(): Promise<Stack> {
  stack = await startStack({ events: true });
  expect(await stack.sim.pushTo(stack.eventsUrl)).toMatchObject({ answer: 'success' });
  return stack;
}

describe('authorisation pushes', () => {
  it('authorized: api_query_auth at once, classified, AUTHORIZED as soon as `success` is answered, at the push’s CreateTime', async () => {
    await start();
    const push = await stack.sim.pushAuthorization('authorized', 'wxnewminiprogram01');
    expect(push).toMatchObject({ status: 200, answer: 'success' });
    expect(stack.sim.count('query_auth')).toBe(1);
    expect(stack.sim.count('authorizer_info')).toBe(1);
    expect(await miniProgram('wxnewminiprogram01')).toEqual({
      appId: 'wxnewminiprogram01',
      status: 'AUTHORIZED',
      name: 'wxnewminiprogram01',
      authorizedAt: new Date(push.createTime * 1000).toISOString(),
      revokedAt: null,
    });
    // Its refresh token is kept: a token can be had without asking WeChat for the list.
    const token = await stack.service.miniPrograms!.tokens.get('wxnewminiprogram01');
    expect(stack.sim.authorizers.checkAccessToken(token, stack.sim.now())).toEqual({ appId: 'wxnewminiprogram01' });
    expect(stack.sim.count('authorizer_list')).toBe(0);
  });

  it('the same push twice, or its code again, makes no second api_query_auth and is answered `success`', async () => {
    await start();
    await stack.sim.pushAuthorization('authorized', 'wxnewminiprogram02');
    expect(await stack.sim.replayLastAuthorization()).toMatchObject({ status: 200, answer: 'success' });
    expect(await stack.sim.replayLastAuthorization()).toMatchObject({ status: 200, answer: 'success' });
    expect(stack.sim.count('query_auth')).toBe(1);
  });

  it('updateauthorized keeps the Mini Program AUTHORIZED with the new refresh token, and classifies nobody twice', async () => {
    await start();
    await stack.sim.pushAuthorization('authorized', 'wxnewminiprogram03');
    const before = await miniProgram('wxnewminiprogram03');
    expect(await stack.sim.pushAuthorization('updateauthorized', 'wxnewminiprogram03')).toMatchObject({ answer: 'success' });
    expect(stack.sim.count('query_auth')).toBe(2);
    expect(stack.sim.count('authorizer_info')).toBe(1);
    expect(await miniProgram('wxnewminiprogram03')).toEqual(before);
  });

  it('unauthorized: REVOKED at once and its tokens dropped; an Official Account is kept but never shown', async () => {
    await start();
    await stack.sim.pushAuthorization('authorized', 'wxnewminiprogram04');
    await stack.service.miniPrograms!.tokens.get('wxnewminiprogram04');
    expect(await stack.sim.pushAuthorization('unauthorized', 'wxnewminiprogram04')).toMatchObject({ answer: 'success' });
    const revoked = await miniProgram('wxnewminiprogram04');
    expect(revoked.status).toBe('REVOKED');
    expect(Date.parse(revoked.revokedAt)).toBeGreaterThan(0);
    await expect(stack.service.miniPrograms!.tokens.get('wxnewminiprogram04')).rejects.toThrow(/not a Mini Program authorized/);

    stack.sim.authorizers.add('wxnewofficialacct1', 'official-account');
    expect(await stack.sim.pushAuthorization('authorized', 'wxnewofficialacct1')).toMatchObject({ answer: 'success' });
    expect(await miniProgram('wxnewofficialacct1')).toBeNull();
  });

  it('a transient failure answers 500 (WeChat pushes again), and the push after it gets through', async () => {
    await start();
    stack.sim.injectFault({ on: 'query_auth', errcode: -1, errmsg: 'system error', times: 3 });
    expect(await stack.sim.pushAuthorization('authorized', 'wxnewminiprogram05')).toMatchObject({ status: 500 });
    expect(await miniProgram('wxnewminiprogram05')).toBeNull();
    expect(await stack.sim.replayLastAuthorization()).toMatchObject({ status: 200, answer: 'success' });
    expect((await miniProgram('wxnewminiprogram05')).status).toBe('AUTHORIZED');
  });

  it('a code WeChat refuses is logged and answered `success`; a push with a bad signature stores nothing', async () => {
    await start();
    const forge = new PushForge(stack);
    const answers: string[] = [];
    const refused = forge.push(authorizationMessage(forge.settings.appId, 'authorized', 'wxnewminiprogram06', nowSeconds()));
    expect(await send(stack, refused.query, refused.body, answers)).toMatchObject({ status: 200, text: 'success' });
    expect(stack.sim.count('query_auth')).toBe(1);
    expect(await miniProgram('wxnewminiprogram06')).toBeNull();

    const forged = forge.push(authorizationMessage(forge.settings.appId, 'authorized', 'wxnewminiprogram07', nowSeconds()), {
      settings: { token: 'not-the-event-token' },
    });
    expect((await send(stack, forged.query, forged.body, answers)).status).toBe(401);
    expect(stack.sim.count('query_auth')).toBe(1);
    expect(await miniProgram('wxnewminiprogram07')).toBeNull();

    for (const text of [...answers, ...stack.logLines])
      for (const secret of [...simulatorSecrets(stack.sim), ...forge.secrets]) expect(text).not.toContain(secret);
  });

  it('a start-up sync that failed for want of a ticket runs again as soon as the first ticket is pushed', async () => {
    stack = await startStack({
      events: true,
      credentials: (sim) => ({ mode: 'component', ...sim.credentials, componentVerifyTicket: undefined }),
      miniProgramSyncIntervalMs: 0,
    });
    const deadline = performance.now() + 5_000;
    while (!stack.logLines.some((l) => l.includes('Mini Program sync failed'))) {
      if (performance.now() > deadline) throw new Error('no failed start-up sync');
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    expect(stack.sim.count('authorizer_list')).toBe(0);
    expect(await stack.sim.pushTo(stack.eventsUrl)).toMatchObject({ answer: 'success' });
    while ((await query('{ miniProgramSync { total } }')).miniProgramSync === null) {
      if (performance.now() > deadline) throw new Error('no sync after the ticket');
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    expect((await query('{ miniProgramSync { total } }')).miniProgramSync.total).toBe(5);
  });
});
