import { describe } from 'vitest';
import { REDIS_SERVER } from './redis-server.js';

// The server itself is in redis-server.ts (no vitest there: the load test starts one too).
export { freePort, REDIS_SERVER, type RedisServer, startRedis } from './redis-server.js';

/**
 * `describe` for tests that need a real redis-server: skipped with a clear message when the binary is
 * missing on a developer's machine, and failing when CI is set (CI must install it).
 */
export function describeWithRedis(name: string, body: () => void): void {
  if (REDIS_SERVER) {
    describe(name, body);
    return;
  }
  if (process.env.CI) {
    describe(name, () => {
      throw new Error('redis-server is not installed, and CI is set: .ci/run must install it (apt-get install -y redis-server).');
    });
    return;
  }
  describe.skip(`${name} (skipped: no redis-server binary; apt-get install -y redis-server)`, body);
}

/** Resolves once `isReady()` holds (a connection that reconnects in the background), or fails after `timeoutMs`. */
export async function until(isReady: () => boolean, timeoutMs = 5_000): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (!isReady()) {
    if (performance.now() > deadline) throw new Error(`not ready within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
