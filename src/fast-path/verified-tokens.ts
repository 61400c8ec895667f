import { LRUCache } from 'lru-cache';
import { type Caller, callerFromClaims } from '../auth/caller.js';
import { logCallerOf } from '../observability/request-log.js';

/** What is kept of a verified token: the caller its claims make, and its scopes as one short key. */
export interface VerifiedToken {
  /** `rw`, `r-`, `--`: which of read and write the token grants. */
  readonly scopes: string;
  readonly subject: string | undefined;
  readonly caller: Caller;
  /** The caller's part of a request's log line (`,"caller":"…"`, or empty), made once. */
  readonly logCaller: string;
}

/** The longest a verified token is admitted without being verified again, whatever its `exp`. */
export const MAX_REMEMBER_MS = 5 * 60 * 1000;
/** Remembered tokens in all, in bytes (the token texts and bookkeeping). */
export const TOKENS_BUDGET_BYTES = 8 * 1024 * 1024;
/** What an entry costs beyond the token's text: the entry object, the subject, the cache's slot. */
const ENTRY_OVERHEAD_BYTES = 160;
const costOf = (entry: Entry, token: string): number => ENTRY_OVERHEAD_BYTES + token.length + (entry.subject?.length ?? 0);

export interface VerifiedTokensOptions {
  /** Milliseconds since the epoch (JWT times are in epoch seconds); Date.now unless given. */
  readonly now?: () => number;
  readonly budgetBytes?: number;
}

interface Entry extends VerifiedToken {
  readonly until: number;
}

/**
 * Bearer tokens that plugin-jwt has already verified (signature, algorithm, issuer, audience, expiry),
 * remembered by their exact text. The fast path admits a request only on a hit here, and the full path
 * skips verifying such a token again; anything else (a new token, an expired one, a forged one) goes
 * through plugin-jwt's checks.
 *
 * A token is remembered until the earliest of: its `exp`; MAX_REMEMBER_MS after it was verified (so a
 * token without `exp` is verified again every few minutes, and a revocation upstream shows within that);
 * and the end of the lifetime of the signing key that verified it (a JWKS key is refetched then, and may
 * be gone). Within a byte budget, least recently used out first (lru-cache's `maxSize`). lru-cache's `ttl`
 * drops an entry at its `until` on the real clock; `until` is checked on the service's clock too (tests move it).
 */
export class VerifiedTokens {
  readonly #tokens: LRUCache<string, Entry>;
  readonly #now: () => number;

  constructor(options: VerifiedTokensOptions = {}) {
    this.#now = options.now ?? Date.now;
    this.#tokens = new LRUCache<string, Entry>({ maxSize: options.budgetBytes ?? TOKENS_BUDGET_BYTES, sizeCalculation: costOf });
  }

  /**
   * `keyValidUntil`: when the key that verified the token may have changed (epoch milliseconds; Infinity for
   * a configured secret). Asked only for a token not remembered yet.
   */
  remember(token: string, payload: Record<string, unknown>, keyValidUntil: () => number = () => Number.POSITIVE_INFINITY): void {
    if (this.#tokens.has(token)) return;
    const now = this.#now();
    const exp = typeof payload.exp === 'number' ? payload.exp * 1000 : Number.POSITIVE_INFINITY;
    const nbf = typeof payload.nbf === 'number' ? payload.nbf * 1000 : 0;
    const until = Math.min(now + MAX_REMEMBER_MS, exp, keyValidUntil());
    if (until <= now || nbf > now) return;
    const caller = callerFromClaims(payload);
    const scopes = `${caller.canRead ? 'r' : '-'}${caller.canWrite ? 'w' : '-'}`;
    const entry = { scopes, subject: caller.subject, caller, logCaller: logCallerOf(caller.subject), until };
    this.#tokens.set(token, entry, { ttl: Math.ceil(until - now) });
  }

  /** A token verified before and still to be trusted now, or undefined. */
  lookup(token: string): VerifiedToken | undefined {
    const entry = this.#tokens.get(token);
    if (!entry) return undefined;
    if (this.#now() >= entry.until) {
      this.#tokens.delete(token);
      return undefined;
    }
    return entry;
  }

  /** Bytes held, as counted against the budget. */
  get bytes(): number {
    return this.#tokens.calculatedSize;
  }

  get size(): number {
    return this.#tokens.size;
  }
}
