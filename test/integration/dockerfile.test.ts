import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { envOf, type Instruction, readDockerfile } from '../support/dockerfile.js';
import { heapNodeOptions, startArgs } from '../support/node-options.js';
import { ROOT, startProcess } from '../support/process.js';

const { all, build, final } = readDockerfile();
const args = (stage: Instruction[], keyword: string) => stage.filter((i) => i.keyword === keyword).map((i) => i.args);
const imageEnv = envOf(final);

describe('Dockerfile', () => {
  it('is multi-stage on Node 24 LTS (node:24-bookworm-slim) throughout', () => {
    expect(all.length).toBeGreaterThanOrEqual(2);
    for (const stage of all) expect(stage[0]!.args).toMatch(/^node:24-bookworm-slim(\s+AS\s+\S+)?$/i);
    expect(build[0]!.args).toMatch(/\sAS\s+build$/i);
  });

  it('builds dist/ with the full toolchain in the build stage', () => {
    const runs = args(build, 'RUN').join('\n');
    expect(runs).toMatch(/\bnpm ci\b/);
    expect(runs).toMatch(/\bnpm run build\b/);
  });

  it('installs production dependencies only in the final stage, and copies dist/ from the build', () => {
    const runs = args(final, 'RUN');
    expect(runs.some((r) => /\bnpm ci\b[^&;]*--omit=dev/.test(r))).toBe(true);
    // No install of the dev dependencies (an `npm ci`/`npm install` without --omit=dev) in the image.
    for (const run of runs) {
      for (const install of run.match(/\bnpm (ci|install|i)\b[^&;|]*/g) ?? []) expect(install).toContain('--omit=dev');
    }
    expect(args(final, 'COPY').some((c) => /--from=build\s+\S*dist\/?\s+\S*dist/.test(c))).toBe(true);
  });

  it('runs as the non-root node user', () => {
    const users = args(final, 'USER');
    expect(users.at(-1)).toBe('node');
    const lastUser = final.findLastIndex((i) => i.keyword === 'USER');
    expect(lastUser).toBeLessThan(final.findIndex((i) => i.keyword === 'CMD'));
  });

  it('sizes both generations of the V8 heap itself, in the one file npm start reads too', () => {
    // Node 22+ sizes the young generation from the host's memory; the memory test runs these options.
    expect(imageEnv.NODE_OPTIONS).toBeUndefined();
    expect(args(final, 'COPY')).toContain('node-options.env ./');
    const options = heapNodeOptions().split(/\s+/);
    expect(options.some((o) => /^--max-old-space-size=\d+$/.test(o))).toBe(true);
    expect(options.some((o) => /^--max-semi-space-size=\d+$/.test(o))).toBe(true);
  });

  it('sets NODE_ENV=production, HOST=0.0.0.0, PORT=4000 and exposes that port', () => {
    expect(imageEnv).toMatchObject({ NODE_ENV: 'production', HOST: '0.0.0.0', PORT: '4000' });
    expect(args(final, 'EXPOSE')).toContain('4000');
  });

  it('keeps DATA_DIR=/data on a volume the node user owns (created before VOLUME, which discards later changes)', () => {
    expect(imageEnv.DATA_DIR).toBe('/data');
    const volumes = args(final, 'VOLUME');
    expect(volumes).toHaveLength(1);
    expect(JSON.parse(volumes[0]!)).toEqual(['/data']);
    const volumeAt = final.findIndex((i) => i.keyword === 'VOLUME');
    const prepared = final.findIndex(
      (i) =>
        i.keyword === 'RUN' &&
        /mkdir -p \/data\b/.test(i.args) &&
        /chown node:node \/data\b/.test(i.args) &&
        /chmod 700 \/data\b/.test(i.args),
    );
    expect(prepared).toBeGreaterThan(0);
    expect(prepared).toBeLessThan(volumeAt);
    // Nothing runs as root after the volume is declared (it would be lost, or own files the service cannot replace).
    expect(final.slice(volumeAt).filter((i) => i.keyword === 'RUN')).toEqual([]);
  });

  it('has a HEALTHCHECK on /health with node’s fetch (no curl in the slim image)', () => {
    const [healthcheck, ...more] = args(final, 'HEALTHCHECK');
    expect(more).toEqual([]);
    expect(healthcheck).toMatch(/\bCMD\s+node\b/);
    expect(healthcheck).toContain('fetch(');
    expect(healthcheck).toMatch(/127\.0\.0\.1[^/]*\/health\b/);
    expect(healthcheck).not.toMatch(/\b(curl|wget)\b/);
  });

  it('starts node directly as npm start does (exec form, not npm start), so SIGTERM reaches the service', () => {
    const cmds = args(final, 'CMD');
    expect(cmds).toHaveLength(1);
    expect(startArgs()).toEqual(['--env-file=node-options.env', 'dist/main.js']);
    expect(JSON.parse(cmds[0]!)).toEqual(['node', ...startArgs()]);
    expect(args(final, 'ENTRYPOINT')).toEqual([]);
  });

  it('dist/main.js is what the build produces from src/main.ts', () => {
    const buildConfig = JSON.parse(readFileSync(`${ROOT}tsconfig.build.json`, 'utf8'));
    expect(buildConfig.compilerOptions).toMatchObject({ outDir: 'dist', rootDir: 'src' });
    const pkg = JSON.parse(readFileSync(`${ROOT}package.json`, 'utf8'));
    expect(pkg.scripts.start).toBe('node --env-file=node-options.env dist/main.js');
  });
});

describe('.dockerignore', () => {
  it('keeps local installs, builds, results and the git directory out of the build context', () => {
    const entries = readFileSync(`${ROOT}.dockerignore`, 'utf8')
      .split('\n')
      .map((line) => line.trim().replace(/^\/|\/$/g, ''));
    for (const entry of ['node_modules', 'dist', 'test-results', '.git', 'bench/results', 'coverage']) expect(entries).toContain(entry);
  });
});

describe('the README’s docker run example', () => {
  const readme = readFileSync(`${ROOT}README.md`, 'utf8');
  const deploy = readme.slice(readme.indexOf('## Deploy'));
  /** The `docker run` command, its `\`-continued lines joined. */
  const command = (() => {
    const lines = deploy.split('\n');
    const first = lines.findIndex((l) => l.startsWith('docker run '));
    let text = '';
    for (let i = first; i >= 0 && i < lines.length; i++) {
      text += ` ${lines[i]!.replace(/\\$/, '')}`;
      if (!lines[i]!.endsWith('\\')) break;
    }
    return text;
  })();

  it('mounts a volume at the image’s DATA_DIR', () => {
    expect(command).toMatch(/\s-v \S+:\/data\s/);
  });

  it('passes every setting live mode needs: the service starts with them (and the image’s ENV)', async () => {
    const names = [...command.matchAll(/\s-e ([A-Z_]+)(?:=\S*)?/g)].map((m) => m[1]!);
    expect(names).toContain('AUTH_JWT_SECRET');
    // Values of the right shape for each name the example passes from the shell.
    const samples: Record<string, string> = {
      WECHAT_COMPONENT_APPID: 'wx0123456789abcdef',
      WECHAT_COMPONENT_APPSECRET: 'an-app-secret',
      WECHAT_EVENT_TOKEN: 'eventtoken',
      WECHAT_EVENT_AES_KEY: 'abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG',
      AUTH_JWT_SECRET: 'a'.repeat(64),
    };
    for (const name of names) expect(samples, `a sample value for ${name}`).toHaveProperty(name);
    const dataDir = mkdtempSync(join(tmpdir(), 'wxa-docker-run-'));
    try {
      const env: Record<string, string> = {
        ...imageEnv,
        HOST: '127.0.0.1',
        PORT: '0',
        DATA_DIR: dataDir,
        WECHAT_API_BASE_URL: 'http://127.0.0.1:9',
      };
      for (const name of names) env[name] = samples[name]!;
      const running = await startProcess(process.execPath, ['dist/main.js'], env);
      expect(running.output()).toMatch(/Receiving WeChat's pushes/);
      expect(await running.stop()).toBe(0);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
