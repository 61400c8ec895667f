/**
 * Load test, loopback only, bounded in time and in requests.
 *
 * The embedded WeChat simulator runs in this process; the service runs as a separate process
 * (`node dist/main.js`, built first when dist/ is missing or stale). Concurrent clients mix reads
 * (`serverDomains`) and writes (`addDomains`/`removeDomains`); each client owns a disjoint set of domains,
 * changes only those, one request at a time, and tracks what its own mutations imply. At the end the
 * simulator's state and change counter are checked against that.
 *
 *   npm run loadtest [-- --clients 50 --duration 10 --max-requests 200000 --no-faults]
 *   npm run loadtest -- --smoke          (10 clients, 3 s; LOADTEST_DURATION=<s> also sets the duration)
 *   npm run loadtest -- --replicas 3     (a fleet: three service processes on one Redis, see below)
 *
 * Exit 0 only when: no HTTP 5xx, no untyped error (top-level `errors`, non-JSON, transport failure), the
 * simulator's final testing list matches every domain whose last outcome is known, the change count lies
 * within [applied mutations, applied + may-have-applied] (no-ops spend nothing), the service's journal
 * counts at least the simulator's changes and at most that upper bound, and the service exits 0 on SIGTERM.
 *
 * With `--replicas N` the script also starts a redis-server of its own (from PATH; loopback, a free port,
 * no persistence) and N service processes in live mode on it (same REDIS_URL and appid, the simulator as
 * WeChat, its ticket as the seed). Each client sends its requests to the replicas in turn, so a client's
 * change on one replica is followed by its reads on the others. On top of the checks above: exactly one
 * api_component_token call for the whole fleet; the journal (read page by page through
 * `serverDomainChanges`) holds one entry per answered change with the effect its answer implied, counts
 * what the simulator applied, and every replica's `changesThisMonth` is that same count; no answer
 * contradicts a client's own confirmed change (read-your-writes across replicas); every replica exits 0.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { SignJWT } from 'jose';
import { Pool } from 'undici';
import { quotaMonth } from '../src/wechat/simulator/platform.js';
import { type Fault, startSimulator } from '../src/wechat/simulator/server.js';
import { cleanEnv, ROOT } from '../test/support/process.js';
import { REDIS_SERVER, type RedisServer, startRedis } from '../test/support/redis-server.js';

// ---------------------------------------------------------------------------------------------- settings

const USAGE = `usage: tsx scripts/loadtest.ts [--clients N] [--duration SECONDS] [--max-requests N] [--smoke] [--no-faults] [--replicas N]
  --clients       concurrent clients (default 50; 10 with --smoke)
  --duration      seconds of load (default 10; 3 with --smoke; env LOADTEST_DURATION)
  --max-requests  stop after this many requests (default 200000)
  --smoke         short CI run: 10 clients, 3 s
  --no-faults     do not inject simulator faults
  --replicas      N service processes sharing one Redis (a redis-server of the script's own, from PATH);
                  without it: one process on DATA_DIR, no Redis`;

function fail(message: string): never {
  process.stderr.write(`loadtest: ${message}\n${USAGE}\n`);
  process.exit(2);
}

function parseSettings() {
  const parsed = (() => {
    try {
      return parseArgs({
        options: {
          clients: { type: 'string' },
          duration: { type: 'string' },
          'max-requests': { type: 'string' },
          smoke: { type: 'boolean', default: false },
          'no-faults': { type: 'boolean', default: false },
          replicas: { type: 'string' },
          help: { type: 'boolean', short: 'h', default: false },
        },
        strict: true,
      });
    } catch (error) {
      return fail((error as Error).message);
    }
  })();
  const { values } = parsed;
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    process.exit(0);
  }
  const number = (name: string, raw: string | undefined, fallback: number, min: number, max: number, integer = true) => {
    if (raw === undefined || raw.trim() === '') return fallback;
    const value = Number(raw);
    if (!Number.isFinite(value) || (integer && !Number.isInteger(value)) || value < min || value > max) {
      fail(`${name} must be ${integer ? 'a whole number' : 'a number'} from ${min} to ${max}, not "${raw}"`);
    }
    return value;
  };
  const smoke = values.smoke;
  const clients = number('--clients', values.clients, smoke ? 10 : 50, 1, 900);
  const envDuration = process.env.LOADTEST_DURATION;
  const duration = number(
    values.duration !== undefined ? '--duration' : 'LOADTEST_DURATION',
    values.duration ?? envDuration,
    smoke ? 3 : 10,
    0.1,
    600,
    false,
  );
  const maxRequests = number('--max-requests', values['max-requests'], 200_000, 1, 10_000_000);
  // Undefined: the single process of old, on DATA_DIR. A number (1 included): a fleet on one Redis.
  const replicas = values.replicas === undefined ? undefined : number('--replicas', values.replicas, 1, 1, 16);
  return { clients, durationMs: duration * 1000, maxRequests, faults: !values['no-faults'], smoke, replicas };
}

const settings = parseSettings();

/** Share of requests that are writes (addDomains/removeDomains); the rest read serverDomains. */
const WRITE_SHARE = 0.2;
/** Domains on the platform before the run; no client touches them, so they must still be there at the end. */
const INITIAL_DOMAINS = ['api.example.com', 'static.example.com'];
/** WeChat's cap is 1000 domains: keep clients × domains well under it. */
const DOMAINS_PER_CLIENT = Math.max(1, Math.min(4, Math.floor(900 / settings.clients)));
const REQUEST_TIMEOUT_MS = 30_000;
const STARTUP_TIMEOUT_MS = 30_000;
const EXIT_TIMEOUT_MS = 20_000;
/** Everything, build excluded, must be over by then; otherwise the service is killed and the run fails. */
const WATCHDOG_MS = settings.durationMs + 90_000;

/**
 * Faults the simulator plays on the next matching calls, once the load is running. Each exercises a
 * typed error path, and together they cover all three outcomes a mutation can have.
 */
const FAULTS: Fault[] = [
  { action: 'get', errcode: -1, times: 3 }, // SystemBusyError on reads
  { action: 'add', errcode: -1, times: 3 }, // SystemBusyError on a change: not applied
  { action: 'get', status: 502, times: 2 }, // UpstreamUnavailableError, mayHaveApplied false (a read)
  { action: 'delete', status: 502, applyFirst: true, times: 2 }, // applied, answer lost: mayHaveApplied true
  { action: 'add', brokenBody: true, times: 2 }, // not applied, but the service cannot know: mayHaveApplied true
  { action: 'add', drop: true, applyFirst: true, times: 1 }, // applied, connection dropped: mayHaveApplied true
];

// ------------------------------------------------------------------------------------------------ build

function newestMtime(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

function ensureBuilt(): void {
  const main = join(ROOT, 'dist', 'main.js');
  const sources = Math.max(
    newestMtime(join(ROOT, 'src')),
    newestMtime(join(ROOT, 'tsconfig.json')),
    newestMtime(join(ROOT, 'tsconfig.build.json')),
  );
  if (existsSync(main) && statSync(main).mtimeMs >= sources) return;
  process.stdout.write('building dist/ (npx tsc -p tsconfig.build.json)\n');
  execFileSync('npx', ['tsc', '-p', 'tsconfig.build.json'], { cwd: ROOT, stdio: 'inherit' });
}

// ---------------------------------------------------------------------------------------------- helpers

/** Resident set size (and its peak) of a process, in kB, from /proc; undefined where there is no /proc. */
function memoryOf(pid: number): { rssKb: number; peakKb: number } | undefined {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const rss = /^VmRSS:\s+(\d+)\s+kB/m.exec(status);
    const peak = /^VmHWM:\s+(\d+)\s+kB/m.exec(status);
    if (!rss) return undefined;
    return { rssKb: Number(rss[1]), peakKb: peak ? Number(peak[1]) : Number(rss[1]) };
  } catch {
    return undefined;
  }
}

/** CPU time (user + system) a process has used, in seconds, from /proc; Linux's USER_HZ is 100. */
function cpuSecondsOf(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the parenthesised command name; utime and stime are the 14th and 15th of the line.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return undefined;
  }
}

const mb = (kb: number | undefined) => (kb === undefined ? 'n/a' : `${(kb / 1024).toFixed(1)} MB`);

function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank]!;
}

const cpuShare = (seconds: number | undefined, elapsedMs: number) =>
  seconds === undefined ? 'n/a' : `${seconds.toFixed(1)} s (${Math.round((seconds / (elapsedMs / 1000)) * 100)}% of one core)`;

const ms = (value: number) => (Number.isNaN(value) ? 'n/a' : value.toFixed(1));

const shorten = (text: string, max = 200) => (text.length > max ? `${text.slice(0, max)}…` : text);

/** Counts by key, printed largest first. */
class Counter {
  readonly #counts = new Map<string, number>();
  add(key: string, n = 1): void {
    this.#counts.set(key, (this.#counts.get(key) ?? 0) + n);
  }
  get(key: string): number {
    return this.#counts.get(key) ?? 0;
  }
  total(): number {
    let sum = 0;
    for (const n of this.#counts.values()) sum += n;
    return sum;
  }
  entries(): [string, number][] {
    return [...this.#counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  }
  format(): string {
    const entries = this.entries();
    return entries.length === 0 ? 'none' : entries.map(([k, n]) => `${k} ${n}`).join(', ');
  }
}

// ----------------------------------------------------------------------------------------------- GraphQL

type Op = 'read' | 'add' | 'remove';

const RESULT_FIELDS = `__typename
      ... on ServerDomains { testing }
      ... on UpstreamUnavailableError { mayHaveApplied }
      ... on Error { message }`;

/** A change's answer also says whether it was applied or a no-op (which spends nothing). */
const CHANGE_FIELDS = `${RESULT_FIELDS}
      ... on ServerDomains { change { effect } }`;

const DOCUMENTS: Record<Op, { field: string; query: string }> = {
  read: { field: 'serverDomains', query: `query LoadRead { serverDomains { ${RESULT_FIELDS} } }` },
  add: {
    field: 'addDomains',
    query: `mutation LoadAdd($domains: [String!]!) { addDomains(input: { domains: $domains }) { ${CHANGE_FIELDS} } }`,
  },
  remove: {
    field: 'removeDomains',
    query: `mutation LoadRemove($domains: [String!]!) { removeDomains(input: { domains: $domains }) { ${CHANGE_FIELDS} } }`,
  },
};

type Outcome =
  /** A member of the result union: what the API promises for every expected failure. */
  | {
      kind: 'typed';
      typename: string;
      mayHaveApplied: boolean | undefined;
      testing: string[] | undefined;
      /** A change's journal effect (APPLIED, NO_OP) on its success member. */
      effect: string | undefined;
    }
  | { kind: '5xx'; status: number; sample: string }
  /** Top-level `errors`, a body that is not JSON or has no typed result, or no HTTP answer at all. */
  | { kind: 'untyped'; reason: string; sample: string };

function classify(op: Op, status: number, text: string): Outcome {
  if (status >= 500) return { kind: '5xx', status, sample: shorten(text) };
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return { kind: 'untyped', reason: 'non-JSON body', sample: `HTTP ${status}: ${shorten(text)}` };
  }
  const record = (typeof body === 'object' && body !== null ? body : {}) as {
    errors?: { message?: unknown; extensions?: { code?: unknown } }[];
    data?: Record<string, unknown> | null;
  };
  if (Array.isArray(record.errors) && record.errors.length > 0) {
    const first = record.errors[0];
    const code = typeof first?.extensions?.code === 'string' ? ` ${first.extensions.code}` : '';
    return { kind: 'untyped', reason: `top-level errors (HTTP ${status}${code})`, sample: shorten(String(first?.message)) };
  }
  const result = record.data?.[DOCUMENTS[op].field] as
    | { __typename?: unknown; mayHaveApplied?: unknown; testing?: unknown; change?: { effect?: unknown } | null }
    | null
    | undefined;
  if (!result || typeof result.__typename !== 'string') {
    return { kind: 'untyped', reason: `no typed result (HTTP ${status})`, sample: shorten(text) };
  }
  return {
    kind: 'typed',
    typename: result.__typename,
    mayHaveApplied: typeof result.mayHaveApplied === 'boolean' ? result.mayHaveApplied : undefined,
    testing: Array.isArray(result.testing) ? result.testing.filter((d): d is string => typeof d === 'string') : undefined,
    effect: typeof result.change?.effect === 'string' ? result.change.effect : undefined,
  };
}

// ------------------------------------------------------------------------------------------------ run

/** What a client knows of one of its domains from its own mutations. */
type Known = 'present' | 'absent' | 'unknown';

/** One service process: its log read line by line (levels counted, problems and the tail kept), its URL once it listens. */
interface Service {
  /** `service` alone; `replica N` in a fleet. */
  readonly label: string;
  readonly child: ChildProcess;
  readonly pid: number;
  /** The service's origin (http://HOST:PORT) from its "listening on" line. */
  readonly listening: Promise<string>;
  readonly exit: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  readonly state: { exited: boolean };
  readonly logLevels: Counter;
  readonly logTail: string[];
  readonly logProblems: string[];
}

function spawnService(label: string, env: Record<string, string>): Service {
  const child = spawn(process.execPath, [join(ROOT, 'dist', 'main.js')], {
    cwd: ROOT,
    env: cleanEnv(env),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const state = { exited: false };
  const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => {
      state.exited = true;
      resolve({ code, signal });
    }),
  );
  const logLevels = new Counter();
  const logTail: string[] = [];
  const logProblems: string[] = [];
  let serviceUrl: string | undefined;
  const listening = new Promise<string>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`${label}: no "listening on" line within ${STARTUP_TIMEOUT_MS} ms`)),
      STARTUP_TIMEOUT_MS,
    );
    void exit.then(({ code, signal }) => {
      clearTimeout(timer);
      reject(new Error(`${label}: exited (${signal ?? code}) before listening`));
    });
    const onLine = (line: string) => {
      if (line === '') return;
      logTail.push(line);
      if (logTail.length > 40) logTail.shift();
      let entry: { level?: unknown; msg?: unknown } | undefined;
      try {
        entry = JSON.parse(line) as { level?: unknown; msg?: unknown };
      } catch {
        logLevels.add('not JSON');
        if (logProblems.length < 5) logProblems.push(shorten(line, 300));
        return;
      }
      const level = typeof entry.level === 'number' ? entry.level : 0;
      logLevels.add(level >= 50 ? 'error' : level >= 40 ? 'warn' : 'info-or-below');
      if (level >= 40 && logProblems.length < 5) logProblems.push(shorten(line, 300));
      const match = typeof entry.msg === 'string' ? /listening on (http:\/\/[^/\s]+)\/graphql/.exec(entry.msg) : null;
      if (match && !serviceUrl) {
        serviceUrl = match[1]!;
        clearTimeout(timer);
        resolve(serviceUrl);
      }
    };
    for (const stream of [child.stdout!, child.stderr!]) {
      let buffered = '';
      stream.setEncoding('utf8');
      stream.on('data', (chunk: string) => {
        buffered += chunk;
        const lines = buffered.split('\n');
        buffered = lines.pop()!;
        for (const line of lines) onLine(line);
      });
      stream.on('end', () => onLine(buffered));
    }
  });
  listening.catch(() => undefined); // awaited below; never an unhandled rejection meanwhile
  return { label, child, pid: child.pid!, listening, exit, state, logLevels, logTail, logProblems };
}

/** A page of the change journal: newest first, 100 at a time. */
const JOURNAL_PAGE = `query LoadJournal($after: String) {
  serverDomainChanges(first: 100, after: $after) { edges { node { effect } } pageInfo { hasNextPage endCursor } }
}`;

/** The effects a change's answer implies for its journal entry. */
const EFFECTS = ['APPLIED', 'NO_OP', 'UNKNOWN', 'REFUSED'] as const;

async function main(): Promise<number> {
  ensureBuilt();
  const watchdog = setTimeout(() => {
    process.stderr.write(`loadtest: not finished within ${WATCHDOG_MS + STARTUP_TIMEOUT_MS} ms; giving up\n`);
    process.exit(1); // the 'exit' handler below kills the services (and Redis)
  }, WATCHDOG_MS + STARTUP_TIMEOUT_MS);
  watchdog.unref();

  const fleet = settings.replicas !== undefined;
  const count = settings.replicas ?? 1;

  // ---- a fleet shares one Redis: a redis-server of this run's own, killed at exit whatever happens
  let redis: RedisServer | undefined;
  if (fleet) {
    if (!REDIS_SERVER) {
      process.stderr.write('loadtest: --replicas needs a redis-server binary on PATH (apt-get install -y redis-server)\n');
      return 2;
    }
    redis = await startRedis();
    process.on('exit', () => redis?.killNow());
  }

  const sim = await startSimulator({
    platform: { monthlyQuota: 1_000_000, testing: [...INITIAL_DOMAINS], published: [...INITIAL_DOMAINS] },
  });
  const jwtSecret = randomBytes(32).toString('base64url'); // 43 characters
  const jwt = await new SignJWT({ scope: 'server-domains:read server-domains:write' })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject('loadtest')
    .setIssuedAt()
    .setExpirationTime('1h')
    .sign(new TextEncoder().encode(jwtSecret));

  // ---- the service, as separate processes (each keeps what DATA_DIR holds in a directory of its own, removed at exit)
  const services: Service[] = [];
  // Never leave a service behind, whatever happens to this process.
  process.on('exit', () => {
    for (const service of services) if (!service.state.exited) service.child.kill('SIGKILL');
  });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      for (const service of services) if (!service.state.exited) service.child.kill('SIGKILL');
      process.exit(130);
    });
  }
  for (let i = 0; i < count; i++) {
    const dataDir = mkdtempSync(join(tmpdir(), 'wxa-loadtest-'));
    process.on('exit', () => rmSync(dataDir, { recursive: true, force: true }));
    services.push(
      spawnService(fleet ? `replica ${i + 1}` : 'service', {
        PORT: '0',
        HOST: '127.0.0.1',
        LOG_LEVEL: 'info',
        WECHAT_API_BASE_URL: sim.url,
        WECHAT_COMPONENT_APPID: sim.credentials.componentAppId,
        WECHAT_COMPONENT_APPSECRET: sim.credentials.componentAppSecret,
        WECHAT_COMPONENT_VERIFY_TICKET: sim.credentials.componentVerifyTicket,
        AUTH_JWT_SECRET: jwtSecret,
        DATA_DIR: dataDir,
        // The simulator here allows a million changes a month: so must the service's own quota guard.
        SERVER_DOMAINS_MONTHLY_LIMIT: '1000000',
        // Every replica of the fleet names the same Redis (and the same appid): they share the platform's state.
        ...(redis ? { REDIS_URL: redis.url } : {}),
      }),
    );
  }

  const stopEverything = async () => {
    for (const service of services) if (!service.state.exited) service.child.kill('SIGKILL');
    await sim.close();
    await redis?.close();
  };
  let urls: string[];
  try {
    urls = await Promise.all(services.map((service) => service.listening));
  } catch (error) {
    process.stderr.write(`loadtest: ${(error as Error).message}\n`);
    for (const service of services) process.stderr.write(`--- ${service.label}\n${service.logTail.join('\n')}\n`);
    await stopEverything();
    return 1;
  }
  const origins = urls.map((url) => new URL(url));
  const remote = origins.find((origin) => !['127.0.0.1', '[::1]', 'localhost'].includes(origin.hostname));
  if (remote) {
    process.stderr.write(`loadtest: the service listens on ${remote.hostname}, not loopback; refusing to load it\n`);
    await stopEverything();
    return 1;
  }
  const graphqlPath = (i: number) => (origins[i]!.pathname === '/' ? '/graphql' : `${origins[i]!.pathname}/graphql`);

  const memoryBefore = services.map((service) => memoryOf(service.pid));
  const serviceCpuBefore = services.map((service) => cpuSecondsOf(service.pid));
  const ownCpuBefore = process.cpuUsage();
  const monthAtStart = quotaMonth(Date.now());
  const where = fleet
    ? `${count} replica(s) on one Redis at ${redis!.url} (${services.map((s, i) => `pid ${s.pid} at ${urls[i]}/graphql`).join(', ')})`
    : `service pid ${services[0]!.pid} at ${urls[0]}/graphql`;
  process.stdout.write(
    `load test: ${where}, simulator at ${sim.url}; ` +
      `${settings.clients} clients × ${DOMAINS_PER_CLIENT} domains, ${settings.durationMs / 1000} s, at most ${settings.maxRequests} requests, ` +
      `${Math.round(WRITE_SHARE * 100)}% writes, faults ${settings.faults ? 'on' : 'off'}\n`,
  );

  // ---- the load
  const pools = urls.map(
    (url) =>
      new Pool(url, {
        connections: settings.clients,
        headersTimeout: REQUEST_TIMEOUT_MS,
        bodyTimeout: REQUEST_TIMEOUT_MS,
      }),
  );
  const headers = {
    'content-type': 'application/json',
    accept: 'application/graphql-response+json, application/json',
    authorization: `Bearer ${jwt}`,
  };

  const latencies: Record<'all' | 'read' | 'write', number[]> = { all: [], read: [], write: [] };
  const requestsByOp = new Counter();
  const requestsByReplica = new Counter();
  const typed = new Counter(); // by __typename
  const typedByOp = new Map<string, Counter>(); // __typename → op → count
  const untyped = new Counter(); // by reason
  const untypedSamples: string[] = [];
  let http5xx = 0;
  const http5xxSamples: string[] = [];
  let successfulMutations = 0; // applied: WeChat made the change
  let noOps = 0; // already in place: nothing sent
  let mayHaveApplied = 0; // typed UpstreamUnavailableError with mayHaveApplied: true on a mutation
  let ambiguousUntyped = 0; // a mutation whose answer was untyped or 5xx: it may have been applied too
  let notApplied = 0;
  let staleViews = 0;
  const staleSamples: string[] = [];
  const expected = new Map<string, Known>();

  let issued = 0;
  const startedAt = performance.now();
  const deadline = startedAt + settings.durationMs;
  const faultTimer = settings.faults
    ? setTimeout(() => {
        for (const fault of FAULTS) sim.injectFault(fault);
      }, settings.durationMs * 0.3)
    : undefined;

  /** A GraphQL request to one service (outside the measured load): its parsed body, or undefined. */
  const ask = async (replica: number, query: string, variables?: Record<string, unknown>): Promise<unknown> => {
    try {
      const response = await pools[replica]!.request({
        method: 'POST',
        path: graphqlPath(replica),
        headers,
        body: JSON.stringify({ query, ...(variables ? { variables } : {}) }),
        signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
      });
      return await response.body.json();
    } catch {
      return undefined;
    }
  };

  const send = async (op: Op, replica: number, variables?: Record<string, unknown>): Promise<Outcome> => {
    const started = performance.now();
    let outcome: Outcome;
    try {
      const response = await pools[replica]!.request({
        method: 'POST',
        path: graphqlPath(replica),
        headers,
        body: JSON.stringify({ query: DOCUMENTS[op].query, ...(variables ? { variables } : {}) }),
        signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
      });
      outcome = classify(op, response.statusCode, await response.body.text());
    } catch (error) {
      const code = (error as { code?: unknown }).code;
      outcome = {
        kind: 'untyped',
        reason: `no HTTP answer (${typeof code === 'string' ? code : (error as Error).name})`,
        sample: shorten(String((error as Error).message)),
      };
    }
    const elapsed = performance.now() - started;
    latencies.all.push(elapsed);
    latencies[op === 'read' ? 'read' : 'write'].push(elapsed);
    requestsByOp.add(op);
    requestsByReplica.add(services[replica]!.label);
    if (outcome.kind === 'typed') {
      typed.add(outcome.typename);
      let perOp = typedByOp.get(outcome.typename);
      if (!perOp) {
        perOp = new Counter();
        typedByOp.set(outcome.typename, perOp);
      }
      perOp.add(op);
    } else if (outcome.kind === '5xx') {
      http5xx += 1;
      if (http5xxSamples.length < 5) http5xxSamples.push(`${op}: HTTP ${outcome.status} ${outcome.sample}`);
    } else {
      untyped.add(outcome.reason);
      if (untypedSamples.length < 5) untypedSamples.push(`${op}: ${outcome.reason}: ${outcome.sample}`);
    }
    return outcome;
  };

  /**
   * A successful answer (read or mutation) lists the whole testing value. A client has nothing of its own
   * in flight when it gets one, so each of its domains with a known outcome must be listed iff present.
   */
  const checkView = (client: number, own: readonly string[], testing: string[] | undefined, op: Op, replica: number) => {
    if (!testing) return;
    const listed = new Set(testing);
    for (const domain of own) {
      const known = expected.get(domain);
      if (known === 'unknown' || known === undefined) continue;
      if ((known === 'present') !== listed.has(domain)) {
        staleViews += 1;
        if (staleSamples.length < 5)
          staleSamples.push(
            `client ${client} ${op}${fleet ? ` on ${services[replica]!.label}` : ''}: ${domain} expected ${known}, ${listed.has(domain) ? 'listed' : 'not listed'}`,
          );
      }
    }
  };

  const runClient = async (client: number) => {
    const own = Array.from({ length: DOMAINS_PER_CLIENT }, (_, j) => `c${client}-d${j}.load.example.com`);
    for (const domain of own) expected.set(domain, 'absent');
    // A fleet: each request to the next replica, so a change on one is followed by reads on the others.
    let turn = client;
    const nextReplica = () => turn++ % count;
    while (performance.now() < deadline && issued < settings.maxRequests) {
      issued += 1;
      const replica = nextReplica();
      if (Math.random() >= WRITE_SHARE) {
        const outcome = await send('read', replica);
        if (outcome.kind === 'typed' && outcome.typename === 'ServerDomains') checkView(client, own, outcome.testing, 'read', replica);
        continue;
      }
      // One domain most of the time, sometimes two; toggle the first one's known state, and now and
      // then repeat what is already there (removing an absent domain is a success on WeChat too).
      const picked = [own[Math.floor(Math.random() * own.length)]!];
      const second = own[Math.floor(Math.random() * own.length)]!;
      if (Math.random() < 0.25 && !picked.includes(second)) picked.push(second);
      const first = expected.get(picked[0]!);
      let op: 'add' | 'remove' = first === 'present' ? 'remove' : first === 'absent' ? 'add' : Math.random() < 0.5 ? 'add' : 'remove';
      if (Math.random() < 0.15) op = op === 'add' ? 'remove' : 'add';
      const outcome = await send(op, replica, { domains: picked });
      if (outcome.kind === 'typed' && outcome.typename === 'ServerDomains') {
        if (outcome.effect === 'NO_OP') noOps += 1;
        else successfulMutations += 1;
        for (const domain of picked) expected.set(domain, op === 'add' ? 'present' : 'absent');
        checkView(client, own, outcome.testing, op, replica);
      } else if (outcome.kind === 'typed' && outcome.typename === 'UpstreamUnavailableError' && outcome.mayHaveApplied === true) {
        mayHaveApplied += 1;
        for (const domain of picked) expected.set(domain, 'unknown');
      } else if (outcome.kind === 'typed') {
        notApplied += 1;
      } else {
        ambiguousUntyped += 1;
        for (const domain of picked) expected.set(domain, 'unknown');
      }
    }
  };

  await Promise.all(Array.from({ length: settings.clients }, (_, i) => runClient(i)));
  const elapsedMs = performance.now() - startedAt;
  if (faultTimer) clearTimeout(faultTimer);
  const memoryAfter = services.map((service) => memoryOf(service.pid));
  // Each service's own count of the month's changes, from its journal (in a fleet: the one they share).
  const journaled = await Promise.all(
    services.map(async (_, i) => {
      const body = (await ask(i, '{ serverDomainsQuota { changesThisMonth } }')) as
        | { data?: { serverDomainsQuota?: { changesThisMonth?: number } } }
        | undefined;
      return body?.data?.serverDomainsQuota?.changesThisMonth;
    }),
  );
  // A fleet's journal entry by entry, by effect: its pages asked of the replicas in turn (one cursor, any replica).
  let journalEffects: Counter | undefined;
  let journalProblem: string | undefined;
  if (fleet) {
    journalEffects = new Counter();
    let after: string | undefined;
    for (let page = 0; ; page++) {
      const body = (await ask(page % count, JOURNAL_PAGE, after === undefined ? {} : { after })) as
        | {
            data?: {
              serverDomainChanges?: {
                edges: { node: { effect: string } }[];
                pageInfo: { hasNextPage: boolean; endCursor: string | null };
              };
            };
          }
        | undefined;
      const connection = body?.data?.serverDomainChanges;
      if (!connection) {
        journalProblem = `page ${page + 1} of serverDomainChanges did not answer: ${shorten(JSON.stringify(body))}`;
        break;
      }
      for (const { node } of connection.edges) journalEffects.add(node.effect);
      if (!connection.pageInfo.hasNextPage || connection.pageInfo.endCursor === null) break;
      after = connection.pageInfo.endCursor;
    }
  }
  const serviceCpuAfter = services.map((service) => cpuSecondsOf(service.pid));
  const ownCpu = process.cpuUsage(ownCpuBefore);
  await Promise.all(pools.map((pool) => pool.close()));

  // ---- the simulator's view, before anything else can touch it
  const finalTesting = [...sim.platform.settings.testing];
  const finalPublished = sim.platform.settings.published ? [...sim.platform.settings.published] : null;
  const changesApplied = sim.platform.changesThisMonth;
  const upstream = new Counter();
  for (const call of sim.calls) upstream.add(call.kind === 'modify' ? (call.action ?? 'unknown') : call.kind);
  const monthAtEnd = quotaMonth(Date.now());

  // ---- stop the services, all at once
  const exits = await Promise.all(
    services.map(async (service) => {
      service.child.kill('SIGTERM');
      const stopTimer = setTimeout(() => service.child.kill('SIGKILL'), EXIT_TIMEOUT_MS);
      const exit = await service.exit;
      clearTimeout(stopTimer);
      return exit;
    }),
  );
  await sim.close();
  await redis?.close();

  // ---- checks
  const failures: string[] = [];
  if (http5xx > 0) failures.push(`${http5xx} HTTP 5xx answer(s)`);
  if (untyped.total() > 0) failures.push(`${untyped.total()} untyped error(s)`);

  const listed = new Set(finalTesting);
  let checked = 0;
  let skipped = 0;
  const mismatches: string[] = [];
  for (const [domain, known] of expected) {
    if (known === 'unknown') {
      skipped += 1;
      continue;
    }
    checked += 1;
    if ((known === 'present') !== listed.has(domain))
      mismatches.push(`${domain}: expected ${known}, ${listed.has(domain) ? 'listed' : 'not listed'}`);
  }
  for (const domain of INITIAL_DOMAINS) if (!listed.has(domain)) mismatches.push(`${domain}: initial domain missing`);
  for (const domain of finalTesting) {
    if (!expected.has(domain) && !INITIAL_DOMAINS.includes(domain)) mismatches.push(`${domain}: listed, but no client owns it`);
  }
  if (JSON.stringify(finalPublished) !== JSON.stringify(INITIAL_DOMAINS)) {
    mismatches.push(`published changed (no mutation sets publishTogether): ${JSON.stringify(finalPublished)}`);
  }
  if (mismatches.length > 0) failures.push(`final state differs from the successful mutations in ${mismatches.length} place(s)`);

  const upperBound = successfulMutations + mayHaveApplied + ambiguousUntyped;
  const sameMonth = monthAtStart === monthAtEnd;
  let changesVerdict: string;
  if (!sameMonth) {
    changesVerdict = `not checked: the quota month changed during the run (${monthAtStart} → ${monthAtEnd})`;
  } else if (changesApplied < successfulMutations) {
    changesVerdict = `LOST: fewer than the ${successfulMutations} successful mutations`;
    failures.push(`simulator applied ${changesApplied} changes, fewer than the ${successfulMutations} mutations that returned success`);
  } else if (changesApplied > upperBound) {
    changesVerdict = `TOO MANY: more than ${upperBound} (successes + may-have-applied)`;
    failures.push(`simulator applied ${changesApplied} changes, more than ${upperBound} = successes + may-have-applied`);
  } else {
    changesVerdict = `ok, within [${successfulMutations}, ${upperBound}]`;
  }

  // Applied and may-have-applied changes are journaled as spent: at least what WeChat applied, at most the bound.
  let journalVerdict: string;
  const counted = journaled[0];
  if (!sameMonth) {
    journalVerdict = 'not checked: the quota month changed during the run';
  } else if (journaled.some((n) => n === undefined)) {
    journalVerdict = 'MISSING: serverDomainsQuota did not answer';
    failures.push('serverDomainsQuota.changesThisMonth could not be read');
  } else if (journaled.some((n) => n !== counted)) {
    journalVerdict = `DIFFERENT per replica: ${journaled.join(', ')}`;
    failures.push(`the replicas count different changes this month: ${journaled.join(', ')}`);
  } else if (counted! < changesApplied || counted! > upperBound) {
    journalVerdict = `WRONG: ${counted}, outside [${changesApplied}, ${upperBound}]`;
    failures.push(`the journal counts ${counted} changes, outside [${changesApplied} applied by the simulator, ${upperBound}]`);
  } else {
    journalVerdict = `ok, ${counted} within [${changesApplied}, ${upperBound}]${fleet ? `, the same on all ${count} replicas` : ''}`;
  }

  // ---- a fleet: one token call, the shared journal entry by entry, read-your-writes across replicas
  const fleetLines: string[] = [];
  if (fleet) {
    const tokenCalls = upstream.get('token');
    if (tokenCalls !== 1) failures.push(`${tokenCalls} api_component_token calls for the fleet, not exactly one`);
    fleetLines.push(
      `fleet: ${count} replicas on one Redis; requests by replica: ${requestsByReplica.format()}`,
      `api_component_token calls for the whole fleet: ${tokenCalls}${tokenCalls === 1 ? ' (ok, exactly one)' : ' (WRONG: not exactly one)'}`,
    );
    if (journalProblem || !journalEffects) {
      failures.push(`the shared journal could not be read: ${journalProblem}`);
      fleetLines.push(`journal entries (Redis): MISSING: ${journalProblem}`);
    } else {
      // Each answered change has one entry with the effect its answer implied; an untyped answer may add one of any effect.
      const implied: Record<(typeof EFFECTS)[number], number> = {
        APPLIED: successfulMutations,
        NO_OP: noOps,
        UNKNOWN: mayHaveApplied,
        REFUSED: notApplied,
      };
      const entryProblems: string[] = [];
      for (const effect of EFFECTS) {
        const got = journalEffects.get(effect);
        if (got < implied[effect] || got > implied[effect] + ambiguousUntyped)
          entryProblems.push(
            `${effect} ${got}, the answers imply ${implied[effect]}${ambiguousUntyped > 0 ? ` (+ up to ${ambiguousUntyped})` : ''}`,
          );
      }
      const answered = successfulMutations + noOps + mayHaveApplied + notApplied;
      const entries = journalEffects.total();
      if (entries < answered || entries > answered + ambiguousUntyped)
        entryProblems.push(
          `${entries} entries for ${answered} answered changes${ambiguousUntyped > 0 ? ` (+ up to ${ambiguousUntyped} untyped)` : ''}`,
        );
      const spent = journalEffects.get('APPLIED') + journalEffects.get('UNKNOWN');
      if (sameMonth && (changesApplied < journalEffects.get('APPLIED') || changesApplied > spent))
        entryProblems.push(
          `the simulator applied ${changesApplied}, outside [APPLIED ${journalEffects.get('APPLIED')}, APPLIED + UNKNOWN ${spent}]`,
        );
      if (sameMonth && counted !== undefined && counted !== spent)
        entryProblems.push(`changesThisMonth ${counted} differs from its entries' APPLIED + UNKNOWN ${spent}`);
      if (entryProblems.length > 0)
        failures.push(`the shared journal does not match the answers and the simulator: ${entryProblems.join('; ')}`);
      fleetLines.push(
        `journal entries (Redis): ${entries} (${journalEffects.format()}); ${
          entryProblems.length === 0
            ? `ok: one per answered change, with the effect its answer implied; the simulator's ${changesApplied} changes within [APPLIED, APPLIED + UNKNOWN]`
            : `WRONG: ${entryProblems.join('; ')}`
        }`,
      );
    }
    // Read-your-writes across replicas is pinned: an answer that contradicts a client's own confirmed change fails the run.
    if (staleViews > 0) failures.push(`${staleViews} answer(s) contradicted a client's own confirmed change made on another replica`);
  }

  const badExits = exits.filter(({ code }) => code !== 0);
  if (badExits.length > 0) {
    failures.push(
      fleet
        ? `${badExits.length} replica(s) did not exit 0 on SIGTERM (${exits.map(({ code, signal }, i) => `${services[i]!.label}: ${signal ?? code}`).join(', ')})`
        : `the service exited with ${exits[0]!.signal ?? exits[0]!.code} on SIGTERM, not 0`,
    );
  }

  // ---- summary
  const sorted = (values: number[]) => Float64Array.from(values).sort();
  const all = sorted(latencies.all);
  const reads = sorted(latencies.read);
  const writes = sorted(latencies.write);
  const total = latencies.all.length;
  const typedLines = typed
    .entries()
    .map(([name, n]) => `${name} ${n} (${typedByOp.get(name)!.format()})`)
    .join(', ');
  const perService = (describe: (i: number) => string) =>
    fleet ? services.map((service, i) => `${service.label} ${describe(i)}`).join('; ') : describe(0);
  const serviceCpu = (i: number) => {
    const before = serviceCpuBefore[i];
    const after = serviceCpuAfter[i];
    return cpuShare(before === undefined || after === undefined ? undefined : after - before, elapsedMs);
  };
  const exitOf = (i: number) => String(exits[i]!.signal ?? exits[i]!.code);
  const lines = [
    `requests: ${total} total in ${(elapsedMs / 1000).toFixed(1)} s, ${(total / (elapsedMs / 1000)).toFixed(1)} requests/s (${requestsByOp.format()})`,
    `latency ms: p50 ${ms(percentile(all, 50))}, p99 ${ms(percentile(all, 99))}, max ${ms(all[all.length - 1] ?? Number.NaN)}` +
      ` | reads p50 ${ms(percentile(reads, 50))} p99 ${ms(percentile(reads, 99))}` +
      ` | writes p50 ${ms(percentile(writes, 50))} p99 ${ms(percentile(writes, 99))}`,
    `typed results by __typename: ${typedLines || 'none'}`,
    `mutations: ${successfulMutations} applied, ${noOps} no-ops (nothing sent), ${mayHaveApplied} may have applied (UpstreamUnavailableError), ${notApplied} not applied (other typed errors), ${ambiguousUntyped} untyped`,
    `HTTP 5xx: ${http5xx}`,
    `untyped errors: ${untyped.total()}${untyped.total() > 0 ? ` (${untyped.format()})` : ''}`,
    ...[...http5xxSamples, ...untypedSamples].map((s) => `  e.g. ${s}`),
    `read-your-writes: ${
      staleViews === 0
        ? `every successful answer listed each client's known domains as expected${fleet ? ', whichever replica answered' : ''}`
        : `${staleViews} answer(s) contradicted a client's own confirmed mutations${fleet ? '' : ' (not fatal)'}`
    }`,
    ...staleSamples.map((s) => `  e.g. ${s}`),
    `service RSS: ${perService((i) => `${mb(memoryBefore[i]?.rssKb)} before, ${mb(memoryAfter[i]?.rssKb)} after (peak ${mb(memoryAfter[i]?.peakKb)})`)}`,
    `CPU during the load: service ${perService(serviceCpu)}, ` +
      `this process (clients + simulator) ${cpuShare((ownCpu.user + ownCpu.system) / 1e6, elapsedMs)}, on ${availableParallelism()} CPU(s)`,
    `upstream calls by action: ${upstream.format()} (total ${upstream.total()}; ${(upstream.get('get') / Math.max(1, requestsByOp.get('read'))).toFixed(3)} get per read request)`,
    `faults injected: ${settings.faults ? `${FAULTS.reduce((n, f) => n + (f.times ?? 1), 0)} scripted answers (${FAULTS.map((f) => `${f.action} ${f.errcode !== undefined ? `errcode ${f.errcode}` : f.status ? `HTTP ${f.status}` : f.brokenBody ? 'broken body' : 'drop'}${f.applyFirst ? ' after applying' : ''} ×${f.times ?? 1}`).join(', ')})` : 'none'}`,
    `changes applied by the simulator: ${changesApplied}, ${changesVerdict}`,
    `changes this month in the service's journal: ${journalVerdict}`,
    ...fleetLines,
    `final state: ${checked} domains checked, ${skipped} unknown skipped, ${mismatches.length} mismatch(es); ${finalTesting.length} testing domains`,
    ...mismatches.slice(0, 10).map((m) => `  ${m}`),
    `service log: ${perService((i) => services[i]!.logLevels.format())}`,
    ...services.flatMap((service) => service.logProblems.map((l) => `  ${fleet ? `${service.label}: ` : ''}${l}`)),
    `service exit on SIGTERM: ${fleet && exits.every(({ code }) => code === 0) ? '0' : perService(exitOf)}`,
    failures.length === 0 ? 'PASS' : `FAIL: ${failures.join('; ')}`,
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
  return failures.length === 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`loadtest: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
