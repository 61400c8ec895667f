import { chmod, type FileHandle, mkdir, open, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { CHANGE_EFFECTS } from '../../domains/change-entry.js';
import type { ChangeJournal, DatedEntry } from '../../domains/ports.js';
import { MemoryChangeJournal, retainedFrom } from '../change-journal.js';

/** The server domains' journal file in DATA_DIR (each list names its own: ListDescription.stores.journalFile). */
export const CHANGE_JOURNAL_FILE = 'server-domain-changes.jsonl';

/** The fields every entry has, whatever its list. */
export const recordSchema = z.object({
  id: z.string().regex(/^\d{1,15}-\d{1,9}$/),
  at: z.iso.datetime(),
  caller: z.string().nullable(),
  action: z.enum(['add', 'delete', 'set']),
  effect: z.enum(CHANGE_EFFECTS as [string, ...string[]]),
  outcome: z.string(),
  errcode: z.number().int().nullable(),
});

export interface FileChangeJournalLoad<E extends DatedEntry> {
  readonly journal: FileChangeJournal<E>;
  /** A last line without its newline that is not an entry (a write cut short by a crash): cut off the file. */
  readonly tornLine: boolean;
  /** Other lines that are not entries (written by something else), skipped and left in place. */
  readonly skippedLines: number;
  /** Entries older than the retention, left out when the file was rewritten at start-up. */
  readonly expiredEntries: number;
}

/**
 * The journal as an append-only JSON-lines file (one entry per line, readable with `cat` or `jq`),
 * mode 0600, for live mode. Written here rather than with a database: one process appends a few lines a
 * day, and a line written with one `write` and `datasync` before the answer is sent is all it needs.
 *
 * Start-up reads the whole file into memory (13 months of changes are small). A crash mid-write leaves
 * a torn last line: it is cut off (it never was an entry: its change was never answered), so the next
 * entry starts a line of its own.
 * Entries past the retention are dropped by rewriting the file (a new file renamed over the old one).
 */
export class FileChangeJournal<E extends DatedEntry> implements ChangeJournal<E> {
  readonly #memory: MemoryChangeJournal<E>;
  readonly #handle: FileHandle;
  /** Appends one after the other, each on its own line. */
  #tail: Promise<unknown> = Promise.resolve();

  private constructor(memory: MemoryChangeJournal<E>, handle: FileHandle) {
    this.#memory = memory;
    this.#handle = handle;
  }

  /**
   * Opens (or creates) the journal `file` in `dataDir`, whose lines `schema` reads; throws when it cannot
   * be read or written.
   */
  static async open<E extends DatedEntry>(
    dataDir: string,
    { file, schema, now = Date.now }: { file: string; schema: z.ZodType<E>; now?: () => number },
  ): Promise<FileChangeJournalLoad<E>> {
    await mkdir(dataDir, { recursive: true, mode: 0o700 });
    const path = join(dataDir, file);
    // A line is kept as it was written (its fields, their order), once the schema has found it an entry.
    const parseLine = (line: string): E | undefined => {
      try {
        const json: unknown = JSON.parse(line);
        return schema.safeParse(json).success ? (json as E) : undefined;
      } catch {
        return undefined;
      }
    };
    let text = '';
    try {
      text = await readFile(path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
    const memory = new MemoryChangeJournal<E>();
    let skippedLines = 0;
    let loaded = 0;
    // A last line without its newline: an entry whose newline was lost is kept; anything else was torn.
    const complete = text.lastIndexOf('\n') + 1;
    const tail = text.slice(complete);
    const tornLine = tail.trim() !== '' && parseLine(tail) === undefined;
    for (const line of (tornLine ? text.slice(0, complete) : text).split('\n')) {
      if (line.trim() === '') continue;
      const entry = parseLine(line);
      if (entry === undefined) {
        skippedLines += 1;
        continue;
      }
      try {
        memory.insert(entry);
        loaded += 1;
      } catch {
        skippedLines += 1; // an id out of order: not an entry this journal wrote
      }
    }
    const oldest = retainedFrom(now());
    // Dropped by the memory journal as newer ones came in, or older than the retention now.
    const expiredEntries = loaded - memory.all().length + memory.all().filter((entry) => Date.parse(entry.at) < oldest).length;
    let kept = memory;
    if (expiredEntries > 0) {
      kept = new MemoryChangeJournal<E>();
      for (const entry of memory.all()) if (Date.parse(entry.at) >= oldest) kept.insert(entry);
      await rewrite(path, kept.all());
    }
    const handle = await open(path, 'a', 0o600);
    // The mode applies only when the file is created: an older file is made private too.
    await chmod(path, 0o600);
    if (expiredEntries === 0 && tornLine) await handle.truncate(Buffer.byteLength(text.slice(0, complete)));
    else if (expiredEntries === 0 && tail.trim() !== '') await handle.write('\n');
    return { journal: new FileChangeJournal(kept, handle), tornLine, skippedLines, expiredEntries };
  }

  append(entry: Omit<E, 'id'>): Promise<E> {
    const run = this.#tail.then(async () => {
      const full = this.#memory.withNextId(entry);
      await this.#handle.write(`${JSON.stringify(full)}\n`);
      await this.#handle.datasync();
      this.#memory.insert(full);
      return full;
    });
    this.#tail = run.catch(() => undefined);
    return run;
  }

  page(limit: number, after?: string): Promise<readonly E[]> {
    return this.#memory.page(limit, after);
  }

  between(fromMs: number, toMs: number): Promise<readonly E[]> {
    return this.#memory.between(fromMs, toMs);
  }

  async close(): Promise<void> {
    await this.#tail;
    await this.#handle.close();
  }
}

/** Replaces the file with `entries`, atomically: a crash leaves the old file or the new one. */
async function rewrite(path: string, entries: readonly DatedEntry[]): Promise<void> {
  const temporary = `${path}.${process.pid}.tmp`;
  await writeFile(temporary, entries.map((entry) => `${JSON.stringify(entry)}\n`).join(''), { mode: 0o600, flush: true });
  await rename(temporary, path);
}
