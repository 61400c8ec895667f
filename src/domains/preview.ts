import type { PlatformChangeDetail } from './change-entry.js';
import { type ChangePlan, planChange } from './plan.js';
import type { PlatformDomainsChange } from './platform-lists.js';
import type { RequestList } from './request.js';
import type { PlatformDomainsState } from './state.js';

/** What a change of a platform list would do, computed without making it. */
export interface ChangePreview extends ChangePlan {
  /** The month's remaining changes after it (a no-op spends none); null for a list without a limit. */
  readonly remainingThisMonth: number | null;
}

/** What a change would do, from the state a read would answer (cached is fine): nothing is sent or journaled. */
export async function previewChange(
  list: RequestList<PlatformDomainsState, PlatformDomainsChange, PlatformChangeDetail>,
  change: PlatformDomainsChange,
): Promise<ChangePreview> {
  const [state, quota] = await Promise.all([list.read(), list.monthlyQuota()]);
  const plan = planChange(state, change.action, change.domains, change.publishTogether);
  const remaining = quota.remaining === null || plan.noOp ? quota.remaining : Math.max(0, quota.remaining - 1);
  return { ...plan, remainingThisMonth: remaining };
}
