import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { readDockerfile } from '../support/dockerfile.js';
import { cleanEnv, ROOT, type Running, startProcess } from '../support/process.js';
import { describeWithRedis, freePort, type RedisServer, startRedis, until } from '../support/redis.js';
import { mint, TEST_SECRET } from '../support/tokens.js';

// Docker cannot run on the machines that run these tests: compose.yaml is read as YAML (merge keys resolved, as
// Compose does) and checked for what `docker compose up` relies on, then its settings are run as processes.

interface ComposeService {
  build?: string;
  image?: string;
  command?: string[];
  environment?: Record<string, string>;
  ports?: string[];
  depends_on?: string[];
  volumes?: string[];
  healthcheck?: { disable?: boolean };
}

const compose = parse(readFileSync(join(ROOT, 'compose.yaml'), 'utf8'), { merge: true }) as {
  services: Record<string, ComposeService>;
  volumes?: Record<string, unknown>;
};
const services = Object.entries(compose.services);
const [redisName, redis] = services.find(([, s]) => /^(redis|valkey\/valkey):\d/.test(s.image ?? '')) ?? [];
const [simulatorName, simulator] = services.find(([, s]) => s.command?.join(' ') === 'node dist/wechat/simulator/standalone.js') ?? [];
/** The replicas run the image's own command (node dist/main.js). */
const replicas = services.filter(([, s]) => s.build !== undefined && s.command === undefined);
const env = (service: ComposeService | undefined) => service?.environment ?? {};
/** The platform's settings, which the simulator plays and the replicas serve. */
const PLATFORM = [
  'WECHAT_COMPONENT_APPID',
  'WECHAT_COMPONENT_APPSECRET',
  'WECHAT_COMPONENT_VERIFY_TICKET',
  'WECHAT_EVENT_TOKEN',
  'WECHAT_EVENT_AES_KEY',
];
const pick = (record: Record<string, string>, names: string[]) => Object.fromEntries(names.map((n) => [n, record[n]]));

describe('compose.yaml', () => {
  it('runs two replicas of the image the Dockerfile builds, each published on its own loopback port', () => {
    expect(replicas.map(([name]) => name)).toHaveLength(2);
    const hostPorts = replicas.map(([, s]) => {
      expect(s.build).toBe('.');
      expect(s.image).toBe(replicas[0]![1].image);
      expect(s.ports).toHaveLength(1);
      // 127.0.0.1:<host port>:4000, the image's PORT.
      const [host, port, container] = s.ports![0]!.split(':');
      expect(host).toBe('127.0.0.1');
      expect(container).toBe('4000');
      return port;
    });
    expect(new Set(hostPorts).size).toBe(hostPorts.length);
  });

  it('points every replica at the same Redis and the same platform, and starts Redis first', () => {
    expect(redisName).toBeDefined();
    for (const [, replica] of replicas) {
      expect(env(replica).REDIS_URL).toBe(`redis://${redisName}:6379`);
      expect(env(replica).WECHAT_COMPONENT_APPID).toBe(env(replicas[0]![1]).WECHAT_COMPONENT_APPID);
      expect(replica.depends_on).toContain(redisName);
    }
  });

  it('takes AUTH_JWT_SECRET from the shell, required, and never writes one in the file', () => {
    for (const [, replica] of replicas) expect(env(replica).AUTH_JWT_SECRET).toMatch(/^\$\{AUTH_JWT_SECRET:\?[^}]+\}$/);
  });

  it("keeps Redis's data (the change journal) on a named volume, with append-only persistence", () => {
    expect(redis?.command?.join(' ')).toMatch(/^redis-server .*--appendonly yes\b/);
    const [volume, path] = (redis?.volumes?.[0] ?? '').split(':');
    expect(path).toBe('/data');
    expect(compose.volumes).toHaveProperty(volume!);
  });

  it('runs the simulator from the same image, playing the platform the replicas serve, pushing its tickets to one replica', () => {
    expect(simulatorName).toBeDefined();
    expect(simulator!.image).toBe(replicas[0]![1].image);
    // The entry point is in the image: the build stage compiles src/ (tsconfig.build.json: src → dist) and the
    // final stage copies its dist/, so the command's file is the build's output of a source file that exists.
    const entry = simulator!.command![1]!;
    expect(existsSync(join(ROOT, entry.replace(/^dist\//, 'src/').replace(/\.js$/, '.ts')))).toBe(true);
    const { build, final } = readDockerfile();
    expect(build.some((i) => i.keyword === 'COPY' && /^src \.\/src$/.test(i.args))).toBe(true);
    expect(build.some((i) => i.keyword === 'RUN' && /tsconfig\.build\.json|npm run build/.test(i.args))).toBe(true);
    expect(final.some((i) => i.keyword === 'COPY' && /^--from=\S+ \/app\/dist \.\/dist$/.test(i.args))).toBe(true);
    // The image's health check asks /health, which the simulator does not serve.
    expect(simulator!.healthcheck?.disable).toBe(true);
    for (const [, replica] of replicas) {
      expect(pick(env(replica), PLATFORM)).toEqual(pick(env(simulator), PLATFORM));
      expect(env(replica).WECHAT_API_BASE_URL).toBe(`http://${simulatorName}:${env(simulator).PORT}`);
      expect(replica.depends_on).toContain(simulatorName);
    }
    const target = new URL(env(simulator).SIMULATOR_PUSH_TO!);
    expect(replicas.map(([name]) => name)).toContain(target.hostname);
    expect(`${target.port}${target.pathname}`).toBe('4000/wechat/events');
  });
});

/** Starts the standalone simulator with `environment` and resolves with its URL and its log so far. */
async function startSimulatorProcess(environment: Record<string, string>): Promise<{ child: ChildProcess; url: string; log: string[] }> {
  const child = spawn(process.execPath, ['dist/wechat/simulator/standalone.js'], {
    cwd: ROOT,
    env: cleanEnv(environment),
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const log: string[] = [];
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the simulator did not start:\n${log.join('\n')}`)), 10_000);
    createInterface({ input: child.stdout! }).on('line', (line) => {
      log.push(line);
      const simulatorUrl = line.startsWith('{') ? (JSON.parse(line) as { simulatorUrl?: string }).simulatorUrl : undefined;
      if (simulatorUrl) {
        clearTimeout(timer);
        resolve(simulatorUrl);
      }
    });
    child.once('exit', (code) => reject(new Error(`the simulator exited with ${code}:\n${log.join('\n')}`)));
  });
  return { child, url, log };
}

/** Polls `url` until it answers 200 (a replica's /ready once it can have a token), or fails after `timeoutMs`. */
async function answers200(url: string, timeoutMs: number): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  let last = 'no answer';
  while (performance.now() < deadline) {
    try {
      const response = await fetch(url);
      last = `${response.status} ${await response.text()}`;
      if (response.status === 200) return;
    } catch (error) {
      last = (error as Error).message;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${url} did not answer 200 within ${timeoutMs} ms (last: ${last})`);
}

describeWithRedis('compose.yaml’s settings, run as processes (Redis and the simulator on loopback)', () => {
  let redisServer: RedisServer | undefined;
  let sim: { child: ChildProcess; url: string; log: string[] } | undefined;
  const running: Running[] = [];
  afterAll(async () => {
    for (const replica of running) await replica.stop('SIGKILL');
    sim?.child.kill('SIGKILL');
    await redisServer?.close();
  });

  it('starts both replicas on one Redis and one token call; a change through one is read through the other; the push is taken', async () => {
    redisServer = await startRedis();
    const ports = new Map<string, number>();
    for (const [name] of replicas) ports.set(name, await freePort());
    // Host names become loopback addresses: each service's name stands for where it runs here.
    const pushTo = new URL(env(simulator).SIMULATOR_PUSH_TO!);
    pushTo.host = `127.0.0.1:${ports.get(pushTo.hostname)}`;
    sim = await startSimulatorProcess({ ...env(simulator), HOST: '127.0.0.1', PORT: '0', SIMULATOR_PUSH_TO: pushTo.href });
    for (const [name, replica] of replicas) {
      running.push(
        await startProcess(process.execPath, ['dist/main.js'], {
          ...env(replica),
          // What the image sets, and AUTH_JWT_SECRET as the shell would give it.
          NODE_ENV: 'production',
          HOST: '127.0.0.1',
          PORT: String(ports.get(name)),
          AUTH_JWT_SECRET: TEST_SECRET,
          REDIS_URL: env(replica).REDIS_URL!.replace(`${redisName}:6379`, `127.0.0.1:${redisServer.port}`),
          WECHAT_API_BASE_URL: sim.url,
        }),
      );
    }
    const [first, second] = running as [Running, Running];
    for (const replica of running) await answers200(`${replica.url}/ready`, 10_000);
    const token = await mint({ scope: 'server-domains:write', sub: 'compose' });
    const graphql = async (url: string, query: string) => {
      const response = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query }),
      });
      return (await response.json()) as { data: Record<string, { __typename: string; testing?: string[] }> };
    };
    const added = await graphql(
      first.url,
      'mutation { addDomains(input: { domains: ["compose.example.com"] }) { __typename ... on ServerDomains { testing } } }',
    );
    expect(added.data.addDomains).toMatchObject({ __typename: 'ServerDomains', testing: expect.arrayContaining(['compose.example.com']) });
    const read = await graphql(second.url, '{ serverDomains { __typename ... on ServerDomains { testing } } }');
    expect(read.data.serverDomains).toMatchObject({
      __typename: 'ServerDomains',
      testing: expect.arrayContaining(['compose.example.com']),
    });

    const stats = (await (await fetch(`${sim.url}/__simulator/stats`)).json()) as { byAction: Record<string, number> };
    expect(stats.byAction.token).toBe(1);
    // The compose file's event settings are the simulator's and the replicas': the push to replica 1 is answered `success`.
    await until(() => sim!.log.some((line) => line.includes('pushed a component_verify_ticket')), 15_000);
    for (const replica of running) expect(await replica.stop()).toBe(0);
    running.length = 0;
    sim.child.kill('SIGTERM');
    expect((await once(sim.child, 'exit'))[0]).toBe(0);
  }, 60_000);
});
