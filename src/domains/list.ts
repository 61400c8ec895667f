import type { z } from 'zod';
import type { ChangeAction, JournalEntry } from './change-entry.js';
import type { ListWords } from './errors.js';

/**
 * A list of domains, described once: everything the core's one read path, one change flow and one journal
 * need to know of it, and the names its stores and metrics go by. Adding a list is adding a description
 * (and what is truly new about it), never a copy of the flow.
 *
 * `S` is what a read returns, `C` what a change asks for, `D` what its journal entries hold besides the
 * common fields.
 */
export interface ListDescription<S, C extends { readonly action: ChangeAction }, D> {
  /** Names the list in log lines and metrics: `server-domains`. */
  readonly key: string;
  /** How errors and messages name it. */
  readonly words: ListWords;
  /** The GraphQL __typename of a change's success, as journaled (`ServerDomains`). */
  readonly outcome: string;
  /** Names of its stores: kept across versions, so data written by an older one is read as it is. */
  readonly stores: {
    /** The change lock's key (one per list: changes to different lists never wait on each other). */
    readonly lock: string;
    /** The read cache's key prefix in a shared store ('' for the server domains, as before lists). */
    readonly cache: string;
    /** The journal's file in DATA_DIR. */
    readonly journalFile: string;
    /** The journal's Redis stream (under the platform's key prefix). */
    readonly journalStream: string;
  };
  /** Prometheus names of its change counter and of its remaining-changes gauge. */
  readonly metrics: { readonly changes: string; readonly remaining: string };
  /** Whether a change would leave `state` as it is (nothing is sent then, and nothing spent). */
  isNoOp(state: S, change: C): boolean;
  /** Two states with the same domains (an unchanged refresh keeps the kept object). */
  same(a: S, b: S): boolean;
  /**
   * What is sent for `change`, given the fresh read `before` (default: the change as asked). A Mini
   * Program's SET replaces all six kinds at WeChat, so the kinds the input left out are sent as they are.
   */
  prepare?(change: C, before: S): C;
  /**
   * Whether a journal entry counts toward this list's month (default: every entry). Needed where one
   * journal holds several lists: a Mini Program's holds both of its lists, and only its server domains'
   * changes count against WeChat's 50 a month.
   */
  counts?(entry: JournalEntry<D>): boolean;
  /** The journal entry's own fields for `change`, given the state it left (undefined: not known). */
  detail(change: C, after: S | undefined): D;
  /** How a stored entry's own fields are checked when read back (a journal file's lines). */
  readonly detailFields: z.ZodRawShape;
}

/** The journal entries of a described list. */
export type EntryOf<L> = L extends ListDescription<unknown, infer _C, infer D> ? JournalEntry<D> : never;

/** What a store needs to know of a list to keep its journal. */
export type JournaledList = Pick<ListDescription<unknown, { readonly action: ChangeAction }, unknown>, 'key' | 'stores' | 'detailFields'>;

/** What a store needs to know of something read like a list to keep its last read. */
export interface CachedRead<S> {
  readonly key: string;
  /** The read cache's key prefix in a shared store. */
  readonly cache: string;
  readonly same: (a: S, b: S) => boolean;
}
