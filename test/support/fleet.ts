import { expect } from 'vitest';
import { type Simulator, type SimulatorOptions, startSimulator } from '../../src/wechat/simulator/server.js';
import { componentEnv } from './live-env.js';
import { type Running, startProcess } from './process.js';
import { type RedisServer, startRedis } from './redis.js';
import { simulatorSecrets } from './secrets.js';

/** Several service processes (live mode, built dist/), one redis-server, one simulator: real HTTP and TCP between them. */
export interface Fleet {
  readonly redis: RedisServer;
  readonly sim: Simulator;
  readonly replicas: Running[];
  /** POST /graphql to replica `i`: status and parsed body. */
  post(i: number, query: string, variables?: Record<string, unknown>): Promise<{ status: number; body: any }>;
  /** GET /ready of replica `i`: status and text. */
  ready(i: number): Promise<{ status: number; text: string }>;
  close(): Promise<void>;
}

export interface FleetOptions {
  readonly replicas?: number;
  /** Extra settings for every replica (e.g. SERVER_DOMAINS_CACHE_TTL_MS, WECHAT_TIMEOUT_MS). */
  readonly env?: Record<string, string>;
  readonly simulator?: SimulatorOptions;
}

export async function startFleet(options: FleetOptions = {}): Promise<Fleet> {
  const redis = await startRedis();
  const sim = await startSimulator(options.simulator);
  const env = {
    PORT: '0',
    LOG_LEVEL: 'info',
    ...componentEnv(sim),
    WECHAT_EVENT_TOKEN: sim.events.token,
    WECHAT_EVENT_AES_KEY: sim.events.encodingAesKey,
    REDIS_URL: redis.url,
    AUTH_DISABLED: 'true',
    ...options.env,
  };
  const replicas = await Promise.all(
    Array.from({ length: options.replicas ?? 3 }, () => startProcess(process.execPath, ['dist/main.js'], env)),
  );
  const fleet: Fleet = {
    redis,
    sim,
    replicas,
    async post(i, query, variables) {
      const response = await fetch(`${replicas[i]!.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query, variables }),
      });
      return { status: response.status, body: await response.json() };
    },
    async ready(i) {
      const response = await fetch(`${replicas[i]!.url}/ready`);
      return { status: response.status, text: await response.text() };
    },
    async close() {
      await Promise.all(replicas.map((replica) => replica.stop('SIGKILL').catch(() => undefined)));
      const secrets = simulatorSecrets(sim);
      await sim.close();
      await redis.close();
      // Whatever a test did, no replica may have logged a secret of WeChat's.
      for (const replica of replicas) for (const secret of secrets) expect(replica.output()).not.toContain(secret);
    },
  };
  // Connected to Redis (it connects in the background); /ready is not asked here, as it would fetch a token.
  for (const replica of replicas) {
    const deadline = performance.now() + 10_000;
    while (!replica.output().includes('connected to the shared store')) {
      if (performance.now() > deadline) throw new Error(`a replica did not connect to Redis:\n${replica.output()}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }
  return fleet;
}
