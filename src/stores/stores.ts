import type { Credentials } from '../config.js';
import type { CachedRead, JournaledList } from '../domains/list.js';
import type { ChangeJournal, DatedEntry, ReadCache, WriteLock } from '../domains/ports.js';
import type { AuthorizerTokenCache, RegistryStore } from '../mini-programs/ports.js';
import type { TicketStore } from './ticket-store.js';
import type { TokenStore } from './token-store.js';

/** The stores of live mode; what is left out, the service keeps in memory. */
export interface Stores {
  readonly ticketStore?: TicketStore;
  readonly tokenStore?: TokenStore;
  /** Each list's journal, by the list's key (a list left out is journaled in memory). */
  readonly journals?: ReadonlyMap<string, ChangeJournal<DatedEntry>>;
  /**
   * Each authorized Mini Program's journal of its two lists, by its description (the same journal for the
   * same Mini Program every time); left out: in memory.
   */
  readonly miniProgramJournal?: (list: JournaledList) => ChangeJournal<DatedEntry>;
  /** A shared read cache for each read path (left out: in memory). */
  readonly readCache?: <S>(read: CachedRead<S>) => ReadCache<S>;
  readonly writeLock?: WriteLock;
  /** The authorized Mini Programs and their refresh tokens. */
  readonly miniProgramRegistry?: RegistryStore;
  /** Authorizer access tokens (memory unless shared). */
  readonly authorizerTokenCache?: AuthorizerTokenCache;
  /** A fresh round trip to the shared store, for /ready; undefined without one. */
  readonly sharedStoreReachable?: () => Promise<boolean>;
  /** Calls `listener` each time the shared store (re)connects, at once if it is connected; undefined without one. */
  readonly onSharedStoreReady?: (listener: () => void) => void;
  close(): Promise<void>;
}

export type LiveCredentials = Exclude<Credentials, { mode: 'simulator' }>;
