import { resolve } from 'node:path';
import type { KeptTicket } from '../ticket-store.js';
import type { StoredToken } from '../token-store.js';
import { FileTicketStore } from './file-ticket-store.js';
import { FileTokenStore } from './file-token-store.js';
import { DataDirError, prepareDataDir } from './json-file.js';
import type { FileStoreOptions } from './state-files.js';

export interface DataDirStores {
  /** The directory, absolute. */
  readonly dir: string;
  readonly tickets: FileTicketStore;
  readonly tokens: FileTokenStore;
  /** What a previous run left for this platform (read now, so a bad file stops start-up, not a request). */
  readonly kept: { readonly ticket: KeptTicket | undefined; readonly token: StoredToken | undefined };
}

/**
 * DATA_DIR made ready for live mode: created if missing (0700), proven writable, and the kept ticket and
 * token of `componentAppId` read back. Throws DataDirError naming the directory when any of it fails.
 */
export async function openDataDir(dataDir: string, componentAppId: string, options: FileStoreOptions = {}): Promise<DataDirStores> {
  const dir = resolve(dataDir);
  await prepareDataDir(dir);
  const tickets = new FileTicketStore(dir, options);
  const tokens = new FileTokenStore(dir, options);
  try {
    const [ticket, token] = await Promise.all([tickets.get(componentAppId), tokens.get(componentAppId)]);
    return { dir, tickets, tokens, kept: { ticket, token } };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new DataDirError(`cannot read the state kept in ${dir}${code ? ` (${code})` : ''}`);
  }
}
