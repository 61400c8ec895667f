import { type DomainForm, toUnicodeDomain } from './domain-form.js';
import type { DomainProblem } from './errors.js';
import { normalizeDomain } from './normalize.js';

/**
 * One entry of a Mini Program's lists, as WeChat stores it: `scheme://host[:port]`. Pure: it never
 * reaches WeChat. Hosts are checked as the platform's domains are (normalizeDomain), so a host that passes
 * here is written exactly as it is on the platform's lists, and the ceiling can compare them as strings.
 */

/** The six kinds of a Mini Program's server domains, in WeChat's order. */
export const SERVER_KINDS = ['request', 'ws', 'upload', 'download', 'udp', 'tcp'] as const;
export type ServerKind = (typeof SERVER_KINDS)[number];

/** Each kind's one scheme (WeChat stores the scheme with the entry). */
export const KIND_SCHEMES: Readonly<Record<ServerKind, string>> = {
  request: 'https',
  ws: 'wss',
  upload: 'https',
  download: 'https',
  udp: 'udp',
  tcp: 'tcp',
};

/** Webview (business) domains: https, no port. */
export const WEBVIEW_SCHEME = 'https';

/** WeChat refuses its own API host as a Mini Program domain. */
export const REFUSED_HOST = 'api.weixin.qq.com';

/** An entry taken apart: its normal form and its host (the part the ceiling looks at). */
export interface ParsedEntry {
  /** `https://api.example.com:8443`: lower-case scheme, ASCII host, the port without leading zeros. */
  readonly entry: string;
  readonly host: string;
}

export type EntryCheck = ({ readonly ok: true } & ParsedEntry) | { readonly ok: false; readonly reason: string };

const ENTRY = /^([a-z][a-z0-9+.-]*):\/\/([^/?#]*)(.*)$/i;
const PORT = /^(.*):(\d*)$/;

/**
 * Checks one entry for a list whose scheme is `scheme`; `allowPort` false for webview domains. Says, in
 * words a person can act on, why an entry cannot be one.
 */
export function parseEntry(raw: string, scheme: string, allowPort: boolean): EntryCheck {
  const input = raw.normalize('NFKC').trim();
  const fail = (reason: string): EntryCheck => ({ ok: false, reason });
  const example = `${scheme}://api.example.com${allowPort ? '[:port]' : ''}`;
  const match = ENTRY.exec(input);
  if (!match) return fail(`needs the scheme ${scheme}://, e.g. ${example}`);
  const [, givenScheme, authority, rest] = match as unknown as [string, string, string, string];
  if (givenScheme.toLowerCase() !== scheme)
    return fail(`has the scheme ${givenScheme.toLowerCase()}:// where this kind takes ${scheme}://`);
  if (rest !== '') return fail(`has a path, query or fragment ("${rest}"): give ${example} only`);
  if (authority.includes('@')) return fail(`contains user information ("@"): give ${example} only`);
  let host = authority;
  let port: number | undefined;
  const withPort = PORT.exec(authority);
  // "[::1]:443" and "[::1]" are IP literals: normalizeDomain names them as such.
  if (withPort && !authority.endsWith(']')) {
    if (!allowPort) return fail('has a port: webview domains take none');
    const digits = withPort[2]!;
    port = Number(digits);
    if (digits === '' || !Number.isInteger(port) || port < 1 || port > 65535) return fail('has a port outside 1–65535');
    host = withPort[1]!;
  }
  const check = normalizeDomain(host);
  if (!check.ok) return fail(`has a host that ${check.reason}`);
  if (check.domain === REFUSED_HOST) return fail(`is WeChat's own API host (${REFUSED_HOST}), which WeChat refuses`);
  return { ok: true, host: check.domain, entry: `${scheme}://${check.domain}${port === undefined ? '' : `:${port}`}` };
}

/** The host of an entry WeChat answered with (`https://a.com:8443` → `a.com`); the entry itself if it has no scheme. */
export function hostOf(entry: string): string {
  const authority = entry.replace(/^[a-z][a-z0-9+.-]*:\/\//i, '').replace(/[/?#].*$/, '');
  return authority.replace(/:\d*$/, '').toLowerCase();
}

/** Entries of one list checked together: each as `parseEntry` does, duplicates dropped (first kept, order kept). */
export function parseEntries(
  raw: readonly string[],
  scheme: string,
  allowPort: boolean,
  /** Put before each reason: the kind, for server domains (`request: `). */
  prefix = '',
): { readonly entries: readonly ParsedEntry[]; readonly problems: readonly DomainProblem[] } {
  const problems: DomainProblem[] = [];
  const seen = new Map<string, ParsedEntry>();
  for (const entry of raw) {
    const check = parseEntry(entry, scheme, allowPort);
    if (!check.ok) problems.push({ domain: entry, reason: `${prefix}${check.reason}` });
    else if (!seen.has(check.entry)) seen.set(check.entry, { entry: check.entry, host: check.host });
  }
  return { entries: [...seen.values()], problems };
}

/** `entries` in `form`: UNICODE turns each host's punycode labels back (`https://例子.中国:8443`); ASCII returns the same list. */
export function entriesInForm(entries: readonly string[], form: DomainForm): readonly string[] {
  if (form === 'ASCII') return entries;
  return entries.map((entry) => {
    const match = /^([a-z][a-z0-9+.-]*:\/\/)([^/:?#]*)(.*)$/i.exec(entry);
    return match ? `${match[1]}${toUnicodeDomain(match[2]!)}${match[3]}` : toUnicodeDomain(entry);
  });
}
