import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { createWriteStream, readFileSync, type WriteStream } from 'node:fs';
import { request } from 'node:http';
import { createServer } from 'node:net';
import { availableParallelism } from 'node:os';
import { createInterface } from 'node:readline';
import { setTimeout as sleep } from 'node:timers/promises';

/** CPU pinning with taskset: the server under test on core 0, the load generator on core 1. */
export interface Pinning {
  readonly enabled: boolean;
  readonly detail: string;
}

export function detectPinning(): Pinning {
  const cpus = availableParallelism();
  if (cpus < 2) return { enabled: false, detail: `only ${cpus} CPU available: nothing pinned` };
  const probe = spawnSync('taskset', ['-c', '1', 'true'], { stdio: 'ignore', timeout: 5_000 });
  if (probe.error || probe.status !== 0) return { enabled: false, detail: 'taskset unavailable (or core 1 not allowed): nothing pinned' };
  return { enabled: true, detail: `server on core 0, load generator on core 1 (taskset; ${cpus} CPUs)` };
}

export type Core = 0 | 1;

/** Every child still running, so that nothing outlives run.ts. */
const children = new Set<ChildProcess>();

/** Kills every child at once (for exit paths that cannot wait). */
export function killAllChildren(signal: NodeJS.Signals = 'SIGKILL'): void {
  for (const child of children) {
    try {
      child.kill(signal);
    } catch {
      // already gone
    }
  }
}

export const liveChildren = (): number => children.size;

/**
 * Spawns `node <args>`, pinned to `core` when pinning is on. taskset execs node, so the pid is node's own
 * (and /proc/<pid>/status is the server's). stdin is a pipe nobody writes to: the bench's own programs
 * exit when it closes (see lib/child.ts); the service does not, so a run.ts killed with SIGKILL can leave
 * a service behind (its SIGINT/SIGTERM handlers and the time budget stop everything otherwise).
 */
export function spawnNode(pinning: Pinning, core: Core, args: readonly string[], env: NodeJS.ProcessEnv, cwd: string): ChildProcess {
  return spawnPinned(pinning, core, process.execPath, args, { ...env, BENCH_EXIT_WITH_PARENT: '1' }, cwd);
}

/** Spawns `command <args>` (node or not, e.g. redis-server), pinned to `core` when pinning is on, and tracked like every child. */
export function spawnPinned(
  pinning: Pinning,
  core: Core,
  command: string,
  args: readonly string[],
  env: NodeJS.ProcessEnv,
  cwd: string,
): ChildProcess {
  const [file, argv] = pinning.enabled ? ['taskset', ['-c', String(core), command, ...args]] : [command, [...args]];
  const child = spawn(file, argv, { cwd, env, stdio: ['pipe', 'pipe', 'pipe'] });
  children.add(child);
  child.once('exit', () => children.delete(child));
  child.once('error', () => children.delete(child));
  return child;
}

/** Resolves with the exit code (or signal name) once the child has exited. */
export function exited(child: ChildProcess): Promise<number | string> {
  if (child.exitCode !== null) return Promise.resolve(child.exitCode);
  if (child.signalCode !== null) return Promise.resolve(child.signalCode);
  return new Promise((resolve) => child.once('exit', (code, signal) => resolve(code ?? signal ?? 'unknown')));
}

/** SIGTERM, then SIGKILL after `graceMs`. */
export async function stopChild(child: ChildProcess, graceMs = 5_000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const done = exited(child);
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
  await done;
  clearTimeout(timer);
}

/** A server started for a scenario, with its log kept in a file and the last lines in memory. */
export interface RunningServer {
  readonly name: string;
  readonly child: ChildProcess;
  readonly pid: number;
  /** The URL from the "listening on http://HOST:PORT/graphql" line (or the line `listening` matches). */
  readonly ready: Promise<{ url: string; simulatorUrl: string | undefined }>;
  /** The last lines of stdout and stderr, for error messages. */
  tail(): string;
  /** Set when the process has exited (with the code or signal). */
  exit: number | string | undefined;
  stop(graceMs?: number): Promise<void>;
}

const LISTENING = /listening on (http:\/\/\S+\/graphql)/;

export function startServer(options: {
  name: string;
  pinning: Pinning;
  args: readonly string[];
  env: NodeJS.ProcessEnv;
  cwd: string;
  logFile: string;
  timeoutMs?: number;
  /** Core 0 (the server under test) unless given: a helper of the scenario (the simulator) goes beside the load generator. */
  core?: Core;
  /** The line that says it serves, its URL in the first group; the service's "listening on …/graphql" unless given. */
  listening?: RegExp;
}): RunningServer {
  const child = spawnNode(options.pinning, options.core ?? 0, options.args, options.env, options.cwd);
  const listening = options.listening ?? LISTENING;
  if (child.pid === undefined) throw new Error(`${options.name}: could not spawn node`);
  const log: WriteStream = createWriteStream(options.logFile);
  const lines: string[] = [];
  const remember = (stream: string, line: string) => {
    log.write(`${stream === 'stderr' ? '[stderr] ' : ''}${line}\n`);
    lines.push(line);
    if (lines.length > 40) lines.shift();
  };
  let simulatorUrl: string | undefined;
  let resolveReady!: (value: { url: string; simulatorUrl: string | undefined }) => void;
  let rejectReady!: (error: Error) => void;
  const ready = new Promise<{ url: string; simulatorUrl: string | undefined }>((resolve, reject) => {
    resolveReady = resolve;
    rejectReady = reject;
  });
  ready.catch(() => undefined); // callers that never await it must not crash the process
  const server: RunningServer = {
    name: options.name,
    child,
    pid: child.pid,
    ready,
    tail: () => lines.slice(-15).join('\n'),
    exit: undefined,
    stop: async (graceMs?: number) => {
      await stopChild(child, graceMs);
      await new Promise<void>((resolve) => log.end(resolve));
    },
  };
  // Read everything the child writes, always: a pino writing to a full pipe stalls the process.
  createInterface({ input: child.stdout! }).on('line', (line) => {
    remember('stdout', line);
    if (line.includes('simulatorUrl')) {
      try {
        const parsed = JSON.parse(line) as { simulatorUrl?: unknown };
        if (typeof parsed.simulatorUrl === 'string') simulatorUrl = parsed.simulatorUrl;
      } catch {
        // not a JSON log line
      }
    }
    const match = listening.exec(line);
    if (match) resolveReady({ url: match[1]!, simulatorUrl });
  });
  createInterface({ input: child.stderr! }).on('line', (line) => remember('stderr', line));
  const timer = setTimeout(
    () =>
      rejectReady(new Error(`${options.name}: no line matching ${listening} within ${options.timeoutMs ?? 20_000} ms\n${server.tail()}`)),
    options.timeoutMs ?? 20_000,
  );
  void ready.finally(() => clearTimeout(timer)).catch(() => undefined);
  child.once('exit', (code, signal) => {
    server.exit = code ?? signal ?? 'unknown';
    rejectReady(new Error(`${options.name} exited (${server.exit}) before listening\n${server.tail()}`));
  });
  return server;
}

/**
 * Runs one of the bench's JSON programs (cannon.js, burst.js) pinned to core 1 and returns the JSON it
 * printed. Killed after `timeoutMs`.
 */
export async function runJsonProgram<T>(options: {
  pinning: Pinning;
  script: string;
  input: unknown;
  cwd: string;
  timeoutMs: number;
}): Promise<T> {
  const child = spawnNode(options.pinning, 1, [options.script, JSON.stringify(options.input)], { ...process.env }, options.cwd);
  let stdout = '';
  let stderr = '';
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (stderr = (stderr + chunk).slice(-4000)));
  const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs);
  const code = await exited(child);
  clearTimeout(timer);
  if (code !== 0) throw new Error(`${options.script} exited with ${code}${stderr ? `: ${stderr.trim()}` : ''}`);
  const last = stdout.trim().split('\n').at(-1);
  if (!last) throw new Error(`${options.script} printed nothing`);
  return JSON.parse(last) as T;
}

/** Resident set size from /proc/<pid>/status (Linux), in bytes; undefined elsewhere or once gone. */
export function rssBytes(pid: number): number | undefined {
  try {
    const match = /^VmRSS:\s+(\d+)\s+kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) * 1024 : undefined;
  } catch {
    return undefined;
  }
}

const CLOCK_TICKS = (() => {
  const result = spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8', timeout: 5_000 });
  const ticks = Number(result.stdout?.trim());
  return Number.isInteger(ticks) && ticks > 0 ? ticks : 100;
})();

/**
 * CPU time (user + system) the process has used so far, from /proc/<pid>/stat, in seconds (resolution
 * 1/CLK_TCK, usually 10 ms). Unlike req/s, CPU per request hardly changes when other work shares the
 * machine, so it is the steadier number on a shared box.
 */
export function cpuSeconds(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after "pid (comm) ": state is field 3, utime 14, stime 15.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const utime = Number(fields[11]);
    const stime = Number(fields[12]);
    return Number.isFinite(utime) && Number.isFinite(stime) ? (utime + stime) / CLOCK_TICKS : undefined;
  } catch {
    return undefined;
  }
}

/** GET `url`; the status code, or undefined when no answer came (refused, reset, timed out). */
export function httpStatus(url: string, timeoutMs = 1_000): Promise<number | undefined> {
  return new Promise((resolve) => {
    const req = request(url, { method: 'GET', agent: false, timeout: timeoutMs }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode));
      res.on('error', () => resolve(undefined));
    });
    req.on('timeout', () => req.destroy());
    req.on('error', () => resolve(undefined));
    req.end();
  });
}

/** Polls `url` every `everyMs` until it answers 200; resolves with the time at which it did. */
export async function waitFor200(
  url: string,
  { everyMs = 10, timeoutMs = 20_000, alive }: { everyMs?: number; timeoutMs?: number; alive?: () => boolean } = {},
): Promise<number> {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    const started = performance.now();
    if ((await httpStatus(url, 1_000)) === 200) return performance.now();
    if (alive && !alive()) throw new Error(`the process exited while ${url} was polled`);
    if (performance.now() > deadline) throw new Error(`${url} did not answer 200 within ${timeoutMs} ms`);
    const wait = everyMs - (performance.now() - started);
    if (wait > 0) await sleep(wait);
  }
}

/** A loopback port that was free a moment ago. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}
