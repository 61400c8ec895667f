import { z } from 'zod';

/** How the service reaches WeChat; decided once, from the settings, at start-up. */
export type Credentials =
  /** No credentials at all: an embedded simulator plays WeChat on a loopback port. */
  | { readonly mode: 'simulator' }
  /** A ready component_access_token, kept elsewhere (e.g. by a central token server). */
  | { readonly mode: 'static'; readonly accessToken: string; readonly componentAppId: string | undefined }
  /** The service obtains and refreshes the token itself through api_component_token. */
  | {
      readonly mode: 'component';
      readonly componentAppId: string;
      readonly componentAppSecret: string;
      readonly componentVerifyTicket: string;
    };

export interface Config {
  readonly port: number;
  readonly host: string;
  readonly logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  readonly wechat: {
    /** Undefined in simulator mode: the simulator's own address is used. */
    readonly baseUrl: string | undefined;
    readonly timeoutMs: number;
    readonly credentials: Credentials;
  };
}

export const DEFAULT_WECHAT_API_BASE_URL = 'https://api.weixin.qq.com';

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
      .pipe(z.number().int().min(min, { message: `must be at least ${min}` }).max(max, { message: `must be at most ${max}` }))
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
      z
        .url({ protocol: /^https?$/, message: 'must be an http(s) URL such as https://api.weixin.qq.com' })
        .optional(),
    ),
    WECHAT_COMPONENT_ACCESS_TOKEN: optional,
    WECHAT_COMPONENT_APPID: optional,
    WECHAT_COMPONENT_APPSECRET: optional,
    WECHAT_COMPONENT_VERIFY_TICKET: optional,
    WECHAT_TIMEOUT_MS: integer(1, 600_000),
  })
  .superRefine((env, ctx) => {
    const fail = (variable: string, message: string) => ctx.addIssue({ code: 'custom', path: [variable], message });
    const token = env.WECHAT_COMPONENT_ACCESS_TOKEN;
    const appId = env.WECHAT_COMPONENT_APPID;
    const secret = env.WECHAT_COMPONENT_APPSECRET;
    const ticket = env.WECHAT_COMPONENT_VERIFY_TICKET;
    const anyCredential = token ?? appId ?? secret ?? ticket;

    if (token && (secret || ticket)) {
      fail(
        'WECHAT_COMPONENT_ACCESS_TOKEN',
        'cannot be combined with WECHAT_COMPONENT_APPSECRET/WECHAT_COMPONENT_VERIFY_TICKET: give a static token or the secret and ticket, not both',
      );
    } else if (secret && !ticket) {
      fail('WECHAT_COMPONENT_VERIFY_TICKET', 'is required with WECHAT_COMPONENT_APPSECRET');
    } else if (ticket && !secret) {
      fail('WECHAT_COMPONENT_APPSECRET', 'is required with WECHAT_COMPONENT_VERIFY_TICKET');
    } else if (secret && ticket && !appId) {
      fail('WECHAT_COMPONENT_APPID', 'is required with WECHAT_COMPONENT_APPSECRET and WECHAT_COMPONENT_VERIFY_TICKET');
    } else if (appId && !token && !secret && !ticket) {
      fail(
        'WECHAT_COMPONENT_APPSECRET',
        'is required with WECHAT_COMPONENT_APPID (with WECHAT_COMPONENT_VERIFY_TICKET), unless WECHAT_COMPONENT_ACCESS_TOKEN is set',
      );
    }
    if (env.WECHAT_API_BASE_URL && !anyCredential) {
      fail(
        'WECHAT_API_BASE_URL',
        'needs credentials: set WECHAT_COMPONENT_ACCESS_TOKEN, or WECHAT_COMPONENT_APPID with WECHAT_COMPONENT_APPSECRET and WECHAT_COMPONENT_VERIFY_TICKET (with none, the service runs on its embedded simulator)',
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
  } else if (e.WECHAT_COMPONENT_APPID && e.WECHAT_COMPONENT_APPSECRET && e.WECHAT_COMPONENT_VERIFY_TICKET) {
    credentials = {
      mode: 'component',
      componentAppId: e.WECHAT_COMPONENT_APPID,
      componentAppSecret: e.WECHAT_COMPONENT_APPSECRET,
      componentVerifyTicket: e.WECHAT_COMPONENT_VERIFY_TICKET,
    };
  } else {
    credentials = { mode: 'simulator' };
  }
  return {
    port: e.PORT ?? 4000,
    host: e.HOST ?? '127.0.0.1',
    logLevel: e.LOG_LEVEL ?? 'info',
    wechat: {
      baseUrl: credentials.mode === 'simulator' ? undefined : (e.WECHAT_API_BASE_URL ?? DEFAULT_WECHAT_API_BASE_URL),
      timeoutMs: e.WECHAT_TIMEOUT_MS ?? 10_000,
      credentials,
    },
  };
}
