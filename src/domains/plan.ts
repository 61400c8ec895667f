import type { ChangeAction } from './change-entry.js';
import type { PlatformDomainsState } from './state.js';

/** What a change would make of a state, computed as WeChat applies it (see the simulator's `apply`). */
export interface ChangePlan {
  /** Testing domains the change would add. */
  readonly added: readonly string[];
  /** Testing domains it would remove. */
  readonly removed: readonly string[];
  readonly testing: readonly string[];
  /** Changes only with publishTogether; stays null for a platform that was never published. */
  readonly published: readonly string[] | null;
  /** Nothing would change: no call needs to be made, and none of the month's changes spent. */
  readonly noOp: boolean;
}

/** WeChat's result of one action on one list: add appends what is missing, delete drops, set replaces. */
export function applyAction(action: ChangeAction, current: readonly string[], domains: readonly string[]): string[] {
  if (action === 'set') return [...new Set(domains)];
  if (action === 'add') return [...new Set([...current, ...domains])];
  const gone = new Set(domains);
  return current.filter((domain) => !gone.has(domain));
}

/** Two lists with the same entries, whatever their order and repeats. */
export const sameSet = (a: readonly string[], b: readonly string[]) => {
  const set = new Set(a);
  return set.size === new Set(b).size && b.every((domain) => set.has(domain));
};

/**
 * The plan of a change on `state`. A no-op leaves testing (and, with publishTogether, published) as it
 * is, compared as sets. With publishTogether on a platform never published, WeChat refuses the call
 * (61028): published stays null and the change is never a no-op, so WeChat gets to say so.
 */
export function planChange(
  state: PlatformDomainsState,
  action: ChangeAction,
  domains: readonly string[],
  publishTogether: boolean,
): ChangePlan {
  const testing = applyAction(action, state.testing, domains);
  const before = new Set(state.testing);
  const after = new Set(testing);
  const published = publishTogether && state.published !== null ? applyAction(action, state.published, domains) : state.published;
  const publishedUnchanged = !publishTogether || (state.published !== null && sameSet(state.published, published ?? []));
  return {
    added: testing.filter((domain) => !before.has(domain)),
    removed: state.testing.filter((domain) => !after.has(domain)),
    testing,
    published,
    noOp: sameSet(state.testing, testing) && publishedUnchanged,
  };
}
