import { createHash, randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { createServer, type IncomingMessage, request, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type AuthorizerCallKind, type AuthorizerSettings, SimulatedAuthorizers } from './authorizers.js';
import { type MiniProgramDomainSettings, SimulatedMiniProgramDomains, WXA_PATHS, type WxaCall } from './mini-program-domains.js';
import { DEFAULT_JUMP_DOMAINS, JUMP_DOMAIN_WIRE, type PlatformSettings, quotaDay, SimulatedPlatform, type WireAnswer } from './platform.js';
import { authorizationMessage, newEncodingAesKey, type PushSettings, pushRequest, ticketMessage } from './push.js';

/** The platform id the simulator plays, named in the README. */
export const SIMULATOR_APPID = 'wxsimulatedplatform0';
const SIMULATOR_SECRET = 'simulator-app-secret';
const SIMULATOR_TICKET = 'ticket@@@simulator';
/** How many of the latest calls `calls` (and GET /__simulator/calls) keep. */
const MAX_KEPT_CALLS = 10_000;
/** WeChat keeps a superseded token usable for about five minutes. */
const SUPERSEDED_GRACE_MS = 5 * 60_000;
/** A component_verify_ticket is good for about 12 hours. */
export const TICKET_LIFETIME_MS = 12 * 3_600_000;
/** WeChat pushes a new ticket every 10 minutes. */
const PUSH_INTERVAL_MS = 10 * 60_000;
/** WeChat gives up on a push after about 5 seconds. */
const PUSH_TIMEOUT_MS = 5000;
/** How many pushes `pushes` keeps. */
const MAX_KEPT_PUSHES = 1000;

/**
 * api_component_token, modify_wxa_server_domain, modify_wxa_jump_domain, get_domain_confirmfile,
 * openapi/quota/get, the four authorizer calls, and `wxa`: a Mini Program's four /wxa/… domain calls
 * (authorizer token).
 */
export type CallKind = 'token' | 'modify' | 'jump' | 'confirmfile' | 'quota' | AuthorizerCallKind | 'wxa';

const AUTHORIZER_CALL_PATHS: Readonly<Record<string, AuthorizerCallKind>> = {
  '/cgi-bin/component/api_get_authorizer_list': 'authorizer_list',
  '/cgi-bin/component/api_get_authorizer_info': 'authorizer_info',
  '/cgi-bin/component/api_query_auth': 'query_auth',
  '/cgi-bin/component/api_authorizer_token': 'authorizer_token',
};

const MODIFY_PATH = '/cgi-bin/component/modify_wxa_server_domain';
const JUMP_PATH = '/cgi-bin/component/modify_wxa_jump_domain';
const CONFIRM_FILE_PATH = '/cgi-bin/component/get_domain_confirmfile';
const QUOTA_GET_PATH = '/cgi-bin/openapi/quota/get';
/** APIs openapi/quota/get knows (anything else: 76003). */
const QUOTA_PATHS = new Set([MODIFY_PATH, JUMP_PATH, '/cgi-bin/component/api_component_token']);
/** The calls of a platform list, by kind: their path and how their list is named in a body. */
const LIST_PATHS = { modify: MODIFY_PATH, jump: JUMP_PATH } as const;

/** A scripted misbehaviour for tests: the next `times` matching calls get it. */
export interface Fault {
  on?: CallKind;
  /** Only calls with this action (modify, jump). */
  action?: string;
  times?: number;
  /** Let this many matching calls through first (e.g. the second page of a listing fails). */
  skip?: number;
  /** Wait this long before answering (then answer as the other fields say, or normally). */
  delayMs?: number;
  /** In-process tests: hold the answer until this settles (a call the test releases when it is ready). */
  until?: PromiseLike<unknown>;
  /** Apply the change before misbehaving, as a WeChat that acted but whose answer was lost. */
  applyFirst?: boolean;
  /** Destroy the connection without an answer. */
  drop?: boolean;
  /** Answer with this HTTP status and an HTML page. */
  status?: number;
  /** Answer 200 with a body that is not JSON. */
  brokenBody?: boolean;
  /** Answer with this errcode (and errmsg). */
  errcode?: number;
  errmsg?: string;
}

/** What the simulator knew of a call's access_token when it arrived. */
export type TokenState = 'valid' | 'expired' | 'invalid' | 'missing';

/** A token's short fingerprint, as `SimulatorCall.tokenId` has it: tests tell tokens apart without keeping them. */
export const tokenId = (token: string): string => createHash('sha256').update(token).digest('base64url').slice(0, 12);

/** One call as the simulator received it (the token itself is not kept). */
export interface SimulatorCall {
  readonly kind: CallKind;
  /** Calls with an access_token (modify, quota): its state on arrival (before any fault) and fingerprint. */
  readonly tokenState?: TokenState;
  readonly tokenId?: string;
  readonly action?: string;
  readonly wxaServerDomain?: string;
  /** A jump call's wxa_jump_h5_domain. */
  readonly wxaJumpH5Domain?: string;
  /** A Mini Program's call (kind `wxa`): which of the four. */
  readonly wxa?: WxaCall;
  readonly publishTogether?: boolean;
  readonly body: unknown;
  /** The request's headers as received (lower-case names): what the service sends WeChat besides the body. */
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
}

export interface SimulatorOptions {
  readonly port?: number;
  readonly host?: string;
  readonly componentAppId?: string;
  readonly componentAppSecret?: string;
  readonly componentVerifyTicket?: string;
  /** Tokens accepted without api_component_token, as if issued by a central token server. */
  readonly staticTokens?: readonly string[];
  readonly tokenTtlSeconds?: number;
  readonly platform?: Partial<PlatformSettings>;
  /** The business (jump) domains' settings (their own testing, published and limits). */
  readonly jumpDomains?: Partial<PlatformSettings>;
  /** The confirmation file get_domain_confirmfile hands out; one of its own by default. */
  readonly confirmFile?: { readonly fileName: string; readonly fileContent: string };
  /** Each authorized Mini Program's lists: limits, the delay of each /wxa call, the lists a Mini Program starts with. */
  readonly miniProgramDomains?: Partial<MiniProgramDomainSettings>;
  /** The daily call limit openapi/quota/get reports for each API (default 1000). */
  readonly dailyCallLimit?: number;
  readonly now?: () => number;
  /** The message-check token of the pushes; random by default. */
  readonly eventToken?: string;
  /** The EncodingAESKey of the pushes; random by default. */
  readonly eventAesKey?: string;
  /** How often a new ticket is pushed once an event target is set (default 10 minutes, as WeChat). */
  readonly pushIntervalMs?: number;
  /** The authorized accounts: 5 Mini Programs and 1 Official Account unless told. */
  readonly authorizers?: AuthorizerSettings;
}

/** One push the simulator sent (the ticket itself is not kept here). */
export interface SimulatorPush {
  readonly infoType: string;
  /** The push's CreateTime, Unix seconds of the simulator's clock. */
  readonly createTime: number;
  /** The receiver's HTTP status; 0 when it could not be reached. */
  readonly status: number;
  /** The receiver's answer (WeChat wants exactly `success`). */
  readonly answer: string;
}

/** A ticket the simulator issued, with its CreateTime (Unix seconds). */
export interface IssuedTicket {
  readonly ticket: string;
  readonly createTime: number;
}

export interface Simulator {
  readonly url: string;
  /** `componentVerifyTicket`: the ticket issued at start (WECHAT_COMPONENT_VERIFY_TICKET's seed, if wanted). */
  readonly credentials: { componentAppId: string; componentAppSecret: string; componentVerifyTicket: string };
  /** The platform's message-check settings, as the service needs them (WECHAT_EVENT_TOKEN, WECHAT_EVENT_AES_KEY). */
  readonly events: { readonly token: string; readonly encodingAesKey: string };
  /** Every ticket issued (the one at start, then one per ticket push), oldest first. */
  readonly issuedTickets: readonly IssuedTicket[];
  /** The latest pushes (at most 1000), oldest first. */
  readonly pushes: readonly SimulatorPush[];
  /** The latest calls (at most 10,000), oldest first; tests may empty it. */
  readonly calls: SimulatorCall[];
  readonly platform: SimulatedPlatform;
  /** The platform's business (jump) domains. */
  readonly jumpDomains: SimulatedPlatform;
  /** The confirmation file this platform hands out. */
  readonly confirmFile: { readonly fileName: string; readonly fileContent: string };
  /** The accounts authorized to the platform, and their tokens. */
  readonly authorizers: SimulatedAuthorizers;
  /** Each authorized Mini Program's server and webview domains, bounded by the two lists above. */
  readonly miniProgramDomains: SimulatedMiniProgramDomains;
  /** Every token issued through api_component_token, oldest first (tests look for leaks with it). */
  readonly issuedTokens: readonly string[];
  injectFault(fault: Fault): void;
  /** Makes every issued token invalid at once (as if refreshed elsewhere long ago). */
  revokeTokens(): void;
  /** Makes one token invalid, a static one included (as if its owner had refreshed it). */
  revokeToken(token: string): void;
  /** The simulator's clock (epoch ms): the given `now` plus every advanceClock. */
  now(): number;
  /** Moves the simulator's clock forward: tickets, tokens and the monthly quota age accordingly. */
  advanceClock(ms: number): void;
  /**
   * Where to push (the service's /wechat/events URL), or undefined to stop. Pushes a new ticket at once,
   * then every `pushIntervalMs`.
   */
  pushTo(url: string | undefined): Promise<SimulatorPush | undefined>;
  /** Issues a new ticket and pushes it to the target now. */
  pushTicket(): Promise<SimulatorPush>;
  /** Pushes an authorisation event (`authorized`, `updateauthorized`, `unauthorized`) to the target now. */
  pushAuthorization(infoType: string, authorizerAppid: string): Promise<SimulatorPush>;
  /** Sends the last authorisation push again, as WeChat does when unsure it was received (same code, new nonce). */
  replayLastAuthorization(): Promise<SimulatorPush>;
  /** The most changes (add, delete, set) WeChat was answering at once since start: more than 1 means two callers interleaved. */
  changesMostAtOnce(): number;
  /** Count of calls of a kind (and action), since start or the last `calls.length = 0`. */
  count(kind: CallKind, action?: string): number;
  /**
   * Resolves with the next call of a kind (and action) when it arrives (before it is answered): a test waits
   * on the request itself instead of sleeping.
   */
  nextCall(kind: CallKind, action?: string): Promise<SimulatorCall>;
  close(): Promise<void>;
}

/**
 * An HTTP server that plays WeChat's api_component_token, the platform's two lists (modify_wxa_server_domain,
 * modify_wxa_jump_domain), get_domain_confirmfile and openapi/quota/get, with scripted
 * faults. It is the zero-configuration upstream of `npm start` and the upstream of the integration tests.
 * Admin routes under /__simulator/ let a process outside (a load test, a person with curl) drive it.
 */
export async function startSimulator(options: SimulatorOptions = {}): Promise<Simulator> {
  const clock = options.now ?? Date.now;
  let clockOffset = 0;
  const now = () => clock() + clockOffset;
  const credentials = {
    componentAppId: options.componentAppId ?? SIMULATOR_APPID,
    componentAppSecret: options.componentAppSecret ?? SIMULATOR_SECRET,
    componentVerifyTicket: options.componentVerifyTicket ?? SIMULATOR_TICKET,
  };
  const events = {
    token: options.eventToken ?? `simevent${randomBytes(12).toString('hex')}`,
    encodingAesKey: options.eventAesKey ?? newEncodingAesKey(),
  };
  const pushSettings: PushSettings = { ...events, appId: credentials.componentAppId };
  /** ticket → epoch ms (simulator clock) when issued; api_component_token takes those younger than 12 hours. */
  const ticketsIssuedAt = new Map<string, number>([[credentials.componentVerifyTicket, now()]]);
  const issuedTickets: IssuedTicket[] = [{ ticket: credentials.componentVerifyTicket, createTime: Math.floor(now() / 1000) }];
  const pushes: SimulatorPush[] = [];
  let pushTarget: string | undefined;
  let pushTimer: NodeJS.Timeout | undefined;
  const ttlMs = (options.tokenTtlSeconds ?? 7200) * 1000;
  const platform = new SimulatedPlatform(options.platform);
  const jumpDomains = new SimulatedPlatform(options.jumpDomains, JUMP_DOMAIN_WIRE, DEFAULT_JUMP_DOMAINS);
  const ceiling = (list: SimulatedPlatform) => [...new Set([...list.settings.testing, ...(list.settings.published ?? [])])];

  const confirmFile = options.confirmFile ?? {
    fileName: `${randomBytes(5).toString('hex')}.txt`,
    fileContent: randomBytes(16).toString('hex'),
  };
  const authorizers = new SimulatedAuthorizers(options.authorizers, now());
  // Whose lists a /wxa call is about: the authorizer access token says.
  const miniProgramDomains = new SimulatedMiniProgramDomains(
    { server: () => ceiling(platform), business: () => ceiling(jumpDomains) },
    options.miniProgramDomains,
    (token, at) => authorizers.checkAccessToken(token, at),
  );
  /** token → epoch ms after which WeChat refuses it. */
  const tokens = new Map<string, number>((options.staticTokens ?? []).map((t) => [t, Number.POSITIVE_INFINITY]));
  const faults: Fault[] = [];
  const calls: SimulatorCall[] = [];
  /** Counts since start, by action (`token` for api_component_token): kept apart from `calls`, which is capped. */
  const totals = new Map<string, number>();
  const issuedTokens: string[] = [];
  /** Calls of each API path on the current China day, for openapi/quota/get. */
  let callsToday = { day: '', byPath: new Map<string, number>() };
  const countToday = (path: string) => {
    const day = quotaDay(now());
    if (callsToday.day !== day) callsToday = { day, byPath: new Map() };
    callsToday.byPath.set(path, (callsToday.byPath.get(path) ?? 0) + 1);
  };
  const dailyCallLimit = options.dailyCallLimit ?? 1000;
  const sockets = new Set<import('node:net').Socket>();

  const takeFault = (kind: CallKind, action: unknown): Fault | undefined => {
    const index = faults.findIndex((f) => (f.on ?? 'modify') === kind && (f.action === undefined || f.action === action));
    if (index < 0) return undefined;
    const fault = faults[index]!;
    if ((fault.skip ?? 0) > 0) {
      fault.skip = fault.skip! - 1;
      return undefined;
    }
    fault.times = (fault.times ?? 1) - 1;
    if (fault.times <= 0) faults.splice(index, 1);
    return fault;
  };

  const issueToken = (body: Record<string, unknown>): WireAnswer => {
    if (body.component_appid !== credentials.componentAppId) return { errcode: 61011, errmsg: 'invalid component' };
    if (!body.component_appsecret) return { errcode: 41004, errmsg: 'appsecret missing' };
    if (body.component_appsecret !== credentials.componentAppSecret) return { errcode: 40125, errmsg: 'invalid appsecret' };
    const at = now();
    const ticketIssuedAt = typeof body.component_verify_ticket === 'string' ? ticketsIssuedAt.get(body.component_verify_ticket) : undefined;
    if (ticketIssuedAt === undefined) return { errcode: 61006, errmsg: 'component_verify_ticket is invalid' };
    if (at - ticketIssuedAt >= TICKET_LIFETIME_MS) return { errcode: 61005, errmsg: 'component_verify_ticket is expired' };
    for (const [token, until] of tokens) tokens.set(token, Math.min(until, at + SUPERSEDED_GRACE_MS));
    const token = `simtoken_${randomBytes(24).toString('base64url')}`;
    tokens.set(token, at + ttlMs);
    issuedTokens.push(token);
    return { component_access_token: token, expires_in: ttlMs / 1000 };
  };

  const tokenStateOf = (token: string | null): TokenState => {
    if (!token) return 'missing';
    const until = tokens.get(token);
    if (until === undefined) return 'invalid';
    return now() >= until ? 'expired' : 'valid';
  };

  const checkToken = (token: string | null): WireAnswer | undefined => {
    if (!token) return { errcode: 41001, errmsg: 'access_token missing' };
    const until = tokens.get(token);
    if (until === undefined) return { errcode: 40001, errmsg: 'invalid credential, access_token is invalid or not latest' };
    if (now() >= until) return { errcode: 42001, errmsg: 'access_token expired' };
    return undefined;
  };

  /** openapi/quota/get: today's calls of the API named by `cgi_path`, as WeChat counts them. */
  const reportQuota = (body: Record<string, unknown>): Record<string, unknown> => {
    const path = body.cgi_path;
    if (typeof path !== 'string' || !QUOTA_PATHS.has(path)) return { errcode: 76003, errmsg: 'cgi_path not found' };
    countToday(QUOTA_GET_PATH);
    const day = quotaDay(now());
    const used = callsToday.day === day ? (callsToday.byPath.get(path) ?? 0) : 0;
    return {
      errcode: 0,
      errmsg: 'ok',
      quota: { daily_limit: dailyCallLimit, used, remain: Math.max(0, dailyCallLimit - used) },
      rate_limit: { call_count: 100, refresh_second: 60 },
      component_rate_limit: { call_count: 1000, refresh_second: 60 },
    };
  };

  /** Changes (add, delete, set) being answered now, and the most ever at once: WeChat should never see two. */
  const changes = { inFlight: 0, mostAtOnce: 0 };
  /** Tests waiting for the next call of a kind (and action). */
  const waiters: { kind: CallKind; action?: string; resolve: (call: SimulatorCall) => void }[] = [];

  const handleWechat = async (req: IncomingMessage, res: ServerResponse, url: URL, kind: CallKind) => {
    const body = parseJson(await readBody(req));
    const record = isRecord(body) ? body : {};
    if (kind === 'wxa') {
      const change = WXA_PATHS[url.pathname]?.startsWith('get_') === false && record.action !== 'get';
      return miniProgramDomains.serve(() => answerWechat(req, res, url, kind, body, record), change);
    }
    const isChange = (kind === 'modify' || kind === 'jump') && typeof record.action === 'string' && record.action !== 'get';
    if (!isChange) return answerWechat(req, res, url, kind, body, record);
    changes.inFlight += 1;
    changes.mostAtOnce = Math.max(changes.mostAtOnce, changes.inFlight);
    try {
      return await answerWechat(req, res, url, kind, body, record);
    } finally {
      changes.inFlight -= 1;
    }
  };

  const answerWechat = async (
    req: IncomingMessage,
    res: ServerResponse,
    url: URL,
    kind: CallKind,
    body: unknown,
    record: Record<string, unknown>,
  ) => {
    if (kind === 'modify' || kind === 'jump') countToday(LIST_PATHS[kind]);
    // Server-domain calls by their action (as before lists); the others by kind, or kind:action.
    const action = typeof record.action === 'string' ? record.action : 'unknown';
    const counted = kind === 'modify' ? action : kind === 'jump' ? `jump:${action}` : kind;
    totals.set(counted, (totals.get(counted) ?? 0) + 1);
    // A long `npm start` must not grow without bound: only the latest calls are kept for inspection.
    if (calls.length >= MAX_KEPT_CALLS) calls.splice(0, calls.length - MAX_KEPT_CALLS + 1);
    const accessToken = url.searchParams.get('access_token');
    const call: SimulatorCall = {
      kind,
      body,
      headers: { ...req.headers },
      ...(kind === 'token' ? {} : { tokenState: tokenStateOf(accessToken), ...(accessToken ? { tokenId: tokenId(accessToken) } : {}) }),
      ...(kind === 'modify' || kind === 'jump'
        ? {
            action: typeof record.action === 'string' ? record.action : undefined,
            ...(kind === 'modify'
              ? { wxaServerDomain: typeof record.wxa_server_domain === 'string' ? record.wxa_server_domain : undefined }
              : { wxaJumpH5Domain: typeof record.wxa_jump_h5_domain === 'string' ? record.wxa_jump_h5_domain : undefined }),
            publishTogether: typeof record.is_modify_published_together === 'boolean' ? record.is_modify_published_together : undefined,
          }
        : kind === 'wxa'
          ? { wxa: WXA_PATHS[url.pathname], action: typeof record.action === 'string' ? record.action : undefined }
          : {}),
    };
    calls.push(call);
    for (let i = waiters.length - 1; i >= 0; i--) {
      const waiter = waiters[i]!;
      if (waiter.kind !== call.kind || (waiter.action !== undefined && waiter.action !== call.action)) continue;
      waiters.splice(i, 1);
      waiter.resolve(call);
    }
    const answer = (): Record<string, unknown> => {
      if (!isRecord(body)) return { errcode: 47001, errmsg: 'data format error' };
      if (kind === 'token') return issueToken(body);
      if (kind === 'wxa') return miniProgramDomains.handle(WXA_PATHS[url.pathname]!, url.searchParams.get('access_token'), body, now());
      const refused = checkToken(url.searchParams.get('access_token'));
      if (refused) return refused;
      if (kind === 'quota') return reportQuota(body);
      if (kind === 'confirmfile')
        return { errcode: 0, errmsg: 'ok', file_name: confirmFile.fileName, file_content: confirmFile.fileContent };
      if (kind === 'modify' || kind === 'jump') return (kind === 'jump' ? jumpDomains : platform).handle(body, now());
      return authorizers.handle(kind, body, now());
    };
    const fault = takeFault(kind, record.action);
    if (!fault) return sendJson(res, 200, answer());
    const real = fault.applyFirst ? answer() : undefined;
    if (fault.delayMs) await new Promise((resolve) => setTimeout(resolve, fault.delayMs));
    if (fault.until) await Promise.resolve(fault.until).catch(() => undefined);
    if (res.destroyed) return;
    if (fault.drop) return void req.socket.destroy();
    if (fault.status) return sendText(res, fault.status, 'text/html', `<html><body>${fault.status}</body></html>`);
    if (fault.brokenBody) return sendText(res, 200, 'application/json', '{"errcode":0,"errmsg":"ok","testing_wxa_');
    if (fault.errcode !== undefined) return sendJson(res, 200, { errcode: fault.errcode, errmsg: fault.errmsg ?? 'simulated error' });
    return sendJson(res, 200, real ?? answer());
  };

  const handleAdmin = async (req: IncomingMessage, res: ServerResponse, path: string) => {
    if (req.method === 'GET' && path === 'state') {
      return sendJson(res, 200, {
        ...platform.settings,
        changesThisMonth: platform.changesThisMonth,
        jumpDomains: { ...jumpDomains.settings, changesThisMonth: jumpDomains.changesThisMonth },
        confirmFile,
      });
    }
    if (req.method === 'GET' && path === 'calls') return sendJson(res, 200, calls);
    if (req.method === 'GET' && path === 'stats') {
      const byAction = Object.fromEntries(totals);
      const total = [...totals.values()].reduce((sum, n) => sum + n, 0);
      return sendJson(res, 200, {
        calls: total,
        byAction,
        changesThisMonth: platform.changesThisMonth,
        changesMostAtOnce: changes.mostAtOnce,
      });
    }
    if (req.method === 'POST' && path === 'faults') {
      const body = parseJson(await readBody(req));
      for (const fault of Array.isArray(body) ? body : [body]) if (isRecord(fault)) faults.push(fault as Fault);
      return sendJson(res, 200, { faults: faults.length });
    }
    if (req.method === 'POST' && path === 'revoke-tokens') {
      simulator.revokeTokens();
      return sendJson(res, 200, { ok: true });
    }
    if (req.method === 'POST' && path === 'clock') {
      const body = parseJson(await readBody(req));
      const advanceMs = isRecord(body) ? body.advanceMs : undefined;
      if (typeof advanceMs !== 'number' || !Number.isFinite(advanceMs) || advanceMs < 0) {
        return sendJson(res, 400, { error: 'give {"advanceMs": <milliseconds to move the clock forward>}' });
      }
      simulator.advanceClock(advanceMs);
      return sendJson(res, 200, { now: now() });
    }
    if (req.method === 'POST' && path === 'event-target') {
      const body = parseJson(await readBody(req));
      const url = isRecord(body) ? body.url : undefined;
      if (url !== null && (typeof url !== 'string' || !URL.canParse(url))) {
        return sendJson(res, 400, { error: 'give {"url": "http://host:port/wechat/events"} (or null to stop pushing)' });
      }
      return sendJson(res, 200, { push: (await simulator.pushTo(url ?? undefined)) ?? null });
    }
    if (req.method === 'POST' && (path === 'authorize' || path === 'unauthorize')) {
      const body = parseJson(await readBody(req));
      const appId = isRecord(body) ? body.appId : undefined;
      if (typeof appId !== 'string' || !/^wx[0-9a-z]{1,30}$/.test(appId)) return sendJson(res, 400, { error: 'give {"appId": "wx..."}' });
      if (pushTarget === undefined) return sendJson(res, 409, { error: 'no event target: POST /__simulator/event-target first' });
      if (path === 'authorize' && isRecord(body) && body.officialAccount === true) authorizers.add(appId, 'official-account');
      return sendJson(res, 200, await simulator.pushAuthorization(path === 'authorize' ? 'authorized' : 'unauthorized', appId));
    }
    if (req.method === 'POST' && path === 'push') {
      if (pushTarget === undefined) return sendJson(res, 409, { error: 'no event target: POST /__simulator/event-target first' });
      return sendJson(res, 200, await simulator.pushTicket());
    }
    return sendJson(res, 404, { error: 'unknown simulator admin route' });
  };

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://simulator');
    const route = async () => {
      if (url.pathname.startsWith('/__simulator/')) return handleAdmin(req, res, url.pathname.slice('/__simulator/'.length));
      if (req.method === 'POST' && url.pathname === '/cgi-bin/component/api_component_token') return handleWechat(req, res, url, 'token');
      if (req.method === 'POST' && url.pathname === MODIFY_PATH) return handleWechat(req, res, url, 'modify');
      if (req.method === 'POST' && url.pathname === JUMP_PATH) return handleWechat(req, res, url, 'jump');
      if (req.method === 'POST' && url.pathname === CONFIRM_FILE_PATH) return handleWechat(req, res, url, 'confirmfile');
      if (req.method === 'POST' && url.pathname === QUOTA_GET_PATH) return handleWechat(req, res, url, 'quota');
      const authorizerCall = AUTHORIZER_CALL_PATHS[url.pathname];
      if (req.method === 'POST' && authorizerCall) return handleWechat(req, res, url, authorizerCall);
      if (req.method === 'POST' && WXA_PATHS[url.pathname]) return handleWechat(req, res, url, 'wxa');
      return sendJson(res, 404, { errcode: 404, errmsg: 'not found' });
    };
    route().catch(() => {
      if (!res.headersSent) sendJson(res, 500, { errcode: -1, errmsg: 'simulator failure' });
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  server.listen(options.port ?? 0, options.host ?? '127.0.0.1');
  await once(server, 'listening');
  const { address, port } = server.address() as AddressInfo;

  const send = async (infoType: string, createTime: number, message: string): Promise<SimulatorPush> => {
    const target = pushTarget;
    if (target === undefined) throw new Error('the simulator has no event target: call pushTo(url) first');
    const { query, body } = pushRequest(pushSettings, message, Math.floor(now() / 1000));
    let push: SimulatorPush;
    try {
      const { status, text } = await postText(`${target}${target.includes('?') ? '&' : '?'}${query}`, body);
      push = { infoType, createTime, status, answer: text };
    } catch {
      push = { infoType, createTime, status: 0, answer: '' };
    }
    if (pushes.length >= MAX_KEPT_PUSHES) pushes.splice(0, pushes.length - MAX_KEPT_PUSHES + 1);
    pushes.push(push);
    return push;
  };
  /** Strictly increasing, as WeChat's: two pushes within a second must still be told apart. */
  const nextCreateTime = () => Math.max(Math.floor(now() / 1000), (issuedTickets.at(-1)?.createTime ?? 0) + 1);
  let lastAuthorization: { infoType: string; createTime: number; message: string } | undefined;
  const pushTicket = () => {
    const ticket = `ticket@@@${randomBytes(32).toString('base64url')}`;
    const createTime = nextCreateTime();
    ticketsIssuedAt.set(ticket, now());
    issuedTickets.push({ ticket, createTime });
    return send('component_verify_ticket', createTime, ticketMessage(credentials.componentAppId, ticket, createTime));
  };

  const simulator: Simulator = {
    url: `http://${address.includes(':') ? `[${address}]` : address}:${port}`,
    credentials,
    calls,
    platform,
    jumpDomains,
    confirmFile,
    authorizers,
    miniProgramDomains,
    issuedTokens,
    injectFault: (fault) => void faults.push({ ...fault }),
    revokeToken: (token) => void tokens.delete(token),
    revokeTokens: () => {
      for (const token of tokens.keys()) if (!(options.staticTokens ?? []).includes(token)) tokens.delete(token);
    },
    changesMostAtOnce: () => changes.mostAtOnce,
    count: (kind, action) => calls.filter((c) => c.kind === kind && (action === undefined || c.action === action)).length,
    nextCall: (kind, action) => new Promise((resolve) => waiters.push({ kind, action, resolve })),
    events,
    issuedTickets,
    pushes,
    now,
    advanceClock: (ms) => {
      clockOffset += ms;
    },
    pushTo: async (url) => {
      clearInterval(pushTimer);
      pushTimer = undefined;
      pushTarget = url;
      if (url === undefined) return undefined;
      pushTimer = setInterval(() => void pushTicket(), options.pushIntervalMs ?? PUSH_INTERVAL_MS);
      pushTimer.unref();
      return pushTicket();
    },
    pushTicket,
    pushAuthorization: (infoType, authorizerAppid) => {
      const createTime = Math.floor(now() / 1000);
      // The push follows what the owner did: authorized (again) or not any more.
      let code: string | undefined;
      if (infoType === 'authorized' || infoType === 'updateauthorized') {
        authorizers.add(authorizerAppid, undefined, undefined, createTime);
        code = authorizers.issueCode(authorizerAppid);
      }
      if (infoType === 'unauthorized') authorizers.remove(authorizerAppid);
      lastAuthorization = {
        infoType,
        createTime,
        message: authorizationMessage(credentials.componentAppId, infoType, authorizerAppid, createTime, code),
      };
      return send(infoType, createTime, lastAuthorization.message);
    },
    replayLastAuthorization: () => {
      if (!lastAuthorization) throw new Error('no authorisation push to replay');
      return send(lastAuthorization.infoType, lastAuthorization.createTime, lastAuthorization.message);
    },
    close: async () => {
      clearInterval(pushTimer);
      const closed = new Promise((resolve) => server.close(resolve));
      for (const socket of sockets) socket.destroy();
      await closed;
    },
  };
  return simulator;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * POSTs XML as WeChat does, giving up after 5 seconds (http: only; the target is the service on loopback).
 * node:http rather than fetch: fetch would load Node's bundled copy of undici, a second one beside the
 * service's, into every `npm start` for one request every 10 minutes.
 */
function postText(url: string, body: string): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url, {
      method: 'POST',
      headers: { 'content-type': 'text/xml', 'content-length': Buffer.byteLength(body) },
      signal: AbortSignal.timeout(PUSH_TIMEOUT_MS),
    });
    req.on('response', (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  sendText(res, status, 'application/json; charset=utf-8', JSON.stringify(body));
}

function sendText(res: ServerResponse, status: number, type: string, body: string): void {
  res.writeHead(status, { 'content-type': type, 'content-length': Buffer.byteLength(body) });
  res.end(body);
}
