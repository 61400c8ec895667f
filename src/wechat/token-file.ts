import { readFileSync, type Stats, statSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import type { Logger } from 'pino';
import type { TokenProvider } from './token.js';

/** The token file cannot be used at start: main names the setting and stops. */
export class TokenFileError extends Error {
  override name = 'TokenFileError';
}

export interface FileTokenOptions {
  readonly logger: Logger;
  /** How often the file's metadata is checked for a change (a stat, not a read). Default 500 ms. */
  readonly pollMs?: number;
}

/** What changes when a file is rewritten, replaced by a rename, or re-pointed by a symlink swap (Kubernetes secrets). */
const signatureOf = (s: Stats) => `${s.ino}:${s.size}:${s.mtimeMs}:${s.ctimeMs}`;

/** The token in `path`, read now; throws TokenFileError when the file is missing, unreadable or empty. */
export function readTokenFile(path: string): string {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new TokenFileError(`cannot read ${path} (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  const token = text.trim();
  if (token === '') throw new TokenFileError(`${path} is empty`);
  return token;
}

/**
 * A component token that another system (a central token service, a secrets sidecar) keeps fresh in a file.
 * Read at start; then the file's metadata is polled (a stat every `pollMs`, so a change is in use within a
 * second, and no request ever reads the file) and the file re-read when it changed. Polling rather than
 * fs.watch: watches miss renames and symlink swaps on some filesystems, a stat never does. When WeChat
 * refuses the token, the file is re-read at once: a different token there is worth one retry. A file that
 * disappears or empties later keeps the last token in use, with a warning.
 */
export class FileTokenProvider implements TokenProvider {
  readonly #path: string;
  readonly #logger: Logger;
  readonly #timer: NodeJS.Timeout;
  #token: string;
  #signature: string;
  /** Set while the file is missing, empty or unreadable: warn once per episode. */
  #problem: string | undefined;
  #checking: Promise<void> | undefined;

  /** Reads the file now; throws TokenFileError when it is missing, unreadable or empty. */
  constructor(path: string, options: FileTokenOptions) {
    this.#path = path;
    this.#logger = options.logger;
    this.#token = readTokenFile(path);
    try {
      this.#signature = signatureOf(statSync(path));
    } catch {
      this.#signature = '';
    }
    this.#timer = setInterval(() => void this.#check(false), options.pollMs ?? 500);
    this.#timer.unref();
  }

  async get(): Promise<string> {
    return this.#token;
  }

  /** WeChat refused `token`: worth one retry only if the file now holds another one. */
  async invalidate(token: string): Promise<boolean> {
    await this.#check(true);
    return this.#token !== token;
  }

  close(): void {
    clearInterval(this.#timer);
  }

  /** Re-reads the file when its metadata changed (or always, when `force`); one check at a time. */
  #check(force: boolean): Promise<void> {
    // #read never throws: it turns every fault into a warning.
    const run = (this.#checking ?? Promise.resolve()).then(() => this.#read(force));
    this.#checking = run;
    void run.then(() => {
      if (this.#checking === run) this.#checking = undefined;
    });
    return run;
  }

  async #read(force: boolean): Promise<void> {
    let text: string;
    try {
      const signature = signatureOf(await stat(this.#path));
      if (!force && signature === this.#signature && this.#problem === undefined) return;
      text = await readFile(this.#path, 'utf8');
      this.#signature = signature;
    } catch (error) {
      return this.#warn((error as NodeJS.ErrnoException).code === 'ENOENT' ? 'missing' : 'unreadable');
    }
    const token = text.trim();
    if (token === '') return this.#warn('empty');
    if (this.#problem !== undefined) this.#logger.info({ tokenFile: this.#path }, 'the token file is back');
    this.#problem = undefined;
    if (token !== this.#token) {
      this.#token = token;
      this.#logger.info({ tokenFile: this.#path }, 'component token taken from the token file');
    }
  }

  #warn(problem: string): void {
    if (this.#problem === problem) return;
    this.#problem = problem;
    this.#logger.warn({ tokenFile: this.#path, problem }, `the token file is ${problem}: keeping the last token`);
  }
}
