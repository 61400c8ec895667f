import type { Logger } from 'pino';
import { type Authorizer, isoFromUnixSeconds, type SyncSummary } from './model.js';
import type { AuthorizerApi, AuthorizerPage, RegistryStore } from './ports.js';

/** WeChat's maximum page of api_get_authorizer_list. */
export const AUTHORIZER_PAGE_SIZE = 500;

export interface SyncOptions {
  readonly api: AuthorizerApi;
  readonly store: RegistryStore;
  readonly logger: Logger;
  /** Epoch milliseconds. */
  readonly now?: () => number;
  /** After each complete sync (metrics). */
  readonly onSynced?: (summary: SyncSummary) => void;
  /** Mini Programs this sync turned REVOKED, once stored: their cached access tokens go. */
  readonly onRevoked?: (appIds: readonly string[]) => Promise<void>;
}

type Listed = AuthorizerPage['list'][number];

/**
 * Keeps the registry current with api_get_authorizer_list: page after page until total_count, then each
 * authorizer new to the registry classified once (api_get_authorizer_info), then whoever a COMPLETE listing
 * left out turned REVOKED. A listing cut short throws and changes no status. One sync at a time: callers of
 * this process share the one running, and replicas take turns through the store, a replica whose turn comes
 * after another's sync that began meanwhile answering that one's result.
 */
export class MiniProgramSync {
  readonly #options: SyncOptions;
  readonly #now: () => number;
  #running: Promise<SyncSummary> | undefined;

  constructor(options: SyncOptions) {
    this.#options = options;
    this.#now = options.now ?? Date.now;
  }

  /** The running sync's result, or a new sync's. Throws the API's typed error when the sync fails. */
  run(): Promise<SyncSummary> {
    this.#running ??= this.#exclusive().finally(() => {
      this.#running = undefined;
    });
    return this.#running;
  }

  /** For the background occasions (start-up, the timer): a failure is one log line, never thrown. */
  runInBackground(occasion: string): void {
    this.run().then(
      (summary) => this.#options.logger.info({ miniPrograms: { occasion, ...summary } }, 'Mini Programs synced from WeChat'),
      (error: unknown) =>
        this.#options.logger.warn(
          { miniPrograms: { occasion }, failure: describe(error) },
          'Mini Program sync failed: nothing changed; tried again at the next occasion',
        ),
    );
  }

  /** Pages through the list for one appid: its entry, or undefined when a complete listing does not hold it. */
  async find(appId: string): Promise<Listed | undefined> {
    for (let offset = 0; ; offset += AUTHORIZER_PAGE_SIZE) {
      const page = await this.#options.api.listAuthorizers(offset, AUTHORIZER_PAGE_SIZE);
      const found = page.list.find((entry) => entry.appId === appId);
      if (found) return found;
      if (page.list.length === 0 || offset + page.list.length >= page.totalCount) return undefined;
    }
  }

  async #exclusive(): Promise<SyncSummary> {
    const waitedFrom = this.#now();
    return this.#options.store.exclusiveSync(async () => {
      // Another replica may have completed a sync while this one waited for its turn: that is the answer.
      const last = await this.#options.store.lastSync();
      if (last && Date.parse(last.at) >= waitedFrom) return last;
      return this.#sync();
    });
  }

  async #sync(): Promise<SyncSummary> {
    const { api, store } = this.#options;
    const listed = await this.#listAll();
    const at = new Date(this.#now()).toISOString();
    const kept = new Map((await store.all()).map((a) => [a.appId, a]));
    const changed: Authorizer[] = [];
    let added = 0;
    try {
      for (const entry of listed.values()) {
        const known = kept.get(entry.appId);
        const authorizedAt = entry.authTime === undefined ? undefined : isoFromUnixSeconds(entry.authTime);
        if (!known) {
          // Metered by WeChat: asked once per authorizer, ever (the answer is kept, Official Accounts too).
          const info = await api.authorizerInfo(entry.appId);
          const record: Authorizer = info.isMiniProgram
            ? {
                appId: entry.appId,
                kind: 'mini-program',
                status: 'AUTHORIZED',
                name: info.name,
                authorizedAt,
                refreshToken: entry.refreshToken,
              }
            : { appId: entry.appId, kind: 'official-account', status: 'AUTHORIZED' };
          if (info.isMiniProgram) added += 1;
          changed.push(record);
          kept.set(record.appId, record);
        } else if (known.kind === 'mini-program' && (known.status === 'REVOKED' || (!known.refreshToken && entry.refreshToken))) {
          // Authorized again, or a refresh token the store lost (a Redis restarted empty): the list has it.
          const record: Authorizer =
            known.status === 'REVOKED'
              ? {
                  ...known,
                  status: 'AUTHORIZED',
                  authorizedAt: authorizedAt ?? known.authorizedAt,
                  revokedAt: undefined,
                  refreshToken: entry.refreshToken,
                }
              : { ...known, refreshToken: entry.refreshToken };
          changed.push(record);
          kept.set(record.appId, record);
        }
      }
    } finally {
      // Classifications made before a failure are kept: a retry must not pay for them again.
      if (changed.length > 0) await store.putMany(changed);
    }
    const revokedNow: Authorizer[] = [];
    for (const authorizer of kept.values()) {
      if (authorizer.kind === 'mini-program' && authorizer.status === 'AUTHORIZED' && !listed.has(authorizer.appId)) {
        const record: Authorizer = { ...authorizer, status: 'REVOKED', revokedAt: at, refreshToken: undefined };
        revokedNow.push(record);
        kept.set(record.appId, record);
      }
    }
    if (revokedNow.length > 0) {
      await store.putMany(revokedNow);
      await this.#options.onRevoked?.(revokedNow.map((a) => a.appId));
    }
    let total = 0;
    for (const a of kept.values()) if (a.kind === 'mini-program' && a.status === 'AUTHORIZED') total += 1;
    const summary: SyncSummary = { at, total, added, revoked: revokedNow.length };
    await store.setLastSync(summary);
    this.#options.onSynced?.(summary);
    return summary;
  }

  /** Every page, or a throw: a listing cut short must change nothing. */
  async #listAll(): Promise<Map<string, Listed>> {
    const listed = new Map<string, Listed>();
    for (let offset = 0; ; offset += AUTHORIZER_PAGE_SIZE) {
      const page = await this.#options.api.listAuthorizers(offset, AUTHORIZER_PAGE_SIZE);
      for (const entry of page.list) listed.set(entry.appId, entry);
      if (page.list.length === 0 || offset + page.list.length >= page.totalCount) return listed;
    }
  }
}

const describe = (error: unknown) => (error instanceof Error ? { type: error.name, message: error.message } : { type: typeof error });
