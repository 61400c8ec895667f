import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ConfigError, DEFAULT_WECHAT_API_BASE_URL, loadConfig } from '../../src/config.js';

type Env = Record<string, string | undefined>;

// Values distinctive enough that finding them in a message can only mean they leaked.
const TOKEN = 'TOKEN_v4lue_0f_the_st4tic_t0ken_9d8e7f';
const SECRET = 'SECRET_0f_the_c0mp0nent_a5e3c1';
const TICKET = 'ticket@@_of_the_verify_ticket_77aa';
const APPID = 'wx1234567890abcdef';

const JWT_SECRET = 'JWT_s3cret_that_is_at_least_32_characters_long';

/** Live mode needs an auth setting: these tests are about the WeChat settings, so give one. */
const live = (env: Env) => loadConfig({ AUTH_JWT_SECRET: JWT_SECRET, ...env });

function configError(env: Env): ConfigError {
  try {
    loadConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).name).toBe('ConfigError');
    return error as ConfigError;
  }
  throw new Error(`expected loadConfig(${JSON.stringify(Object.keys(env))}) to throw a ConfigError`);
}

function expectNoSecrets(message: string, env: Env): void {
  for (const key of ['WECHAT_COMPONENT_ACCESS_TOKEN', 'WECHAT_COMPONENT_APPSECRET', 'WECHAT_COMPONENT_VERIFY_TICKET']) {
    const value = env[key];
    if (value !== undefined && value.trim() !== '') expect(message).not.toContain(value.trim());
  }
}

describe('loadConfig: defaults', () => {
  it('with no settings: port 4000, host 127.0.0.1, timeout 10000, simulator, no base URL', () => {
    expect(loadConfig({})).toEqual({
      port: 4000,
      host: '127.0.0.1',
      logLevel: 'info',
      development: false,
      auth: { mode: 'disabled', explicit: false },
      limits: { maxChangesPerOperation: 1, introspection: true },
      shutdownGraceMs: 10_000,
      cacheTtlMs: 2000,
      corsOrigins: [],
      dataDir: 'data',
      monthlyLimit: 50,
      jumpMonthlyLimit: null,
      miniProgramMonthlyLimit: 50,
      miniProgramSyncIntervalMs: 3_600_000,
      wechat: { baseUrl: undefined, timeoutMs: 10_000, concurrency: 8, credentials: { mode: 'simulator' }, events: undefined },
    });
  });

  it('reads PORT, HOST, LOG_LEVEL and WECHAT_TIMEOUT_MS', () => {
    const config = loadConfig({ PORT: '8080', HOST: '0.0.0.0', LOG_LEVEL: 'debug', WECHAT_TIMEOUT_MS: '2500' });
    expect(config.port).toBe(8080);
    expect(config.host).toBe('0.0.0.0');
    expect(config.logLevel).toBe('debug');
    expect(config.wechat.timeoutMs).toBe(2500);
    expect(config.wechat.credentials).toEqual({ mode: 'simulator' });
    expect(config.wechat.baseUrl).toBeUndefined();
  });

  it('reads WECHAT_CONCURRENCY (1–256) and MINI_PROGRAM_DOMAINS_MONTHLY_LIMIT', () => {
    const config = loadConfig({ WECHAT_CONCURRENCY: '3', MINI_PROGRAM_DOMAINS_MONTHLY_LIMIT: '20' });
    expect(config.wechat.concurrency).toBe(3);
    expect(config.miniProgramMonthlyLimit).toBe(20);
    expect(() => loadConfig({ WECHAT_CONCURRENCY: '0' })).toThrow(/WECHAT_CONCURRENCY: must be at least 1/);
    expect(() => loadConfig({ WECHAT_CONCURRENCY: 'many' })).toThrow(/WECHAT_CONCURRENCY: must be a whole number/);
  });

  it('reads MINI_PROGRAM_SYNC_INTERVAL_MS; 0 turns the timer off', () => {
    expect(loadConfig({ MINI_PROGRAM_SYNC_INTERVAL_MS: '600000' }).miniProgramSyncIntervalMs).toBe(600_000);
    expect(loadConfig({ MINI_PROGRAM_SYNC_INTERVAL_MS: '0' }).miniProgramSyncIntervalMs).toBe(0);
  });

  it('accepts PORT 0 (any free port) and 65535', () => {
    expect(loadConfig({ PORT: '0' }).port).toBe(0);
    expect(loadConfig({ PORT: '65535' }).port).toBe(65535);
  });

  it('trims values', () => {
    expect(loadConfig({ PORT: ' 8080 ', HOST: ' localhost ' })).toMatchObject({ port: 8080, host: 'localhost' });
  });

  it('ignores unrelated variables', () => {
    expect(loadConfig({ PATH: '/usr/bin', HOME: '/root', NODE_ENV: 'test' }).wechat.credentials).toEqual({ mode: 'simulator' });
  });
});

describe('loadConfig: empty or blank values count as unset', () => {
  it('for every variable at once', () => {
    const blank: Env = {
      PORT: '',
      HOST: '  ',
      LOG_LEVEL: '',
      WECHAT_API_BASE_URL: ' ',
      WECHAT_COMPONENT_ACCESS_TOKEN: '',
      WECHAT_COMPONENT_APPID: '\t',
      WECHAT_COMPONENT_APPSECRET: '',
      WECHAT_COMPONENT_VERIFY_TICKET: '   ',
      WECHAT_TIMEOUT_MS: '',
    };
    expect(loadConfig(blank)).toEqual(loadConfig({}));
  });

  it('so a blank secret next to a static token is not "both"', () => {
    const config = live({ WECHAT_COMPONENT_ACCESS_TOKEN: TOKEN, WECHAT_COMPONENT_APPSECRET: ' ', WECHAT_COMPONENT_VERIFY_TICKET: '' });
    expect(config.wechat.credentials).toEqual({ mode: 'static', accessToken: TOKEN, componentAppId: undefined });
  });

  it('and an undefined value is unset too', () => {
    expect(loadConfig({ PORT: undefined, WECHAT_COMPONENT_ACCESS_TOKEN: undefined })).toEqual(loadConfig({}));
  });
});

describe('loadConfig: static token mode', () => {
  it('without an appid', () => {
    const config = live({ WECHAT_COMPONENT_ACCESS_TOKEN: TOKEN });
    expect(config.wechat.credentials).toEqual({ mode: 'static', accessToken: TOKEN, componentAppId: undefined });
    expect(config.wechat.baseUrl).toBe(DEFAULT_WECHAT_API_BASE_URL);
    expect(DEFAULT_WECHAT_API_BASE_URL).toBe('https://api.weixin.qq.com');
  });

  it('with an appid', () => {
    const config = live({ WECHAT_COMPONENT_ACCESS_TOKEN: TOKEN, WECHAT_COMPONENT_APPID: APPID });
    expect(config.wechat.credentials).toEqual({ mode: 'static', accessToken: TOKEN, componentAppId: APPID });
  });

  it('trims the token', () => {
    const config = live({ WECHAT_COMPONENT_ACCESS_TOKEN: `  ${TOKEN}\n` });
    expect(config.wechat.credentials).toEqual({ mode: 'static', accessToken: TOKEN, componentAppId: undefined });
  });

  it('with a custom http base URL', () => {
    const config = live({ WECHAT_COMPONENT_ACCESS_TOKEN: TOKEN, WECHAT_API_BASE_URL: 'http://127.0.0.1:9000' });
    expect(config.wechat.baseUrl).toBe('http://127.0.0.1:9000');
  });
});

describe('loadConfig: component mode', () => {
  it('with appid, secret and ticket', () => {
    const config = live({
      WECHAT_COMPONENT_APPID: APPID,
      WECHAT_COMPONENT_APPSECRET: SECRET,
      WECHAT_COMPONENT_VERIFY_TICKET: TICKET,
    });
    expect(config.wechat.credentials).toEqual({
      mode: 'component',
      componentAppId: APPID,
      componentAppSecret: SECRET,
      componentVerifyTicket: TICKET,
    });
    expect(config.wechat.baseUrl).toBe('https://api.weixin.qq.com');
    expect(config.wechat.timeoutMs).toBe(10_000);
  });

  it('with a custom https base URL', () => {
    const config = live({
      WECHAT_COMPONENT_APPID: APPID,
      WECHAT_COMPONENT_APPSECRET: SECRET,
      WECHAT_COMPONENT_VERIFY_TICKET: TICKET,
      WECHAT_API_BASE_URL: 'https://wechat-proxy.internal.example',
    });
    expect(config.wechat.baseUrl).toBe('https://wechat-proxy.internal.example');
    expect(config.wechat.credentials.mode).toBe('component');
  });
});

describe('loadConfig: invalid settings throw a ConfigError naming the variable', () => {
  const cases: Array<[string, Env, string]> = [
    ['non-numeric PORT', { PORT: 'abc' }, 'PORT'],
    ['negative PORT', { PORT: '-1' }, 'PORT'],
    ['fractional PORT', { PORT: '80.5' }, 'PORT'],
    ['PORT above 65535', { PORT: '65536' }, 'PORT'],
    ['non-numeric WECHAT_TIMEOUT_MS', { WECHAT_TIMEOUT_MS: '10s' }, 'WECHAT_TIMEOUT_MS'],
    ['zero WECHAT_TIMEOUT_MS', { WECHAT_TIMEOUT_MS: '0' }, 'WECHAT_TIMEOUT_MS'],
    ['unknown LOG_LEVEL', { LOG_LEVEL: 'verbose' }, 'LOG_LEVEL'],
    ['a negative MINI_PROGRAM_SYNC_INTERVAL_MS', { MINI_PROGRAM_SYNC_INTERVAL_MS: '-1' }, 'MINI_PROGRAM_SYNC_INTERVAL_MS'],
    ['MINI_PROGRAM_SYNC_INTERVAL_MS in hours', { MINI_PROGRAM_SYNC_INTERVAL_MS: '1h' }, 'MINI_PROGRAM_SYNC_INTERVAL_MS'],
    ['appid alone', { WECHAT_COMPONENT_APPID: APPID }, 'WECHAT_COMPONENT_APPSECRET'],
    ['secret without ticket', { WECHAT_COMPONENT_APPID: APPID, WECHAT_COMPONENT_APPSECRET: SECRET }, 'WECHAT_COMPONENT_VERIFY_TICKET'],
    ['ticket without secret', { WECHAT_COMPONENT_APPID: APPID, WECHAT_COMPONENT_VERIFY_TICKET: TICKET }, 'WECHAT_COMPONENT_APPSECRET'],
    [
      'secret and ticket without appid',
      { WECHAT_COMPONENT_APPSECRET: SECRET, WECHAT_COMPONENT_VERIFY_TICKET: TICKET },
      'WECHAT_COMPONENT_APPID',
    ],
    [
      'static token plus the secret/ticket pair',
      {
        WECHAT_COMPONENT_ACCESS_TOKEN: TOKEN,
        WECHAT_COMPONENT_APPID: APPID,
        WECHAT_COMPONENT_APPSECRET: SECRET,
        WECHAT_COMPONENT_VERIFY_TICKET: TICKET,
      },
      'WECHAT_COMPONENT_ACCESS_TOKEN',
    ],
    [
      'static token plus a secret',
      { WECHAT_COMPONENT_ACCESS_TOKEN: TOKEN, WECHAT_COMPONENT_APPSECRET: SECRET },
      'WECHAT_COMPONENT_APPSECRET',
    ],
    [
      'static token plus a ticket',
      { WECHAT_COMPONENT_ACCESS_TOKEN: TOKEN, WECHAT_COMPONENT_VERIFY_TICKET: TICKET },
      'WECHAT_COMPONENT_VERIFY_TICKET',
    ],
    ['WECHAT_API_BASE_URL with no credentials', { WECHAT_API_BASE_URL: 'https://api.weixin.qq.com' }, 'WECHAT_API_BASE_URL'],
    ['an ftp base URL', { WECHAT_COMPONENT_ACCESS_TOKEN: TOKEN, WECHAT_API_BASE_URL: 'ftp://api.weixin.qq.com' }, 'WECHAT_API_BASE_URL'],
    ['a javascript: base URL', { WECHAT_COMPONENT_ACCESS_TOKEN: TOKEN, WECHAT_API_BASE_URL: 'javascript:alert(1)' }, 'WECHAT_API_BASE_URL'],
    [
      'a base URL that is not a URL',
      {
        WECHAT_COMPONENT_APPID: APPID,
        WECHAT_COMPONENT_APPSECRET: SECRET,
        WECHAT_COMPONENT_VERIFY_TICKET: TICKET,
        WECHAT_API_BASE_URL: 'api.weixin.qq.com',
      },
      'WECHAT_API_BASE_URL',
    ],
  ];

  it.each(cases)('%s', (_what, env, variable) => {
    const error = configError(env);
    expect(error.message).toContain(variable);
    expect(error.message).toMatch(/^Invalid configuration: .*\.$/s);
  });

  it.each(cases)('%s: the message holds none of the secret values', (_what, env) => {
    expectNoSecrets(configError(env).message, env);
  });

  it('the "both" error mentions the token and the pair', () => {
    const error = configError({
      WECHAT_COMPONENT_ACCESS_TOKEN: TOKEN,
      WECHAT_COMPONENT_APPID: APPID,
      WECHAT_COMPONENT_APPSECRET: SECRET,
      WECHAT_COMPONENT_VERIFY_TICKET: TICKET,
    });
    expect(error.message).toContain('WECHAT_COMPONENT_ACCESS_TOKEN');
    expect(error.message).toContain('WECHAT_COMPONENT_APPSECRET');
    expect(error.message).toContain('WECHAT_COMPONENT_VERIFY_TICKET');
    expect(error.message).toMatch(/not both/);
  });

  it('a non-http base URL is refused even with a static token', () => {
    const error = configError({ WECHAT_COMPONENT_ACCESS_TOKEN: TOKEN, WECHAT_API_BASE_URL: 'ws://api.weixin.qq.com' });
    expect(error.message).toMatch(/WECHAT_API_BASE_URL: must be an http\(s\) URL/);
  });

  it('names every bad variable when there are several', () => {
    const error = configError({ PORT: 'eighty', WECHAT_TIMEOUT_MS: 'soon' });
    expect(error.message).toContain('PORT');
    expect(error.message).toContain('WECHAT_TIMEOUT_MS');
  });

  it('never echoes arbitrary secret or token values (property)', () => {
    const secretValue = fc.stringMatching(/^[A-Za-z0-9_@-]{16,40}$/);
    const badCredentialSets = fc.constantFrom(
      (s: string, _t: string) => ({ WECHAT_COMPONENT_APPSECRET: s }),
      (_s: string, t: string) => ({ WECHAT_COMPONENT_VERIFY_TICKET: t }),
      (s: string, t: string) => ({ WECHAT_COMPONENT_APPSECRET: s, WECHAT_COMPONENT_VERIFY_TICKET: t }),
      (s: string, t: string) => ({ WECHAT_COMPONENT_ACCESS_TOKEN: t, WECHAT_COMPONENT_APPSECRET: s }),
      (s: string, t: string) => ({
        WECHAT_COMPONENT_ACCESS_TOKEN: t,
        WECHAT_COMPONENT_APPSECRET: s,
        WECHAT_COMPONENT_VERIFY_TICKET: `${t}-ticket`,
        WECHAT_COMPONENT_APPID: APPID,
      }),
      (_s: string, t: string) => ({ WECHAT_COMPONENT_ACCESS_TOKEN: t, PORT: 'x', WECHAT_API_BASE_URL: 'ftp://x' }),
    );
    fc.assert(
      fc.property(secretValue, secretValue, badCredentialSets, (secret, token, make) => {
        const env: Env = make(secret, token);
        expectNoSecrets(configError(env).message, env);
      }),
      { numRuns: 300 },
    );
  });
});

describe('loadConfig: authentication and limits', () => {
  const STATIC = { WECHAT_COMPONENT_ACCESS_TOKEN: TOKEN };

  it('live mode without an auth setting is refused, naming AUTH_JWT_SECRET and AUTH_JWKS_URL', () => {
    const { message } = configError(STATIC);
    expect(message).toContain('AUTH_JWT_SECRET');
    expect(message).toContain('AUTH_JWKS_URL');
    expect(message).not.toContain(TOKEN);
  });

  it('AUTH_DISABLED=true lets live mode start, marked explicit', () => {
    expect(loadConfig({ ...STATIC, AUTH_DISABLED: 'true' }).auth).toEqual({ mode: 'disabled', explicit: true });
  });

  it('a secret, with issuer and audience', () => {
    expect(loadConfig({ ...STATIC, AUTH_JWT_SECRET: JWT_SECRET, AUTH_JWT_ISSUER: 'https://id', AUTH_JWT_AUDIENCE: 'api' }).auth).toEqual({
      mode: 'secret',
      secret: JWT_SECRET,
      issuer: 'https://id',
      audience: 'api',
    });
  });

  it('a JWKS URL', () => {
    expect(loadConfig({ ...STATIC, AUTH_JWKS_URL: 'https://id.example.com/jwks.json' }).auth).toMatchObject({
      mode: 'jwks',
      jwksUrl: 'https://id.example.com/jwks.json',
    });
  });

  it('simulator mode: auth off unless configured, on when configured', () => {
    expect(loadConfig({}).auth).toEqual({ mode: 'disabled', explicit: false });
    expect(loadConfig({ AUTH_JWT_SECRET: JWT_SECRET }).auth.mode).toBe('secret');
  });

  it.each([
    [{ AUTH_JWT_SECRET: 'too-short' }, 'AUTH_JWT_SECRET'],
    [{ AUTH_JWT_SECRET: JWT_SECRET, AUTH_JWKS_URL: 'https://id/jwks' }, 'AUTH_JWT_SECRET'],
    [{ AUTH_JWT_SECRET: JWT_SECRET, AUTH_DISABLED: 'true' }, 'AUTH_DISABLED'],
    [{ AUTH_JWKS_URL: 'ftp://id/jwks' }, 'AUTH_JWKS_URL'],
    [{ AUTH_JWT_ISSUER: 'https://id' }, 'AUTH_JWT_ISSUER'],
    [{ MAX_CHANGES_PER_OPERATION: '0' }, 'MAX_CHANGES_PER_OPERATION'],
    [{ GRAPHQL_INTROSPECTION: 'nope' }, 'GRAPHQL_INTROSPECTION'],
    [{ NODE_ENV: 'production' }, 'WECHAT_SIMULATOR=true'],
  ] as [Env, string][])('%j → names %s', (env, variable) => {
    expect(configError(env).message).toContain(variable);
  });

  it('reads the limits, NODE_ENV, the grace period and WECHAT_SIMULATOR', () => {
    const config = loadConfig({
      MAX_CHANGES_PER_OPERATION: '3',
      GRAPHQL_INTROSPECTION: 'false',
      NODE_ENV: 'development',
      SHUTDOWN_GRACE_MS: '2500',
    });
    expect(config.limits).toEqual({ maxChangesPerOperation: 3, introspection: false });
    expect(config.development).toBe(true);
    expect(config.shutdownGraceMs).toBe(2500);
    expect(loadConfig({ NODE_ENV: 'production', WECHAT_SIMULATOR: 'true' }).wechat.credentials.mode).toBe('simulator');
  });
});

describe('loadConfig: pushed tickets, the token file and DATA_DIR', () => {
  const EVENT_TOKEN = 'EVENT_t0ken_of_the_console';
  const AES_KEY = 'abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG';
  const EVENTS = { WECHAT_EVENT_TOKEN: EVENT_TOKEN, WECHAT_EVENT_AES_KEY: AES_KEY };
  const COMPONENT = { WECHAT_COMPONENT_APPID: APPID, WECHAT_COMPONENT_APPSECRET: SECRET };

  it('with the event settings the ticket is optional (component mode, no seed)', () => {
    const config = live({ ...COMPONENT, ...EVENTS });
    expect(config.wechat.credentials).toEqual({
      mode: 'component',
      componentAppId: APPID,
      componentAppSecret: SECRET,
      componentVerifyTicket: undefined,
    });
    expect(config.wechat.events).toEqual({ token: EVENT_TOKEN, encodingAesKey: AES_KEY });
  });

  it('a ticket given beside them is the seed', () => {
    const config = live({ ...COMPONENT, ...EVENTS, WECHAT_COMPONENT_VERIFY_TICKET: TICKET });
    expect(config.wechat.credentials).toMatchObject({ mode: 'component', componentVerifyTicket: TICKET });
    expect(config.wechat.events).toBeDefined();
  });

  it('without them, no receiver', () => {
    expect(live({ ...COMPONENT, WECHAT_COMPONENT_VERIFY_TICKET: TICKET }).wechat.events).toBeUndefined();
  });

  it('the token file: its own mode, with or without an appid', () => {
    expect(live({ WECHAT_COMPONENT_ACCESS_TOKEN_FILE: '/run/secrets/token' }).wechat.credentials).toEqual({
      mode: 'file',
      tokenFile: '/run/secrets/token',
      componentAppId: undefined,
    });
    expect(live({ WECHAT_COMPONENT_ACCESS_TOKEN_FILE: '/t', WECHAT_COMPONENT_APPID: APPID }).wechat.credentials).toMatchObject({
      componentAppId: APPID,
    });
  });

  it('DATA_DIR: default data, or as given', () => {
    expect(loadConfig({}).dataDir).toBe('data');
    expect(loadConfig({ DATA_DIR: '/var/lib/wxa' }).dataDir).toBe('/var/lib/wxa');
  });

  const cases: Array<[string, Env, string]> = [
    ['the event token alone names the AES key', { ...COMPONENT, WECHAT_EVENT_TOKEN: EVENT_TOKEN }, 'WECHAT_EVENT_AES_KEY'],
    ['the AES key alone names the event token', { ...COMPONENT, WECHAT_EVENT_AES_KEY: AES_KEY }, 'WECHAT_EVENT_TOKEN'],
    ['an AES key of 42 characters', { ...COMPONENT, ...EVENTS, WECHAT_EVENT_AES_KEY: AES_KEY.slice(1) }, 'WECHAT_EVENT_AES_KEY'],
    ['an AES key of 44 characters', { ...COMPONENT, ...EVENTS, WECHAT_EVENT_AES_KEY: `${AES_KEY}=` }, 'WECHAT_EVENT_AES_KEY'],
    [
      'an AES key outside the base64 alphabet',
      { ...COMPONENT, ...EVENTS, WECHAT_EVENT_AES_KEY: `${AES_KEY.slice(1)}-` },
      'WECHAT_EVENT_AES_KEY',
    ],
    ['appid and secret with neither a ticket nor the event settings', COMPONENT, 'WECHAT_COMPONENT_VERIFY_TICKET'],
    ['the event settings without a secret', { WECHAT_COMPONENT_APPID: APPID, ...EVENTS }, 'WECHAT_COMPONENT_APPSECRET'],
    ['the event settings and a secret without an appid', { WECHAT_COMPONENT_APPSECRET: SECRET, ...EVENTS }, 'WECHAT_COMPONENT_APPID'],
    ['the event settings with a static token', { WECHAT_COMPONENT_ACCESS_TOKEN: TOKEN, ...EVENTS }, 'WECHAT_EVENT_TOKEN'],
    [
      'the token file with a static token',
      { WECHAT_COMPONENT_ACCESS_TOKEN_FILE: '/t', WECHAT_COMPONENT_ACCESS_TOKEN: TOKEN },
      'WECHAT_COMPONENT_ACCESS_TOKEN_FILE',
    ],
    ['the token file with a secret', { WECHAT_COMPONENT_ACCESS_TOKEN_FILE: '/t', ...COMPONENT }, 'WECHAT_COMPONENT_ACCESS_TOKEN_FILE'],
    [
      'the token file with a ticket',
      { WECHAT_COMPONENT_ACCESS_TOKEN_FILE: '/t', WECHAT_COMPONENT_VERIFY_TICKET: TICKET },
      'WECHAT_COMPONENT_ACCESS_TOKEN_FILE',
    ],
    ['the token file without an auth setting', { WECHAT_COMPONENT_ACCESS_TOKEN_FILE: '/t', AUTH_JWT_SECRET: undefined }, 'AUTH_JWT_SECRET'],
  ];

  it.each(cases)('%s', (_what, env, variable) => {
    const error = configError({ AUTH_JWT_SECRET: JWT_SECRET, ...env });
    expect(error.message).toContain(variable);
    for (const secret of [EVENT_TOKEN, AES_KEY, SECRET, TOKEN, TICKET]) expect(error.message).not.toContain(secret);
  });

  it('the token file’s conflict names what it conflicts with', () => {
    const { message } = configError({
      AUTH_JWT_SECRET: JWT_SECRET,
      WECHAT_COMPONENT_ACCESS_TOKEN_FILE: '/t',
      ...COMPONENT,
      WECHAT_COMPONENT_VERIFY_TICKET: TICKET,
    });
    expect(message).toMatch(
      /WECHAT_COMPONENT_ACCESS_TOKEN_FILE: cannot be combined with WECHAT_COMPONENT_APPSECRET\/WECHAT_COMPONENT_VERIFY_TICKET/,
    );
  });

  it('appid and secret alone: the message names the ticket and the event settings as the two ways out', () => {
    const { message } = configError({ AUTH_JWT_SECRET: JWT_SECRET, ...COMPONENT });
    expect(message).toContain('WECHAT_EVENT_TOKEN');
    expect(message).toContain('WECHAT_EVENT_AES_KEY');
  });
});

describe('loadConfig: REDIS_URL and REDIS_KEY_PREFIX (replicas)', () => {
  const LIVE = { WECHAT_COMPONENT_ACCESS_TOKEN: TOKEN, WECHAT_COMPONENT_APPID: APPID };
  const PASSWORD = 'r3dis-passw0rd-n0t-t0-leak';

  it('unset: no shared store', () => {
    expect(live(LIVE).redis).toBeUndefined();
  });

  it.each([
    [`redis://127.0.0.1:6379`],
    [`redis://:${PASSWORD}@redis.internal:6380/2`],
    [`rediss://user:${PASSWORD}@redis.example.com:6380`],
  ])('%s, with the default prefix', (url) => {
    expect(live({ ...LIVE, REDIS_URL: url }).redis).toEqual({ url, keyPrefix: 'wxa-server-domains:' });
  });

  it('a prefix of its own', () => {
    expect(live({ ...LIVE, REDIS_URL: 'redis://r:6379', REDIS_KEY_PREFIX: 'team-a:' }).redis).toEqual({
      url: 'redis://r:6379',
      keyPrefix: 'team-a:',
    });
  });

  it.each([
    ['an unparsable URL', { ...LIVE, REDIS_URL: `not a url ${PASSWORD}` }, 'REDIS_URL'],
    ['another scheme', { ...LIVE, REDIS_URL: `http://:${PASSWORD}@redis:6379` }, 'REDIS_URL'],
    ['a database that is not a number', { ...LIVE, REDIS_URL: `redis://:${PASSWORD}@redis:6379/zero` }, 'REDIS_URL'],
    ['simulator mode (each simulator is a WeChat of its own)', { REDIS_URL: 'redis://redis:6379' }, 'REDIS_URL'],
    [
      'no appid (state is shared per platform)',
      { WECHAT_COMPONENT_ACCESS_TOKEN: TOKEN, REDIS_URL: 'redis://redis:6379' },
      'WECHAT_COMPONENT_APPID',
    ],
    ['a prefix without a URL', { ...LIVE, REDIS_KEY_PREFIX: 'x:' }, 'REDIS_KEY_PREFIX'],
  ] as [string, Env, string][])('%s → names %s, never the password', (_what, env, variable) => {
    const { message } = configError({ AUTH_JWT_SECRET: JWT_SECRET, ...env });
    expect(message).toContain(variable);
    expect(message).not.toContain(PASSWORD);
  });
});
