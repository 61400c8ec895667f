import type { Logger } from 'pino';
import { type AuthorizationEvent, AuthorizationEvents, type AuthorizationOutcome } from './authorization-events.js';
import { type Authorizer, isMiniProgram, type MiniProgram, type SyncSummary } from './model.js';
import { type AuthorizerApi, type AuthorizerTokenCache, listMiniPrograms, type RegistryStore } from './ports.js';
import { MiniProgramSync } from './sync.js';
import { AuthorizerTokenProvider, type AuthorizerTokens } from './tokens.js';

export interface MiniProgramsOptions {
  readonly api: AuthorizerApi;
  readonly registry: RegistryStore;
  readonly tokenCache: AuthorizerTokenCache;
  readonly logger: Logger;
  readonly now?: () => number;
  readonly onSynced?: (summary: SyncSummary) => void;
  readonly onTokenRefresh?: (outcome: 'ok' | 'recovered' | 'revoked' | 'failed') => void;
}

/** The cursor names no Mini Program this service knows. */
export class UnknownMiniProgramCursorError extends Error {
  override name = 'UnknownMiniProgramCursorError';
}

/**
 * The platform's authorized Mini Programs: what the schema reads and asks for (the registry, its sync), what
 * the event receiver hands authorisation pushes to, and the authorizer tokens for calls on a Mini Program's
 * behalf. Knows no GraphQL and no concrete store or client.
 */
export class MiniPrograms {
  readonly tokens: AuthorizerTokens;
  readonly #options: MiniProgramsOptions;
  readonly #sync: MiniProgramSync;
  readonly #events: AuthorizationEvents;
  #timer: NodeJS.Timeout | undefined;
  #background = false;

  constructor(options: MiniProgramsOptions) {
    this.#options = options;
    const { api, registry, tokenCache: cache, logger, now } = options;
    const dropTokens = async (appIds: readonly string[]) => {
      for (const appId of appIds) {
        const cached = await cache.get(appId);
        if (cached) await cache.deleteIf(appId, cached.token);
      }
    };
    this.#sync = new MiniProgramSync({ api, store: registry, logger, now, onSynced: options.onSynced, onRevoked: dropTokens });
    this.tokens = new AuthorizerTokenProvider({ api, registry, cache, sync: this.#sync, logger, now, onRefresh: options.onTokenRefresh });
    this.#events = new AuthorizationEvents({ api, registry, cache, logger, now });
  }

  /** A Mini Program this service knows (any status); undefined for an unknown appid and an Official Account. */
  async get(appId: string): Promise<MiniProgram | undefined> {
    const record = await this.#options.registry.get(appId);
    return isMiniProgram(record) ? record : undefined;
  }

  /** Up to `limit` Mini Programs after the one named by `after`, by appid ascending. */
  async page(limit: number, after: string | undefined, status: Authorizer['status'] | undefined): Promise<MiniProgram[]> {
    if (after !== undefined && !(await this.get(after))) throw new UnknownMiniProgramCursorError(after);
    const all = (await listMiniPrograms(this.#options.registry, { status })) as MiniProgram[];
    const start = after === undefined ? 0 : all.findIndex((a) => a.appId > after);
    return start < 0 ? [] : all.slice(start, start + limit);
  }

  /** Counts by status, for metrics. */
  async counts(): Promise<Record<Authorizer['status'], number>> {
    const counts = { AUTHORIZED: 0, REVOKED: 0 };
    for (const a of await listMiniPrograms(this.#options.registry, {})) counts[a.status] += 1;
    return counts;
  }

  lastSync(): Promise<SyncSummary | undefined> {
    return this.#options.registry.lastSync();
  }

  /** Syncs now, or joins the sync running (here or, through the store, on another replica). */
  sync(): Promise<SyncSummary> {
    return this.#sync.run();
  }

  handleAuthorization(event: AuthorizationEvent): Promise<AuthorizationOutcome> {
    return this.#events.handle(event);
  }

  /** The start-up sync in the background, then one every `intervalMs` (0: none but the start-up one). */
  start(intervalMs: number): void {
    this.#background = true;
    this.#sync.runInBackground('start-up');
    if (intervalMs > 0) {
      this.#timer = setInterval(() => this.#sync.runInBackground('interval'), intervalMs);
      this.#timer.unref();
    }
  }

  /**
   * A new component_verify_ticket arrived: a start-up sync that failed for want of one (a first start
   * without a seed ticket) is tried again now rather than at the next interval.
   */
  async onTicket(): Promise<void> {
    if (this.#background && !(await this.#options.registry.lastSync().catch(() => undefined))) this.#sync.runInBackground('ticket');
  }

  close(): void {
    clearInterval(this.#timer);
  }
}
