/** WeChat's three changes of a list: add, delete, set (its `get` is a read). */
export type ChangeAction = 'add' | 'delete' | 'set';

/**
 * What a change did. APPLIED and UNKNOWN spend one of the month's changes (UNKNOWN: the answer was lost
 * after the request reached WeChat, so it may have been applied); NO_OP and REFUSED spend nothing.
 */
export type ChangeEffect = 'APPLIED' | 'NO_OP' | 'REFUSED' | 'UNKNOWN';

export const CHANGE_EFFECTS: readonly ChangeEffect[] = ['APPLIED', 'NO_OP', 'REFUSED', 'UNKNOWN'];

/** What every journal entry says, whatever its list: who asked for which change, and what came of it. */
export interface ChangeRecord {
  /** Given by the journal; increases with every entry, and names it in paging cursors. */
  readonly id: string;
  /** When the outcome was known: ISO 8601, UTC. */
  readonly at: string;
  /** The token's `sub`; null when authentication is off (or the token has none). */
  readonly caller: string | null;
  readonly action: ChangeAction;
  readonly effect: ChangeEffect;
  /** The answer's GraphQL __typename: the list's success type (`ServerDomains`), or the error member's. */
  readonly outcome: string;
  /** WeChat's errcode, where WeChat gave one. */
  readonly errcode: number | null;
}

/** An entry of a list whose own fields (what was asked, what it left) are `D`. */
export type JournalEntry<D> = ChangeRecord & D;

/** What a platform list's entry adds (the server and jump domains). */
export interface PlatformChangeDetail {
  /** As sent: normalised (ASCII). */
  readonly domains: readonly string[];
  readonly publishTogether: boolean;
  /** The testing list after the change, when known (null when not). */
  readonly testing: readonly string[] | null;
  /** The published list after the change; null when unknown or never published. */
  readonly published: readonly string[] | null;
}

/** One entry of a platform list's journal. */
export type ChangeEntry = JournalEntry<PlatformChangeDetail>;

/** An entry before the journal has given it an id. */
export type NewChangeEntry = Omit<ChangeEntry, 'id'>;

/** Whether an entry counts against the month's changes. */
export const spendsQuota = (effect: ChangeEffect): boolean => effect === 'APPLIED' || effect === 'UNKNOWN';
