import type { StoredToken, TokenStore } from '../token-store.js';
import { type FileStoreOptions, StateFiles } from './state-files.js';

/**
 * The current component token of each platform in DATA_DIR/component-access-token.<appid>.json: a restart
 * within the token's lifetime spends no api_component_token call.
 */
export class FileTokenStore implements TokenStore {
  readonly #files: StateFiles<StoredToken>;

  constructor(dir: string, options: FileStoreOptions = {}) {
    this.#files = new StateFiles(
      dir,
      'component-access-token',
      ({ token, expiresAt, lifetimeMs }) =>
        typeof token === 'string' && token !== '' && typeof expiresAt === 'number' && typeof lifetimeMs === 'number' && lifetimeMs > 0
          ? { token, expiresAt, lifetimeMs }
          : undefined,
      options,
    );
  }

  get(componentAppId: string): Promise<StoredToken | undefined> {
    return this.#files.get(componentAppId);
  }

  async set(componentAppId: string, token: StoredToken): Promise<void> {
    await this.#files.update(componentAppId, () => ({
      next: { token: token.token, expiresAt: token.expiresAt, lifetimeMs: token.lifetimeMs },
      result: undefined,
    }));
  }

  /** One process per DATA_DIR: its refreshes are already shared in-process. */
  exclusive<T>(_componentAppId: string, refresh: () => Promise<T>): Promise<T> {
    return refresh();
  }

  async deleteIf(componentAppId: string, token: string): Promise<void> {
    await this.#files.update(componentAppId, (kept) => ({ next: kept?.token === token ? null : undefined, result: undefined }));
  }
}
