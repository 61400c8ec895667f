/** A component_access_token and when WeChat said it stops working. */
export interface StoredToken {
  readonly token: string;
  /** Epoch milliseconds. */
  readonly expiresAt: number;
  /** How long the token was issued for, so refresh-ahead scales with it. */
  readonly lifetimeMs: number;
}

/**
 * Where a platform's token lives. One token per platform, shared by every replica, is what stops
 * servers from invalidating each other's tokens: a Redis-backed store can replace this default later.
 */
export interface TokenStore {
  get(componentAppId: string): Promise<StoredToken | undefined>;
  set(componentAppId: string, token: StoredToken): Promise<void>;
  /** Drops the stored token only if it is still `token` (another caller may have refreshed already). */
  deleteIf(componentAppId: string, token: string): Promise<void>;
}

export class MemoryTokenStore implements TokenStore {
  readonly #tokens = new Map<string, StoredToken>();

  async get(componentAppId: string): Promise<StoredToken | undefined> {
    return this.#tokens.get(componentAppId);
  }

  async set(componentAppId: string, token: StoredToken): Promise<void> {
    this.#tokens.set(componentAppId, token);
  }

  async deleteIf(componentAppId: string, token: string): Promise<void> {
    if (this.#tokens.get(componentAppId)?.token === token) this.#tokens.delete(componentAppId);
  }
}
