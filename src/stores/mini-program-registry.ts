import type { Authorizer, SyncSummary } from '../mini-programs/model.js';
import type { RegistryStore } from '../mini-programs/ports.js';

/**
 * The registry in this process's memory (simulator mode, tests): lost with the process. Live mode keeps it
 * in DATA_DIR (file/mini-program-registry.ts) or Redis (redis/mini-program-registry.ts).
 */
export class MemoryRegistryStore implements RegistryStore {
  protected readonly records = new Map<string, Authorizer>();
  protected last: SyncSummary | undefined;
  readonly #codes = new Map<string, number>();
  readonly #now: () => number;
  #syncing: Promise<unknown> = Promise.resolve();

  constructor(options: { readonly now?: () => number } = {}) {
    this.#now = options.now ?? Date.now;
  }

  async get(appId: string): Promise<Authorizer | undefined> {
    return this.records.get(appId);
  }

  async all(): Promise<Authorizer[]> {
    return [...this.records.values()];
  }

  async putMany(records: readonly Authorizer[]): Promise<void> {
    for (const record of records) this.records.set(record.appId, record);
  }

  async lastSync(): Promise<SyncSummary | undefined> {
    return this.last;
  }

  async setLastSync(summary: SyncSummary): Promise<void> {
    this.last = summary;
  }

  exclusiveSync<T>(sync: () => Promise<T>): Promise<T> {
    const turn = this.#syncing.then(sync, sync);
    this.#syncing = turn.catch(() => undefined);
    return turn;
  }

  async claimAuthorizationCode(code: string, ttlMs: number): Promise<boolean> {
    const now = this.#now();
    for (const [kept, until] of this.#codes) if (until <= now) this.#codes.delete(kept);
    if (this.#codes.has(code)) return false;
    this.#codes.set(code, now + ttlMs);
    return true;
  }

  async releaseAuthorizationCode(code: string): Promise<void> {
    this.#codes.delete(code);
  }
}
