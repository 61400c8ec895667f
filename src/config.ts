import { z } from 'zod';
import { MINI_PROGRAM_MONTHLY_LIMIT } from './domains/mini-program-lists.js';
import { MONTHLY_CHANGE_LIMIT } from './domains/quota.js';

/** How the service reaches WeChat; decided once, from the settings, at start-up. */
export type Credentials =
  /** No credentials at all: an embedded simulator plays WeChat on a loopback port. */
  | { readonly mode: 'simulator' }
  /** A ready component_access_token, kept elsewhere (e.g. by a central token server). */
  | { readonly mode: 'static'; readonly accessToken: string; readonly componentAppId: string | undefined }
  /** A token another system keeps fresh in a file (WECHAT_COMPONENT_ACCESS_TOKEN_FILE), re-read when it changes. */
  | { readonly mode: 'file'; readonly tokenFile: string; readonly componentAppId: string | undefined }
  /** The service obtains and refreshes the token itself through api_component_token. */
  | {
      readonly mode: 'component';
      readonly componentAppId: string;
      readonly componentAppSecret: string;
      /** WECHAT_COMPONENT_VERIFY_TICKET: a seed, used until a pushed ticket is kept; optional with the event settings. */
      readonly componentVerifyTicket: string | undefined;
    };

/** The platform's message-check settings: pushes to POST /wechat/events are verified and decrypted with them. */
export interface EventSettings {
  /** WECHAT_EVENT_TOKEN: the message-check token set in the platform's console. */
  readonly token: string;
  /** WECHAT_EVENT_AES_KEY: the 43-character EncodingAESKey. */
  readonly encodingAesKey: string;
}

/** Who may call: JWTs checked with a shared secret or a JWKS endpoint, or nobody checked at all. */
export type AuthSettings =
  | { readonly mode: 'secret'; readonly secret: string; readonly issuer?: string; readonly audience?: string }
  | { readonly mode: 'jwks'; readonly jwksUrl: string; readonly issuer?: string; readonly audience?: string }
  /** `explicit`: AUTH_DISABLED=true in live mode (warn loudly); otherwise simulator mode without settings. */
  | { readonly mode: 'disabled'; readonly explicit: boolean };

export interface Config {
  readonly port: number;
  readonly host: string;
  /** NODE_ENV=development: unmasked errors, field suggestions; anything else counts as production. */
  readonly development: boolean;
  readonly auth: AuthSettings;
  readonly limits: {
    /** Modifying root fields one operation may hold. */
    readonly maxChangesPerOperation: number;
    readonly introspection: boolean;
  };
  /** How long in-flight requests may take to finish on SIGTERM/SIGINT. */
  readonly shutdownGraceMs: number;
  /** How long a read is served from the cache (0: off, single-flight only). */
  readonly cacheTtlMs: number;
  /** Browser origins allowed by CORS; empty: same origin only. */
  readonly corsOrigins: readonly string[];
  /** Changes a month the local quota guard allows (WeChat's quota is 50). */
  readonly monthlyLimit: number;
  /** JUMP_DOMAINS_MONTHLY_LIMIT: the business domains' local guard; null (unset): no limit (WeChat documents none). */
  readonly jumpMonthlyLimit: number | null;
  /** MINI_PROGRAM_DOMAINS_MONTHLY_LIMIT: each Mini Program's server-domain changes a month the local guard allows. */
  readonly miniProgramMonthlyLimit: number;
  /** How often the Mini Program registry is synced with WeChat's authorizer list (0: at start-up only). */
  readonly miniProgramSyncIntervalMs: number;
  readonly logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** DATA_DIR: where live mode keeps what must survive a restart (the ticket, the component token, the change journal). */
  readonly dataDir: string;
  /** REDIS_URL: the store replicas share; undefined keeps the state in this process (and DATA_DIR). */
  readonly redis: { readonly url: string; readonly keyPrefix: string } | undefined;
  readonly wechat: {
    /** Undefined in simulator mode: the simulator's own address is used. */
    readonly baseUrl: string | undefined;
    readonly timeoutMs: number;
    /** WECHAT_CONCURRENCY: the Mini Programs' `/wxa/…` calls in flight at once, for the whole process. */
    readonly concurrency: number;
    readonly credentials: Credentials;
    /** Set when WECHAT_EVENT_TOKEN and WECHAT_EVENT_AES_KEY are: POST /wechat/events receives WeChat's pushes. */
    readonly events: EventSettings | undefined;
  };
}

export const DEFAULT_WECHAT_API_BASE_URL = 'https://api.weixin.qq.com';

/** DATA_DIR when unset, relative to the working directory. */
export const DEFAULT_DATA_DIR = 'data';

/** SERVER_DOMAINS_CACHE_TTL_MS when unset. */
export const DEFAULT_CACHE_TTL_MS = 2000;

/** MINI_PROGRAM_SYNC_INTERVAL_MS when unset: hourly (each sync costs ⌈N/500⌉ metered list calls). */
export const DEFAULT_MINI_PROGRAM_SYNC_INTERVAL_MS = 3_600_000;

/** REDIS_KEY_PREFIX when unset. */
export const DEFAULT_REDIS_KEY_PREFIX = 'wxa-server-domains:';

// The other settings' defaults. Each lives here only: createService's optional options fall back to these too.
/** PORT and HOST when unset. */
export const DEFAULT_PORT = 4000;
export const DEFAULT_HOST = '127.0.0.1';
/** MAX_CHANGES_PER_OPERATION and GRAPHQL_INTROSPECTION when unset. */
export const DEFAULT_LIMITS: Config['limits'] = { maxChangesPerOperation: 1, introspection: true };
/** SHUTDOWN_GRACE_MS when unset. */
export const DEFAULT_SHUTDOWN_GRACE_MS = 10_000;
/** WECHAT_TIMEOUT_MS when unset. */
export const DEFAULT_WECHAT_TIMEOUT_MS = 10_000;
/** SERVER_DOMAINS_MONTHLY_LIMIT when unset: WeChat's own monthly quota. */
export const DEFAULT_MONTHLY_LIMIT = MONTHLY_CHANGE_LIMIT;
/** MINI_PROGRAM_DOMAINS_MONTHLY_LIMIT when unset: WeChat's 50 a month per Mini Program. */
export const DEFAULT_MINI_PROGRAM_MONTHLY_LIMIT = MINI_PROGRAM_MONTHLY_LIMIT;
/** WECHAT_CONCURRENCY when unset. */
export const DEFAULT_WECHAT_CONCURRENCY = 8;
/** LOG_LEVEL when unset. */
export const DEFAULT_LOG_LEVEL: Config['logLevel'] = 'info';

/** `redis://[user:password@]host:port[/db]` or `rediss://…`; never echoed (it may hold a password). */
function isRedisUrl(value: string): boolean {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  return (url.protocol === 'redis:' || url.protocol === 'rediss:') && url.hostname !== '' && /^(\/\d*)?$/.test(url.pathname);
}

/** A setting that cannot be used; `main` prints the message and exits without a stack trace. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

// An empty (or blank) value counts as unset, as the README promises.
const optional = z.preprocess(
  (v) => (typeof v === 'string' && v.trim() === '' ? undefined : typeof v === 'string' ? v.trim() : v),
  z.string().optional(),
);

const integer = (min: number, max: number) =>
  optional.pipe(
    z
      .string()
      .regex(/^\d+$/, { message: 'must be a whole number' })
      .transform(Number)
      .pipe(
        z
          .number()
          .int()
          .min(min, { message: `must be at least ${min}` })
          .max(max, { message: `must be at most ${max}` }),
      )
      .optional(),
  );

const flag = optional.pipe(
  z
    .enum(['true', 'false', '1', '0'], { message: 'must be true or false' })
    .transform((v) => v === 'true' || v === '1')
    .optional(),
);

const envSchema = z
  .object({
    PORT: integer(0, 65535),
    HOST: optional,
    LOG_LEVEL: optional.pipe(
      z
        .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], {
          message: 'must be one of fatal, error, warn, info, debug, trace, silent',
        })
        .optional(),
    ),
    WECHAT_API_BASE_URL: optional.pipe(
      z.url({ protocol: /^https?$/, message: 'must be an http(s) URL such as https://api.weixin.qq.com' }).optional(),
    ),
    WECHAT_COMPONENT_ACCESS_TOKEN: optional,
    WECHAT_COMPONENT_APPID: optional,
    WECHAT_COMPONENT_APPSECRET: optional,
    WECHAT_COMPONENT_VERIFY_TICKET: optional,
    WECHAT_COMPONENT_ACCESS_TOKEN_FILE: optional,
    WECHAT_EVENT_TOKEN: optional,
    WECHAT_EVENT_AES_KEY: optional.pipe(
      z
        .string()
        .regex(/^[A-Za-z0-9+/]{43}$/, {
          message: "must be the platform's 43-character EncodingAESKey (letters, digits, + and /)",
        })
        .optional(),
    ),
    DATA_DIR: optional,
    WECHAT_TIMEOUT_MS: integer(1, 600_000),
    NODE_ENV: optional,
    WECHAT_SIMULATOR: flag,
    AUTH_JWT_SECRET: optional.pipe(z.string().min(32, { message: 'must be at least 32 characters (an HS256 key of 256 bits)' }).optional()),
    AUTH_JWKS_URL: optional.pipe(z.url({ protocol: /^https?$/, message: 'must be an http(s) URL' }).optional()),
    AUTH_JWT_ISSUER: optional,
    AUTH_JWT_AUDIENCE: optional,
    AUTH_DISABLED: flag,
    MAX_CHANGES_PER_OPERATION: integer(1, 100),
    GRAPHQL_INTROSPECTION: flag,
    SHUTDOWN_GRACE_MS: integer(0, 600_000),
    SERVER_DOMAINS_CACHE_TTL_MS: integer(0, 3_600_000),
    SERVER_DOMAINS_MONTHLY_LIMIT: integer(0, 1_000_000),
    JUMP_DOMAINS_MONTHLY_LIMIT: integer(0, 1_000_000),
    MINI_PROGRAM_DOMAINS_MONTHLY_LIMIT: integer(0, 1_000_000),
    WECHAT_CONCURRENCY: integer(1, 256),
    // At most a week; 0 turns the timer off (the start-up sync still runs).
    MINI_PROGRAM_SYNC_INTERVAL_MS: integer(0, 7 * 86_400_000),
    REDIS_URL: optional.pipe(
      z.string().refine(isRedisUrl, { message: 'must be a URL such as redis://[user:password@]host:6379[/db] or rediss://…' }).optional(),
    ),
    REDIS_KEY_PREFIX: optional,
    CORS_ORIGINS: optional.pipe(
      z
        .string()
        .transform((v) =>
          v
            .split(',')
            .map((o) => o.trim())
            .filter((o) => o !== ''),
        )
        .pipe(
          z.array(z.url({ protocol: /^https?$/, message: 'must be a comma-separated list of origins such as https://admin.example.com' })),
        )
        .optional(),
    ),
  })
  .superRefine((env, ctx) => {
    const fail = (variable: string, message: string) => ctx.addIssue({ code: 'custom', path: [variable], message });
    const token = env.WECHAT_COMPONENT_ACCESS_TOKEN;
    const appId = env.WECHAT_COMPONENT_APPID;
    const secret = env.WECHAT_COMPONENT_APPSECRET;
    const ticket = env.WECHAT_COMPONENT_VERIFY_TICKET;
    const tokenFile = env.WECHAT_COMPONENT_ACCESS_TOKEN_FILE;
    const eventToken = env.WECHAT_EVENT_TOKEN;
    const eventKey = env.WECHAT_EVENT_AES_KEY;
    const events = eventToken ?? eventKey;
    const anyCredential = token ?? tokenFile ?? appId ?? secret ?? ticket ?? events;

    if (tokenFile && (token || secret || ticket)) {
      const others = [
        token && 'WECHAT_COMPONENT_ACCESS_TOKEN',
        secret && 'WECHAT_COMPONENT_APPSECRET',
        ticket && 'WECHAT_COMPONENT_VERIFY_TICKET',
      ].filter(Boolean);
      fail('WECHAT_COMPONENT_ACCESS_TOKEN_FILE', `cannot be combined with ${others.join('/')}: the token comes from the file`);
    } else if ((token || tokenFile) && events) {
      fail(
        eventToken ? 'WECHAT_EVENT_TOKEN' : 'WECHAT_EVENT_AES_KEY',
        `receives the tickets api_component_token needs (with WECHAT_COMPONENT_APPSECRET); it cannot be combined with ${token ? 'WECHAT_COMPONENT_ACCESS_TOKEN' : 'WECHAT_COMPONENT_ACCESS_TOKEN_FILE'}, whose token is kept elsewhere`,
      );
    } else if (token && (secret || ticket)) {
      fail(
        'WECHAT_COMPONENT_ACCESS_TOKEN',
        'cannot be combined with WECHAT_COMPONENT_APPSECRET/WECHAT_COMPONENT_VERIFY_TICKET: give a static token or the secret and ticket, not both',
      );
    } else if (secret && !ticket && !events) {
      fail(
        'WECHAT_COMPONENT_VERIFY_TICKET',
        'is required with WECHAT_COMPONENT_APPSECRET, unless WECHAT_EVENT_TOKEN and WECHAT_EVENT_AES_KEY are set to receive the tickets WeChat pushes',
      );
    } else if ((ticket || events) && !secret) {
      fail(
        'WECHAT_COMPONENT_APPSECRET',
        `is required with ${ticket ? 'WECHAT_COMPONENT_VERIFY_TICKET' : 'WECHAT_EVENT_TOKEN/WECHAT_EVENT_AES_KEY (the pushed tickets serve api_component_token)'}`,
      );
    } else if (secret && !appId) {
      fail('WECHAT_COMPONENT_APPID', `is required with WECHAT_COMPONENT_APPSECRET${ticket ? ' and WECHAT_COMPONENT_VERIFY_TICKET' : ''}`);
    } else if (appId && !token && !tokenFile && !secret) {
      fail(
        'WECHAT_COMPONENT_APPSECRET',
        'is required with WECHAT_COMPONENT_APPID (with WECHAT_COMPONENT_VERIFY_TICKET or WECHAT_EVENT_TOKEN/WECHAT_EVENT_AES_KEY), unless WECHAT_COMPONENT_ACCESS_TOKEN or WECHAT_COMPONENT_ACCESS_TOKEN_FILE is set',
      );
    }
    if (eventToken && !eventKey) fail('WECHAT_EVENT_AES_KEY', 'is required with WECHAT_EVENT_TOKEN');
    if (eventKey && !eventToken) fail('WECHAT_EVENT_TOKEN', 'is required with WECHAT_EVENT_AES_KEY');
    const authSetting = env.AUTH_JWT_SECRET ?? env.AUTH_JWKS_URL;
    if (env.AUTH_JWT_SECRET && env.AUTH_JWKS_URL) {
      fail('AUTH_JWT_SECRET', 'cannot be combined with AUTH_JWKS_URL: choose one way to check tokens');
    } else if (authSetting && env.AUTH_DISABLED) {
      fail('AUTH_DISABLED', `cannot be true while ${env.AUTH_JWT_SECRET ? 'AUTH_JWT_SECRET' : 'AUTH_JWKS_URL'} is set`);
    } else if (anyCredential && !authSetting && !env.AUTH_DISABLED) {
      fail(
        'AUTH_JWT_SECRET',
        'or AUTH_JWKS_URL is required with WeChat credentials: callers could otherwise spend the quota and change domains (set AUTH_DISABLED=true only behind a gateway that authenticates)',
      );
    }
    if ((env.AUTH_JWT_ISSUER || env.AUTH_JWT_AUDIENCE) && !authSetting) {
      fail(env.AUTH_JWT_ISSUER ? 'AUTH_JWT_ISSUER' : 'AUTH_JWT_AUDIENCE', 'needs AUTH_JWT_SECRET or AUTH_JWKS_URL');
    }
    // A production deployment whose credentials went missing must not quietly serve a fake WeChat.
    if (!anyCredential && env.NODE_ENV === 'production' && !env.WECHAT_SIMULATOR) {
      fail(
        'WECHAT_COMPONENT_APPID',
        'and its credentials (or WECHAT_COMPONENT_ACCESS_TOKEN) are missing while NODE_ENV=production; set WECHAT_SIMULATOR=true to run on the embedded simulator on purpose',
      );
    }
    if (env.REDIS_URL && !anyCredential) {
      fail(
        'REDIS_URL',
        'needs WeChat credentials: each embedded simulator is a WeChat of its own, so simulator mode shares nothing (set WECHAT_COMPONENT_APPID and its credentials)',
      );
    } else if (env.REDIS_URL && !appId) {
      fail('WECHAT_COMPONENT_APPID', 'is required with REDIS_URL: replicas share their state per platform');
    }
    if (env.REDIS_KEY_PREFIX && !env.REDIS_URL) fail('REDIS_KEY_PREFIX', 'needs REDIS_URL');
    if (env.WECHAT_API_BASE_URL && !anyCredential) {
      fail(
        'WECHAT_API_BASE_URL',
        'needs credentials: set WECHAT_COMPONENT_ACCESS_TOKEN (or _FILE), or WECHAT_COMPONENT_APPID with WECHAT_COMPONENT_APPSECRET and WECHAT_COMPONENT_VERIFY_TICKET or the event settings (with none, the service runs on its embedded simulator)',
      );
    }
  });

/** Reads the settings from `env` (normally `process.env`); throws ConfigError naming each bad variable. */
export function loadConfig(env: Record<string, string | undefined>): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`Invalid configuration: ${problems.join('; ')}.`);
  }
  const e = parsed.data;
  let credentials: Credentials;
  if (e.WECHAT_COMPONENT_ACCESS_TOKEN) {
    credentials = { mode: 'static', accessToken: e.WECHAT_COMPONENT_ACCESS_TOKEN, componentAppId: e.WECHAT_COMPONENT_APPID };
  } else if (e.WECHAT_COMPONENT_ACCESS_TOKEN_FILE) {
    credentials = { mode: 'file', tokenFile: e.WECHAT_COMPONENT_ACCESS_TOKEN_FILE, componentAppId: e.WECHAT_COMPONENT_APPID };
  } else if (e.WECHAT_COMPONENT_APPID && e.WECHAT_COMPONENT_APPSECRET) {
    credentials = {
      mode: 'component',
      componentAppId: e.WECHAT_COMPONENT_APPID,
      componentAppSecret: e.WECHAT_COMPONENT_APPSECRET,
      componentVerifyTicket: e.WECHAT_COMPONENT_VERIFY_TICKET,
    };
  } else {
    credentials = { mode: 'simulator' };
  }
  const claims = { issuer: e.AUTH_JWT_ISSUER, audience: e.AUTH_JWT_AUDIENCE };
  const auth: AuthSettings = e.AUTH_JWT_SECRET
    ? { mode: 'secret', secret: e.AUTH_JWT_SECRET, ...claims }
    : e.AUTH_JWKS_URL
      ? { mode: 'jwks', jwksUrl: e.AUTH_JWKS_URL, ...claims }
      : { mode: 'disabled', explicit: e.AUTH_DISABLED === true };
  return {
    port: e.PORT ?? DEFAULT_PORT,
    host: e.HOST ?? DEFAULT_HOST,
    development: e.NODE_ENV === 'development',
    auth,
    limits: {
      maxChangesPerOperation: e.MAX_CHANGES_PER_OPERATION ?? DEFAULT_LIMITS.maxChangesPerOperation,
      introspection: e.GRAPHQL_INTROSPECTION ?? DEFAULT_LIMITS.introspection,
    },
    shutdownGraceMs: e.SHUTDOWN_GRACE_MS ?? DEFAULT_SHUTDOWN_GRACE_MS,
    cacheTtlMs: e.SERVER_DOMAINS_CACHE_TTL_MS ?? DEFAULT_CACHE_TTL_MS,
    corsOrigins: e.CORS_ORIGINS ?? [],
    monthlyLimit: e.SERVER_DOMAINS_MONTHLY_LIMIT ?? DEFAULT_MONTHLY_LIMIT,
    jumpMonthlyLimit: e.JUMP_DOMAINS_MONTHLY_LIMIT ?? null,
    miniProgramMonthlyLimit: e.MINI_PROGRAM_DOMAINS_MONTHLY_LIMIT ?? DEFAULT_MINI_PROGRAM_MONTHLY_LIMIT,
    miniProgramSyncIntervalMs: e.MINI_PROGRAM_SYNC_INTERVAL_MS ?? DEFAULT_MINI_PROGRAM_SYNC_INTERVAL_MS,
    logLevel: e.LOG_LEVEL ?? DEFAULT_LOG_LEVEL,
    dataDir: e.DATA_DIR ?? DEFAULT_DATA_DIR,
    redis: e.REDIS_URL ? { url: e.REDIS_URL, keyPrefix: e.REDIS_KEY_PREFIX ?? DEFAULT_REDIS_KEY_PREFIX } : undefined,
    wechat: {
      baseUrl: credentials.mode === 'simulator' ? undefined : (e.WECHAT_API_BASE_URL ?? DEFAULT_WECHAT_API_BASE_URL),
      timeoutMs: e.WECHAT_TIMEOUT_MS ?? DEFAULT_WECHAT_TIMEOUT_MS,
      concurrency: e.WECHAT_CONCURRENCY ?? DEFAULT_WECHAT_CONCURRENCY,
      credentials,
      events:
        credentials.mode === 'component' && e.WECHAT_EVENT_TOKEN && e.WECHAT_EVENT_AES_KEY
          ? { token: e.WECHAT_EVENT_TOKEN, encodingAesKey: e.WECHAT_EVENT_AES_KEY }
          : undefined,
    },
  };
}
