import { afterEach, describe, expect, it } from 'vitest';
import { MemoryTicketStore } from '../../src/stores/ticket-store.js';
import { MemoryTokenStore } from '../../src/stores/token-store.js';
import { ServerDomainsQuery } from '../support/operations.js';
import { sample } from '../support/prometheus.js';
import { PushForge, send } from '../support/pushes.js';
import { simulatorSecrets } from '../support/secrets.js';
import { type Stack, type StackOptions, startStack } from '../support/stack.js';

let stack: Stack;
/** Every response body the tests read: none may hold a secret. */
let seen: string[] = [];
afterEach(async () => {
  if (!stack) return;
  try {
    const { sim } = stack;
    const secrets = simulatorSecrets(sim);
    for (const text of [...seen, ...stack.logLines]) for (const secret of secrets) expect(text, 'a secret leaked').not.toContain(secret);
  } finally {
    seen = [];
    await stack.close();
  }
});

const HOUR = 3_600_000;
const noSeed = (options: StackOptions = {}) =>
  startStack({
    events: true,
    credentials: (sim) => ({ mode: 'component', ...sim.credentials, componentVerifyTicket: undefined }),
    ...options,
  });
const ready = async () => {
  const response = await fetch(`${stack.url}/ready`);
  const text = await response.text();
  seen.push(text);
  return { status: response.status, text };
};
const metrics = async () => {
  const text = await (await fetch(`${stack.url}/metrics`)).text();
  seen.push(text);
  return text;
};
const read = async () => {
  const result = await stack.gql(ServerDomainsQuery);
  seen.push(JSON.stringify(result));
  return result;
};
const tokenCallTickets = () =>
  stack.sim.calls.filter((c) => c.kind === 'token').map((c) => (c.body as Record<string, string>).component_verify_ticket);

describe('before the first ticket', () => {
  it('/ready: 503 `no component_verify_ticket yet`, no call to WeChat; a push makes it 200 at once', async () => {
    stack = await noSeed();
    expect(await ready()).toEqual({ status: 503, text: 'not ready: no component_verify_ticket yet\n' });
    // Remembered (so probes do not hammer); the push makes it forget.
    expect((await ready()).status).toBe(503);
    expect(stack.sim.count('token')).toBe(0);
    await stack.sim.pushTo(stack.eventsUrl);
    expect(await ready()).toEqual({ status: 200, text: 'ready\n' });
    expect(tokenCallTickets()).toEqual([stack.sim.issuedTickets.at(-1)!.ticket]);
  });

  it('GraphQL answers AccessTokenError (61006, a message saying why), without calling WeChat', async () => {
    stack = await noSeed();
    const { data } = await read();
    expect(data?.serverDomains).toMatchObject({ __typename: 'AccessTokenError', errcode: 61006 });
    expect(data?.serverDomains.__typename === 'AccessTokenError' && data.serverDomains.message).toMatch(/no component_verify_ticket yet/);
    expect(stack.sim.calls).toEqual([]);
  });

  it('a valid token already kept needs no ticket: /ready is 200 without a call', async () => {
    const tokenStore = new MemoryTokenStore();
    stack = await noSeed({ tokenStore, simulator: { staticTokens: ['kept-token-from-before'] } });
    await tokenStore.set(stack.sim.credentials.componentAppId, {
      token: 'kept-token-from-before',
      expiresAt: Date.now() + HOUR,
      lifetimeMs: 2 * HOUR,
    });
    expect((await ready()).status).toBe(200);
    expect((await read()).data?.serverDomains.__typename).toBe('ServerDomains');
    expect(stack.sim.count('token')).toBe(0);
  });

  it('a seed ticket is used until a push arrives; then the pushed one', async () => {
    stack = await startStack({ events: true, clock: 'simulator' });
    await read();
    await stack.sim.pushTo(stack.eventsUrl);
    stack.sim.advanceClock(3 * HOUR);
    await read();
    expect(tokenCallTickets()).toEqual([stack.sim.credentials.componentVerifyTicket, stack.sim.issuedTickets.at(-1)!.ticket]);
  });
});

describe('the service keeps working past 12 hours on pushed tickets', () => {
  it('the simulator’s clock moves 36 hours, pushes keep coming, every read succeeds on the newest ticket', async () => {
    const tickets = new MemoryTicketStore();
    stack = await noSeed({ clock: 'simulator', ticketStore: tickets });
    await stack.sim.pushTo(stack.eventsUrl);
    const first = stack.sim.issuedTickets.at(-1)!;
    for (let hour = 0; hour < 36; hour += 3) {
      const { data } = await read();
      expect(data?.serverDomains.__typename, `at hour ${hour}`).toBe('ServerDomains');
      stack.sim.advanceClock(3 * HOUR);
      expect(await stack.sim.pushTicket()).toMatchObject({ status: 200, answer: 'success' });
    }
    // Tokens last 2 hours: each read after a 3-hour step needed a new one, each on the newest ticket.
    const used = tokenCallTickets();
    expect(used).toHaveLength(12);
    expect(used.every((t, i) => t === stack.sim.issuedTickets[i + 1]!.ticket)).toBe(true);
    // ... and the first ticket is long refused by the simulated WeChat.
    const refused = await fetch(`${stack.sim.url}/cgi-bin/component/api_component_token`, {
      method: 'POST',
      body: JSON.stringify({ ...credentialsBody(), component_verify_ticket: first.ticket }),
    });
    expect(await refused.json()).toMatchObject({ errcode: 61005 });
    expect(await tickets.get(stack.sim.credentials.componentAppId)).toEqual(stack.sim.issuedTickets.at(-1));
  });

  it('the control: without pushes, 12 hours after its ticket the service can get no token (61005)', async () => {
    stack = await startStack({ clock: 'simulator' });
    expect((await read()).data?.serverDomains.__typename).toBe('ServerDomains');
    stack.sim.advanceClock(12 * HOUR);
    const { data } = await read();
    expect(data?.serverDomains).toMatchObject({ __typename: 'AccessTokenError', errcode: 61005 });
  });
});

function credentialsBody() {
  return { component_appid: stack.sim.credentials.componentAppId, component_appsecret: stack.sim.credentials.componentAppSecret };
}

describe('the simulator as WeChat’s pusher', () => {
  it('pushes at once when given a target, then periodically', async () => {
    stack = await noSeed({ simulator: { pushIntervalMs: 100 } });
    await stack.sim.pushTo(stack.eventsUrl);
    const deadline = Date.now() + 10_000;
    while (stack.sim.pushes.length < 4 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
    await stack.sim.pushTo(undefined);
    expect(stack.sim.pushes.length).toBeGreaterThanOrEqual(4);
    expect(stack.sim.pushes.every((p) => p.status === 200 && p.answer === 'success')).toBe(true);
    const createTimes = stack.sim.issuedTickets.map((t) => t.createTime);
    expect([...createTimes].sort((a, b) => a - b)).toEqual(createTimes);
    expect(new Set(createTimes).size).toBe(createTimes.length);
  });

  it('api_component_token takes only tickets it issued, for 12 hours', async () => {
    stack = await noSeed();
    const ask = async (ticket: string) => {
      const response = await fetch(`${stack.sim.url}/cgi-bin/component/api_component_token`, {
        method: 'POST',
        body: JSON.stringify({ ...credentialsBody(), component_verify_ticket: ticket }),
      });
      return (await response.json()) as Record<string, unknown>;
    };
    await stack.sim.pushTo(stack.eventsUrl);
    const pushed = stack.sim.issuedTickets.at(-1)!.ticket;
    expect(await ask(pushed)).toHaveProperty('component_access_token');
    expect(await ask('ticket@@@made-up')).toMatchObject({ errcode: 61006 });
    stack.sim.advanceClock(12 * HOUR - 1000);
    expect(await ask(pushed)).toHaveProperty('component_access_token');
    stack.sim.advanceClock(1000);
    expect(await ask(pushed)).toMatchObject({ errcode: 61005 });
  });

  it('over HTTP: set the target, trigger a push, move the clock', async () => {
    stack = await noSeed({ clock: 'simulator' });
    const admin = (path: string, body?: unknown) =>
      fetch(`${stack.sim.url}/__simulator/${path}`, { method: 'POST', body: body === undefined ? undefined : JSON.stringify(body) });
    expect((await admin('push')).status).toBe(409);
    const target = await admin('event-target', { url: stack.eventsUrl });
    expect(await target.json()).toMatchObject({ push: { infoType: 'component_verify_ticket', status: 200, answer: 'success' } });
    const push = await admin('push');
    expect(await push.json()).toMatchObject({ status: 200, answer: 'success' });
    expect(stack.sim.pushes).toHaveLength(2);
    const before = stack.sim.now();
    const clock = await admin('clock', { advanceMs: 13 * HOUR });
    expect(((await clock.json()) as { now: number }).now).toBeGreaterThanOrEqual(before + 13 * HOUR);
    expect((await admin('clock', { advanceMs: -1 })).status).toBe(400);
    expect((await admin('event-target', { url: 'not a url' })).status).toBe(400);
    // Pushed tickets are what the service uses, 13 simulated hours later.
    await admin('push');
    expect((await read()).data?.serverDomains.__typename).toBe('ServerDomains');
    expect((await admin('event-target', { url: null })).status).toBe(200);
    expect((await admin('push')).status).toBe(409);
  });
});

describe('/metrics', () => {
  it('wechat_events_total by InfoType and outcome; the ticket’s age, absent until a ticket is kept', async () => {
    stack = await noSeed({ clock: 'simulator' });
    expect(sample(await metrics(), 'wechat_component_verify_ticket_age_seconds')).toBeUndefined();
    const forge = new PushForge(stack);
    const answers: string[] = [];
    await stack.sim.pushTo(stack.eventsUrl);
    const last = stack.sim.issuedTickets.at(-1)!;
    const replay = forge.push(
      `<xml><AppId>${forge.settings.appId}</AppId><CreateTime>${last.createTime - 5}</CreateTime><InfoType>component_verify_ticket</InfoType><ComponentVerifyTicket>ticket@@@old</ComponentVerifyTicket></xml>`,
      { timestampSeconds: Math.floor(stack.sim.now() / 1000) },
    );
    await send(stack, replay.query, replay.body, answers);
    await send(stack, 'timestamp=1', forge.push('<xml/>').body, answers);
    await send(stack, replay.query, '<xml>nope</xml>', answers);
    await send(stack, replay.query, 'x'.repeat(65 * 1024), answers);
    await stack.sim.pushAuthorization('unauthorized', 'wxauthorizer00003');
    await stack.sim.pushAuthorization('notify_something_new', 'wxauthorizer00004');
    stack.sim.advanceClock(30 * 60_000);

    const text = await metrics();
    const events = (labels: Record<string, string>) => sample(text, 'wechat_events_total', labels);
    expect(events({ info_type: 'component_verify_ticket', outcome: 'ok' })).toBe(1);
    expect(events({ info_type: 'component_verify_ticket', outcome: 'ignored' })).toBe(1);
    expect(events({ info_type: 'unknown', outcome: 'bad_signature' })).toBe(1);
    expect(events({ info_type: 'unknown', outcome: 'bad_request' })).toBe(1);
    expect(events({ info_type: 'unknown', outcome: 'too_large' })).toBe(1);
    expect(events({ info_type: 'unauthorized', outcome: 'ok' })).toBe(1);
    expect(events({ info_type: 'other', outcome: 'ok' })).toBe(1);
    expect(events({})).toBe(7);
    const age = sample(text, 'wechat_component_verify_ticket_age_seconds')!;
    expect(age).toBeGreaterThanOrEqual(30 * 60 - 5);
    expect(age).toBeLessThan(30 * 60 + 60);
  });

  it('no ticket age with a static token', async () => {
    stack = await startStack({ credentials: { mode: 'static', accessToken: 'x', componentAppId: undefined } });
    expect(await metrics()).not.toMatch(/^wechat_component_verify_ticket_age_seconds /m);
  });
});
