/** The platform's server domains: what a read returns and what a change leaves behind. */
export interface ServerDomainsState {
  readonly testing: readonly string[];
  /** Null when the platform has never been published (WeChat omits the field). */
  readonly published: readonly string[] | null;
  /** Domains that have not passed WeChat's verification (`invalid_wxa_server_domain`). */
  readonly unverified: readonly string[];
}

/** Two states with the same lists, in the same order. */
export function sameState(a: ServerDomainsState, b: ServerDomainsState): boolean {
  return sameList(a.testing, b.testing) && sameList(a.published, b.published) && sameList(a.unverified, b.unverified);
}

function sameList(a: readonly string[] | null, b: readonly string[] | null): boolean {
  if (a === null || b === null) return a === b;
  return a.length === b.length && a.every((domain, i) => domain === b[i]);
}
