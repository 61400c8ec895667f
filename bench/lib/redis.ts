import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Core, exited, freePort, type Pinning, spawnPinned, stopChild } from './proc.js';

// The bench's own redis-server, pinned like its other processes. (test/support/redis-server.ts starts one for
// the tests and the load test; the bench cannot import it: bench/ compiles on its own, see tsconfig.json.)

/** redis-server from PATH (Debian's: apt-get install -y redis-server), or undefined. */
export function findRedisServer(): string | undefined {
  const found = spawnSync('sh', ['-c', 'command -v redis-server'], { encoding: 'utf8', timeout: 5_000 });
  return found.status === 0 ? found.stdout.trim() || undefined : undefined;
}

export interface RunningRedis {
  readonly url: string;
  readonly pid: number;
  stop(): Promise<void>;
}

/** A redis-server on a free loopback port, no persistence, its files in a temp dir; ready once it accepts connections. */
export async function startRedisServer(binary: string, pinning: Pinning, core: Core): Promise<RunningRedis> {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'wxa-bench-redis-'));
  const args = ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir, '--daemonize', 'no'];
  const child = spawnPinned(pinning, core, binary, args, process.env, dir);
  const stop = async () => {
    await stopChild(child);
    rmSync(dir, { recursive: true, force: true });
  };
  let output = '';
  try {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`redis-server did not start within 10 s:\n${output}`)), 10_000);
      child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
        output = (output + chunk).slice(-4000);
        if (output.includes('Ready to accept connections')) {
          clearTimeout(timer);
          resolve();
        }
      });
      child.stderr!.resume();
      void exited(child).then((code) => {
        clearTimeout(timer);
        reject(new Error(`redis-server exited (${code}) before it was ready:\n${output}`));
      });
    });
  } catch (error) {
    await stop();
    throw error;
  }
  return { url: `redis://127.0.0.1:${port}`, pid: child.pid!, stop };
}
