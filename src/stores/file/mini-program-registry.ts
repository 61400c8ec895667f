import type { Authorizer, SyncSummary } from '../../mini-programs/model.js';
import { MemoryRegistryStore } from '../mini-program-registry.js';
import { type FileStoreOptions, StateFiles } from './state-files.js';

interface RegistryFile {
  readonly authorizers: readonly Authorizer[];
  readonly lastSync?: SyncSummary | undefined;
}

/**
 * The registry and its refresh tokens in DATA_DIR/mini-programs.<appid>.json (0600, replaced atomically),
 * read once at start, then served from memory; every change is written before it is acknowledged, so a
 * refresh token WeChat gave is on disk before anything uses the access token that came with it. One
 * process per DATA_DIR (replicas share Redis instead).
 */
export class FileRegistryStore extends MemoryRegistryStore {
  readonly #files: StateFiles<RegistryFile>;
  readonly #componentAppId: string;

  private constructor(files: StateFiles<RegistryFile>, componentAppId: string, now?: () => number) {
    super({ now });
    this.#files = files;
    this.#componentAppId = componentAppId;
  }

  /** Reads what a previous run kept; throws (for DataDirError) when the file cannot be read at all. */
  static async open(
    dir: string,
    componentAppId: string,
    options: FileStoreOptions & { now?: () => number } = {},
  ): Promise<FileRegistryStore> {
    const files = new StateFiles<RegistryFile>(dir, 'mini-programs', acceptRegistry, options);
    const store = new FileRegistryStore(files, componentAppId, options.now);
    const kept = await files.get(componentAppId);
    for (const authorizer of kept?.authorizers ?? []) store.records.set(authorizer.appId, authorizer);
    store.last = kept?.lastSync;
    return store;
  }

  override async putMany(records: readonly Authorizer[]): Promise<void> {
    await this.#write((kept) => {
      const next = new Map((kept?.authorizers ?? []).map((a) => [a.appId, a]));
      for (const record of records) next.set(record.appId, record);
      return { authorizers: [...next.values()], lastSync: kept?.lastSync };
    });
  }

  override async setLastSync(summary: SyncSummary): Promise<void> {
    await this.#write((kept) => ({ authorizers: kept?.authorizers ?? [], lastSync: summary }));
  }

  /** Writes the file first, from what the file holds (changes queue per file), then serves the result from memory. */
  async #write(change: (kept: RegistryFile | undefined) => RegistryFile): Promise<void> {
    const next = await this.#files.update(this.#componentAppId, (kept) => {
      const value = change(kept);
      return { next: value, result: value };
    });
    this.records.clear();
    for (const authorizer of next.authorizers) this.records.set(authorizer.appId, authorizer);
    this.last = next.lastSync;
  }
}

const STATUSES = new Set(['AUTHORIZED', 'REVOKED']);
const KINDS = new Set(['mini-program', 'official-account']);
const optionalString = (v: unknown) => v === undefined || typeof v === 'string';

function acceptRegistry(value: Record<string, unknown>): RegistryFile | undefined {
  if (!Array.isArray(value.authorizers)) return undefined;
  const authorizers = value.authorizers.filter(
    (a): a is Authorizer =>
      typeof a === 'object' &&
      a !== null &&
      typeof a.appId === 'string' &&
      KINDS.has(a.kind) &&
      STATUSES.has(a.status) &&
      optionalString(a.name) &&
      optionalString(a.authorizedAt) &&
      optionalString(a.revokedAt) &&
      optionalString(a.refreshToken),
  );
  const last = value.lastSync as SyncSummary | undefined;
  const lastSync = last && typeof last.at === 'string' && typeof last.total === 'number' ? last : undefined;
  return { authorizers, lastSync };
}
