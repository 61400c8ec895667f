import { callerFromClaims } from '../auth/caller.js';

/** What the fast path needs of a verified token: its scopes as one short key, and its subject. */
export interface VerifiedToken {
  /** `rw`, `r-`, `--`: which of read and write the token grants. */
  readonly scopes: string;
  readonly subject: string | undefined;
}

/**
 * Bearer tokens that plugin-jwt has already verified (signature, algorithm, issuer, audience, expiry),
 * remembered by their exact text until they expire. The fast path admits a request only on a hit here;
 * anything else (a new token, an expired one, a forged one) takes the full path and plugin-jwt's checks.
 */
export class VerifiedTokens {
  readonly #tokens = new Map<string, VerifiedToken & { expiresAt: number; notBefore: number }>();
  readonly #max: number;

  constructor(max = 10_000) {
    this.#max = max;
  }

  remember(token: string, payload: Record<string, unknown>): void {
    if (this.#tokens.has(token)) return;
    const exp = typeof payload.exp === 'number' ? payload.exp * 1000 : Number.POSITIVE_INFINITY;
    const nbf = typeof payload.nbf === 'number' ? payload.nbf * 1000 : 0;
    // Oldest first out: a Map iterates in insertion order.
    if (this.#tokens.size >= this.#max) this.#tokens.delete(this.#tokens.keys().next().value!);
    const caller = callerFromClaims(payload);
    const scopes = `${caller.canRead ? 'r' : '-'}${caller.canWrite ? 'w' : '-'}`;
    this.#tokens.set(token, { scopes, subject: caller.subject, expiresAt: exp, notBefore: nbf });
  }

  /** A token verified before and valid now, or undefined. */
  lookup(token: string, now = Date.now()): VerifiedToken | undefined {
    const entry = this.#tokens.get(token);
    if (!entry) return undefined;
    if (now >= entry.expiresAt) {
      this.#tokens.delete(token);
      return undefined;
    }
    return now >= entry.notBefore ? entry : undefined;
  }
}
