import { ceilingHosts } from './mini-program-ceiling.js';
import type { ChangePlan } from './plan.js';
import type { PlatformDomainsState } from './state.js';

/** A Mini Program a platform change would hurt, and its entries that would leave the ceiling. */
export interface AffectedMiniProgram {
  readonly appId: string;
  readonly domains: readonly string[];
}

/**
 * The Mini Programs a platform change would hurt: each one's entries whose host is within the platform
 * list before the change and within neither of its lists (testing, published) after it. Every Mini
 * Program's state is read with `read` (the read path: cached answers serve; the WeChat client bounds the
 * calls in flight). A read that fails fails the whole answer: a preview that left out a Mini Program it
 * could not read would say "nothing is hurt" where it does not know.
 */
export async function affectedMiniPrograms<S>(
  appIds: readonly string[],
  read: (appId: string) => Promise<S>,
  leaving: (state: S, before: readonly string[], after: readonly string[]) => readonly string[],
  before: Pick<PlatformDomainsState, 'testing' | 'published'>,
  plan: Pick<ChangePlan, 'testing' | 'published'>,
): Promise<readonly AffectedMiniProgram[]> {
  const hostsBefore = ceilingHosts(before);
  const hostsAfter = ceilingHosts(plan);
  // Nothing leaves the platform's lists: no Mini Program can be hurt, and none needs to be read.
  if (hostsBefore.every((host) => hostsAfter.includes(host))) return [];
  const sorted = [...new Set(appIds)].sort();
  const states = await Promise.all(sorted.map((appId) => read(appId)));
  return sorted
    .map((appId, i) => ({ appId, domains: leaving(states[i]!, hostsBefore, hostsAfter) }))
    .filter((affected) => affected.domains.length > 0);
}
