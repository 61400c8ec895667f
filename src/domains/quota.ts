import { type ChangeRecord, spendsQuota } from './change-entry.js';
import type { ChinaMonth } from './month.js';

/** WeChat's monthly quota of server-domain changes per platform. */
export const MONTHLY_CHANGE_LIMIT = 50;

/**
 * The month's changes of a list as this service counts them, from its journal. Only changes made through
 * this service are seen (not WeChat's console, not another tool), so `changes` is a lower bound of WeChat's.
 */
export interface MonthlyQuota {
  /** Null for a list with no limit (none documented by WeChat, none configured). */
  readonly limit: number | null;
  /** APPLIED + UNKNOWN entries of the month. */
  readonly changes: number;
  /** limit − changes, at least 0; 0 for the rest of a month in which WeChat answered 45104; null without a limit. */
  readonly remaining: number | null;
  /** WeChat itself said the month's quota is used up (errcode 45104) this month. */
  readonly exhaustedAtWechat: boolean;
  readonly month: ChinaMonth;
}

/** The quota of `month` from its journal entries. */
export function monthlyQuotaOf(entries: readonly ChangeRecord[], limit: number | null, month: ChinaMonth): MonthlyQuota {
  const changes = entries.filter((entry) => spendsQuota(entry.effect)).length;
  // A 45104 from WeChat (errcode set: the local guard's refusals carry none) ends the month's changes.
  const exhaustedAtWechat = entries.some((entry) => entry.effect === 'REFUSED' && entry.errcode === 45104);
  const remaining = exhaustedAtWechat ? 0 : limit === null ? null : Math.max(0, limit - changes);
  return { limit, changes, remaining, exhaustedAtWechat, month };
}
