/**
 * The simulated platform's server domains and the rules WeChat applies to changing them. Pure state and
 * logic, no HTTP: `server.ts` puts it on the wire. Follows ../shared/reference/wechat-server-domain-api.md.
 */

export interface PlatformSettings {
  /** Whether the platform has been published ("whole-network release"); publishTogether needs it. */
  released: boolean;
  testing: string[];
  /** Null: never published, so WeChat omits published_wxa_server_domain. */
  published: string[] | null;
  monthlyQuota: number;
  maxDomains: number;
}

export const DEFAULT_PLATFORM: Readonly<PlatformSettings> = {
  released: true,
  testing: ['api.example.com'],
  published: ['api.example.com'],
  monthlyQuota: 50,
  maxDomains: 1000,
};

export type WireAnswer = Record<string, string | number>;

/** A platform list's field names on the wire (the same shape as the service's PlatformListWire). */
export interface SimulatedWire {
  readonly domains: string;
  readonly testing: string;
  readonly published: string;
  readonly unverified: string;
}

export const SERVER_DOMAIN_WIRE: SimulatedWire = {
  domains: 'wxa_server_domain',
  testing: 'testing_wxa_server_domain',
  published: 'published_wxa_server_domain',
  unverified: 'invalid_wxa_server_domain',
};

export const JUMP_DOMAIN_WIRE: SimulatedWire = {
  domains: 'wxa_jump_h5_domain',
  testing: 'testing_wxa_jump_h5_domain',
  published: 'published_wxa_jump_h5_domain',
  unverified: 'invalid_wxa_jump_h5_domain',
};

/** The business domains the simulator starts with; no monthly limit is documented for them (a large one here). */
export const DEFAULT_JUMP_DOMAINS: Readonly<PlatformSettings> = {
  released: true,
  testing: ['www.example.com'],
  published: ['www.example.com'],
  monthlyQuota: 1_000_000,
  maxDomains: 300,
};

/** A business domain whose first label is this cannot serve the confirmation file: WeChat answers -1 for it. */
export const NO_CONFIRM_FILE_LABEL = 'nofile';

const ACTIONS = new Set(['get', 'add', 'delete', 'set']);
const HOST = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/;
/** Reserved top-level names (RFC 2606) that the simulated WeChat refuses outright, for 9410016. */
const REFUSED_TLDS = new Set(['invalid', 'localhost']);
/** Domains under `.test` are accepted but never pass verification: they show up as unverified. */
const UNVERIFIED_TLD = 'test';

const tld = (domain: string) => domain.slice(domain.lastIndexOf('.') + 1);

/** Calendar month in China Standard Time (UTC+8), the clock WeChat's monthly quota runs on. */
export const quotaMonth = (epochMs: number) => new Date(epochMs + 8 * 3_600_000).toISOString().slice(0, 7);

/** Calendar day in China Standard Time, the clock of WeChat's daily call quota. */
export const quotaDay = (epochMs: number) => new Date(epochMs + 8 * 3_600_000).toISOString().slice(0, 10);

export class SimulatedPlatform {
  settings: PlatformSettings;
  changesThisMonth = 0;
  #month = '';
  readonly #wire: SimulatedWire;

  /** A platform list: the server domains by default; `wire` and `defaults` make it the business domains. */
  constructor(settings: Partial<PlatformSettings> = {}, wire: SimulatedWire = SERVER_DOMAIN_WIRE, defaults = DEFAULT_PLATFORM) {
    this.settings = structuredClone({ ...defaults, ...settings });
    this.#wire = wire;
  }

  /** Answers one body of the list's call (already known to come with a valid token). */
  handle(body: Record<string, unknown>, now: number): WireAnswer {
    const { action, [this.#wire.domains]: list, is_modify_published_together: together } = body;
    if (typeof action !== 'string' || !ACTIONS.has(action)) return { errcode: 40052, errmsg: 'invalid action name' };
    if (action === 'get') return this.#answer();

    if (list !== undefined && typeof list !== 'string') return { errcode: 47001, errmsg: 'data format error' };
    if (together !== undefined && typeof together !== 'boolean') return { errcode: 47001, errmsg: 'data format error' };
    const domains = (list ?? '').split(';').filter((d) => d !== '');
    if (domains.length === 0 && action !== 'set') return { errcode: 9410016, errmsg: 'invalid domain: no domain given' };
    const reasons = domains.flatMap((d) => {
      if (!HOST.test(d)) return [`"${d}" is not a valid domain`];
      if (REFUSED_TLDS.has(tld(d))) return [`"${d}" uses a reserved top-level domain`];
      return [];
    });
    if (reasons.length > 0) return { errcode: 9410016, errmsg: `invalid domain: ${reasons.join('; ')} rid: ${rid()}` };
    // A business domain must serve the confirmation file; WeChat answers -1 when it cannot fetch it.
    if (this.#wire === JUMP_DOMAIN_WIRE && action !== 'delete' && domains.some((d) => d.split('.')[0] === NO_CONFIRM_FILE_LABEL)) {
      return { errcode: -1, errmsg: 'system error' };
    }
    if (together === true && !this.settings.released) {
      return { errcode: 61028, errmsg: 'thirdparty component not release' };
    }
    const month = quotaMonth(now);
    if (month !== this.#month) {
      this.#month = month;
      this.changesThisMonth = 0;
    }
    if (this.changesThisMonth >= this.settings.monthlyQuota) {
      return { errcode: 45104, errmsg: 'modify wxa server domain reach monthly quota limit' };
    }
    const testing = apply(action, this.settings.testing, domains);
    const published = together ? apply(action, this.settings.published ?? [], domains) : this.settings.published;
    if (testing.length > this.settings.maxDomains || (published?.length ?? 0) > this.settings.maxDomains) {
      return { errcode: 65316, errmsg: 'domain count reach limit' };
    }
    this.settings.testing = testing;
    this.settings.published = published;
    this.changesThisMonth += 1;
    return this.#answer();
  }

  #answer(): WireAnswer {
    const { testing, published } = this.settings;
    const wire = this.#wire;
    const answer: WireAnswer = { errcode: 0, errmsg: 'ok', [wire.testing]: testing.join(';') };
    if (published !== null) answer[wire.published] = published.join(';');
    const unverified = [...new Set([...testing, ...(published ?? [])])].filter((d) => tld(d) === UNVERIFIED_TLD);
    if (unverified.length > 0) answer[wire.unverified] = unverified.join(';');
    return answer;
  }
}

function apply(action: string, current: readonly string[], domains: readonly string[]): string[] {
  if (action === 'set') return [...new Set(domains)];
  if (action === 'add') return [...new Set([...current, ...domains])];
  const gone = new Set(domains);
  // Deleting a domain that is not there is a success, as on WeChat.
  return current.filter((d) => !gone.has(d));
}

const rid = () => Math.random().toString(16).slice(2, 10);
