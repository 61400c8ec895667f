import type { ChangeAction } from '../wechat/client.js';

/**
 * What a change did. APPLIED and UNKNOWN spend one of the month's changes (UNKNOWN: the answer was lost
 * after the request reached WeChat, so it may have been applied); NO_OP and REFUSED spend nothing.
 */
export type ChangeEffect = 'APPLIED' | 'NO_OP' | 'REFUSED' | 'UNKNOWN';

export const CHANGE_EFFECTS: readonly ChangeEffect[] = ['APPLIED', 'NO_OP', 'REFUSED', 'UNKNOWN'];

/** One entry of the change journal: who asked for which change, and what came of it. */
export interface ChangeEntry {
  /** Given by the journal; increases with every entry, and names it in paging cursors. */
  readonly id: string;
  /** When the outcome was known: ISO 8601, UTC. */
  readonly at: string;
  /** The token's `sub`; null when authentication is off (or the token has none). */
  readonly caller: string | null;
  readonly action: ChangeAction;
  /** As sent: normalised (ASCII). */
  readonly domains: readonly string[];
  readonly publishTogether: boolean;
  readonly effect: ChangeEffect;
  /** The answer's GraphQL __typename: `ServerDomains`, or the error member's. */
  readonly outcome: string;
  /** WeChat's errcode, where WeChat gave one. */
  readonly errcode: number | null;
  /** The testing list after the change, when known (null when not). */
  readonly testing: readonly string[] | null;
  /** The published list after the change; null when unknown or never published. */
  readonly published: readonly string[] | null;
}

/** An entry before the journal has given it an id. */
export type NewChangeEntry = Omit<ChangeEntry, 'id'>;

/** Whether an entry counts against the month's changes. */
export const spendsQuota = (effect: ChangeEffect): boolean => effect === 'APPLIED' || effect === 'UNKNOWN';
