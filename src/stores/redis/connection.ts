import type { Logger } from 'pino';
import { createClient, type RedisClientType } from 'redis';

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

/**
 * One node-redis client for the whole process. Commands fail at once while it is disconnected (no offline
 * queue: a request must get a typed error, not wait for Redis to return), each command has a timeout, and
 * the client reconnects for ever in the background. Errors are logged once per outage, never thrown at the
 * process: the service keeps running without Redis and recovers when it returns.
 */
export class RedisConnection {
  readonly client: RedisClientType;
  readonly keyPrefix: string;
  readonly #logger: Logger;
  readonly #onReady = new Set<() => void>();
  #down = false;
  #connected = false;
  #closed = false;

  constructor(settings: RedisSettings, logger: Logger) {
    this.keyPrefix = settings.keyPrefix;
    this.#logger = logger;
    this.client = createClient({
      url: settings.url,
      disableOfflineQueue: true,
      commandOptions: { timeout: settings.commandTimeoutMs },
      socket: {
        connectTimeout: Math.max(1000, settings.commandTimeoutMs),
        // The default strategy gives up after a socket timeout; this one never does.
        reconnectStrategy: (retries) => Math.min(50 * 2 ** retries, MAX_RECONNECT_DELAY_MS) + Math.floor(Math.random() * 50),
      },
    }) as RedisClientType;
    this.client.on('error', (error: Error) => this.#failed(error));
    this.client.on('ready', () => {
      if (this.#down) this.#logger.info({ store: 'redis' }, 'shared store reachable again');
      else if (!this.#connected) this.#logger.info({ store: 'redis' }, 'connected to the shared store');
      this.#connected = true;
      this.#down = false;
      for (const listener of this.#onReady) listener();
    });
  }

  /** Starts connecting in the background; resolves at once (the service starts whether Redis is up or not). */
  start(): void {
    this.client.connect().catch((error: Error) => this.#failed(error));
  }

  get ready(): boolean {
    return this.client.isReady;
  }

  /** The key of `name` for one platform: `<prefix><platform>:<name>`. */
  key(platform: string, name: string): string {
    return `${this.keyPrefix}${platform}:${name}`;
  }

  /** Called each time the connection becomes ready (first connect and every reconnect). */
  onReady(listener: () => void): void {
    this.#onReady.add(listener);
    if (this.client.isReady) listener();
  }

  /** A fresh round trip, for /ready. */
  async ping(): Promise<boolean> {
    if (!this.client.isReady) return false;
    try {
      return (await this.client.ping()) === 'PONG';
    } catch {
      return false;
    }
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    if (this.client.isOpen) this.client.destroy();
  }

  #failed(error: Error): void {
    if (this.#closed || this.#down) return;
    this.#down = true;
    // The URL may hold a password: never log it, nor an error message that could quote it.
    this.#logger.warn({ store: 'redis', err: { type: error.name } }, 'shared store unreachable; retrying in the background');
  }
}
