import { afterEach, describe, expect, it } from 'vitest';
import { MiniProgramNotAuthorizedError } from '../../src/mini-programs/model.js';
import { withAuthorizerToken } from '../../src/mini-programs/tokens.js';
import { simulatorSecrets } from '../support/secrets.js';
import { type Stack, type StackOptions, startStack } from '../support/stack.js';

let stack: Stack;
afterEach(() => stack?.close());

const APP = 'wxsimminiprogram0002';
const sync = () => stack.post({ query: 'mutation { syncMiniPrograms { __typename } }' });
const tokens = () => stack.service.miniPrograms!.tokens;

/** A call made with an authorizer token, as the next issue's domain calls will be: WeChat's errcode thrown. */
async function effectiveDomain(token: string): Promise<unknown> {
  const response = await fetch(`${stack.sim.url}/wxa/get_effective_domain?access_token=${encodeURIComponent(token)}`, {
    method: 'POST',
    body: '{}',
  });
  const json = (await response.json()) as { errcode: number; errmsg: string };
  if (json.errcode !== 0) throw Object.assign(new Error(json.errmsg), { errcode: json.errcode });
  return json;
}

async function start(options: StackOptions = {}): Promise<Stack> {
  stack = await startStack({ clock: 'simulator', ...options });
  await sync();
  return stack;
}

describe('authorizer tokens', () => {
  it('50 concurrent needs of one Mini Program’s token make one api_authorizer_token; the token is reused until near expiry', async () => {
    await start();
    const got = await Promise.all(Array.from({ length: 50 }, () => tokens().get(APP)));
    expect(new Set(got).size).toBe(1);
    expect(stack.sim.count('authorizer_token')).toBe(1);
    expect(await tokens().get(APP)).toBe(got[0]);
    // WeChat's 2 h token is refreshed in its last 10 minutes, not later.
    stack.sim.advanceClock(109 * 60_000);
    expect(await tokens().get(APP)).toBe(got[0]);
    stack.sim.advanceClock(2 * 60_000);
    expect(await tokens().get(APP)).not.toBe(got[0]);
    expect(stack.sim.count('authorizer_token')).toBe(2);
  });

  it('a call refused with 40001 drops the token, refreshes once and retries once', async () => {
    await start();
    const first = await tokens().get(APP);
    stack.sim.authorizers.revokeAccessTokens(APP);
    await expect(withAuthorizerToken(tokens(), APP, effectiveDomain)).resolves.toMatchObject({ errcode: 0 });
    expect(stack.sim.count('authorizer_token')).toBe(2);
    expect(stack.sim.count('wxa')).toBe(2);
    expect(await tokens().get(APP)).not.toBe(first);
  });

  it('keeps a rotated refresh token and uses it for the next refresh', async () => {
    await start({ simulator: { authorizers: { rotateRefreshTokens: true } } });
    await tokens().get(APP);
    stack.sim.advanceClock(2 * 3_600_000);
    await tokens().get(APP);
    stack.sim.advanceClock(2 * 3_600_000);
    await tokens().get(APP);
    expect(stack.sim.count('authorizer_token')).toBe(3);
    // Never a 61023: each refresh used the token the one before was given.
    expect(stack.sim.calls.filter((c) => c.kind === 'authorizer_list')).toHaveLength(1);
  });

  it('61023: takes the refresh token again from the authorizer list and retries once', async () => {
    await start();
    stack.sim.authorizers.replaceRefreshToken(APP);
    const listCalls = stack.sim.count('authorizer_list');
    const token = await tokens().get(APP);
    expect(stack.sim.authorizers.checkAccessToken(token, stack.sim.now())).toEqual({ appId: APP });
    expect(stack.sim.count('authorizer_token')).toBe(2);
    expect(stack.sim.count('authorizer_list')).toBe(listCalls + 1);
    expect(JSON.parse((await stack.post({ query: `{ miniProgram(appId: "${APP}") { status } }` })).text).data.miniProgram.status).toBe(
      'AUTHORIZED',
    );
  });

  it('61023 for a Mini Program no longer listed: REVOKED', async () => {
    await start();
    // Withdrawn without a push reaching the service: WeChat refuses the refresh token and lists it no more.
    stack.sim.authorizers.remove(APP);
    await expect(tokens().get(APP)).rejects.toBeInstanceOf(MiniProgramNotAuthorizedError);
    const { data } = JSON.parse((await stack.post({ query: `{ miniProgram(appId: "${APP}") { status revokedAt } }` })).text);
    expect(data.miniProgram.status).toBe('REVOKED');
    await expect(tokens().get(APP)).rejects.toBeInstanceOf(MiniProgramNotAuthorizedError);
    expect(stack.sim.count('authorizer_token')).toBe(1);
  });

  it('no authorizer token appears in a response or a log line', async () => {
    await start();
    await tokens().get(APP);
    const answers = [
      (
        await stack.post({
          query: '{ miniPrograms(first: 500) { edges { node { appId status name authorizedAt revokedAt } } } miniProgramSync { total } }',
        })
      ).text,
      (await sync()).text,
      await (await fetch(`${stack.url}/metrics`)).text(),
    ];
    expect(answers[2]).toMatch(/^mini_programs\{status="AUTHORIZED"\} 5$/m);
    expect(answers[2]).toMatch(/^mini_programs\{status="REVOKED"\} 0$/m);
    expect(answers[2]).toMatch(/^wechat_authorizer_token_refreshes_total\{outcome="ok"\} 1$/m);
    const secrets = simulatorSecrets(stack.sim);
    expect(stack.sim.authorizers.issuedSecrets.length).toBeGreaterThan(5);
    for (const text of [...answers, ...stack.logLines]) for (const secret of secrets) expect(text).not.toContain(secret);
  });
});
