import type { Logger } from 'pino';
import { createClient, ErrorReply, type RedisClientType } from 'redis';
import { inSpan, tracingEnabled } from '../../observability/tracing.js';
import { SharedStoreUnavailableError } from '../errors.js';

export interface RedisSettings {
  /** redis://[user:password@]host:port[/db] or rediss://… */
  readonly url: string;
  /** Prefix of every key the service writes. */
  readonly keyPrefix: string;
  /** Bound on each command: a Redis that stops answering must not hold a request past its budget. */
  readonly commandTimeoutMs: number;
}

/** Reconnection waits at most this long between attempts, so a Redis that returns is used within seconds. */
const MAX_RECONNECT_DELAY_MS = 1000;
/** Commands waiting at once, at most: while Redis hangs they fail at once rather than pile up. */
const MAX_QUEUED_COMMANDS = 10_000;

/** The bound of `run` ran out. */
class CommandTimeout extends Error {}

/**
 * The node-redis client of the process. Every command goes through `run`, which bounds it (node-redis's own
 * command timeout stops once a command is written, so a Redis that accepts connections but answers nothing
 * would hold it for ever): past the bound the command fails, and the connection is started afresh, so the
 * next commands fail at once (no offline queue) until Redis answers again. The client reconnects for ever
 * in the background; errors are logged once per outage, never thrown at the process: the service keeps
 * running without Redis and recovers when it returns.
 */
export class RedisConnection {
  readonly keyPrefix: string;
  readonly #settings: RedisSettings;
  readonly #logger: Logger;
  readonly #onReady = new Set<() => void>();
  #client: RedisClientType;
  #down = false;
  #connected = false;
  #closed = false;

  constructor(settings: RedisSettings, logger: Logger) {
    this.keyPrefix = settings.keyPrefix;
    this.#settings = settings;
    this.#logger = logger;
    this.#client = this.#create();
  }

  /** Starts connecting in the background; returns at once (the service starts whether Redis is up or not). */
  start(): void {
    this.#connect(this.#client);
  }

  get ready(): boolean {
    return this.#client.isReady;
  }

  /** The key of `name` for one platform: `<prefix><platform>:<name>`. */
  key(platform: string, name: string): string {
    return `${this.keyPrefix}${platform}:${name}`;
  }

  /** Called each time the connection becomes ready (first connect and every reconnect). */
  onReady(listener: () => void): void {
    this.#onReady.add(listener);
    if (this.#client.isReady) listener();
  }

  /**
   * Runs `command` on the client within the command bound. Throws SharedStoreUnavailableError naming
   * `operation` when Redis is unreachable, does not answer in time, or the connection breaks; an error
   * Redis itself answers (a bug of ours: a script, a wrong type) is thrown as it is.
   */
  run<T>(operation: string, command: (client: RedisClientType) => Promise<T>): Promise<T> {
    // Tracing: each command a CLIENT span named by what it is for (`redis change lock`); never a key's value.
    if (!tracingEnabled()) return this.#run(operation, command);
    return inSpan(
      `redis ${operation}`,
      { 'db.system.name': 'redis', 'db.operation.name': operation },
      () => this.#run(operation, command),
      {
        kind: 'client',
      },
    );
  }

  async #run<T>(operation: string, command: (client: RedisClientType) => Promise<T>): Promise<T> {
    const client = this.#client;
    if (!client.isReady) throw new SharedStoreUnavailableError(operation);
    let timer: NodeJS.Timeout | undefined;
    const bound = new Promise<never>((_resolve, reject) => {
      timer = setTimeout(() => reject(new CommandTimeout()), this.#settings.commandTimeoutMs);
    });
    try {
      return await Promise.race([command(client), bound]);
    } catch (error) {
      if (error instanceof ErrorReply) throw error;
      if (error instanceof CommandTimeout) this.#restart(client);
      // Not the cause: a node-redis error can quote the connection URL, which may hold a password.
      throw new SharedStoreUnavailableError(operation);
    } finally {
      clearTimeout(timer);
    }
  }

  /** A fresh round trip, for /ready. */
  async ping(): Promise<boolean> {
    try {
      return (await this.run('ping', (client) => client.ping())) === 'PONG';
    } catch {
      return false;
    }
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    if (this.#client.isOpen) this.#client.destroy();
  }

  #create(): RedisClientType {
    const client = createClient({
      url: this.#settings.url,
      disableOfflineQueue: true,
      commandsQueueMaxLength: MAX_QUEUED_COMMANDS,
      socket: {
        connectTimeout: Math.max(1000, this.#settings.commandTimeoutMs),
        // The default strategy gives up after a socket timeout; this one never does.
        reconnectStrategy: (retries) => Math.min(50 * 2 ** retries, MAX_RECONNECT_DELAY_MS) + Math.floor(Math.random() * 50),
      },
    }) as RedisClientType;
    client.on('error', (error: Error) => this.#failed(error));
    client.on('ready', () => {
      if (client !== this.#client) return;
      if (this.#down) this.#logger.info({ store: 'redis' }, 'shared store reachable again');
      else if (!this.#connected) this.#logger.info({ store: 'redis' }, 'connected to the shared store');
      this.#connected = true;
      this.#down = false;
      for (const listener of this.#onReady) listener();
    });
    return client;
  }

  #connect(client: RedisClientType): void {
    client.connect().catch((error: Error) => this.#failed(error));
  }

  /** Redis stopped answering on this connection: drop it (its commands fail) and connect afresh. */
  #restart(hung: RedisClientType): void {
    if (hung !== this.#client || this.#closed) return;
    this.#failed(new Error('no answer within the command bound'));
    this.#client = this.#create();
    if (hung.isOpen) hung.destroy();
    this.#connect(this.#client);
  }

  #failed(error: Error): void {
    if (this.#closed || this.#down) return;
    this.#down = true;
    // The URL may hold a password: never log it, nor an error message that could quote it.
    this.#logger.warn({ store: 'redis', err: { type: error.name } }, 'shared store unreachable; retrying in the background');
  }
}
