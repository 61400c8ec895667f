import { z } from 'zod';
import type { ChangeAction, PlatformChangeDetail } from './change-entry.js';
import { type ListWords, SERVER_DOMAIN_WORDS } from './errors.js';
import type { ListDescription } from './list.js';
import { MAX_DOMAINS } from './normalize.js';
import { planChange } from './plan.js';
import { MONTHLY_CHANGE_LIMIT } from './quota.js';
import { type PlatformDomainsState, sameState } from './state.js';

/** A change of a platform list, as the mutations ask for it (domains normalised). */
export interface PlatformDomainsChange {
  readonly action: ChangeAction;
  readonly domains: readonly string[];
  readonly publishTogether: boolean;
}

/** How a platform list is spoken at WeChat: one path for its four actions, `;`-joined fields. */
export interface PlatformListWire {
  /** `/cgi-bin/component/modify_wxa_server_domain` */
  readonly path: string;
  /** The request's list: `wxa_server_domain`. */
  readonly domains: string;
  /** The answer's lists. */
  readonly testing: string;
  readonly published: string;
  readonly unverified: string;
  /** SystemBusyError's sentence for a change, where WeChat's -1 means more than "busy". */
  readonly busyOnChange?: string;
}

/** A platform list: the server domains, or the business (jump) domains. */
export interface PlatformListDescription extends ListDescription<PlatformDomainsState, PlatformDomainsChange, PlatformChangeDetail> {
  readonly wire: PlatformListWire;
  /** How many distinct domains a change may name: add/remove at least 1, set at least 0. */
  readonly maxDomains: number;
  /** WeChat's documented monthly limit; null where WeChat documents none. */
  readonly documentedMonthlyLimit: number | null;
}

/** What both platform lists share: the plan, the no-op rule, the journal's fields. */
const platformList = {
  isNoOp: (state: PlatformDomainsState, change: PlatformDomainsChange) =>
    planChange(state, change.action, change.domains, change.publishTogether).noOp,
  same: sameState,
  detail: (change: PlatformDomainsChange, after: PlatformDomainsState | undefined): PlatformChangeDetail => ({
    domains: change.domains,
    publishTogether: change.publishTogether,
    testing: after ? after.testing : null,
    published: after ? after.published : null,
  }),
  detailFields: {
    domains: z.array(z.string()),
    publishTogether: z.boolean(),
    testing: z.array(z.string()).nullable(),
    published: z.array(z.string()).nullable(),
  },
} as const;

/** The platform's Mini Program server domains (modify_wxa_server_domain). */
export const SERVER_DOMAINS: PlatformListDescription = {
  ...platformList,
  key: 'server-domains',
  words: SERVER_DOMAIN_WORDS,
  outcome: 'ServerDomains',
  stores: { lock: 'platform', cache: '', journalFile: 'server-domain-changes.jsonl', journalStream: 'journal' },
  metrics: { changes: 'wechat_server_domain_changes_total', remaining: 'server_domains_changes_remaining_this_month' },
  wire: {
    path: '/cgi-bin/component/modify_wxa_server_domain',
    domains: 'wxa_server_domain',
    testing: 'testing_wxa_server_domain',
    published: 'published_wxa_server_domain',
    unverified: 'invalid_wxa_server_domain',
  },
  maxDomains: MAX_DOMAINS,
  documentedMonthlyLimit: MONTHLY_CHANGE_LIMIT,
};

export const JUMP_DOMAIN_WORDS: ListWords = { domains: 'business domains', change: 'business-domain', owner: 'The platform' };

/** WeChat's documented maximum of business domains (300 in the newer documentation, 200 in the older). */
export const MAX_JUMP_DOMAINS = 300;

/** The platform's business (jump) domains: the web pages its Mini Programs may open (modify_wxa_jump_domain). */
export const JUMP_DOMAINS: PlatformListDescription = {
  ...platformList,
  key: 'jump-domains',
  words: JUMP_DOMAIN_WORDS,
  outcome: 'JumpDomains',
  stores: { lock: 'jump-domains', cache: 'jump:', journalFile: 'jump-domain-changes.jsonl', journalStream: 'jump-journal' },
  metrics: { changes: 'wechat_jump_domain_changes_total', remaining: 'jump_domains_changes_remaining_this_month' },
  wire: {
    path: '/cgi-bin/component/modify_wxa_jump_domain',
    domains: 'wxa_jump_h5_domain',
    testing: 'testing_wxa_jump_h5_domain',
    published: 'published_wxa_jump_h5_domain',
    unverified: 'invalid_wxa_jump_h5_domain',
    busyOnChange:
      "WeChat answered -1 (system busy). For business domains it also answers -1 when it cannot fetch the platform's confirmation file from the domain's root (see jumpDomainConfirmFile): check that https://<domain>/<fileName> serves fileContent, then try again. Nothing was changed.",
  },
  maxDomains: MAX_JUMP_DOMAINS,
  documentedMonthlyLimit: null,
};

/** The file WeChat checks at a business domain's root before it takes the domain (get_domain_confirmfile). */
export interface DomainConfirmFile {
  readonly fileName: string;
  readonly fileContent: string;
}

/** The platform's lists, in the order they are opened and shown. */
export const PLATFORM_LISTS: readonly PlatformListDescription[] = [SERVER_DOMAINS, JUMP_DOMAINS];
