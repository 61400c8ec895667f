import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** The environment a user's shell would pass, minus every setting of ours (NODE_OPTIONS: node-options.env's). */
export function cleanEnv(extra: Record<string, string> = {}): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (
      value === undefined ||
      /^(WECHAT_|AUTH_|PORT$|HOST$|LOG_LEVEL$|NODE_ENV$|NODE_OPTIONS$|DATA_DIR$|SERVER_DOMAINS_|REDIS_|OTEL_|VITEST)/.test(key)
    )
      continue;
    env[key] = value;
  }
  return { ...env, ...extra };
}

/**
 * The environment of a service process: `env`, and unless it names one, a DATA_DIR of its own (removed when
 * the process has gone), so live-mode runs never write into the working tree or see each other's state.
 */
function serviceEnv(env: Record<string, string>): { env: Record<string, string>; cleanup: () => void } {
  if (env.DATA_DIR !== undefined) return { env: cleanEnv(env), cleanup: () => undefined };
  const dataDir = mkdtempSync(join(tmpdir(), 'wxa-process-data-'));
  return { env: cleanEnv({ ...env, DATA_DIR: dataDir }), cleanup: () => rmSync(dataDir, { recursive: true, force: true }) };
}

export interface Finished {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the built service (`node dist/main.js`) to completion; for settings that must fail at once. */
export function runService(env: Record<string, string>, timeoutMs = 10_000): Promise<Finished> {
  return new Promise((resolve, reject) => {
    const { env: childEnv, cleanup } = serviceEnv(env);
    const child = spawn(process.execPath, ['dist/main.js'], { cwd: ROOT, env: childEnv, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`still running after ${timeoutMs} ms: ${stdout}${stderr}`));
    }, timeoutMs);
    child.on('exit', (code) => {
      clearTimeout(timer);
      cleanup();
      resolve({ code, stdout, stderr });
    });
  });
}

export interface Running {
  readonly child: ChildProcess;
  readonly url: string;
  output(): string;
  /** Sends a signal to the whole process group and waits for the exit code. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

/** Starts a command in its own process group and waits for the service's "listening on" line. */
export function startProcess(command: string, args: string[], env: Record<string, string>, timeoutMs = 60_000): Promise<Running> {
  return new Promise((resolve, reject) => {
    const { env: childEnv, cleanup } = serviceEnv(env);
    const child = spawn(command, args, { cwd: ROOT, env: childEnv, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    let output = '';
    // 'close': every process holding the pipes (npm's child included) has gone.
    const exited = new Promise<number | null>((done) =>
      child.on('close', (code) => {
        cleanup();
        done(code);
      }),
    );
    const timer = setTimeout(() => {
      process.kill(-child.pid!, 'SIGKILL');
      reject(new Error(`no "listening" line within ${timeoutMs} ms:\n${output}`));
    }, timeoutMs);
    const onData = (chunk: Buffer) => {
      output += chunk;
      const match = /listening on (http:\/\/[^/\s"]+)\/graphql/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve({
          child,
          url: match[1]!,
          output: () => output,
          stop: async (signal = 'SIGTERM') => {
            process.kill(-child.pid!, signal);
            return exited;
          },
        });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`exited with ${code} before listening:\n${output}`));
    });
  });
}
