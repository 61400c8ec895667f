import { z } from 'zod';
import type { ChangeAction, JournalEntry } from './change-entry.js';
import { type DomainProblem, DomainValidationError, type ListWords } from './errors.js';
import type { ListDescription } from './list.js';
import { type CeilingRule, entriesLeavingCeiling, withinCeiling } from './mini-program-ceiling.js';
import { KIND_SCHEMES, type ParsedEntry, parseEntries, SERVER_KINDS, type ServerKind, WEBVIEW_SCHEME } from './mini-program-entries.js';
import { applyAction, sameSet } from './plan.js';

export { SERVER_KINDS, type ServerKind } from './mini-program-entries.js';

/**
 * An authorized Mini Program's two lists, its server domains and its webview (business) domains, as list
 * descriptions on the core: one ChangeFlow and ReadPath per (appId, list), with one journal per Mini
 * Program holding both lists. Only the server domains count against WeChat's 50 changes a month.
 */

export type MiniProgramDomainList = 'SERVER' | 'WEBVIEW';

/** The six kinds of server domains, each entry with its scheme (`https://api.example.com:8443`). */
export type ServerDomainKinds = Readonly<Record<ServerKind, readonly string[]>>;

/** get_effective_domain's four views. `platform` (third_domain) is the part this platform's changes touch. */
export interface MiniProgramServerDomainsState {
  /** effective_domain: what the Mini Program can use now. */
  readonly effective: ServerDomainKinds;
  /** third_domain: what this platform set (modify_domain). */
  readonly platform: ServerDomainKinds;
  /** direct_domain. */
  readonly direct: ServerDomainKinds;
  /** mp_domain: set in the Mini Program's own console. */
  readonly console: ServerDomainKinds;
}

/** get_effective_webviewdomain's four views (`https://host`). */
export interface MiniProgramWebviewDomainsState {
  readonly effective: readonly string[];
  readonly platform: readonly string[];
  readonly direct: readonly string[];
  readonly console: readonly string[];
}

/** A change of the server domains, validated: the kinds the input gave, normalised (a kind left out is absent). */
export interface MiniProgramServerDomainsChange {
  readonly action: ChangeAction;
  readonly kinds: Partial<ServerDomainKinds>;
}

/** A change of the webview domains, validated. */
export interface MiniProgramWebviewDomainsChange {
  readonly action: ChangeAction;
  readonly domains: readonly string[];
}

/** What a Mini Program's journal entry holds besides the common fields: whose list, and what was asked. */
export interface MiniProgramChangeDetail {
  readonly appId: string;
  readonly list: MiniProgramDomainList;
  /** SERVER: the input's entries by kind (a kind left out: empty, for SET too); null for WEBVIEW. */
  readonly server: ServerDomainKinds | null;
  /** WEBVIEW: the input's entries; null for SERVER. */
  readonly webview: readonly string[] | null;
}

export type MiniProgramChangeEntry = JournalEntry<MiniProgramChangeDetail>;

/** At most this many entries per server kind, after a change. */
export const MAX_SERVER_ENTRIES_PER_KIND = 200;
/** At most this many webview entries, after a change (the newer documentation; one SDK's text says 100). */
export const MAX_WEBVIEW_ENTRIES = 300;
/** WeChat's 50 server-domain changes a month, per Mini Program (MINI_PROGRAM_DOMAINS_MONTHLY_LIMIT's default). */
export const MINI_PROGRAM_MONTHLY_LIMIT = 50;

export const MINI_PROGRAM_SERVER_WORDS: ListWords = {
  domains: 'server domains',
  change: 'server-domain',
  owner: 'The Mini Program',
  monthlyLimit: MINI_PROGRAM_MONTHLY_LIMIT,
};
export const MINI_PROGRAM_WEBVIEW_WORDS: ListWords = { domains: 'webview domains', change: 'webview-domain', owner: 'The Mini Program' };

/** The reasons the ceiling gives, as pinned by the issue. */
export const NOT_ON_PLATFORM_SERVER = "is not among the platform's server domains";
export const NOT_ON_PLATFORM_BUSINESS = "is not among the platform's business domains (nor a subdomain of one)";

const emptyKinds = (): Record<ServerKind, readonly string[]> => ({ request: [], ws: [], upload: [], download: [], udp: [], tcp: [] });

const sameList = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((entry, i) => entry === b[i]);
const sameKinds = (a: ServerDomainKinds, b: ServerDomainKinds) => SERVER_KINDS.every((kind) => sameList(a[kind], b[kind]));

// ---------------------------------------------------------------------------------------------------------
// Validation, before anything is sent

/** A server-domains change as the mutation's input gives it (a kind left out is undefined; `[]` clears it on SET). */
export type ServerChangeInput = { readonly action: ChangeAction } & Partial<Record<ServerKind, readonly string[] | null>>;

/** What validation looks at besides the input: the ceiling's hosts, and the list now (for the counts after the change). */
export interface ValidationContext<T> {
  /** The platform's list that bounds this one: its testing and published hosts together (ceilingHosts). */
  readonly ceiling: readonly string[];
  /** The Mini Program's `platform` entries as last read; unknown: the input's own counts are checked. */
  readonly current?: T | undefined;
}

/** The entries that break the ceiling (ADD and SET only), as problems. */
function ceilingProblems(
  action: ChangeAction,
  entries: readonly ParsedEntry[],
  ceiling: readonly string[],
  rule: CeilingRule,
  reason: string,
): DomainProblem[] {
  if (action === 'delete') return [];
  return entries.filter(({ host }) => !withinCeiling(host, ceiling, rule)).map(({ entry }) => ({ domain: entry, reason }));
}

/**
 * Validates a server-domains change: each entry's scheme for its kind, host, port; the ceiling (ADD and
 * SET); at least one entry for ADD and DELETE; at most 200 per kind after the change. Throws the
 * DomainValidationError the caller gets, each bad entry named.
 */
export function validateServerChange(
  input: ServerChangeInput,
  context: ValidationContext<ServerDomainKinds>,
): MiniProgramServerDomainsChange {
  const { action } = input;
  const problems: DomainProblem[] = [];
  const kinds: Partial<Record<ServerKind, readonly string[]>> = {};
  for (const kind of SERVER_KINDS) {
    const raw = input[kind];
    if (raw === undefined || raw === null) continue;
    const { entries, problems: bad } = parseEntries(raw, KIND_SCHEMES[kind], true, `${kind}: `);
    problems.push(...bad, ...ceilingProblems(action, entries, context.ceiling, 'exact', `${kind}: ${NOT_ON_PLATFORM_SERVER}`));
    kinds[kind] = entries.map(({ entry }) => entry);
  }
  if (problems.length > 0) throw DomainValidationError.forProblems(problems, MINI_PROGRAM_SERVER_WORDS);
  const given = Object.values(kinds).reduce((sum, entries) => sum + entries.length, 0);
  if (action !== 'set' && given === 0) throw nothingGiven(action, 'server domains');
  const { current } = context;
  for (const kind of SERVER_KINDS) {
    const entries = kinds[kind];
    if (entries === undefined) continue;
    const after = current ? applyAction(action, current[kind], entries).length : entries.length;
    if (after > MAX_SERVER_ENTRIES_PER_KIND) throw tooMany(`${kind} domains`, MAX_SERVER_ENTRIES_PER_KIND, after);
  }
  return { action, kinds };
}

/** Validates a webview-domains change, as validateServerChange does (https, no port, subdomains of the ceiling allowed). */
export function validateWebviewChange(
  input: { readonly action: ChangeAction; readonly domains: readonly string[] },
  context: ValidationContext<readonly string[]>,
): MiniProgramWebviewDomainsChange {
  const { action } = input;
  const parsed = parseEntries(input.domains, WEBVIEW_SCHEME, false);
  const { entries } = parsed;
  const problems = [...parsed.problems, ...ceilingProblems(action, entries, context.ceiling, 'subdomain', NOT_ON_PLATFORM_BUSINESS)];
  if (problems.length > 0) throw DomainValidationError.forProblems(problems, MINI_PROGRAM_WEBVIEW_WORDS);
  if (action !== 'set' && entries.length === 0) throw nothingGiven(action, 'webview domains');
  const domains = entries.map(({ entry }) => entry);
  const { current } = context;
  const after = current ? applyAction(action, current, domains).length : domains.length;
  if (after > MAX_WEBVIEW_ENTRIES) throw tooMany('webview domains', MAX_WEBVIEW_ENTRIES, after);
  return { action, domains };
}

const nothingGiven = (action: ChangeAction, what: string) =>
  new DomainValidationError(`Give at least one of the ${what} to ${action === 'add' ? 'add' : 'remove'}. Nothing was changed.`, []);

const tooMany = (what: string, max: number, after: number) =>
  new DomainValidationError(
    `A Mini Program may have at most ${max} ${what}; this change would leave ${after}. Nothing was changed; remove some first.`,
    [],
  );

// ---------------------------------------------------------------------------------------------------------
// The two lists, described

/** A Mini Program's list, described for the core, with whose it is and which it is. */
export interface MiniProgramListDescription<S, C extends { readonly action: ChangeAction }>
  extends ListDescription<S, C, MiniProgramChangeDetail> {
  readonly appId: string;
  readonly list: MiniProgramDomainList;
}

export type MiniProgramServerList = MiniProgramListDescription<MiniProgramServerDomainsState, MiniProgramServerDomainsChange>;
export type MiniProgramWebviewList = MiniProgramListDescription<MiniProgramWebviewDomainsState, MiniProgramWebviewDomainsChange>;

/** Both lists share one journal per Mini Program: its fields, checked when a stored entry is read back. */
const DETAIL_FIELDS = {
  appId: z.string(),
  list: z.enum(['SERVER', 'WEBVIEW']),
  server: z.object(Object.fromEntries(SERVER_KINDS.map((kind) => [kind, z.array(z.string())]))).nullable(),
  webview: z.array(z.string()).nullable(),
};

/** What an appid is made of (WeChat's are `wx` and hex): it names a file and keys, so nothing else may pass. */
const APP_ID = /^[A-Za-z0-9_-]{1,64}$/;

/** Where a Mini Program's lists keep their state: per Mini Program and list, one journal per Mini Program. */
const storesOf = (appId: string, list: 'server' | 'webview') => {
  if (!APP_ID.test(appId)) throw new Error(`not an appid: ${JSON.stringify(appId.slice(0, 80))}`);
  return storeNames(appId, list);
};
const storeNames = (appId: string, list: 'server' | 'webview') => ({
  lock: `mini-program:${appId}:${list}`,
  cache: `mini-program:${appId}:${list}:`,
  journalFile: `mini-program-domain-changes.${appId}.jsonl`,
  journalStream: `mini-program-journal:${appId}`,
});

const METRICS = { changes: 'wechat_mini_program_domain_changes_total', remaining: 'mini_program_domains_changes_remaining_this_month' };

/** The server domains of `appId` (get_effective_domain, modify_domain). */
export function miniProgramServerList(appId: string): MiniProgramServerList {
  return {
    appId,
    list: 'SERVER',
    key: `mini-program-server-domains:${appId}`,
    words: MINI_PROGRAM_SERVER_WORDS,
    outcome: 'MiniProgramServerDomains',
    stores: storesOf(appId, 'server'),
    metrics: METRICS,
    // A kind the change leaves out stays as it is; a change is a no-op when every kind it gives would too.
    isNoOp: (state, change) =>
      SERVER_KINDS.every((kind) => {
        const entries = change.kinds[kind];
        return entries === undefined || sameSet(state.platform[kind], applyAction(change.action, state.platform[kind], entries));
      }),
    same: (a, b) =>
      sameKinds(a.effective, b.effective) &&
      sameKinds(a.platform, b.platform) &&
      sameKinds(a.direct, b.direct) &&
      sameKinds(a.console, b.console),
    // WeChat's SET replaces all six kinds: those the input left out are sent as the fresh read found them.
    prepare: (change, before) => (change.action === 'set' ? { action: 'set', kinds: { ...before.platform, ...change.kinds } } : change),
    // Only SERVER entries count against the month (the journal holds the webview domains' too).
    counts: (entry) => entry.list === 'SERVER',
    detail: (change) => ({ appId, list: 'SERVER', server: { ...emptyKinds(), ...change.kinds }, webview: null }),
    detailFields: DETAIL_FIELDS,
  };
}

/** The webview (business) domains of `appId` (get_effective_webviewdomain, setwebviewdomain). */
export function miniProgramWebviewList(appId: string): MiniProgramWebviewList {
  return {
    appId,
    list: 'WEBVIEW',
    key: `mini-program-webview-domains:${appId}`,
    words: MINI_PROGRAM_WEBVIEW_WORDS,
    outcome: 'MiniProgramWebviewDomains',
    stores: storesOf(appId, 'webview'),
    metrics: METRICS,
    isNoOp: (state, change) => sameSet(state.platform, applyAction(change.action, state.platform, change.domains)),
    same: (a, b) =>
      sameList(a.effective, b.effective) &&
      sameList(a.platform, b.platform) &&
      sameList(a.direct, b.direct) &&
      sameList(a.console, b.console),
    // Journaled, but neither counted against the server domains' month nor limited.
    counts: () => false,
    detail: (change) => ({ appId, list: 'WEBVIEW', server: null, webview: change.domains }),
    detailFields: DETAIL_FIELDS,
  };
}

// ---------------------------------------------------------------------------------------------------------
// The impact of a platform change

/** The server entries of a Mini Program (its `platform` view, every kind) a platform change would take out of the ceiling. */
export function serverEntriesLeaving(
  state: MiniProgramServerDomainsState,
  before: readonly string[],
  after: readonly string[],
): readonly string[] {
  return SERVER_KINDS.flatMap((kind) => entriesLeavingCeiling(state.platform[kind], before, after, 'exact'));
}

/** The webview entries of a Mini Program (its `platform` view) a change of the business domains would take out of the ceiling. */
export function webviewEntriesLeaving(
  state: MiniProgramWebviewDomainsState,
  before: readonly string[],
  after: readonly string[],
): readonly string[] {
  return entriesLeavingCeiling(state.platform, before, after, 'subdomain');
}
