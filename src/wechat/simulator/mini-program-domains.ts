import { randomBytes } from 'node:crypto';

/**
 * Each authorized Mini Program's server and webview (business) domains, and WeChat's four `/wxa/…` calls
 * about them, with WeChat's field names and errcodes: the ceiling (a server entry's host one of the
 * platform's server domains, 85018; a webview entry's host a platform business domain or a subdomain of
 * one, 89021), the counts (85016, 89029) and 50 server-domain changes a month per Mini Program (45104).
 * Pure state and logic, no HTTP: `server.ts` puts it on the wire. Follows
 * ../shared/reference/wechat-authorizers.md.
 */

export type WxaCall = 'get_effective_domain' | 'modify_domain' | 'get_effective_webviewdomain' | 'setwebviewdomain';

/** The calls by path. */
export const WXA_PATHS: Readonly<Record<string, WxaCall>> = {
  '/wxa/get_effective_domain': 'get_effective_domain',
  '/wxa/modify_domain': 'modify_domain',
  '/wxa/get_effective_webviewdomain': 'get_effective_webviewdomain',
  '/wxa/setwebviewdomain': 'setwebviewdomain',
};

/** The six kinds' arrays, and each one's scheme. */
const KINDS = {
  requestdomain: 'https',
  wsrequestdomain: 'wss',
  uploaddomain: 'https',
  downloaddomain: 'https',
  udpdomain: 'udp',
  tcpdomain: 'tcp',
} as const;
type KindField = keyof typeof KINDS;
const KIND_FIELDS = Object.keys(KINDS) as KindField[];

export type SimulatedKinds = Record<KindField, string[]>;

/** One Mini Program's lists as WeChat keeps them. */
export interface SimulatedMiniProgramLists {
  /** mp_domain: set in the Mini Program's own console. */
  console: SimulatedKinds;
  /** third_domain: set by this platform (modify_domain). */
  platform: SimulatedKinds;
  /** direct_domain: set by the platform without its lists (modify_domain_directly, not played here). */
  direct: SimulatedKinds;
  webview: { console: string[]; platform: string[]; direct: string[] };
  /** Server-domain changes in `month` (China time). */
  changesThisMonth: number;
  month: string;
}

export interface MiniProgramDomainSettings {
  /** Server-domain changes a month per Mini Program (WeChat: 50). */
  monthlyQuota: number;
  maxPerKind: number;
  maxWebview: number;
  /** Answer each `/wxa/…` call after this long (the bench's 50 ms); 0 by default. */
  delayMs: number;
  /** Each Mini Program's lists when first seen. */
  initial: { console: Partial<SimulatedKinds>; platform: Partial<SimulatedKinds>; webview: string[] };
}

export const DEFAULT_MINI_PROGRAM_DOMAINS: Readonly<MiniProgramDomainSettings> = {
  monthlyQuota: 50,
  maxPerKind: 200,
  maxWebview: 300,
  delayMs: 0,
  // Within the simulator's default platform lists (api.example.com; business domain www.example.com).
  initial: {
    console: { requestdomain: ['https://console.example.net'] },
    platform: { requestdomain: ['https://api.example.com'], downloaddomain: ['https://api.example.com'] },
    webview: ['https://www.example.com'],
  },
};

/** The platform's lists that bound a Mini Program's: the hosts of its server domains and business domains (testing and published). */
export interface PlatformCeilings {
  server(): readonly string[];
  business(): readonly string[];
}

type Answer = Record<string, unknown>;

/** Who an authorizer token stands for, or WeChat's refusal (issue 17's SimulatedAuthorizers.checkAccessToken has this shape). */
export type AccessTokenCheck = (token: string | null, now: number) => { appId: string } | Answer;

const ACTIONS = new Set(['add', 'delete', 'set', 'get']);
const ENTRY = /^([a-z]+):\/\/([a-z0-9.-]+)(?::(\d{1,5}))?$/;

/** Calendar month in China Standard Time, the clock of WeChat's monthly quota. */
const quotaMonth = (epochMs: number) => new Date(epochMs + 8 * 3_600_000).toISOString().slice(0, 7);

const emptyKinds = (): SimulatedKinds => ({
  requestdomain: [],
  wsrequestdomain: [],
  uploaddomain: [],
  downloaddomain: [],
  udpdomain: [],
  tcpdomain: [],
});

const union = (...lists: readonly (readonly string[])[]) => [...new Set(lists.flat())];

function apply(action: string, current: readonly string[], entries: readonly string[]): string[] {
  if (action === 'set') return [...new Set(entries)];
  if (action === 'add') return union(current, entries);
  const gone = new Set(entries);
  return current.filter((entry) => !gone.has(entry));
}

const isStrings = (value: unknown): value is string[] => Array.isArray(value) && value.every((v) => typeof v === 'string');

export class SimulatedMiniProgramDomains {
  readonly settings: MiniProgramDomainSettings;
  readonly #byAppId = new Map<string, SimulatedMiniProgramLists>();
  readonly #ceilings: PlatformCeilings;
  readonly #checkToken: AccessTokenCheck;
  /** Tokens issued by `issueToken` (besides the authorizers' own): token → appid. */
  readonly #tokens = new Map<string, string>();
  /** `/wxa/…` calls being answered now, and the most at once since start (or the last resetMostAtOnce). */
  #inFlight = 0;
  #mostAtOnce = 0;
  /** Changes (modify_domain, setwebviewdomain other than `get`) being answered now, and the most at once. */
  #changesInFlight = 0;
  #changesMostAtOnce = 0;

  constructor(ceilings: PlatformCeilings, settings: Partial<MiniProgramDomainSettings> = {}, checkToken?: AccessTokenCheck) {
    this.settings = structuredClone({ ...DEFAULT_MINI_PROGRAM_DOMAINS, ...settings });
    this.#ceilings = ceilings;
    this.#checkToken = (token, now) => {
      // Tokens issued here (tests and tools) first; then the authorizers' own (api_authorizer_token).
      const own = token === null ? undefined : this.#tokens.get(token);
      if (own !== undefined) return { appId: own };
      return checkToken ? checkToken(token, now) : this.#ownToken(token);
    };
  }

  /** An authorizer access token for `appId` (a stand-in for api_authorizer_token, for tests and tools). */
  issueToken(appId: string): string {
    const token = `simauthorizertoken_${randomBytes(18).toString('base64url')}`;
    this.#tokens.set(token, appId);
    return token;
  }

  /** Refuses `token` from now on (40001), as if refreshed elsewhere. */
  revokeToken(token: string): void {
    this.#tokens.delete(token);
  }

  /** A Mini Program's lists, made on first sight from the settings' initial lists. */
  lists(appId: string): SimulatedMiniProgramLists {
    let lists = this.#byAppId.get(appId);
    if (!lists) {
      const { initial } = this.settings;
      lists = {
        console: { ...emptyKinds(), ...structuredClone(initial.console) },
        platform: { ...emptyKinds(), ...structuredClone(initial.platform) },
        direct: emptyKinds(),
        webview: { console: [], platform: [...initial.webview], direct: [] },
        changesThisMonth: 0,
        month: '',
      };
      this.#byAppId.set(appId, lists);
    }
    return lists;
  }

  /** The most `/wxa/…` calls answered at once. */
  get mostAtOnce(): number {
    return this.#mostAtOnce;
  }

  /** The most changes answered at once: more than 1 means two changes interleaved at WeChat. */
  get changesMostAtOnce(): number {
    return this.#changesMostAtOnce;
  }

  resetMostAtOnce(): void {
    this.#mostAtOnce = this.#inFlight;
    this.#changesMostAtOnce = this.#changesInFlight;
  }

  /** Runs `answer` as one `/wxa/…` call in flight (`isChange`: one that changes a list), after the settings' delay. */
  async serve<T>(answer: () => T | Promise<T>, isChange = false): Promise<T> {
    this.#inFlight += 1;
    this.#mostAtOnce = Math.max(this.#mostAtOnce, this.#inFlight);
    if (isChange) {
      this.#changesInFlight += 1;
      this.#changesMostAtOnce = Math.max(this.#changesMostAtOnce, this.#changesInFlight);
    }
    try {
      if (this.settings.delayMs > 0) await new Promise((resolve) => setTimeout(resolve, this.settings.delayMs));
      return await answer();
    } finally {
      this.#inFlight -= 1;
      if (isChange) this.#changesInFlight -= 1;
    }
  }

  /** Answers one `/wxa/…` call: the token says whose lists. */
  handle(call: WxaCall, token: string | null, body: Record<string, unknown>, now: number): Answer {
    const checked = this.#checkToken(token, now);
    if (!('appId' in checked) || typeof checked.appId !== 'string') return checked;
    const lists = this.lists(checked.appId);
    if (call === 'get_effective_domain') return this.#effectiveDomains(lists);
    if (call === 'get_effective_webviewdomain') return this.#effectiveWebview(lists);
    if (call === 'modify_domain') return this.#modifyDomain(lists, body, now);
    return this.#setWebviewDomain(lists, body);
  }

  #ownToken(token: string | null): { appId: string } | Answer {
    if (!token) return { errcode: 41001, errmsg: 'access_token missing' };
    const appId = this.#tokens.get(token);
    return appId === undefined ? { errcode: 40001, errmsg: 'invalid credential, access_token is invalid or not latest' } : { appId };
  }

  #effectiveDomains(lists: SimulatedMiniProgramLists): Answer {
    const effective = Object.fromEntries(
      KIND_FIELDS.map((field) => [field, union(lists.console[field], lists.platform[field], lists.direct[field])]),
    );
    return {
      errcode: 0,
      errmsg: 'ok',
      mp_domain: lists.console,
      third_domain: lists.platform,
      direct_domain: lists.direct,
      effective_domain: effective,
    };
  }

  #effectiveWebview(lists: SimulatedMiniProgramLists): Answer {
    const { console, platform, direct } = lists.webview;
    return {
      errcode: 0,
      errmsg: 'ok',
      mp_webviewdomain: console,
      third_webviewdomain: platform,
      direct_webviewdomain: direct,
      effective_webviewdomain: union(console, platform, direct),
    };
  }

  #modifyDomain(lists: SimulatedMiniProgramLists, body: Record<string, unknown>, now: number): Answer {
    const { action } = body;
    if (typeof action !== 'string' || !ACTIONS.has(action)) return { errcode: 47001, errmsg: 'data format error: action' };
    if (action === 'get') return { errcode: 0, errmsg: 'ok', ...lists.platform };
    const given: Partial<SimulatedKinds> = {};
    for (const field of KIND_FIELDS) {
      const value = body[field];
      if (value === undefined) continue;
      if (!isStrings(value)) return { errcode: 47001, errmsg: `data format error: ${field}` };
      given[field] = value;
    }
    if (action !== 'delete') {
      const server = this.#ceilings.server();
      for (const field of KIND_FIELDS) {
        for (const entry of given[field] ?? []) {
          const match = ENTRY.exec(entry);
          if (!match || match[1] !== KINDS[field]) return { errcode: 47001, errmsg: `data format error: ${entry}` };
          if (!server.includes(match[2]!))
            return { errcode: 85018, errmsg: `domain is not in the third-party platform's server domains: ${entry}` };
        }
      }
    }
    const after = Object.fromEntries(
      KIND_FIELDS.map((field) => [field, apply(action, lists.platform[field], given[field] ?? [])]),
    ) as SimulatedKinds;
    if (KIND_FIELDS.some((field) => after[field].length > this.settings.maxPerKind))
      return { errcode: 85016, errmsg: 'exceed max domain count' };
    const month = quotaMonth(now);
    if (lists.month !== month) {
      lists.month = month;
      lists.changesThisMonth = 0;
    }
    if (lists.changesThisMonth >= this.settings.monthlyQuota) return { errcode: 45104, errmsg: 'modify domain reach monthly quota limit' };
    lists.platform = after;
    lists.changesThisMonth += 1;
    return { errcode: 0, errmsg: 'ok', ...after };
  }

  #setWebviewDomain(lists: SimulatedMiniProgramLists, body: Record<string, unknown>): Answer {
    const { action, webviewdomain } = body;
    const business = this.#ceilings.business();
    // No action: WeChat adds every platform business domain.
    if (action === undefined) {
      if (business.length === 0) return { errcode: 89020, errmsg: 'third party has no business domains' };
      lists.webview.platform = union(
        lists.webview.platform,
        business.map((host) => `https://${host}`),
      );
      return { errcode: 0, errmsg: 'ok' };
    }
    if (typeof action !== 'string' || !ACTIONS.has(action)) return { errcode: 47001, errmsg: 'data format error: action' };
    if (action === 'get') return { errcode: 0, errmsg: 'ok', webviewdomain: lists.webview.platform };
    if (webviewdomain !== undefined && !isStrings(webviewdomain)) return { errcode: 47001, errmsg: 'data format error: webviewdomain' };
    const entries = webviewdomain ?? [];
    if (action !== 'delete') {
      for (const entry of entries) {
        const [, scheme, host, port] = ENTRY.exec(entry) ?? [];
        if (scheme !== 'https' || host === undefined) return { errcode: 47001, errmsg: `data format error: ${entry}` };
        if (port !== undefined || !business.some((d) => host === d || host.endsWith(`.${d}`))) {
          return { errcode: 89021, errmsg: `domain is not a business domain of the third party, nor a subdomain of one: ${entry}` };
        }
      }
    }
    const after = apply(action, lists.webview.platform, entries);
    if (after.length > this.settings.maxWebview) return { errcode: 89029, errmsg: 'exceed max webview domain count' };
    lists.webview.platform = after;
    return { errcode: 0, errmsg: 'ok' };
  }
}
