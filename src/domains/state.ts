/** A platform list (server or jump domains): what a read returns and what a change leaves behind. */
export interface PlatformDomainsState {
  readonly testing: readonly string[];
  /** Null when the platform has never been published (WeChat omits the field). */
  readonly published: readonly string[] | null;
  /** Domains that have not passed WeChat's verification (`invalid_wxa_server_domain`, `invalid_wxa_jump_h5_domain`). */
  readonly unverified: readonly string[];
}

/** Two states with the same lists, in the same order. */
export function sameState(a: PlatformDomainsState, b: PlatformDomainsState): boolean {
  return sameList(a.testing, b.testing) && sameList(a.published, b.published) && sameList(a.unverified, b.unverified);
}

function sameList(a: readonly string[] | null, b: readonly string[] | null): boolean {
  if (a === null || b === null) return a === b;
  return a.length === b.length && a.every((domain, i) => domain === b[i]);
}

/** The platform's server domains (the first list, by its first name). */
export type ServerDomainsState = PlatformDomainsState;
