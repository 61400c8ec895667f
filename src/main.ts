import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type Config, ConfigError, loadConfig } from './config.js';
import { PLATFORM_LISTS } from './domains/platform-lists.js';
import { EVENTS_PATH } from './events/receiver.js';
import { createLogger } from './logger.js';
import { TracingConfigError, tracingSettings } from './observability/tracing-config.js';
import { createService, type Service, type ServiceOptions } from './server.js';
import { DataDirError } from './stores/file/json-file.js';
import { openStores } from './stores/open.js';
import type { Stores } from './stores/stores.js';
import { type Simulator, startSimulator } from './wechat/simulator/server.js';
import { readTokenFile, TokenFileError } from './wechat/token-file.js';

/** A setting that cannot be used after all: one line naming it, no stack trace, exit 1. */
function refuse(variable: string, message: string): never {
  process.stderr.write(`wxa-server-domains: Invalid configuration: ${variable}: ${message}.\n`);
  process.exit(1);
}

async function main(): Promise<void> {
  let config: Config;
  try {
    config = loadConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`wxa-server-domains: ${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
  // Tracing first, so that everything after runs traced; the SDK is loaded only when an endpoint is set.
  let tracing: { shutdown(): Promise<void> } | undefined;
  let tracingWith: ReturnType<typeof tracingSettings>;
  try {
    const settings = tracingSettings(process.env);
    tracingWith = settings;
    if (settings) tracing = await (await import('./observability/tracing-sdk.js')).startTracing(settings, process.env);
  } catch (error) {
    if (error instanceof TracingConfigError) refuse(error.variable, error.message);
    throw error;
  }
  // A developer's terminal gets readable lines; anything else (a pipe, a container, production) gets JSON.
  const logger = createLogger(config.logLevel, undefined, {
    pretty: process.stdout.isTTY === true && process.env.NODE_ENV !== 'production',
  });

  if (tracingWith) {
    const { protocol, serviceName, sampler } = tracingWith;
    logger.info({ tracing: { protocol, serviceName, sampler } }, `Tracing: spans exported over OTLP (${protocol}) as ${serviceName}`);
  }

  let simulator: Simulator | undefined;
  let stores: Stores | undefined;
  let wechat: ServiceOptions['wechat'];
  const { credentials, baseUrl, timeoutMs, events } = config.wechat;
  if (credentials.mode === 'simulator') {
    // The whole loop, in memory: the simulator pushes tickets to this service's /wechat/events once it listens.
    simulator = await startSimulator();
    wechat = { baseUrl: simulator.url, timeoutMs, credentials: { mode: 'component', ...simulator.credentials }, events: simulator.events };
    logger.info(
      { mode: 'simulator', simulatorUrl: simulator.url, componentAppId: simulator.credentials.componentAppId },
      `No WeChat credentials configured: running on the embedded WeChat simulator at ${simulator.url}`,
    );
  } else {
    wechat = { baseUrl: baseUrl!, timeoutMs, credentials, events };
    // Checked before the stores log anything, so a bad token file is the one line the process writes.
    try {
      if (credentials.mode === 'file') readTokenFile(credentials.tokenFile);
      stores = await openStores(config, credentials, logger, PLATFORM_LISTS);
    } catch (error) {
      if (error instanceof DataDirError) refuse('DATA_DIR', error.message);
      if (error instanceof TokenFileError) refuse('WECHAT_COMPONENT_ACCESS_TOKEN_FILE', error.message);
      throw error;
    }
    logger.info({ mode: credentials.mode, wechatApiBaseUrl: baseUrl }, `Using WeChat at ${baseUrl} (${credentials.mode} token)`);
    if (credentials.mode === 'component' && events) {
      logger.info({ path: EVENTS_PATH }, `Receiving WeChat's pushes (component_verify_ticket) on POST ${EVENTS_PATH}`);
    } else if (credentials.mode === 'component') {
      logger.warn(
        { ticket: 'static' },
        'No WECHAT_EVENT_TOKEN/WECHAT_EVENT_AES_KEY: WECHAT_COMPONENT_VERIFY_TICKET is used as given, and WeChat refuses it after about 12 hours',
      );
    }
    if (credentials.componentAppId === undefined) {
      logger.warn(
        { mode: credentials.mode },
        'No WECHAT_COMPONENT_APPID with the static token: Query.thirdPartyPlatform and every federation representation of ThirdPartyPlatform resolve to null',
      );
    }
  }

  const { auth } = config;
  if (auth.mode === 'disabled' && auth.explicit) {
    logger.warn(
      { auth: 'disabled' },
      'AUTH_DISABLED=true: ANY caller that reaches this port can read and change the server domains and spend the monthly quota. Only run it so behind a gateway that authenticates.',
    );
  } else if (auth.mode === 'disabled') {
    logger.info({ auth: 'disabled' }, 'Authentication is off (simulator mode without AUTH_JWT_SECRET or AUTH_JWKS_URL)');
  } else {
    logger.info(
      { auth: auth.mode, issuer: auth.issuer, audience: auth.audience },
      `Callers need a JWT (${auth.mode === 'secret' ? 'HS256' : 'JWKS'})`,
    );
  }

  let service: Service;
  try {
    const { close: _closedAtShutdown, ...shared } = stores ?? {};
    service = createService({
      wechat,
      ...shared,
      logger,
      auth,
      limits: config.limits,
      development: config.development,
      cacheTtlMs: config.cacheTtlMs,
      corsOrigins: config.corsOrigins,
      monthlyLimit: config.monthlyLimit,
      jumpMonthlyLimit: config.jumpMonthlyLimit,
      miniProgramMonthlyLimit: config.miniProgramMonthlyLimit,
      wechatConcurrency: config.wechat.concurrency,
      // BENCH ONLY: bench/run.ts's comparisons (--answer-cache, --fast-validate); not settings of the service.
      ...(process.env.BENCH_ANSWER_CACHE === 'response-cache-plugin' ? { answerCache: 'response-cache-plugin' as const } : {}),
      ...(process.env.BENCH_FAST_VALIDATE === 'off' ? { fastValidation: false } : {}),
      miniProgramSyncIntervalMs: config.miniProgramSyncIntervalMs,
    });
  } catch (error) {
    if (error instanceof TokenFileError) refuse('WECHAT_COMPONENT_ACCESS_TOKEN_FILE', error.message);
    throw error;
  }
  const server = createServer(service.listener);
  server.on('error', (error: NodeJS.ErrnoException) => {
    process.stderr.write(`wxa-server-domains: cannot listen on ${config.host}:${config.port}: ${error.code ?? error.message}\n`);
    process.exit(1);
  });
  server.listen(config.port, config.host, () => {
    const { address, port } = server.address() as AddressInfo;
    const host = address.includes(':') ? `[${address}]` : address;
    logger.info({ port, host: address }, `wxa-server-domains listening on http://${host}:${port}/graphql`);
    // The simulator pushes a ticket at once, then every 10 minutes, as WeChat does to the platform's event URL.
    const local = address === '0.0.0.0' ? '127.0.0.1' : address === '::' ? '[::1]' : host;
    void simulator?.pushTo(`http://${local}:${port}${EVENTS_PATH}`);
  });

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down: no new connections, finishing requests in flight');
    // Keep-alive connections go as soon as they are idle; busy ones get the grace period, then are cut.
    const sweep = setInterval(() => server.closeIdleConnections(), 100);
    const force = setTimeout(() => server.closeAllConnections(), config.shutdownGraceMs);
    force.unref();
    server.close(async () => {
      clearInterval(sweep);
      clearTimeout(force);
      await service.close();
      await stores?.close();
      await simulator?.close();
      await tracing?.shutdown().catch(() => undefined);
      logger.info('stopped');
      logger.flush(() => process.exit(0));
    });
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

await main();
