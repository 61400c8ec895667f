import type { IncomingMessage, ServerResponse } from 'node:http';
import { EnvelopArmorPlugin } from '@escape.tech/graphql-armor';
import { NoSchemaIntrospectionCustomRule } from 'graphql';
import { createYoga, type Plugin, type YogaServerInstance } from 'graphql-yoga';
import type { Logger } from 'pino';
import { useAuthentication } from './auth/jwt.js';
import { parseCaches } from './caching/parse-cache.js';
import { responseCachePlugin } from './caching/response-cache-plugin.js';
import {
  type AuthSettings,
  type Config,
  DEFAULT_CACHE_TTL_MS,
  DEFAULT_LIMITS,
  DEFAULT_MINI_PROGRAM_MONTHLY_LIMIT,
  DEFAULT_MONTHLY_LIMIT,
  DEFAULT_WECHAT_CONCURRENCY,
  type EventSettings,
} from './config.js';
import { type Context, createContextFactory } from './context.js';
import type { ChangeEntry } from './domains/change-entry.js';
import { ChangeFlow } from './domains/change-flow.js';
import type { CachedRead, JournaledList } from './domains/list.js';
import { MiniProgramLists, type MiniProgramListsOptions } from './domains/mini-program-domains.js';
import type { MiniProgramChangeEntry } from './domains/mini-program-lists.js';
import type { MiniProgramDirectory } from './domains/mini-program-request.js';
import { PlatformDomains, type PlatformFlow } from './domains/platform.js';
import { type DomainConfirmFile, JUMP_DOMAINS, type PlatformListDescription, SERVER_DOMAINS } from './domains/platform-lists.js';
import type { ChangeJournal, DatedEntry, ReadCache, WriteLock } from './domains/ports.js';
import { ReadPath, refreshGraceMs } from './domains/read-path.js';
import { sameState } from './domains/state.js';
import { useEventReceiver } from './events/receiver.js';
import { bodyAlreadyRead, fastPathListener } from './fast-path/listener.js';
import { useReusableAnswers } from './fast-path/reusable.js';
import { VerifiedTokens } from './fast-path/verified-tokens.js';
import { DEFAULT_QUERY, renderGraphiQL } from './graphiql.js';
import { useBodyLimit } from './guards/body-limit.js';
import { useCostLimit } from './guards/cost-limit.js';
import { useCsrfPrevention } from './guards/csrf.js';
import { useFastValidation } from './guards/fast-validate.js';
import { maskError } from './guards/mask-errors.js';
import { maxChangesRule } from './guards/max-changes.js';
import { yogaLogger } from './logger.js';
import type { MiniProgram } from './mini-programs/model.js';
import type { AuthorizerTokenCache, RegistryStore } from './mini-programs/ports.js';
import { MiniPrograms } from './mini-programs/registry.js';
import { createMetrics, type Metrics } from './observability/metrics.js';
import { useReadiness } from './observability/ready.js';
import { createRequestLog } from './observability/request-log.js';
import { tracedListener, useOperationSpans } from './observability/request-spans.js';
import { stepTracer, tracingEnabled } from './observability/tracing.js';
import { schema } from './schema/index.js';
import { MemoryChangeJournal } from './stores/change-journal.js';
import { MemoryRegistryStore } from './stores/mini-program-registry.js';
import { MemoryReadCache } from './stores/read-cache.js';
import type { LiveCredentials } from './stores/stores.js';
import { MemoryTicketStore, type TicketStore } from './stores/ticket-store.js';
import { MemoryTokenStore, type TokenStore } from './stores/token-store.js';
import { MemoryWriteLock } from './stores/write-lock.js';
import { WechatAuthorizers } from './wechat/authorizers.js';
import { WechatClient } from './wechat/client.js';
import { JsonHttp } from './wechat/http.js';
import { type AuthorizerTokenSource, MiniProgramClient } from './wechat/mini-program-client.js';
import { ComponentTokenProvider, StaticTokenProvider, type TokenProvider } from './wechat/token.js';
import { FileTokenProvider } from './wechat/token-file.js';

export type { LiveCredentials } from './stores/stores.js';

/**
 * The query cost limit (armor's model: see guards/cost-limit.ts). A page of 500 Mini Programs with both
 * lists' four views (every server kind) and the quota on each node costs about 237,000; 10 aliased pages
 * of the registry's fields do not fit.
 */
export const MAX_QUERY_COST = 250_000;

/** Request bodies above this are refused with 413: the largest legitimate one (1000 domains) is ~70 KB. */
export const MAX_REQUEST_BODY_BYTES = 1024 * 1024;

export interface ServiceOptions {
  readonly wechat: {
    readonly baseUrl: string;
    readonly timeoutMs: number;
    readonly credentials: LiveCredentials;
    /** Component mode only: receive WeChat's pushes on POST /wechat/events (404 without). */
    readonly events?: EventSettings | undefined;
  };
  readonly logger: Logger;
  readonly auth?: AuthSettings;
  readonly limits?: Partial<Config['limits']>;
  readonly development?: boolean;
  /** Where the component token lives; in memory unless a shared store is given. */
  readonly tokenStore?: TokenStore;
  /** Where pushed component_verify_tickets live; in memory unless given (a file in DATA_DIR, a shared store). */
  readonly ticketStore?: TicketStore;
  /**
   * The clock of everything that expires or is dated, in milliseconds since the epoch: the read cache, the
   * grace of the last state, retry budgets, remembered tokens, JWT `exp`, the component token, the pushes'
   * timestamp window, the ticket's age, journal times, China months and the daily quota's minute. Each
   * part's own clock unless given; tests move time with it instead of sleeping.
   */
  readonly now?: () => number;
  /** How often WECHAT_COMPONENT_ACCESS_TOKEN_FILE's metadata is checked; default 500 ms. */
  readonly tokenFilePollMs?: number;
  /** Serialises each list's changes; in-process unless a shared lock is given. */
  readonly writeLock?: WriteLock;
  /** Keeps each read path's last read between requests; in memory unless a shared cache is given. */
  readonly readCache?: <S>(read: CachedRead<S>) => ReadCache<S>;
  /** SERVER_DOMAINS_CACHE_TTL_MS; 0 turns the cache off. Default DEFAULT_CACHE_TTL_MS. */
  readonly cacheTtlMs?: number;
  /** Prometheus metrics; a fresh registry unless given. */
  readonly metrics?: Metrics;
  /** Browser origins allowed to call the API (CORS_ORIGINS); none: same origin only. */
  readonly corsOrigins?: readonly string[];
  /** A fresh round trip to the shared store (Redis), for /ready; none without one. */
  readonly sharedStoreReachable?: () => Promise<boolean>;
  /** Each list's change journal, by the list's key; in memory for a list left out (live mode gives files in DATA_DIR). */
  readonly journals?: ReadonlyMap<string, ChangeJournal<DatedEntry>>;
  /** Changes a month the server domains' local quota guard allows (SERVER_DOMAINS_MONTHLY_LIMIT); 50 unless given. */
  readonly monthlyLimit?: number;
  /** The business domains' (JUMP_DOMAINS_MONTHLY_LIMIT); no limit unless given. */
  readonly jumpMonthlyLimit?: number | null;
  /**
   * Each authorized Mini Program's journal of its two lists (the same one for the same Mini Program every
   * time); in memory unless given.
   */
  readonly miniProgramJournal?: (list: JournaledList) => ChangeJournal<DatedEntry>;
  /** Each Mini Program's server-domain changes a month (MINI_PROGRAM_DOMAINS_MONTHLY_LIMIT); 50 unless given. */
  readonly miniProgramMonthlyLimit?: number;
  /** WECHAT_CONCURRENCY: the Mini Programs' /wxa/… calls in flight at once; 8 unless given. */
  readonly wechatConcurrency?: number;
  /**
   * BENCH ONLY (bench/run.ts --answer-cache): what keeps repeated reads' answers. 'fast-path' (the default,
   * and the only one for production) or yoga's response-cache plugin, measured against it (bench/README.md).
   */
  readonly answerCache?: 'fast-path' | 'response-cache-plugin';
  /** BENCH ONLY (bench/run.ts --fast-validate): false validates with graphql-js's own `validate`. Default true. */
  readonly fastValidation?: boolean;
  /** The authorized Mini Programs and their refresh tokens; in memory unless given (a file in DATA_DIR, Redis). */
  readonly miniProgramRegistry?: RegistryStore;
  /** Where authorizer access tokens are cached; in memory unless given (Redis, for one refresh per fleet). */
  readonly authorizerTokenCache?: AuthorizerTokenCache;
  /**
   * MINI_PROGRAM_SYNC_INTERVAL_MS: given, the registry is synced at start (in the background) and then this
   * often (0: at start only). Not given (tests), it syncs only when asked.
   */
  readonly miniProgramSyncIntervalMs?: number;
  /** Told each time the shared store (re)connects: the start-up sync waits for the first time. */
  readonly onSharedStoreReady?: (listener: () => void) => void;
}

/** CORS for the listed origins only: bearer tokens, never cookies, so no credentials mode. */
function corsFor(origins: readonly string[]) {
  return {
    origin: [...origins],
    credentials: false,
    methods: ['GET', 'POST'],
    allowedHeaders: ['content-type', 'authorization', 'x-graphql-yoga-csrf', 'apollo-require-preflight'],
    maxAge: 600,
  };
}

export interface Service {
  /** The Node request listener to serve: `http.createServer(service.listener)`. Yoga behind the fast path. */
  readonly listener: (req: IncomingMessage, res: ServerResponse) => void;
  /** Yoga alone, without the fast path: `yoga.fetch(...)` in-process gives the same answers, only slower for repeated reads. */
  readonly yoga: YogaServerInstance<object, Context>;
  /** The platform's lists: what the resolvers call. */
  readonly domains: PlatformDomains;
  readonly metrics: Metrics;
  /** The authorized Mini Programs; undefined when the platform's appid is not known (a static token without it). */
  readonly miniPrograms: MiniPrograms | undefined;
  /** Closes the upstream pool. */
  close(): Promise<void>;
}

function tokenProvider(options: ServiceOptions, http: JsonHttp, metrics: Metrics, tickets: TicketStore): TokenProvider {
  const { credentials } = options.wechat;
  if (credentials.mode === 'static') return new StaticTokenProvider(credentials.accessToken);
  if (credentials.mode === 'file') {
    return new FileTokenProvider(credentials.tokenFile, { logger: options.logger, pollMs: options.tokenFilePollMs });
  }
  return new ComponentTokenProvider({
    componentAppId: credentials.componentAppId,
    componentAppSecret: credentials.componentAppSecret,
    tickets,
    seedTicket: credentials.componentVerifyTicket,
    http,
    store: options.tokenStore ?? new MemoryTokenStore(),
    logger: options.logger,
    now: options.now,
    onRefresh: metrics.onTokenRefresh,
  });
}

/** The Mini Program registry, wherever the platform's appid is known (its calls all carry component_appid). */
function miniProgramsFor(options: ServiceOptions, http: JsonHttp, tokens: TokenProvider, metrics: Metrics): MiniPrograms | undefined {
  const componentAppId = options.wechat.credentials.componentAppId;
  if (componentAppId === undefined) return undefined;
  const api = new WechatAuthorizers({
    http,
    tokens,
    componentAppId,
    logger: options.logger,
    timeoutMs: options.wechat.timeoutMs,
    onCall: metrics.onUpstreamCall,
  });
  const miniPrograms = new MiniPrograms({
    api,
    registry: options.miniProgramRegistry ?? new MemoryRegistryStore({ now: options.now }),
    tokenCache: options.authorizerTokenCache ?? new MemoryTokenStore(),
    logger: options.logger,
    now: options.now,
    onTokenRefresh: metrics.onAuthorizerTokenRefresh,
  });
  metrics.watchMiniPrograms(() => miniPrograms.counts());
  const intervalMs = options.miniProgramSyncIntervalMs;
  if (intervalMs !== undefined) {
    // With Redis the sync needs it (its lease, the registry): a Redis still connecting at start is no failure.
    if (options.onSharedStoreReady) {
      let started = false;
      options.onSharedStoreReady(() => {
        if (!started) miniPrograms.start(intervalMs);
        started = true;
      });
    } else miniPrograms.start(intervalMs);
  }
  return miniPrograms;
}

/** POST /wechat/events, in component mode with the event settings; the ticket's age on /metrics. */
function eventPlugins(
  options: ServiceOptions,
  metrics: Metrics,
  tickets: TicketStore,
  onTicket: () => void,
  miniPrograms: MiniPrograms | undefined,
): Plugin[] {
  const { credentials, events } = options.wechat;
  if (credentials.mode !== 'component') {
    if (events) throw new Error('the event settings need component credentials (appid and secret)');
    return [];
  }
  const now = options.now ?? Date.now;
  metrics.watchTicketAge(async () => (await tickets.get(credentials.componentAppId))?.createTime, now);
  if (!events) return [];
  return [
    useEventReceiver({
      token: events.token,
      encodingAesKey: events.encodingAesKey,
      componentAppId: credentials.componentAppId,
      tickets,
      logger: options.logger,
      now,
      onEvent: metrics.onEvent,
      onTicket,
      ...(miniPrograms ? { onAuthorization: (event) => miniPrograms.handleAuthorization(event) } : {}),
    }),
  ];
}

/** Validation rules of our own, added to graphql-js's: the one-change rule, and introspection when off. */
function useValidationRules(limits: Config['limits']): Plugin {
  const rules = [maxChangesRule(limits.maxChangesPerOperation)];
  if (!limits.introspection) rules.push(NoSchemaIntrospectionCustomRule);
  return {
    onValidate({ addValidationRule }) {
      for (const rule of rules) addValidationRule(rule);
    },
  };
}

/** The GraphQL service: yoga, its plugins, and the one WeChat client behind it. Does not listen. */
export function createService(options: ServiceOptions): Service {
  const { baseUrl, timeoutMs } = options.wechat;
  const auth = options.auth ?? { mode: 'disabled', explicit: false };
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  const development = options.development ?? false;
  const metrics = options.metrics ?? createMetrics();
  const http = new JsonHttp(baseUrl, { timeoutMs });
  const tickets = options.ticketStore ?? new MemoryTicketStore();
  const tokens = tokenProvider(options, http, metrics, tickets);
  const miniPrograms = miniProgramsFor(options, http, tokens, metrics);
  const readiness = useReadiness(() => tokens.get(), options.sharedStoreReachable);
  const client = new WechatClient({
    http,
    tokens,
    logger: options.logger,
    baseUrl,
    timeoutMs,
    onCall: metrics.onUpstreamCall,
    ...(options.now ? { now: options.now } : {}),
  });
  const cacheTtlMs = options.cacheTtlMs ?? DEFAULT_CACHE_TTL_MS;
  // BENCH ONLY: yoga's response cache instead of the fast path (see ServiceOptions.answerCache).
  const pluginCache =
    options.answerCache === 'response-cache-plugin'
      ? responseCachePlugin({ schema, ttlMs: cacheTtlMs, authOn: auth.mode !== 'disabled' })
      : undefined;
  const writeLock = options.writeLock ?? new MemoryWriteLock();
  const readPath = <S>(read: CachedRead<S>, fetch: ReadPath<S>['fetch']) =>
    new ReadPath<S>({
      key: read.key,
      fetch,
      cache:
        options.readCache?.(read) ??
        new MemoryReadCache<S>({ same: read.same, now: options.now, graceMs: refreshGraceMs(cacheTtlMs, timeoutMs) }),
      ttlMs: cacheTtlMs,
      timeoutMs,
      logger: options.logger,
    });
  // One flow per list, from its description: the same read path, change flow and journal for each.
  const flow = (list: PlatformListDescription, monthlyLimit: number | null): PlatformFlow => {
    const upstream = client.platformList(list);
    const journal = (options.journals?.get(list.key) as ChangeJournal<ChangeEntry> | undefined) ?? new MemoryChangeJournal<ChangeEntry>();
    let changes: PlatformFlow | undefined;
    const listMetrics = metrics.forList(list, monthlyLimit === null ? undefined : async () => (await changes!.monthlyQuota()).remaining);
    changes = new ChangeFlow({
      list,
      upstream,
      reads: readPath({ key: list.key, cache: list.stores.cache, same: sameState }, upstream.read),
      writeLock,
      journal,
      timeoutMs,
      monthlyLimit,
      clock: options.now,
      tracer: stepTracer,
      onJournaled: pluginCache
        ? (entry) => {
            pluginCache.invalidate();
            listMetrics.onJournaled(entry);
          }
        : listMetrics.onJournaled,
    });
    return changes;
  };
  const domains = new PlatformDomains({
    server: flow(SERVER_DOMAINS, options.monthlyLimit ?? DEFAULT_MONTHLY_LIMIT),
    jump: flow(JUMP_DOMAINS, options.jumpMonthlyLimit ?? JUMP_DOMAINS.documentedMonthlyLimit),
    confirmFile: readPath<DomainConfirmFile>(
      {
        key: 'jump-domain-confirm-file',
        cache: 'confirm-file:',
        same: (a, b) => a.fileName === b.fileName && a.fileContent === b.fileContent,
      },
      (observe) => client.getConfirmFile(observe),
    ),
  });

  // The authorized Mini Programs' lists (issue 18): list descriptions on the same core, a flow per (appId, list).
  const miniProgramDomains = miniPrograms && {
    directory: registryDirectory(miniPrograms),
    lists: miniProgramLists(miniPrograms.tokens, options.miniProgramJournal, client, {
      writeLock,
      readCache: <S>(read: CachedRead<S>) =>
        options.readCache?.(read) ??
        new MemoryReadCache<S>({ same: read.same, now: options.now, graceMs: refreshGraceMs(cacheTtlMs, timeoutMs) }),
      ttlMs: cacheTtlMs,
      timeoutMs,
      monthlyLimit: options.miniProgramMonthlyLimit ?? DEFAULT_MINI_PROGRAM_MONTHLY_LIMIT,
      concurrency: options.wechatConcurrency ?? DEFAULT_WECHAT_CONCURRENCY,
      logger: options.logger,
      onJournaled: metrics.onMiniProgramChange,
      ...(options.now ? { clock: options.now } : {}),
    }),
  };

  const verifiedTokens = auth.mode === 'disabled' ? undefined : new VerifiedTokens({ now: options.now });
  const authentication =
    auth.mode === 'disabled'
      ? undefined
      : useAuthentication(auth, { now: options.now, remembered: (token) => verifiedTokens!.lookup(token)?.caller });
  const requestLog = createRequestLog(options.logger);
  const plugins: Plugin[] = [
    requestLog.plugin,
    // WeChat's pushes: answered here, before authentication, CSRF and the GraphQL limits (the signature is their check).
    ...eventPlugins(
      options,
      metrics,
      tickets,
      () => {
        readiness.forget();
        void miniPrograms?.onTicket();
      },
      miniPrograms,
    ),
    readiness.plugin,
    metrics.plugin,
    ...(authentication ? [authentication.plugin] : []),
    // No POST a browser could send cross-site without a preflight; a GET (never a mutation) as clients send it.
    useCsrfPrevention(),
    EnvelopArmorPlugin({
      // Introspection counts too (a nested `ofType` chain is the classic depth bomb); GraphiQL's own
      // introspection query is 21 deep as armor counts.
      maxDepth: { n: 30, ignoreIntrospection: false },
      maxAliases: { n: 15 },
      maxDirectives: { n: 20 },
      // Off here: armor's rule runs at validation, where variables are unknown (useCostLimit below, same model).
      costLimit: { enabled: false },
      // A 1000-domain list is ~1000 tokens on its own.
      maxTokens: { n: 4000 },
      blockFieldSuggestion: { enabled: !development },
    }),
    useValidationRules(limits),
    useCostLimit({ maxCost: MAX_QUERY_COST }),
    // Which lists each query's answer depends on, or that it may never be kept (for the fast path).
    useReusableAnswers(),
    ...(options.fastValidation === false ? [] : [useFastValidation()]),
    ...(pluginCache ? [pluginCache.plugin] : []),
    // Last, so that it wraps whichever request parser was chosen (yoga's own limit is off below).
    useBodyLimit(MAX_REQUEST_BODY_BYTES, bodyAlreadyRead),
    ...(tracingEnabled() ? [useOperationSpans()] : []),
  ];

  const yoga = createYoga<object, Context>({
    schema,
    graphqlEndpoint: '/graphql',
    healthCheckEndpoint: '/health',
    landingPage: false,
    parserAndValidationCache: parseCaches(),
    // Enforced by useBodyLimit (yoga's checks, without re-wrapping bodies the fast path already read).
    maxRequestBodySize: false,
    cors: options.corsOrigins && options.corsOrigins.length > 0 ? corsFor(options.corsOrigins) : false,
    maskedErrors: { isDev: development, maskError },
    context: createContextFactory(
      domains,
      verifiedTokens && { tokens: verifiedTokens, keyValidUntil: authentication!.keyValidUntil },
      options.wechat.credentials.componentAppId,
      miniPrograms,
      miniProgramDomains,
    ),
    logging: yogaLogger(options.logger),
    plugins,
    // The stock GraphiQL page loads from a CDN; this one is inlined, so it works offline.
    renderGraphiQL,
    graphiql: { title: 'wxa-server-domains', defaultQuery: DEFAULT_QUERY },
  });

  const fastPath = pluginCache
    ? yoga.requestListener
    : fastPathListener({
        yoga,
        verifiedTokens,
        maxBodyBytes: MAX_REQUEST_BODY_BYTES,
        requestLog,
        onHit: metrics.onFastPathHit,
      });
  // Tracing (issue 19): a server span per request, only when the SDK was started; the same listener otherwise.
  const listener = tracingEnabled() ? tracedListener(fastPath) : fastPath;
  return {
    listener,
    yoga,
    domains,
    metrics,
    miniPrograms,
    close: () => {
      tokens.close?.();
      miniPrograms?.close();
      return client.close();
    },
  };
}

/** The Mini Programs' lists on the core, their upstream the Mini Program client (one bound on /wxa calls for the process). */
function miniProgramLists(
  tokens: AuthorizerTokenSource,
  givenJournal: ServiceOptions['miniProgramJournal'],
  client: WechatClient,
  settings: Omit<MiniProgramListsOptions, 'upstream' | 'journal'> & { readonly concurrency: number },
): MiniProgramLists {
  const { concurrency, ...options } = settings;
  const wxa = new MiniProgramClient({ client, tokens, concurrency });
  const journals = new Map<string, ChangeJournal<MiniProgramChangeEntry>>();
  const journal =
    (givenJournal as ((list: JournaledList) => ChangeJournal<MiniProgramChangeEntry>) | undefined) ??
    ((list: JournaledList) => {
      const kept = journals.get(list.stores.journalFile) ?? new MemoryChangeJournal<MiniProgramChangeEntry>();
      journals.set(list.stores.journalFile, kept);
      return kept;
    });
  return new MiniProgramLists({
    ...options,
    upstream: { server: (appId) => wxa.serverDomains(appId), webview: (appId) => wxa.webviewDomains(appId) },
    journal,
  });
}

/** The registry as the core's directory: a Mini Program (never an Official Account) AUTHORIZED now. */
function registryDirectory(registry: MiniPrograms): MiniProgramDirectory<MiniProgram> {
  return {
    authorized: async (appId) => {
      const found = await registry.get(appId);
      return found?.status === 'AUTHORIZED' ? found : undefined;
    },
    // One listing of the registry (its store reads every record for a page anyway).
    allAuthorized: () => registry.page(Number.MAX_SAFE_INTEGER, undefined, 'AUTHORIZED'),
  };
}
