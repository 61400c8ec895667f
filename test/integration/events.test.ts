import { afterEach, describe, expect, it, vi } from 'vitest';
import { MemoryTicketStore } from '../../src/stores/ticket-store.js';
import { authorizationMessage, ticketMessage } from '../../src/wechat/simulator/push.js';
import { hold } from '../support/hold.js';
import { ServerDomainsQuery } from '../support/operations.js';
import { nowSeconds, PushForge, send } from '../support/pushes.js';
import { simulatorSecrets } from '../support/secrets.js';
import { type Stack, type StackOptions, startStack } from '../support/stack.js';
import { mint, TEST_SECRET } from '../support/tokens.js';

let stack: Stack;
let forge: PushForge;
let tickets: MemoryTicketStore;
let answers: string[];

/** The service with the simulator's event settings, no seed ticket, and a ticket store the test can read. */
async function start(options: StackOptions = {}): Promise<Stack> {
  tickets = new MemoryTicketStore();
  answers = [];
  stack = await startStack({
    events: true,
    ticketStore: tickets,
    credentials: (sim) => ({ mode: 'component', ...sim.credentials, componentVerifyTicket: undefined }),
    ...options,
  });
  forge = new PushForge(stack);
  return stack;
}

const kept = () => tickets.get(stack.sim.credentials.componentAppId);
const post = (request: { query: URLSearchParams | string; body: BodyInit }, init?: RequestInit) =>
  send(stack, request.query, request.body, answers, init);
/** Bound of a wait for a log line: generous, it only fails a test that would hang. */
const LOGGED = { timeout: 10_000, interval: 10 };
const eventLines = () =>
  stack.logLines.map((l) => JSON.parse(l) as Record<string, any>).filter((l) => l.msg === 'request' && l.path === '/wechat/events');

/** Everything that must stay inside the service: secrets, tickets, ciphertexts, decrypted messages. */
function assertNothingLeaked(): void {
  const { sim } = stack;
  const secrets = [...simulatorSecrets(sim), ...forge.secrets];
  expect(stack.logLines.length).toBeGreaterThan(0);
  for (const text of [...answers, ...stack.logLines]) {
    for (const secret of secrets) expect(text, 'a secret leaked').not.toContain(secret);
  }
}

afterEach(async () => {
  if (!stack) return;
  try {
    assertNothingLeaked();
  } finally {
    await stack.close();
  }
});

describe('POST /wechat/events: a valid push', () => {
  it('the simulator’s push is answered 200 text/plain `success`, its ticket kept and used by the next token call', async () => {
    await start();
    const push = await stack.sim.pushTo(stack.eventsUrl);
    expect(push).toMatchObject({ infoType: 'component_verify_ticket', status: 200, answer: 'success' });
    const issued = stack.sim.issuedTickets.at(-1)!;
    expect(await kept()).toEqual(issued);
    expect(stack.sim.count('token')).toBe(0);

    const { data } = await stack.gql(ServerDomainsQuery);
    expect(data?.serverDomains.__typename).toBe('ServerDomains');
    expect(stack.sim.calls.find((c) => c.kind === 'token')?.body).toMatchObject({ component_verify_ticket: issued.ticket });
  });

  it('a crafted push: exactly `success`, text/plain, and the very next token call uses the newer ticket', async () => {
    await start();
    await stack.sim.pushTo(stack.eventsUrl);
    await stack.gql(ServerDomainsQuery);
    // A newer ticket, pushed by hand, that the simulator also accepts:
    const second = await stack.sim.pushTicket();
    expect(second.status).toBe(200);
    const answer = await post(forge.push(ticketMessage(forge.settings.appId, 'ticket@@@crafted', second.createTime + 1)));
    expect(answer).toEqual({ status: 200, text: 'success', contentType: expect.stringMatching(/^text\/plain/) });
    expect(await kept()).toEqual({ ticket: 'ticket@@@crafted', createTime: second.createTime + 1 });
  });

  it('answers without waiting on WeChat: a push gets through while a token call hangs, and causes no call itself', async () => {
    await start({ timeoutMs: 5000 });
    await stack.sim.pushTo(stack.eventsUrl);
    // The token call is held at WeChat until the push has been answered.
    const held = hold();
    stack.sim.injectFault({ on: 'token', until: held.promise });
    const tokenCallArrived = stack.sim.nextCall('token');
    let queryDone = false;
    const query = stack.gql(ServerDomainsQuery).finally(() => {
      queryDone = true;
    });
    await tokenCallArrived;
    const tokenCalls = stack.sim.count('token');
    const push = await stack.sim.pushTicket();
    expect(push).toMatchObject({ status: 200, answer: 'success' });
    expect(queryDone).toBe(false);
    expect(stack.sim.count('token')).toBe(tokenCalls);
    held.release();
    expect((await query).data?.serverDomains.__typename).toBe('ServerDomains');
  });

  it('needs no JWT, even with authentication on (the signature is its authentication)', async () => {
    await start({ auth: { mode: 'secret', secret: TEST_SECRET } });
    expect((await stack.post({ query: '{ __typename }' })).status).toBe(401);
    expect(await stack.sim.pushTo(stack.eventsUrl)).toMatchObject({ status: 200, answer: 'success' });
    expect(await kept()).toEqual(stack.sim.issuedTickets.at(-1));
    const token = await mint({ scope: 'server-domains:read' });
    const { data } = await stack.gql(ServerDomainsQuery, {}, { authorization: `Bearer ${token}` });
    expect(data?.serverDomains.__typename).toBe('ServerDomains');
  });

  it('writes one request-log line per push: the InfoType and the outcome, nothing of its content', async () => {
    await start();
    await stack.sim.pushTo(stack.eventsUrl);
    await stack.sim.pushAuthorization('authorized', 'wxauthorizer00001');
    await post({ query: 'timestamp=1', body: '<xml/>' });
    // The request line is written once the answer has gone: wait for it.
    await vi.waitFor(() => expect(eventLines()).toHaveLength(3), LOGGED);
    const lines = eventLines();
    expect(lines[0]).toMatchObject({
      level: 30,
      method: 'POST',
      status: 200,
      event: { infoType: 'component_verify_ticket', outcome: 'ok' },
    });
    expect(lines[1]).toMatchObject({ status: 200, event: { infoType: 'authorized', authorizerAppid: 'wxauthorizer00001', outcome: 'ok' } });
    expect(lines[2]).toMatchObject({ status: 400, event: { outcome: 'bad_request' } });
    expect(lines[2]!.event.infoType).toBeUndefined();
    for (const line of lines)
      expect(Object.keys(line).sort()).toEqual(['event', 'level', 'method', 'ms', 'msg', 'path', 'service', 'status', 'time']);
  });
});

describe('other InfoTypes', () => {
  it.each(['authorized', 'updateauthorized', 'unauthorized', 'notify_something_new'])(
    '%s: acknowledged with `success`, logged with the authorizer appid, nothing stored',
    async (infoType) => {
      await start();
      await stack.sim.pushTo(stack.eventsUrl);
      const before = await kept();
      const answer = await post(forge.push(authorizationMessage(forge.settings.appId, infoType, 'wxauthorizer00002', nowSeconds())));
      expect(answer).toMatchObject({ status: 200, text: 'success' });
      expect(await kept()).toEqual(before);
      await vi.waitFor(() => expect(eventLines()).toHaveLength(2), LOGGED); // the simulator's push, then this one
      expect(eventLines().at(-1)).toMatchObject({ event: { infoType, authorizerAppid: 'wxauthorizer00002', outcome: 'ok' } });
    },
  );
});

describe('replays and order', () => {
  it('the same push again, and an older ticket: acknowledged, ignored, the kept ticket unchanged', async () => {
    await start();
    const now = nowSeconds();
    const newer = forge.push(ticketMessage(forge.settings.appId, 'ticket@@@newer', now));
    expect(await post(newer)).toMatchObject({ status: 200, text: 'success' });
    expect(await post(newer)).toMatchObject({ status: 200, text: 'success' });
    expect(await post(forge.push(ticketMessage(forge.settings.appId, 'ticket@@@older', now - 600)))).toMatchObject({
      status: 200,
      text: 'success',
    });
    expect(await post(forge.push(ticketMessage(forge.settings.appId, 'ticket@@@same-time', now)))).toMatchObject({ status: 200 });
    expect(await kept()).toEqual({ ticket: 'ticket@@@newer', createTime: now });
    await vi.waitFor(() => expect(eventLines()).toHaveLength(4), LOGGED);
    expect(eventLines().map((l) => l.event.outcome)).toEqual(['ok', 'ignored', 'ignored', 'ignored']);
  });

  it('concurrent pushes in any order: every one acknowledged, the newest kept', async () => {
    await start();
    const base = nowSeconds() - 100;
    const order = [12, 3, 19, 0, 7, 15, 1, 18, 9, 4, 11, 16, 2, 8, 13, 6, 17, 10, 5, 14];
    const pushes = order.map((i) => forge.push(ticketMessage(forge.settings.appId, `ticket@@@concurrent-${i}`, base + i)));
    const results = await Promise.all(pushes.map((p) => post(p)));
    expect(results.every((r) => r.status === 200 && r.text === 'success')).toBe(true);
    expect(await kept()).toEqual({ ticket: 'ticket@@@concurrent-19', createTime: base + 19 });
    await vi.waitFor(() => expect(eventLines()).toHaveLength(20), LOGGED);
    const outcomes = eventLines().map((l) => l.event.outcome);
    expect(outcomes.every((o) => o === 'ok' || o === 'ignored')).toBe(true);
  });
});

/** 16 random bytes, the length, the message, the appid, then PKCS#7 padding of `pad` bytes (default: to 32). */
function plaintext(message: string, appId: string, options: { length?: number; padValue?: number } = {}): Buffer {
  const head = Buffer.alloc(20, 7);
  const body = Buffer.from(message);
  head.writeUInt32BE(options.length ?? body.length, 16);
  const unpadded = Buffer.concat([head, body, Buffer.from(appId)]);
  const pad = 32 - (unpadded.length % 32);
  return Buffer.concat([unpadded, Buffer.alloc(pad, options.padValue ?? pad)]);
}

type Crafted = { query: URLSearchParams | string; body: BodyInit };
const ticketAt = (ticket: string, createTime = nowSeconds()) => ticketMessage(forge.settings.appId, ticket, createTime);
const withQuery = (request: Crafted, change: (q: URLSearchParams) => void): Crafted => {
  const query = new URLSearchParams(request.query);
  change(query);
  return { query, body: request.body };
};
const withBody = (body: string): Crafted => ({ query: forge.push(ticketAt('ticket@@@body')).query, body });

const BAD_INPUTS: Array<[string, () => Crafted, number]> = [
  // 400: the body is not <xml> with an Encrypt element
  ['a JSON body', () => withBody('{"Encrypt":"abcd"}'), 400],
  ['an empty body', () => withBody(''), 400],
  ['XML without Encrypt', () => withBody('<xml><AppId>wx</AppId></xml>'), 400],
  ['an empty Encrypt', () => withBody('<xml><Encrypt><![CDATA[]]></Encrypt></xml>'), 400],
  ['malformed XML', () => withBody('<xml><Encrypt>abcd</Encrypt>'), 400],
  [
    'a body with a DOCTYPE',
    () => {
      const real = forge.push(ticketAt('ticket@@@doctype'));
      return { query: real.query, body: `<!DOCTYPE xml [<!ELEMENT xml ANY>]>${real.body}` };
    },
    400,
  ],
  [
    'a body with an ENTITY',
    () => withBody('<!DOCTYPE xml [<!ENTITY e SYSTEM "file:///etc/passwd">]><xml><Encrypt>&e;</Encrypt></xml>'),
    400,
  ],
  [
    'a body that is not UTF-8',
    () => ({ query: forge.push(ticketAt('ticket@@@utf8')).query, body: new Uint8Array([0x3c, 0xff, 0xfe]) }),
    400,
  ],
  // 401: parameters, signature, timestamp
  ['no timestamp', () => withQuery(forge.push(ticketAt('ticket@@@a')), (q) => q.delete('timestamp')), 401],
  ['no nonce', () => withQuery(forge.push(ticketAt('ticket@@@b')), (q) => q.delete('nonce')), 401],
  ['no msg_signature', () => withQuery(forge.push(ticketAt('ticket@@@c')), (q) => q.delete('msg_signature')), 401],
  ['no encrypt_type', () => withQuery(forge.push(ticketAt('ticket@@@d')), (q) => q.delete('encrypt_type')), 401],
  ['encrypt_type=raw', () => withQuery(forge.push(ticketAt('ticket@@@e')), (q) => q.set('encrypt_type', 'raw')), 401],
  ['no query at all', () => ({ query: '', body: forge.push(ticketAt('ticket@@@f')).body }), 401],
  [
    'a msg_signature off by one character',
    () => withQuery(forge.push(ticketAt('ticket@@@g')), (q) => q.set('msg_signature', flip(q.get('msg_signature')!))),
    401,
  ],
  [
    'a msg_signature in upper case',
    () => withQuery(forge.push(ticketAt('ticket@@@h')), (q) => q.set('msg_signature', q.get('msg_signature')!.toUpperCase())),
    401,
  ],
  ['signed with another event token', () => forge.push(ticketAt('ticket@@@i'), { settings: { token: 'not-the-event-token' } }), 401],
  ['a nonce changed after signing', () => withQuery(forge.push(ticketAt('ticket@@@j')), (q) => q.set('nonce', '1')), 401],
  ['a timestamp 11 minutes old', () => forge.push(ticketAt('ticket@@@k'), { timestampSeconds: nowSeconds() - 660 }), 401],
  ['a timestamp 11 minutes ahead', () => forge.push(ticketAt('ticket@@@l'), { timestampSeconds: nowSeconds() + 660 }), 401],
  ['a timestamp that is not a number', () => withQuery(forge.push(ticketAt('ticket@@@m')), (q) => q.set('timestamp', 'now')), 401],
  // 400: the ciphertext does not decrypt
  ['an Encrypt that is not base64', () => forge.signed('this is not base64!'), 400],
  ['a ciphertext of 16 bytes', () => forge.signed(Buffer.alloc(16, 1).toString('base64')), 400],
  ['a pad byte of 0', () => forge.signed(forge.rawEncrypt(plaintext(ticketAt('ticket@@@n'), forge.settings.appId, { padValue: 0 }))), 400],
  [
    'a pad byte above 32',
    () => forge.signed(forge.rawEncrypt(plaintext(ticketAt('ticket@@@o'), forge.settings.appId, { padValue: 33 }))),
    400,
  ],
  [
    'a length beyond the plaintext',
    () => forge.signed(forge.rawEncrypt(plaintext(ticketAt('ticket@@@p'), forge.settings.appId, { length: 1e6 }))),
    400,
  ],
  // 401: the appid inside
  ['a push for another platform', () => forge.push(ticketAt('ticket@@@q'), { settings: { appId: 'wxanotherplatform' } }), 401],
  ['another appid in the message', () => forge.push(ticketMessage('wxanotherplatform', 'ticket@@@r', nowSeconds())), 401],
  // 400: the decrypted message
  ['a message with a DOCTYPE', () => forge.push(`<!DOCTYPE xml>${ticketAt('ticket@@@s')}`), 400],
  ['a message with an ENTITY', () => forge.push(`<!DOCTYPE xml [<!ENTITY t "ticket@@@t">]>${ticketAt('&t;')}`), 400],
  ['a message that is not XML', () => forge.push('ticket@@@u'), 400],
  [
    'a message without InfoType',
    () => forge.push('<xml><ComponentVerifyTicket>ticket@@@v</ComponentVerifyTicket><CreateTime>1</CreateTime></xml>'),
    400,
  ],
  [
    'a ticket without CreateTime',
    () => forge.push('<xml><InfoType>component_verify_ticket</InfoType><ComponentVerifyTicket>ticket@@@w</ComponentVerifyTicket></xml>'),
    400,
  ],
];

function flip(signature: string): string {
  const last = signature.at(-1) === '0' ? '1' : '0';
  return `${signature.slice(0, -1)}${last}`;
}

describe('bad input: its status, nothing kept, nothing called', () => {
  it.each(BAD_INPUTS)('%s → %i', async (_what, build, status) => {
    await start();
    await stack.sim.pushTo(stack.eventsUrl);
    const before = await kept();
    expect(before).toBeDefined();
    const answer = await post(build());
    expect(answer.status).toBe(status);
    expect(answer.text).not.toBe('success');
    expect(answer.contentType).toMatch(/^text\/plain/);
    expect(await kept()).toEqual(before);
    expect(stack.sim.count('token')).toBe(0);
  });

  it('the control: a push built the same way as those, unbroken, is kept', async () => {
    await start();
    const answer = await post(forge.signed(forge.rawEncrypt(plaintext(ticketAt('ticket@@@control', 1234), forge.settings.appId))));
    expect(answer).toMatchObject({ status: 200, text: 'success' });
    expect(await kept()).toEqual({ ticket: 'ticket@@@control', createTime: 1234 });
  });

  it('a timestamp 9 minutes off is still accepted', async () => {
    await start();
    expect(await post(forge.push(ticketAt('ticket@@@nine'), { timestampSeconds: nowSeconds() - 540 }))).toMatchObject({ status: 200 });
    expect((await kept())?.ticket).toBe('ticket@@@nine');
  });
});

describe('body size', () => {
  /** A valid push, padded with white space inside <xml> to exactly `size` bytes. */
  const padded = (size: number) => {
    const request = forge.push(ticketAt('ticket@@@padded'));
    const filler = size - Buffer.byteLength(request.body);
    return { query: request.query, body: request.body.replace('</xml>', `${' '.repeat(filler)}</xml>`) };
  };

  it('64 KiB is read (a valid push of exactly that size is kept)', async () => {
    await start();
    const request = padded(64 * 1024);
    expect(Buffer.byteLength(request.body)).toBe(65536);
    expect(await post(request)).toMatchObject({ status: 200, text: 'success' });
    expect((await kept())?.ticket).toBe('ticket@@@padded');
  });

  it('64 KiB + 1 → 413, nothing kept', async () => {
    await start();
    expect(await post(padded(64 * 1024 + 1))).toMatchObject({ status: 413 });
    expect(await kept()).toBeUndefined();
  });

  it('64 KiB + 1, chunked (no Content-Length) → 413, nothing kept', async () => {
    await start();
    const { query, body } = padded(64 * 1024 + 1);
    const bytes = new TextEncoder().encode(body);
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < bytes.length; i += 4096) controller.enqueue(bytes.subarray(i, i + 4096));
        controller.close();
      },
    });
    const answer = await send(stack, query, stream, answers, { duplex: 'half' } as RequestInit);
    expect(answer.status).toBe(413);
    expect(await kept()).toBeUndefined();
  });

  it('a chunked body within the limit is read', async () => {
    await start();
    const { query, body } = forge.push(ticketAt('ticket@@@chunked'));
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode(body));
        controller.close();
      },
    });
    expect(await send(stack, query, stream, answers, { duplex: 'half' } as RequestInit)).toMatchObject({ status: 200, text: 'success' });
    expect((await kept())?.ticket).toBe('ticket@@@chunked');
  });
});

describe('the endpoint', () => {
  it('is 404 without the event settings', async () => {
    await start({ events: false, credentials: undefined });
    const request = forge.push(ticketAt('ticket@@@nowhere'));
    expect((await post(request)).status).toBe(404);
    expect(await kept()).toBeUndefined();
  });

  it('answers 405 to anything but POST', async () => {
    await start();
    const response = await fetch(stack.eventsUrl);
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('POST');
    answers.push(await response.text());
  });
});
