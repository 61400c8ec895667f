import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { type ExecutionResult, print } from 'graphql';
import type { AuthSettings, Config } from '../../src/config.js';
import { createLogger } from '../../src/logger.js';
import { createService, type LiveCredentials, type Service, type ServiceOptions } from '../../src/server.js';
import { type Simulator, type SimulatorOptions, startSimulator } from '../../src/wechat/simulator/server.js';
import type { ManualClock } from './clock.js';

export interface StackOptions {
  readonly simulator?: SimulatorOptions;
  /** Default: the service gets tokens from the simulator with the right credentials. */
  readonly credentials?: LiveCredentials | ((sim: Simulator) => LiveCredentials);
  readonly timeoutMs?: number;
  /** Point the service elsewhere than the simulator (e.g. a closed port). */
  readonly baseUrl?: string;
  readonly auth?: AuthSettings;
  readonly limits?: Partial<Config['limits']>;
  readonly development?: boolean;
  /** Off unless a test is about the cache: most tests count upstream calls per request. */
  readonly cacheTtlMs?: number;
  readonly corsOrigins?: readonly string[];
  /** Give the service the simulator's event token and AES key, so POST /wechat/events receives its pushes. */
  readonly events?: boolean;
  /**
   * The service's clock (ServiceOptions.now: token expiry, the cache's TTL, retry budgets, pushes, journal
   * times, China months): tests move time with it instead of sleeping. `simulator` reads the simulator's, so
   * `sim.advanceClock` moves both; a ManualClock moves when told; real time unless given.
   */
  readonly clock?: 'simulator' | (() => number) | ManualClock;
  readonly ticketStore?: ServiceOptions['ticketStore'];
  readonly tokenStore?: ServiceOptions['tokenStore'];
  readonly tokenFilePollMs?: number;
  /** The local quota guard's monthly limit; 50 unless given. */
  readonly monthlyLimit?: number;
  /** The business domains' (JUMP_DOMAINS_MONTHLY_LIMIT); none unless given. */
  readonly jumpMonthlyLimit?: number;
  /** The change lock (e.g. an ObservedWriteLock, to wait until a change has asked for it); in-process unless given. */
  readonly writeLock?: ServiceOptions['writeLock'];
  /** Each list's change journal by the list's key (e.g. the file one, in a temp DATA_DIR); in memory unless given. */
  readonly journals?: ServiceOptions['journals'];
  /**
   * Called as the service ends an answer (`res.end`), before the answer can leave: a test looks at what is
   * already written at that moment, with nothing the service might do afterwards run yet.
   */
  readonly onAnswer?: (req: IncomingMessage) => void;
  readonly miniProgramRegistry?: ServiceOptions['miniProgramRegistry'];
  readonly authorizerTokenCache?: ServiceOptions['authorizerTokenCache'];
  /** Given: a start-up sync in the background, then every so often (0: none after it). */
  readonly miniProgramSyncIntervalMs?: number;
}

export interface Stack {
  readonly sim: Simulator;
  readonly service: Service;
  /** http://127.0.0.1:PORT, the service on a real port. */
  readonly url: string;
  /** The service's POST /wechat/events, where the simulator pushes once told (`sim.pushTo(stack.eventsUrl)`). */
  readonly eventsUrl: string;
  /** Every log line the service wrote, raw. */
  readonly logLines: string[];
  /** Requests to the service whose body has been read to the end: a test waits until its requests are all in. */
  bodiesReceived(): number;
  gql<R, V>(document: TypedDocumentNode<R, V>, variables?: V, headers?: Record<string, string>): Promise<ExecutionResult<R>>;
  /** A raw POST to /graphql: status and body text. */
  post(body: unknown, headers?: Record<string, string>): Promise<{ status: number; text: string }>;
  close(): Promise<void>;
}

/** The simulator on a loopback port, the service on another, real HTTP between them and to the test. */
export async function startStack(options: StackOptions = {}): Promise<Stack> {
  const sim = await startSimulator(options.simulator);
  const logLines: string[] = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      logLines.push(
        ...String(chunk)
          .split('\n')
          .filter((l) => l !== ''),
      );
      done();
    },
  });
  const credentials: LiveCredentials =
    typeof options.credentials === 'function'
      ? options.credentials(sim)
      : (options.credentials ?? { mode: 'component', ...sim.credentials });
  const service = createService({
    wechat: {
      baseUrl: options.baseUrl ?? sim.url,
      timeoutMs: options.timeoutMs ?? 2000,
      credentials,
      events: options.events ? sim.events : undefined,
    },
    now: clockOf(options.clock, sim),
    ticketStore: options.ticketStore,
    tokenStore: options.tokenStore,
    tokenFilePollMs: options.tokenFilePollMs,
    logger: createLogger('trace', sink),
    auth: options.auth,
    limits: options.limits,
    development: options.development,
    cacheTtlMs: options.cacheTtlMs ?? 0,
    corsOrigins: options.corsOrigins,
    monthlyLimit: options.monthlyLimit,
    jumpMonthlyLimit: options.jumpMonthlyLimit,
    writeLock: options.writeLock,
    journals: options.journals,
    miniProgramRegistry: options.miniProgramRegistry,
    authorizerTokenCache: options.authorizerTokenCache,
    miniProgramSyncIntervalMs: options.miniProgramSyncIntervalMs,
  });
  let bodiesReceived = 0;
  const server: Server = createServer((req, res) => {
    // An 'end' listener does not start the stream: the service reads the body as it would anyway.
    req.once('end', () => {
      bodiesReceived += 1;
    });
    const { onAnswer } = options;
    if (onAnswer) {
      const end = res.end.bind(res) as (...args: unknown[]) => ServerResponse;
      res.end = ((...args: unknown[]) => {
        onAnswer(req);
        return end(...args);
      }) as ServerResponse['end'];
    }
    service.listener(req, res);
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const post = async (body: unknown, headers: Record<string, string> = {}) => {
    const response = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json', ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
    return { status: response.status, text: await response.text() };
  };

  return {
    sim,
    service,
    url,
    eventsUrl: `${url}/wechat/events`,
    logLines,
    bodiesReceived: () => bodiesReceived,
    post,
    async gql(document, variables, headers) {
      const { text } = await post({ query: print(document), variables }, headers);
      return JSON.parse(text);
    },
    async close() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await service.close();
      await sim.close();
    },
  };
}

function clockOf(clock: StackOptions['clock'], sim: Simulator): (() => number) | undefined {
  if (clock === 'simulator') return () => sim.now();
  return typeof clock === 'object' ? clock.now : clock;
}
