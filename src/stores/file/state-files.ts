import { MemoryWriteLock } from '../write-lock.js';
import { readJsonFile, removeFile, stateFile, writeJsonFile } from './json-file.js';

const FILE_LOCK = { waitMs: 60_000, leaseMs: 0 };
export interface FileStoreOptions {
  /** A kept file that cannot be understood is treated as absent (the next write replaces it); told here. */
  readonly onUnreadable?: (file: string) => void;
}

/**
 * One kind of state, one file per platform (DATA_DIR/<kind>.<appid>.json), for one process: each file is
 * read once, then served from memory; changes are serialised per platform, so a read-compare-write in
 * `update` is atomic within the process. Replicas need a shared store instead.
 */
export class StateFiles<T extends object> {
  readonly #dir: string;
  readonly #kind: string;
  readonly #accept: (value: Record<string, unknown>) => T | undefined;
  readonly #options: FileStoreOptions;
  readonly #lock = new MemoryWriteLock();
  readonly #kept = new Map<string, Promise<T | undefined>>();

  /** `accept` returns the value when a parsed file holds a well-formed one, undefined otherwise. */
  constructor(dir: string, kind: string, accept: (value: Record<string, unknown>) => T | undefined, options: FileStoreOptions = {}) {
    this.#dir = dir;
    this.#kind = kind;
    this.#accept = accept;
    this.#options = options;
  }

  get(componentAppId: string): Promise<T | undefined> {
    let kept = this.#kept.get(componentAppId);
    if (!kept) {
      kept = this.#load(componentAppId);
      // A failed read (not a missing file) is not remembered: the next call tries again.
      kept.catch(() => this.#kept.delete(componentAppId));
      this.#kept.set(componentAppId, kept);
    }
    return kept;
  }

  /** Runs `change` alone for this platform: it gets the kept value and returns what to keep (null: remove, undefined: leave). */
  update<R>(componentAppId: string, change: (kept: T | undefined) => { next?: T | null; result: R }): Promise<R> {
    // Writes of one file queue here; a write does not take a minute unless the disk is gone.
    return this.#lock.run(
      componentAppId,
      async () => {
        const { next, result } = change(await this.get(componentAppId));
        if (next === undefined) return result;
        const file = stateFile(this.#dir, this.#kind, componentAppId);
        if (next === null) await removeFile(file);
        else await writeJsonFile(file, { componentAppId, ...next });
        this.#kept.set(componentAppId, Promise.resolve(next ?? undefined));
        return result;
      },
      FILE_LOCK,
    );
  }

  async #load(componentAppId: string): Promise<T | undefined> {
    const file = stateFile(this.#dir, this.#kind, componentAppId);
    let value: unknown;
    try {
      value = await readJsonFile(file);
    } catch (error) {
      if (!(error instanceof SyntaxError)) throw error;
      value = null;
    }
    if (value === undefined) return undefined;
    const accepted = typeof value === 'object' && value !== null ? this.#accept(value as Record<string, unknown>) : undefined;
    if (accepted === undefined) this.#options.onUnreadable?.(file);
    return accepted;
  }
}
