import { isIP } from 'node:net';
import { domainToASCII } from 'node:url';
// The userland punycode.js (node:punycode is deprecated): decoding an A-label must not depend on which
// Node version's URL parser runs, and Node 20 and 24 disagree on invalid ones.
import punycode from 'punycode/punycode.js';
import { type CountBounds, type DomainProblem, DomainValidationError, type ListWords } from './errors.js';

export type { CountBounds, DomainProblem } from './errors.js';

export type DomainCheck = { readonly ok: true; readonly domain: string } | { readonly ok: false; readonly reason: string };

export type DomainsCheck =
  | { readonly ok: true; readonly domains: readonly string[] }
  | { readonly ok: false; readonly problems: readonly DomainProblem[]; readonly count: number };

/** WeChat accepts at most 1000 server domains per call (and per platform). */
export const MAX_DOMAINS = 1000;
const MAX_NAME_LENGTH = 253;
const MAX_LABEL_LENGTH = 63;

// ASCII and the full-width forms an IME produces: both would split a list upstream or in a spreadsheet.
const SEPARATOR = /[;,；，、]/;
const SCHEME = /^[a-z][a-z0-9+.-]*:\/\//i;
const PORT = /:\d*$/;
const LABEL = /^[a-z0-9-]+$/;
const NUMERIC_LABEL = /^(\d+|0x[0-9a-f]*)$/;
const NON_ASCII = /[^\p{ASCII}]/u;

/**
 * Turns one entry into the exact form WeChat wants (`www.qq.com`): trimmed, lower-case, internationalised
 * names in their ASCII (punycode) form; or says, in words a person can act on, why it cannot be one.
 */
export function normalizeDomain(raw: string): DomainCheck {
  // Compatibility forms first (full-width "；", "＠", "／", "：", letters, digits): the checks below then name
  // the real problem, and what passes is what WeChat would read.
  const input = raw
    .normalize('NFKC')
    .replace(/[。．｡]/g, '.')
    .trim();
  const fail = (reason: string): DomainCheck => ({ ok: false, reason });

  if (input === '') return fail('is empty');
  if (/\s/.test(input)) return fail('contains whitespace');
  if (SEPARATOR.test(input)) return fail('contains a separator (";" or ","): give each domain as its own list entry');
  if (SCHEME.test(input)) return fail('has a scheme: give the host name only, e.g. www.qq.com');
  if (/[/?#]/.test(input)) return fail('has a path, query or fragment: give the host name only, e.g. www.qq.com');
  if (input.includes('@')) return fail('contains user information ("@"): give the host name only');
  const host = input.replace(PORT, '').replace(/^\[|\]$/g, '');
  if (isIP(host) !== 0 || isIP(input.replace(/^\[|\]$/g, '')) !== 0) return fail('is an IP address: WeChat accepts host names only');
  if (PORT.test(input) && !input.startsWith('[')) return fail('has a port: give the host name only, without ":port"');
  if (input.includes(':')) return fail('is not a host name');

  let name = input.toLowerCase();
  if (NON_ASCII.test(name)) {
    // WHATWG/UTS #46 mapping, as browsers do: full-width letters and dots fold, then punycode.
    name = domainToASCII(input);
    if (name === '') return fail('is not a valid internationalised domain name');
  }

  if (name.length > MAX_NAME_LENGTH) return fail(`is longer than ${MAX_NAME_LENGTH} characters`);
  if (name.endsWith('.')) return fail('ends with a dot');
  const labels = name.split('.');
  if (labels.some((label) => label === '')) return fail('has an empty label (a leading or doubled dot)');
  if (labels.length < 2) return fail('needs at least two labels, e.g. example.com');
  for (const label of labels) {
    if (!LABEL.test(label)) {
      return fail(`has a label ("${label}") with characters other than letters, digits and hyphens`);
    }
    if (label.length > MAX_LABEL_LENGTH) return fail(`has a label longer than ${MAX_LABEL_LENGTH} characters`);
    if (label.startsWith('-') || label.endsWith('-')) return fail(`has a label ("${label}") that starts or ends with a hyphen`);
    if (label.startsWith('xn--') && !isALabel(label)) return fail(`has an invalid punycode label ("${label}")`);
  }
  // WHATWG URL parsing (browsers, Mini Program runtimes) reads a name ending in a number as an IPv4 address.
  if (NUMERIC_LABEL.test(labels[labels.length - 1]!)) return fail('has a numeric last label: it reads as an IP address');
  return { ok: true, domain: name };
}

/**
 * An `xn--` label that decodes to a real internationalised label: decodable, not plain ASCII, made of
 * letters, marks, digits, symbols and hyphens (no control characters), and encoding back to itself.
 */
function isALabel(label: string): boolean {
  const encoded = label.slice(4);
  let decoded: string;
  try {
    decoded = punycode.decode(encoded);
  } catch {
    return false;
  }
  return NON_ASCII.test(decoded) && /^[\p{L}\p{M}\p{N}\p{S}-]+$/u.test(decoded) && punycode.encode(decoded) === encoded;
}

/**
 * Normalises a caller's list: each entry as `normalizeDomain` does, duplicates dropped (first one kept,
 * order kept), and the number of distinct domains within `bounds`. Pure: it never reaches WeChat.
 */
export function normalizeDomains(raw: readonly string[], bounds: CountBounds): DomainsCheck {
  const problems: DomainProblem[] = [];
  const domains = new Set<string>();
  for (const entry of raw) {
    const check = normalizeDomain(entry);
    if (check.ok) domains.add(check.domain);
    else problems.push({ domain: entry, reason: check.reason });
  }
  if (problems.length > 0 || domains.size < bounds.min || domains.size > bounds.max) {
    return { ok: false, problems, count: domains.size };
  }
  return { ok: true, domains: [...domains] };
}

/** `normalizeDomains`, throwing the DomainValidationError a caller gets back when anything is wrong. */
export function requireDomains(raw: readonly string[], bounds: CountBounds, words?: ListWords): readonly string[] {
  const check = normalizeDomains(raw, bounds);
  if (check.ok) return check.domains;
  if (check.problems.length > 0) throw DomainValidationError.forProblems(check.problems, words);
  throw DomainValidationError.forCount(check.count, bounds);
}
