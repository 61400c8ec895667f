import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// A redis-server of a test's or a script's own. No vitest here: the load test (a plain tsx script) uses it too.

/** Debian's redis-server (`apt-get install -y redis-server`; `.ci/run` installs it). */
function findRedisServer(): string | undefined {
  try {
    return execFileSync('sh', ['-c', 'command -v redis-server'], { encoding: 'utf8' }).trim() || undefined;
  } catch {
    return undefined;
  }
}

export const REDIS_SERVER = findRedisServer();

/** A free loopback port (the OS picks one; it is released before redis-server takes it). */
export async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** A redis-server of the test's own: loopback, a free port, a temp dir, no persistence. */
export interface RedisServer {
  readonly port: number;
  /** redis://[:password@]127.0.0.1:PORT */
  readonly url: string;
  /** Stops the server (SIGKILL by default: an outage, not a shutdown); `start` brings it back on the same port, empty. */
  stop(signal?: NodeJS.Signals): Promise<void>;
  start(): Promise<void>;
  /** Stops it and removes its directory. */
  close(): Promise<void>;
  /** SIGKILL now and remove its directory, synchronously: for a process's 'exit' handler, which cannot wait. */
  killNow(): void;
  /**
   * SIGSTOP: a Redis that hangs with its connections open (a stalled host, a partition without resets), which
   * clients notice only by their own timeouts; `resume` (SIGCONT) lets it answer again.
   */
  pause(): void;
  resume(): void;
}

/** `password`: the server requires it (`requirepass`), and `url` carries it. */
export async function startRedis(options: { password?: string } = {}): Promise<RedisServer> {
  if (!REDIS_SERVER) throw new Error('redis-server is not installed');
  const binary = REDIS_SERVER;
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'wxa-redis-'));
  let child: ChildProcess | undefined;

  const start = async () => {
    const proc = spawn(
      binary,
      [
        ...['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir, '--daemonize', 'no'],
        ...(options.password ? ['--requirepass', options.password] : []),
      ],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    child = proc;
    let output = '';
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`redis-server did not start:\n${output}`)), 10_000);
      proc.stdout!.on('data', (chunk: Buffer) => {
        output += chunk;
        if (output.includes('Ready to accept connections')) {
          clearTimeout(timer);
          resolve();
        }
      });
      proc.on('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`redis-server exited with ${code}:\n${output}`));
      });
    });
    proc.removeAllListeners('exit');
    // Its output is no longer read: let it flow, so that a full pipe never stalls the server.
    proc.stdout!.resume();
    proc.stderr!.resume();
  };

  const stop = async (signal: NodeJS.Signals = 'SIGKILL') => {
    const proc = child;
    child = undefined;
    if (!proc || proc.exitCode !== null || proc.signalCode !== null) return;
    const exited = once(proc, 'exit');
    proc.kill('SIGCONT'); // a paused server would not act on SIGTERM
    proc.kill(signal);
    await exited;
  };

  await start();
  return {
    port,
    url: `redis://${options.password ? `:${options.password}@` : ''}127.0.0.1:${port}`,
    start,
    stop,
    async close() {
      await stop();
      rmSync(dir, { recursive: true, force: true });
    },
    killNow() {
      child?.kill('SIGCONT');
      child?.kill('SIGKILL');
      child = undefined;
      rmSync(dir, { recursive: true, force: true });
    },
    pause() {
      child?.kill('SIGSTOP');
    },
    resume() {
      child?.kill('SIGCONT');
    },
  };
}
