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
 * servers from invalidating each other's tokens (memory by default, a file in DATA_DIR, Redis for replicas).
 */
export interface TokenStore {
  get(componentAppId: string): Promise<StoredToken | undefined>;
  set(componentAppId: string, token: StoredToken): Promise<void>;
  /** Drops the stored token only if it is still `token` (another caller may have refreshed already). */
  deleteIf(componentAppId: string, token: string): Promise<void>;
  /**
   * Runs `refresh` while no other holder of this store refreshes the platform's token: a shared store makes
   * replicas take turns (each re-reads the store first: the one before may have stored a fresh token); a
   * store of one process runs it at once (the provider already shares one refresh in-process). Throws
   * SharedStoreUnavailableError when a shared store cannot be reached or stays taken too long.
   */
  exclusive<T>(componentAppId: string, refresh: () => Promise<T>): Promise<T>;
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

  exclusive<T>(_componentAppId: string, refresh: () => Promise<T>): Promise<T> {
    return refresh();
  }
}
