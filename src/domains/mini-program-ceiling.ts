import { hostOf } from './mini-program-entries.js';
import type { PlatformDomainsState } from './state.js';

/**
 * The ceiling WeChat puts on a Mini Program's lists: a server entry's host must be one of the platform's
 * server domains (testing or published), a webview entry's host one of the platform's business domains or
 * a subdomain of one. Checked on ADD and SET only: taking a domain away must always be possible.
 */

/** Which of the platform's lists bounds a Mini Program's list, and how a host is "within" it. */
export type CeilingRule = 'exact' | 'subdomain';

/** The hosts a platform list allows: its testing and published domains together. */
export function ceilingHosts(state: Pick<PlatformDomainsState, 'testing' | 'published'>): readonly string[] {
  return [...new Set([...state.testing, ...(state.published ?? [])])];
}

/** Whether `host` is within `ceiling` (`exact`: one of its hosts; `subdomain`: one of them or below one). */
export function withinCeiling(host: string, ceiling: readonly string[], rule: CeilingRule): boolean {
  return ceiling.some((allowed) => host === allowed || (rule === 'subdomain' && host.endsWith(`.${allowed}`)));
}

/**
 * The entries of `entries` that a platform change would take out of the ceiling: their host is within it
 * before the change and within neither of the platform's lists after it (`after`: testing and published
 * after the change, together). Entries already outside before are not the change's doing.
 */
export function entriesLeavingCeiling(
  entries: readonly string[],
  before: readonly string[],
  after: readonly string[],
  rule: CeilingRule,
): readonly string[] {
  return entries.filter((entry) => {
    const host = hostOf(entry);
    return withinCeiling(host, before, rule) && !withinCeiling(host, after, rule);
  });
}
